package org.metastasectomy.cds.model;

import java.util.List;

/** Five-year overall survival after metastasectomy at one site, as the review's Table 1 gives it. */
public record SurvivalRange(Site site, double lowPercent, double highPercent, String note, List<String> citations) {

  public SurvivalRange {
    citations = List.copyOf(citations);
  }

  public String text() {
    String range = lowPercent == highPercent ? fmt(lowPercent) + "%" : fmt(lowPercent) + "–" + fmt(highPercent) + "%";
    return note == null || note.isBlank() ? range : range + " (" + note + ")";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
