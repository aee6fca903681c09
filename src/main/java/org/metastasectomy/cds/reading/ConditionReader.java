package org.metastasectomy.cds.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.metastasectomy.cds.model.DiseaseStatus;
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Metastasis;
import org.metastasectomy.cds.model.Site;

/**
 * Reads the primary RCC and the metastases from Conditions, as EHRs code them (ICD-10-CM, SNOMED CT, mCODE). (Just over
 * 200 lines: the code tables of the three terminologies belong together.)
 */
final class ConditionReader {
  private ConditionReader() {}

  /** Entered-in-error and refuted Conditions never count. */
  static boolean counts(Condition c) {
    return !hasCode(c.getVerificationStatus(), Codes.CONDITION_VERIFICATION, "entered-in-error")
        && !hasCode(c.getVerificationStatus(), Codes.CONDITION_VERIFICATION, "refuted");
  }

  /**
   * The clinicalStatus (FHIR condition-clinical): active, recurrence and relapse are active disease; inactive, remission
   * and resolved are not; absent or any other code is not recorded (never read as either).
   */
  static DiseaseStatus status(Condition c) {
    CodeableConcept status = c.getClinicalStatus();
    for (String code : List.of("active", "recurrence", "relapse")) {
      if (hasCode(status, Codes.CONDITION_CLINICAL, code)) {
        return DiseaseStatus.ACTIVE;
      }
    }
    for (String code : List.of("inactive", "remission", "resolved")) {
      if (hasCode(status, Codes.CONDITION_CLINICAL, code)) {
        return DiseaseStatus.NOT_ACTIVE;
      }
    }
    return DiseaseStatus.NOT_RECORDED;
  }

  static boolean isPrimaryRcc(Condition c) {
    for (Coding coding : c.getCode().getCoding()) {
      if (Codes.ICD10CM.equals(coding.getSystem()) && coding.hasCode() && coding.getCode().startsWith("C64")) {
        return true;
      }
      if (Codes.SNOMED.equals(coding.getSystem()) && Codes.RCC_SNOMED.contains(coding.getCode())) {
        return true;
      }
    }
    return morphology(c).map(Codes.RCC_MORPHOLOGY::contains).orElse(false);
  }

  /** ICD-O-3 morphology code from the mCODE histology-morphology-behavior extension. */
  static Optional<String> morphology(Condition c) {
    Extension ext = extension(c, Codes.MCODE_HISTOLOGY_EXTENSION);
    if (ext != null && ext.getValue() instanceof CodeableConcept cc) {
      return cc.getCoding().stream().filter(x -> Codes.ICDO3.equals(x.getSystem()) && x.getCode() != null)
          .map(Coding::getCode).findFirst();
    }
    return Optional.empty();
  }

  static Optional<Condition> primary(List<Condition> conditions) {
    return conditions.stream()
        .filter(ConditionReader::counts)
        .filter(ConditionReader::isPrimaryRcc)
        .min(Comparator.comparing(c -> Optional.ofNullable(diagnosisDate(c)).orElse(LocalDate.MAX)));
  }

  static LocalDate diagnosisDate(Condition c) {
    LocalDate onset = c.hasOnset() ? FhirDates.of(c.getOnset()) : null;
    return onset != null ? onset : FhirDates.of(c.getRecordedDateElement());
  }

  /**
   * The subtype the primary's morphology gives. Sarcomatoid (8318/3) is a feature that occurs in any subtype, not a
   * subtype: it leaves the subtype unknown (a finding counts once, as sarcomatoid).
   */
  static Fact<Histology> histology(Condition primary) {
    return morphology(primary).map(Histology::fromIcdO3)
        .filter(h -> h != Histology.SARCOMATOID)
        .map(h -> Fact.of(h, ref(primary)))
        .orElse(Fact.unknown());
  }

  /** The primary's morphology reports sarcomatoid RCC (ICD-O-3 8318/3). */
  static boolean reportsSarcomatoid(Condition primary) {
    return morphology(primary).filter(Histology.SARCOMATOID.icdO3()::equals).isPresent();
  }

  /** The metastases; an onset after today (beyond the clock-skew allowance) is unknown and listed as ignored. */
  static List<Metastasis> metastases(List<Condition> conditions, FutureDates dates) {
    List<Metastasis> out = new ArrayList<>();
    for (Condition c : conditions) {
      if (!counts(c) || isPrimaryRcc(c)) {
        continue;
      }
      Site site = metastasisSite(c);
      if (site != null) {
        out.add(new Metastasis(site, dates.fact(diagnosisDate(c), ref(c)), status(c), lesionCount(c), ref(c)));
      }
    }
    return out;
  }

  /** The site of a secondary-neoplasm Condition, or null when the Condition is not one. */
  static Site metastasisSite(Condition c) {
    for (Coding coding : c.getCode().getCoding()) {
      String code = coding.getCode();
      if (code == null) {
        continue;
      }
      if (Codes.ICD10CM.equals(coding.getSystem())) {
        Site site = icd10Site(code.toUpperCase());
        if (site != null) {
          return site;
        }
      }
      if (Codes.SNOMED.equals(coding.getSystem())) {
        Site site = Codes.METASTASIS_SNOMED.get(code);
        if (site != null) {
          return site;
        }
        if (Codes.SECONDARY_NEOPLASM_SNOMED.equals(code)) {
          return bodySite(c);
        }
      }
    }
    return null;
  }

  private static Site icd10Site(String code) {
    if (code.startsWith("C78.0")) {
      return Site.LUNG;
    }
    if (code.startsWith("C78.7")) {
      return Site.LIVER;
    }
    if (code.startsWith("C79.31")) {
      return Site.BRAIN;
    }
    if (code.startsWith("C79.51") || code.startsWith("C79.52")) {
      return Site.BONE;
    }
    if (code.startsWith("C77")) {
      return Site.LYMPH_NODE;
    }
    if (code.startsWith("C79.7")) {
      return Site.ADRENAL;
    }
    if (code.startsWith("C78") || code.startsWith("C79")) {
      return Site.OTHER;
    }
    return null;
  }

  private static Site bodySite(Condition c) {
    for (CodeableConcept cc : c.getBodySite()) {
      for (Coding coding : cc.getCoding()) {
        if (Codes.SNOMED.equals(coding.getSystem()) && Codes.BODY_SITE_SNOMED.containsKey(coding.getCode())) {
          return Codes.BODY_SITE_SNOMED.get(coding.getCode());
        }
      }
    }
    return Site.OTHER;
  }

  private static Fact<Integer> lesionCount(Condition c) {
    Extension ext = extension(c, Codes.LESION_COUNT_EXTENSION);
    if (ext != null && ext.getValue() instanceof IntegerType count && count.getValue() != null && count.getValue() > 0) {
      return Fact.of(count.getValue(), ref(c));
    }
    return Fact.unknown();
  }

  /**
   * The extension with this URL when there is one, or several that agree. Conflicting duplicates are no data (unknown),
   * never a guess; HAPI's getExtensionByUrl would throw on them (found by FuzzIT).
   */
  private static Extension extension(Condition c, String url) {
    List<Extension> found = c.getExtensionsByUrl(url);
    if (found.isEmpty()) {
      return null;
    }
    Extension first = found.get(0);
    return found.stream().allMatch(e -> e.equalsDeep(first)) ? first : null;
  }

  static boolean hasCode(CodeableConcept cc, String system, String code) {
    return cc != null && cc.getCoding().stream().anyMatch(x -> code.equals(x.getCode())
        && (x.getSystem() == null || system.equals(x.getSystem())));
  }

  static String ref(org.hl7.fhir.r4.model.Resource r) {
    return r.getResourceType().name() + "/" + (r.getIdElement().hasIdPart() ? r.getIdElement().getIdPart() : "?");
  }
}
