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
import org.metastasectomy.cds.model.Fact;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Metastasis;
import org.metastasectomy.cds.model.Site;

/** Reads the primary RCC and the metastases from Conditions, as EHRs code them (ICD-10-CM, SNOMED CT, mCODE). */
final class ConditionReader {
  private ConditionReader() {}

  /** Entered-in-error and refuted Conditions never count. */
  static boolean counts(Condition c) {
    return !hasCode(c.getVerificationStatus(), Codes.CONDITION_VERIFICATION, "entered-in-error")
        && !hasCode(c.getVerificationStatus(), Codes.CONDITION_VERIFICATION, "refuted");
  }

  static boolean active(Condition c) {
    CodeableConcept status = c.getClinicalStatus();
    return !(hasCode(status, Codes.CONDITION_CLINICAL, "inactive")
        || hasCode(status, Codes.CONDITION_CLINICAL, "remission")
        || hasCode(status, Codes.CONDITION_CLINICAL, "resolved"));
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

  static Fact<Histology> histology(Condition primary) {
    return morphology(primary).map(Histology::fromIcdO3)
        .map(h -> Fact.of(h, ref(primary)))
        .orElse(Fact.unknown());
  }

  static List<Metastasis> metastases(List<Condition> conditions) {
    List<Metastasis> out = new ArrayList<>();
    for (Condition c : conditions) {
      if (!counts(c) || isPrimaryRcc(c)) {
        continue;
      }
      Site site = metastasisSite(c);
      if (site != null) {
        LocalDate onset = diagnosisDate(c);
        Fact<LocalDate> onsetFact = onset == null ? Fact.unknown() : Fact.of(onset, ref(c));
        out.add(new Metastasis(site, onsetFact, active(c), lesionCount(c), ref(c)));
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
