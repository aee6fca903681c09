package org.metastasectomy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Writes the markdown report of bench/overload.sh from its results.jsonl. */
public final class OverloadReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OverloadReport() {}

  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args.require("results")))) {
      if (!line.isBlank()) {
        rows.add(JSON.readTree(line));
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("# Overload test, ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append("\n\n");
    md.append("`").append(args.get("command", "bench/overload.sh")).append("` on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores; service JVM `").append(args.get("java-opts", "")).append(" -XX:+ExitOnOutOfMemoryError`; load average at the end ")
        .append(loadAverage()).append(".\n\n");
    md.append("- `service`: ").append(Path.of(args.require("jar")).getFileName()).append('\n');
    if (!args.get("compare-jar", "").isEmpty()) {
      md.append("- `compared`: ").append(args.get("compare-jar", "")).append('\n');
    }
    md.append("\n## Large requests: clients posting a valid ~5 MB patient-view request back to back\n\n");
    md.append("| jar | clients | answers | latency p50 / p99 / max (s) | heap in use, max / capacity (MB) | full GCs | liveness ok / failed (slowest ms) | alive and live after |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (JsonNode r : rows) {
      if (r.path("scenario").asText().equals("large-bodies")) {
        md.append("| ").append(r.path("jar").asText()).append(" | ").append(r.path("concurrency").asInt())
            .append(" | ").append(answers(r.path("answers")))
            .append(" | ").append(sec(r, "p50_ms")).append(" / ").append(sec(r, "p99_ms")).append(" / ").append(sec(r, "max_ms"))
            .append(" | ").append(r.path("heap_max_used_mb").asInt()).append(" / ").append(r.path("heap_capacity_mb").asInt())
            .append(" | ").append(r.path("full_gcs").asInt())
            .append(" | ").append(r.path("liveness_ok").asInt()).append(" / ").append(r.path("liveness_failed").asInt())
            .append(" (").append(r.path("liveness_max_ms").asInt()).append(")")
            .append(" | ").append(r.path("process_alive").asBoolean() && r.path("liveness_after").asBoolean() ? "yes" : "**no**")
            .append(" |\n");
      }
    }
    md.append("\n## Slow senders: 220 clients sending a 100 kB body one byte every 5 s\n\n");
    md.append("Each slow sender goes on sending after an answer until the server closes the connection, then reconnects. Meanwhile a "
        + "normal request (the favourable example, ~100 kB) every second and the liveness probe every 500 ms.\n\n");
    md.append("| jar | mode | normal requests ok / failed (slowest ms) | liveness ok / failed (slowest ms) | what the slow senders got | connection held until closed, p50 / max (s) |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (JsonNode r : rows) {
      if (r.path("scenario").asText().equals("slow-bodies")) {
        boolean jwt = r.path("run").asText().endsWith("jwt");
        md.append("| ").append(r.path("jar").asText()).append(" | ").append(jwt ? "JWT on (all 401)" : "open")
            .append(" | ").append(jwt ? "n/a (401)" : r.path("normal_ok").asInt() + " / " + r.path("normal_failed").asInt()
                + " (" + r.path("normal_max_ms").asInt() + ")")
            .append(" | ").append(r.path("liveness_ok").asInt()).append(" / ").append(r.path("liveness_failed").asInt())
            .append(" (").append(r.path("liveness_max_ms").asInt()).append(")")
            .append(" | ").append(answers(r.path("slow_answers")))
            .append(" | ").append(sec(r, "slow_held_p50_ms")).append(" / ").append(sec(r, "slow_held_max_ms")).append(" |\n");
      }
    }
    md.append("\nRaw results: `bench/target/overload/results.jsonl`; service logs beside it.\n");
    Files.writeString(Path.of(args.require("out")), md.toString());
  }

  private static String answers(JsonNode counts) {
    List<String> parts = new ArrayList<>();
    counts.fields().forEachRemaining(e -> parts.add(e.getValue().asLong() + " × " + e.getKey()));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static String sec(JsonNode r, String field) {
    return String.format(java.util.Locale.ROOT, "%.1f", r.path(field).asLong() / 1000.0);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
