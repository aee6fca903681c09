package org.metastasectomy.cds.transparency;

import java.util.List;
import java.util.Locale;
import org.metastasectomy.cds.model.SurvivalRange;

/**
 * An inline SVG chart of the 5-year overall survival range per site: one horizontal bar from the lowest to the highest
 * published value on a 0–100% axis. A single value is drawn as a narrow mark. No script, no external asset.
 */
final class SurvivalChart {
  private static final int WIDTH = 760;
  private static final int LABEL = 110;
  private static final int PLOT = 440;
  private static final int ROW = 34;
  private static final int TOP = 12;
  private static final double MIN_BAR = 3;

  private SurvivalChart() {}

  static void write(HtmlWriter w, List<SurvivalRange> ranges) {
    int height = TOP + ranges.size() * ROW + 34;
    w.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", String.valueOf(WIDTH), "height", String.valueOf(height),
        "viewBox", "0 0 " + WIDTH + " " + height, "role", "img", "aria-labelledby", "survival-chart-title");
    w.element("title", "5-year overall survival after metastasectomy, range of published values by site",
        "id", "survival-chart-title");
    axis(w, ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      bar(w, ranges.get(i), TOP + i * ROW);
    }
    w.close("svg");
  }

  private static void axis(HtmlWriter w, int rows) {
    int bottom = TOP + rows * ROW;
    for (int pct = 0; pct <= 100; pct += 25) {
      String x = num(x(pct));
      w.empty("line", "x1", x, "x2", x, "y1", String.valueOf(TOP - 4), "y2", String.valueOf(bottom),
          "stroke", pct == 0 ? "#555" : "#d5d8e0", "stroke-width", "1");
      w.element("text", pct + "%", "x", x, "y", String.valueOf(bottom + 18), "font-size", "12",
          "text-anchor", "middle", "fill", "#333");
    }
  }

  private static void bar(HtmlWriter w, SurvivalRange r, int y) {
    double from = x(r.lowPercent());
    double width = Math.max(MIN_BAR, x(r.highPercent()) - from);
    String label = r.site().label();
    w.element("text", Character.toUpperCase(label.charAt(0)) + label.substring(1), "x", "0", "y", num(y + 20),
        "font-size", "14", "fill", "#1b1b1b");
    w.empty("rect", "x", num(from), "y", num(y + 6), "width", num(width), "height", "20", "rx", "2", "fill", "#3b6ea8");
    w.element("text", r.text(), "x", num(from + width + 6), "y", num(y + 20), "font-size", "13", "fill", "#1b1b1b");
  }

  private static double x(double percent) {
    return LABEL + PLOT * percent / 100.0;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
