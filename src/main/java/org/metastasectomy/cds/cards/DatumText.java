package org.metastasectomy.cds.cards;

import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;
import org.metastasectomy.cds.model.Datum;
import org.metastasectomy.cds.model.Histology;
import org.metastasectomy.cds.model.Site;

/** A datum in plain words: "11.2 g/dL on 2026-10-01", "90%", "31 months". Never a FHIR reference. */
final class DatumText {
  private DatumText() {}

  /** The value with its unit, no date; "not recorded" when the datum is missing. */
  static String value(Datum d) {
    if (!d.known()) {
      return "not recorded";
    }
    Object v = d.value();
    String text;
    if (v instanceof Number n) {
      text = Numbers.fmt(n.doubleValue());
    } else if (v instanceof Boolean b) {
      text = b ? "yes" : "no";
    } else if (v instanceof Site s) {
      text = s.label();
    } else if (v instanceof Histology h) {
      text = h.label() + " (" + h.icdO3() + ")";
    } else if (v instanceof Collection<?> c) {
      text = c.stream().map(e -> e instanceof Site s ? s.label() : String.valueOf(e)).collect(Collectors.joining(", "));
    } else {
      text = String.valueOf(v);
    }
    return text + unit(d.unit());
  }

  /** The value, its unit and the date it describes: "11.2 g/dL on 2026-10-01". */
  static String dated(Datum d) {
    return d.date() == null ? value(d) : value(d) + " on " + d.date();
  }

  static String date(LocalDate date) {
    return String.valueOf(date);
  }

  /** Units as a clinician reads them: "%" sticks to the number, "10*9/L" is written ×10⁹/L. */
  static String unit(String unit) {
    if (unit == null || unit.isEmpty()) {
      return "";
    }
    if (unit.equals("%")) {
      return "%";
    }
    return " " + unit.replace("10*9/L", "×10⁹/L");
  }
}
