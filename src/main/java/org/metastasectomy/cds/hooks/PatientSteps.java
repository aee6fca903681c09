package org.metastasectomy.cds.hooks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.metastasectomy.cds.intake.InputCheck;
import org.metastasectomy.cds.intake.PrefetchData;
import org.metastasectomy.cds.intake.PrefetchResolver;
import org.metastasectomy.cds.model.Assessment;
import org.metastasectomy.cds.model.Assessor;
import org.metastasectomy.cds.reading.PatientFeatureMapper;
import org.metastasectomy.cds.reading.PatientRecordReader;
import org.metastasectomy.cds.reading.PatientRecords;

/** The steps every hook takes: request → patient record (prefetch, else the EHR) → features → assessment. */
public final class PatientSteps {
  private final PrefetchResolver resolver;
  private final InputCheck inputCheck;
  private final PatientRecords records;
  private final PatientFeatureMapper mapper;
  private final Assessor assessor;
  private final Clock clock;
  private final AssessmentMemo memo = new AssessmentMemo();

  public PatientSteps(PrefetchResolver resolver, InputCheck inputCheck, PatientRecords records, PatientFeatureMapper mapper,
      Assessor assessor, Clock clock) {
    this.resolver = resolver;
    this.inputCheck = inputCheck;
    this.records = records;
    this.mapper = mapper;
    this.assessor = assessor;
    this.clock = clock;
  }

  /**
   * The patient's record, when the patient has a renal cell carcinoma; empty otherwise. The Conditions are first looked
   * at as JSON, and parsed only when they may hold an RCC.
   */
  Optional<PatientRecordReader> recordWithRcc(Invocation call) {
    PrefetchData data = resolver.resolve(call.service(), call.request());
    call.resolved(data.unavailable());
    call.trail().inputCheck(inputCheck.check(data));
    PatientRecordReader record = records.read(data);
    LocalDate today = LocalDate.now(clock);
    String key = data.fetched().isEmpty() ? AssessmentMemo.key(call.prefetchDigest(), call.request().patientId(),
        call.request().fhirServer(), data.unavailable(), today, assessor.knowledge().version()) : null;
    call.assessmentKey(key, today);
    if (memo.has(key)) {
      return Optional.of(record); // this input was assessed before, which it is only when it holds an RCC
    }
    return record.mayHaveRcc() && PatientFeatureMapper.hasRcc(record.conditions()) ? Optional.of(record) : Optional.empty();
  }

  /**
   * The assessment of the record; the same input's (see {@link AssessmentMemo}) when everything came from the request's
   * prefetch, read from memory.
   */
  Assessment assess(PatientRecordReader record, Invocation call) {
    LocalDate today = call.assessmentDay() != null ? call.assessmentDay() : LocalDate.now(clock);
    Assessment a = memo.get(call.assessmentKey(), () -> assessor.assess(mapper.map(record.record(), today)));
    call.assessed(a);
    return a;
  }
}
