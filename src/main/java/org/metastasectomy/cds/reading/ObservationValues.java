package org.metastasectomy.cds.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;

/** The value of an Observation as a whole number: a score, a grade, a T/N/M category; never a guess from a fraction. */
final class ObservationValues {
  private static final Pattern GRADE = Pattern.compile("(?i)(?:\\bG|grade\\s*)([1-4])\\b");
  private static final Pattern BARE_DIGIT = Pattern.compile("^\\s*([0-9])\\s*$");
  private static final Pattern BARE_GRADE = Pattern.compile("^\\s*([1-4])\\s*$");

  private ObservationValues() {}

  /** A score (ECOG, Karnofsky): valueInteger, a whole valueQuantity, or a coded single digit. */
  static Optional<Integer> integer(Observation o) {
    if (o.hasValueIntegerType()) {
      return Optional.ofNullable(o.getValueIntegerType().getValue());
    }
    if (o.hasValueQuantity() && o.getValueQuantity().hasValue()) {
      try {
        return Optional.of(o.getValueQuantity().getValue().intValueExact());
      } catch (ArithmeticException notAWholeScore) {
        // 1.5 or 1e999 is no score; intValue() would have read 1e999 as 0
        return Optional.empty();
      }
    }
    if (o.hasValueCodeableConcept()) {
      for (Coding c : o.getValueCodeableConcept().getCoding()) {
        Matcher m = BARE_DIGIT.matcher(String.valueOf(c.getCode()));
        if (m.matches()) {
          return Optional.of(Integer.parseInt(m.group(1)));
        }
      }
    }
    return Optional.empty();
  }

  /** Fuhrman/ISUP grade 1–4: valueInteger, "G3" / "grade 3" in a code or text, or a bare digit. */
  static Optional<Integer> grade(Observation o) {
    if (o.hasValueIntegerType() && o.getValueIntegerType().getValue() != null) {
      int g = o.getValueIntegerType().getValue();
      return g >= 1 && g <= 4 ? Optional.of(g) : Optional.empty();
    }
    Optional<Integer> fromText = firstMatch(o, GRADE);
    if (fromText.isPresent()) {
      return fromText;
    }
    return firstMatch(o, BARE_GRADE);
  }

  /** The first number the pattern's group 1 finds in the value's codes, displays or text. */
  static Optional<Integer> firstMatch(Observation o, Pattern pattern) {
    for (String text : texts(o)) {
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  private static List<String> texts(Observation o) {
    List<String> out = new ArrayList<>();
    if (o.hasValueCodeableConcept()) {
      CodeableConcept cc = o.getValueCodeableConcept();
      cc.getCoding().forEach(c -> {
        if (c.hasCode()) {
          out.add(c.getCode());
        }
        if (c.hasDisplay()) {
          out.add(c.getDisplay());
        }
      });
      if (cc.hasText()) {
        out.add(cc.getText());
      }
    }
    if (o.hasValueStringType()) {
      out.add(o.getValueStringType().getValue());
    }
    return out;
  }
}
