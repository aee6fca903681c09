package org.metastasectomy.bench.jmh;

import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.PatientRecord;
import org.metastasectomy.cds.reading.ReferenceRangeDefaults;
import org.metastasectomy.cds.model.PatientFeatures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The service's feature extraction ({@link PatientFeatureMapper}) on already-parsed HAPI resources: request (a), the
 * metastatic RCC patient with ~100 resources, and the cheap RCC check that decides the common case (b).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FeatureExtractionBenchmark {
  private PatientRecord rccPatient;
  private PatientRecord noRccPatient;
  private PatientFeatureMapper mapper;
  private LocalDate asOf;

  @Setup
  public void setUp() throws IOException {
    rccPatient = ServiceFixtures.record(ServiceFixtures.body("a"));
    noRccPatient = ServiceFixtures.record(ServiceFixtures.body("b"));
    mapper = new PatientFeatureMapper(90, ReferenceRangeDefaults.none());
    asOf = ServiceFixtures.asOf();
  }

  /** Request (a): every feature of a metastatic RCC patient. */
  @Benchmark
  public PatientFeatures mapRccPatient() {
    return mapper.map(rccPatient, asOf);
  }

  /** Request (b): the check that a patient has no RCC, which is all the common case needs. */
  @Benchmark
  public boolean hasRccNoRccPatient() {
    return PatientFeatureMapper.hasRcc(noRccPatient.conditions());
  }
}
