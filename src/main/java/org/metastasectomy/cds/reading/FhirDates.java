package org.metastasectomy.cds.reading;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/** Calendar dates from FHIR date/dateTime/Period values, in the timezone the EHR wrote them (no UTC shift). */
final class FhirDates {
  private FhirDates() {}

  static LocalDate of(BaseDateTimeType dt) {
    if (dt == null || dt.getValue() == null) {
      return null;
    }
    Integer month = dt.getMonth();
    Integer day = dt.getDay();
    return LocalDate.of(dt.getYear(), month == null ? 1 : month + 1, day == null ? 1 : day);
  }

  /** dateTime, or the start of a Period; null for other types (Age, Range, string). */
  static LocalDate of(Type value) {
    if (value instanceof BaseDateTimeType dt) {
      return of(dt);
    }
    if (value instanceof Period p && p.hasStart()) {
      return of(p.getStartElement());
    }
    return null;
  }

  static LocalDate of(java.util.Date date, DateTimeType element) {
    return date == null ? null : of(element);
  }
}
