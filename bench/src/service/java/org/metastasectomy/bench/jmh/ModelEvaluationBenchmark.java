package org.metastasectomy.bench.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.ReferenceRangeDefaults;
import org.metastasectomy.cds.knowledge.KnowledgeLoader;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.model.PatientFeatures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The prognostic model ({@link Assessor}: IMDC, MSKCC, the metastasectomy evidence profile, candidacy) on the features
 * of request (a), with the knowledge the service loads from cds-hooks/knowledge/ at start-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ModelEvaluationBenchmark {
  private Assessor assessor;
  private PatientFeatures features;

  @Setup
  public void setUp() throws IOException {
    assessor = new Assessor(KnowledgeLoader.loadFromClasspath().model());
    features = new PatientFeatureMapper(90, ReferenceRangeDefaults.none())
        .map(ServiceFixtures.record(ServiceFixtures.body("a")), ServiceFixtures.asOf());
  }

  /** Request (a): the whole assessment of a metastatic RCC patient. */
  @Benchmark
  public Assessment assessRccPatient() {
    return assessor.assess(features);
  }
}
