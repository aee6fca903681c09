package org.metastasectomy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads what run.sh recorded in bench/target/raw/ (results.jsonl, meta.tsv, requests.env, jmh.json, *.jfr) and writes
 * the markdown report: medians over the runs, the service's throughput as a ratio of the baseline's from the same run,
 * pass/fail against the targets, and, where a profile was taken, what it shows.
 *
 * <p>Usage: {@code Report --raw=bench/target/raw --out=bench/results/<stamp>-report.md}
 */
public final class Report {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final double RATIO_A = 0.35;
  static final double RATIO_B = 0.70;
  static final double P99_A4_MS = 25.0;
  static final double FALLBACK_SLACK_MS = 15.0;
  static final double STARTUP_MS = 10_000;
  static final double RSS_KB = 512 * 1024;

  private final List<JsonNode> records = new ArrayList<>();
  private final Map<String, String> meta = new LinkedHashMap<>();
  private final Map<String, String> requests = new LinkedHashMap<>();
  private final Path raw;
  private final StringBuilder md = new StringBuilder();
  private final List<String> missed = new ArrayList<>();

  private Report(Path raw) throws IOException {
    this.raw = raw;
    for (String line : Files.readAllLines(raw.resolve("results.jsonl"))) {
      if (!line.isBlank()) {
        records.add(MAPPER.readTree(line));
      }
    }
    for (String line : Files.readAllLines(raw.resolve("meta.tsv"))) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        meta.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    Path env = raw.resolve("requests.env");
    if (Files.exists(env)) {
      for (String line : Files.readAllLines(env)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          requests.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'|'$", ""));
        }
      }
    }
  }

  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    Report r = new Report(Path.of(args.require("raw")));
    String text = r.render(args.get("root", ""));
    Path out = Path.of(args.require("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text);
  }

  // ------------------------------------------------------------------------------------------------ rendering

  private record Row(String scenario, int conns, String title) {}

  private static final List<Row> ROWS = List.of(
      new Row("a", 32, "(a) patient-view, metastatic RCC, full prefetch"),
      new Row("a", 4, "(a) patient-view, metastatic RCC, full prefetch"),
      // (a'): the same body with its prefetch's whitespace varied per request, so the assessment memo never hits
      new Row("v", 32, "(a') the same, every prefetch different in its bytes (no memo hit)"),
      new Row("b", 32, "(b) order-select, patient without RCC"),
      new Row("c", 4, "(c) patient-view, prefetch missing, stub FHIR server +20 ms"));

  private String render(String root) throws IOException {
    boolean selfTest = "1".equals(meta.get("self_test"));
    int runs = (int) records.stream().filter(n -> "load".equals(type(n))).mapToInt(n -> n.path("run").asInt()).distinct().count();
    md.append("# Benchmark report, ").append(meta.getOrDefault("date_utc", "")).append("\n\n");
    if (selfTest) {
      md.append("> **SELF-TEST.** No service jar was given or found, so the *service* column is a second instance of the ")
          .append("baseline. These numbers prove the harness, not the service.\n\n");
    }
    double load = parseLoad(meta.get("loadavg_start"));
    if (load >= 1.0) {
      md.append("> **Busy machine.** The 1-minute load average was ").append(meta.get("loadavg_start"))
          .append(" when the benchmark started: something else was using the CPU, so these numbers are noisier than usual.\n\n");
    }
    md.append("Medians of ").append(runs).append(" run(s) of ").append(meta.getOrDefault("duration", "?"))
        .append(" each, after ").append(meta.getOrDefault("warmup", "?")).append(" of warm-up per scenario and server. ")
        .append("*Ratio* is the median over the runs of service req/s ÷ baseline req/s measured in the same run. ")
        .append("Two baselines: **Spring Boot** (the service's Spring Boot, Tomcat and Spring MVC; the body read into a ")
        .append("Jackson tree, a fixed card answered: what the stack itself costs, and the ratio the targets use) and the ")
        .append("**JDK** `HttpServer` (the same work without Tomcat or Spring). ")
        .append("Latencies are the service's, in ms, as wrk measures them (closed loop, fixed connections).\n\n");

    double slowestQuery = slowestStubQueryP50();
    md.append("| scenario | conns | service req/s | Spring Boot baseline req/s | **ratio to Spring Boot** | JDK baseline req/s | ratio to JDK | p50 ms | p90 ms | p99 ms | errors | target | result |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (Row row : ROWS) {
      List<JsonNode> svc = load(row, "service");
      List<JsonNode> base = load(row, "baseline");
      List<JsonNode> spring = load(row, "springboot");
      if (svc.isEmpty()) {
        continue;
      }
      double sRps = median(svc, n -> n.path("wrk").path("rps").asDouble());
      double bRps = median(base, n -> n.path("wrk").path("rps").asDouble());
      double springRps = median(spring, n -> n.path("wrk").path("rps").asDouble());
      double jdkRatio = sameRunRatio(svc, base);
      double springRatio = sameRunRatio(svc, spring);
      // the targets apply to the Spring Boot ratio; a report from before it existed falls back to the JDK one
      double ratio = spring.isEmpty() ? jdkRatio : springRatio;
      double p50 = median(svc, n -> n.path("wrk").path("p50").asDouble());
      double p90 = median(svc, n -> n.path("wrk").path("p90").asDouble());
      double p99 = median(svc, n -> n.path("wrk").path("p99").asDouble());
      long errors = svc.stream().mapToLong(Report::errors).sum();
      String target;
      boolean pass;
      switch (row.scenario() + row.conns()) {
        case "a32", "v32" -> {
          target = "ratio ≥ " + pct(RATIO_A);
          pass = ratio >= RATIO_A;
        }
        case "a4" -> {
          target = "p99 < " + fmt(P99_A4_MS) + " ms";
          pass = p99 < P99_A4_MS;
        }
        case "b32" -> {
          target = "ratio ≥ " + pct(RATIO_B);
          pass = ratio >= RATIO_B;
        }
        default -> {
          target = Double.isNaN(slowestQuery) ? "p50 ≤ slowest query + 15 ms (not measured)"
              : "p50 ≤ " + fmt(slowestQuery) + " + " + fmt(FALLBACK_SLACK_MS) + " = " + fmt(slowestQuery + FALLBACK_SLACK_MS) + " ms";
          pass = !Double.isNaN(slowestQuery) && p50 <= slowestQuery + FALLBACK_SLACK_MS;
        }
      }
      String result = pass && errors == 0 ? "pass" : "**FAIL**" + (errors > 0 ? " (errors)" : "");
      if (!(pass && errors == 0)) {
        missed.add(row.scenario() + row.conns());
      }
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | **%s** | %s | %s | %s | %s | %s | %d | %s | %s |%n", row.title(), row.conns(),
          fmt0(sRps), fmt0(springRps), pct(springRatio), fmt0(bRps), pct(jdkRatio), fmt(p50), fmt(p90), fmt(p99), errors, target, result));
    }

    List<Double> others = new ArrayList<>();
    records.stream().filter(n -> "load".equals(type(n)) && "service".equals(n.path("server").asText()))
        .forEach(n -> others.add(cpuShares(n)[2]));
    double other = medianOf(others.stream().filter(d -> !d.isNaN()).toList());
    if (!Double.isNaN(other)) {
      md.append("\nDuring the service's measurements, processes other than the service and wrk used a median ").append(pct(other))
          .append(" of the machine").append(other > 0.10 ? ": **a noisy run**, repeat it on a quiet machine (`--wait-quiet 10`)." : ".")
          .append("\n");
    }

    // start-up and memory
    double startSvc = medianOf(values("startup", "service", n -> n.path("ms").asDouble()));
    double startBase = medianOf(values("startup", "baseline", n -> n.path("ms").asDouble()));
    double startSpring = medianOf(values("startup", "springboot", n -> n.path("ms").asDouble()));
    double rssSvc = maxOf(values("load", "service", n -> n.path("rss_kb").asDouble()));
    double rssBase = maxOf(values("load", "baseline", n -> n.path("rss_kb").asDouble()));
    double rssSpring = maxOf(values("load", "springboot", n -> n.path("rss_kb").asDouble()));
    double hwmSvc = maxOf(values("hwm", "service", n -> n.path("kb").asDouble()));
    double hwmBase = maxOf(values("hwm", "baseline", n -> n.path("kb").asDouble()));
    double hwmSpring = maxOf(values("hwm", "springboot", n -> n.path("kb").asDouble()));
    boolean startPass = startSvc < STARTUP_MS;
    boolean rssPass = rssSvc < RSS_KB;
    if (!startPass) {
      missed.add("startup");
    }
    if (!rssPass) {
      missed.add("rss");
    }
    md.append("\n| | service | Spring Boot baseline | JDK baseline | target | result |\n|---|---:|---:|---:|---|---|\n");
    md.append(String.format(Locale.ROOT, "| start-up to ready (median, ms) | %s | %s | %s | < %s ms | %s |%n", fmt0(startSvc), fmt0(startSpring),
        fmt0(startBase), fmt0(STARTUP_MS), startPass ? "pass" : "**FAIL**"));
    md.append(String.format(Locale.ROOT, "| resident memory during load (highest VmRSS sampled, MB) | %s | %s | %s | < 512 MB | %s |%n",
        fmt0(rssSvc / 1024), fmt0(rssSpring / 1024), fmt0(rssBase / 1024), rssPass ? "pass" : "**FAIL**"));
    md.append(String.format(Locale.ROOT, "| peak resident memory of the process (VmHWM, MB) | %s | %s | %s | | |%n", fmt0(hwmSvc / 1024),
        fmt0(hwmSpring / 1024), fmt0(hwmBase / 1024)));
    md.append("\nStart-up is measured from the `java` command to the first 200 from the readiness URL (`")
        .append(meta.getOrDefault("ready_path", "")).append("` for the service), polled every 50 ms. ")
        .append("JVM options of all three servers: `").append(meta.getOrDefault("java_opts", "")).append("`.\n");

    renderRequests();
    renderFallback(slowestQuery);
    renderProbes();
    renderPerRun();
    renderJmh();
    renderJfr();
    renderMachine();
    return md.toString();
  }

  private void renderRequests() {
    md.append("\n## Request bodies\n\n| scenario | hook | endpoint | bytes | prefetched resources | from |\n|---|---|---|---:|---:|---|\n");
    for (String s : List.of("a", "b", "c")) {
      String src = requests.getOrDefault("REQ_" + s + "_SOURCE", "?");
      String fromFixture = "yes".equals(requests.get("REQ_" + s + "_FROM_FIXTURE")) ? " (bench's own fixture: the example is missing)" : "";
      md.append(String.format(Locale.ROOT, "| %s | %s | `%s` | %s | %s | `%s`%s |%n", s, requests.getOrDefault("REQ_" + s + "_HOOK", "?"),
          requests.getOrDefault("REQ_" + s + "_PATH", "?"), requests.getOrDefault("REQ_" + s + "_BYTES", "?"),
          requests.getOrDefault("REQ_" + s + "_RESOURCES", "?"), shortPath(src), fromFixture));
    }
    String stub = requests.getOrDefault("STUB_DIR", "?");
    md.append("\nStub FHIR server (c) serves `").append(shortPath(stub)).append("`")
        .append("yes".equals(requests.get("STUB_FROM_FIXTURE")) ? " (bench's own fixture)" : "")
        .append(" with 20 ms added before every answer. Bodies are sent compact, as an EHR sends them.\n");
  }

  private void renderFallback(double slowest) {
    List<JsonNode> q = records.stream().filter(n -> "stubquery".equals(type(n))).toList();
    if (q.isEmpty()) {
      return;
    }
    md.append("\n## (c) Fallback: the queries to the FHIR server\n\n");
    List<JsonNode> svc = records.stream().filter(n -> "load".equals(type(n)) && "c".equals(n.path("scenario").asText())
        && "service".equals(n.path("server").asText())).toList();
    List<Double> perRequest = new ArrayList<>();
    for (JsonNode n : svc) {
      long req = n.path("wrk").path("requests").asLong();
      if (req > 0) {
        perRequest.add(n.path("stub_queries").asDouble() / req);
      }
    }
    if (!perRequest.isEmpty()) {
      md.append("The service sent ").append(fmt(medianOf(perRequest))).append(" queries to the stub per hook request (median over runs). ");
    }
    md.append("Each distinct query, timed alone (1 connection, 3 s; ").append(meta.getOrDefault("stub_queries_source", "")).append("):\n\n");
    md.append("| query | p50 ms | p99 ms |\n|---|---:|---:|\n");
    for (JsonNode n : q) {
      md.append(String.format(Locale.ROOT, "| `%s` | %s | %s |%n", n.path("uri").asText(), fmt(n.path("wrk").path("p50").asDouble()),
          fmt(n.path("wrk").path("p99").asDouble())));
    }
    md.append("\nSlowest single query (highest p50): **").append(fmt(slowest)).append(" ms**, so the target for (c) is p50 ≤ ")
        .append(fmt(slowest + FALLBACK_SLACK_MS)).append(" ms.\n");
  }

  private void renderProbes() {
    List<JsonNode> probes = records.stream().filter(n -> "probe".equals(type(n)) && n.path("run").asInt() == 1).toList();
    if (probes.isEmpty()) {
      return;
    }
    md.append("\n## One request of each scenario before the load (run 1)\n\n| scenario | server | HTTP status | ms | response bytes |\n|---|---|---:|---:|---:|\n");
    for (JsonNode n : probes) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d |%n", n.path("scenario").asText(), n.path("server").asText(),
          n.path("status").asInt(), fmt(n.path("seconds").asDouble() * 1000), n.path("bytes").asInt()));
    }
    md.append("\nThe bodies are kept in `bench/target/responses/` (a first, cold request: its time is not part of any result).\n");
  }

  private void renderPerRun() {
    md.append("\n## Every run\n\nCPU columns are shares of the whole machine (all cores) during the service's measurement: the service, wrk, ")
        .append("and everything else (the idle baseline and stub, and any process not started by the bench: high values mean a noisy measurement).\n\n");
    md.append("| run | scenario | conns | service req/s | Spring Boot req/s | ratio to Spring Boot | JDK baseline req/s | ratio to JDK | service p50 / p99 ms | Spring Boot p50 / p99 ms | service errors | service VmRSS MB | CPU service / wrk / other |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    List<JsonNode> svc = records.stream().filter(n -> "load".equals(type(n)) && "service".equals(n.path("server").asText()))
        .sorted(Comparator.comparingInt((JsonNode n) -> n.path("run").asInt())).toList();
    for (JsonNode s : svc) {
      JsonNode b = sameMeasurement(s, "baseline");
      JsonNode sb = sameMeasurement(s, "springboot");
      double sr = s.path("wrk").path("rps").asDouble();
      double br = b.path("wrk").path("rps").asDouble();
      double sbr = sb.path("wrk").path("rps").asDouble();
      double[] cpu = cpuShares(s);
      md.append(String.format(Locale.ROOT, "| %d | %s | %d | %s | %s | %s | %s | %s | %s / %s | %s / %s | %d | %s | %s / %s / %s |%n", s.path("run").asInt(),
          s.path("scenario").asText(), s.path("conns").asInt(), fmt0(sr), fmt0(sbr), sbr > 0 ? pct(sr / sbr) : "n/a", fmt0(br),
          br > 0 ? pct(sr / br) : "n/a", fmt(s.path("wrk").path("p50").asDouble()), fmt(s.path("wrk").path("p99").asDouble()),
          fmt(sb.path("wrk").path("p50").asDouble()), fmt(sb.path("wrk").path("p99").asDouble()), errors(s),
          fmt0(s.path("rss_kb").asDouble() / 1024), pct(cpu[0]), pct(cpu[1]), pct(cpu[2])));
    }
  }

  /** The other server's measurement of the same run, scenario and connections (an empty node when there is none). */
  private JsonNode sameMeasurement(JsonNode s, String server) {
    return records.stream().filter(n -> "load".equals(type(n)) && server.equals(n.path("server").asText())
        && n.path("run").asInt() == s.path("run").asInt() && n.path("scenario").asText().equals(s.path("scenario").asText())
        && n.path("conns").asInt() == s.path("conns").asInt()).findFirst().orElse(MAPPER.createObjectNode());
  }

  private void renderJmh() throws IOException {
    Path jmh = raw.resolve("jmh.json");
    md.append("\n## JMH micro-benchmarks\n\n");
    if (!Files.exists(jmh) || Files.size(jmh) == 0) {
      md.append("Not run (`--no-jmh`) or failed: see `bench/target/logs/jmh.log`.\n");
      return;
    }
    md.append("| benchmark | mode | score | ± error (99.9%) | unit |\n|---|---|---:|---:|---|\n");
    Set<String> classes = new HashSet<>();
    for (JsonNode b : MAPPER.readTree(jmh.toFile())) {
      String name = b.path("benchmark").asText().replaceFirst("^org\\.metastasectomy\\.bench\\.jmh\\.", "");
      classes.add(name.replaceFirst("\\..*$", ""));
      JsonNode pm = b.path("primaryMetric");
      md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s |%n", name, b.path("mode").asText(), fmt(pm.path("score").asDouble()),
          fmt(pm.path("scoreError").asDouble()), pm.path("scoreUnit").asText()));
    }
    md.append("\nJMH options: `").append(meta.getOrDefault("jmh_opts", "")).append("`. ");
    if (!classes.contains("FeatureExtractionBenchmark") || !classes.contains("ModelEvaluationBenchmark")) {
      md.append("1".equals(meta.get("self_test"))
          ? "The feature-extraction and model-evaluation benchmarks need the service's classes: they run only when the harness has a service jar (see bench/README.md)."
          : "A feature-extraction or model-evaluation benchmark is missing: it failed, see `bench/target/logs/jmh.log`.");
    }
    md.append("\n");
  }

  private void renderJfr() {
    List<JsonNode> jfrs = records.stream().filter(n -> "jfr".equals(type(n))).toList();
    if (jfrs.isEmpty()) {
      if (!missed.isEmpty()) {
        md.append("\n## Profile\n\nTargets missed (").append(String.join(", ", missed))
            .append(") but no JFR profile was taken (self-test, `--no-jfr`, or jcmd missing).\n");
      }
      return;
    }
    md.append("\n## Profile (JFR: the JDK's `profile` settings with method sampling every 2 ms, taken after the measured runs)\n\n");
    md.append(missed.isEmpty() ? "Every target was met; the profiles are for reference.\n"
        : "Targets missed: " + String.join(", ", missed) + ". What the profile of each scenario shows:\n");
    for (JsonNode j : jfrs) {
      Path file = Path.of(j.path("file").asText());
      String key = j.path("scenario").asText() + j.path("conns").asInt();
      md.append("\n### ").append(key.startsWith("a") ? "(a)" : key.startsWith("v") ? "(a')" : key.startsWith("b") ? "(b)" : "(c)").append(" at ")
          .append(j.path("conns").asInt()).append(" connections").append(missed.contains(key) ? " (target missed)" : "")
          .append(" — `").append(shortPath(file.toString())).append("`\n\n");
      try {
        md.append(JfrSummary.summarize(file));
      } catch (IOException | RuntimeException e) {
        md.append("Could not read the recording: ").append(e).append("\n");
      }
    }
  }

  private void renderMachine() {
    md.append("\n## Machine and command\n\n| | |\n|---|---|\n");
    for (String k : List.of("nproc", "cpu", "memory", "os", "loadavg_start", "loadavg_end", "java", "wrk", "service_jar", "service_commit", "java_opts",
        "service_args", "bench_commit", "runs", "duration", "warmup")) {
      if (meta.containsKey(k)) {
        md.append("| ").append(k).append(" | `").append(meta.get(k).replace("|", "\\|")).append("` |\n");
      }
    }
    md.append("\nCommand: `").append(meta.getOrDefault("command", "bench/run.sh")).append("`\n\n");
    md.append("Caveat: two shared cores. wrk (2 threads) runs on the same cores as the server it measures, and the other server ")
        .append("idles beside it; absolute numbers move from run to run and machine to machine, so compare ratios within a run ")
        .append("and read medians of at least three runs. See bench/README.md.\n");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private double slowestStubQueryP50() {
    return records.stream().filter(n -> "stubquery".equals(type(n))).mapToDouble(n -> n.path("wrk").path("p50").asDouble(Double.NaN))
        .filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
  }

  /** Median over the runs of service req/s ÷ the other server's req/s in the same run. */
  private static double sameRunRatio(List<JsonNode> svc, List<JsonNode> other) {
    List<Double> ratios = new ArrayList<>();
    for (JsonNode s : svc) {
      other.stream().filter(b -> b.path("run").asInt() == s.path("run").asInt()).findFirst()
          .ifPresent(b -> ratios.add(s.path("wrk").path("rps").asDouble() / Math.max(1e-9, b.path("wrk").path("rps").asDouble())));
    }
    return medianOf(ratios);
  }

  private List<JsonNode> load(Row row, String server) {
    return records.stream().filter(n -> "load".equals(type(n)) && row.scenario().equals(n.path("scenario").asText())
        && row.conns() == n.path("conns").asInt() && server.equals(n.path("server").asText())).toList();
  }

  private List<Double> values(String type, String server, ToDoubleFunction<JsonNode> f) {
    List<Double> out = new ArrayList<>();
    records.stream().filter(n -> type.equals(type(n)) && server.equals(n.path("server").asText())).forEach(n -> out.add(f.applyAsDouble(n)));
    return out;
  }

  /** Shares of the whole machine during one measurement: {server, wrk, everything else}; NaN when not recorded. */
  static double[] cpuShares(JsonNode n) {
    double total = n.path("ticks_machine_total").asDouble();
    if (total <= 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    double server = n.path("ticks_server").asDouble() / total;
    double wrk = n.path("wrk").path("wrk_cpu_s").asDouble() * n.path("clk_tck").asDouble(100) / total;
    double busy = n.path("ticks_machine_busy").asDouble() / total;
    return new double[] {server, wrk, Math.max(0, busy - server - wrk)};
  }

  private static double parseLoad(String s) {
    try {
      return s == null ? 0 : Double.parseDouble(s.trim().split("\\s+")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static long errors(JsonNode n) {
    JsonNode w = n.path("wrk");
    if (!w.has("requests")) {
      return -1; // no summary at all: wrk failed
    }
    return w.path("errors_connect").asLong() + w.path("errors_read").asLong() + w.path("errors_write").asLong()
        + w.path("errors_status").asLong() + w.path("errors_timeout").asLong();
  }

  private static String type(JsonNode n) {
    return n.path("type").asText();
  }

  private static double median(List<JsonNode> nodes, ToDoubleFunction<JsonNode> f) {
    List<Double> v = new ArrayList<>();
    nodes.forEach(n -> v.add(f.applyAsDouble(n)));
    return medianOf(v);
  }

  static double medianOf(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> v = new ArrayList<>(values);
    v.sort(Double::compare);
    int m = v.size() / 2;
    return v.size() % 2 == 1 ? v.get(m) : (v.get(m - 1) + v.get(m)) / 2;
  }

  private static double maxOf(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  static String fmt(double d) {
    return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
  }

  static String fmt0(double d) {
    return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.0f", d);
  }

  static String pct(double d) {
    return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", d * 100);
  }

  private static String shortPath(String p) {
    int i = p.indexOf("/bench/");
    int j = p.indexOf("/cds-hooks/");
    if (j >= 0) {
      return p.substring(j + 1);
    }
    return i >= 0 ? p.substring(i + 1) : p;
  }

  /** Hot methods and libraries in a JFR recording's execution samples. */
  static final class JfrSummary {
    private static final String[][] LIBRARIES = {
        {"org.metastasectomy.", "service code (org.metastasectomy)"},
        {"ca.uhn.fhir.", "HAPI FHIR (ca.uhn.fhir)"},
        {"org.hl7.fhir.", "FHIR model (org.hl7.fhir)"},
        {"com.fasterxml.jackson.", "Jackson"},
        {"org.springframework.security.", "Spring Security"},
        {"org.springframework.", "Spring (other)"},
        {"org.apache.catalina.", "Tomcat"},
        {"org.apache.coyote.", "Tomcat"},
        {"org.apache.tomcat.", "Tomcat"},
        {"io.micrometer.", "Micrometer"},
        {"jakarta.", "Jakarta Servlet/Validation API"},
        {"org.h2.", "H2"},
        {"org.postgresql.", "PostgreSQL driver"},
        {"org.flywaydb.", "Flyway"},
        {"com.zaxxer.hikari.", "HikariCP"},
        {"org.apache.hc.", "Apache HttpClient"},
        {"org.apache.http.", "Apache HttpClient"},
        {"okhttp3.", "OkHttp"},
        {"io.github.resilience4j.", "Resilience4j"},
        {"ch.qos.logback.", "Logback"},
        {"org.slf4j.", "Logback"},
        {"sun.nio.", "JDK I/O"},
        {"java.net.", "JDK I/O"},
        {"java.io.", "JDK I/O"},
        {"sun.net.", "JDK I/O"},
        {"java.util.regex.", "JDK regex"},
        {"java.", "JDK (other)"},
        {"jdk.", "JDK (other)"},
        {"sun.", "JDK (other)"},
        {"com.sun.", "JDK (other)"},
    };

    private static final Map<String, String> BLOCKING = Map.of(
        "jdk.JavaMonitorEnter", "lock (synchronized)",
        "jdk.JavaMonitorWait", "Object.wait",
        "jdk.ThreadPark", "park (j.u.c. lock, pool or future)",
        "jdk.FileForce", "fsync",
        "jdk.FileWrite", "file write",
        "jdk.SocketRead", "socket read");

    private JfrSummary() {}

    static String summarize(Path file) throws IOException {
      Map<String, Integer> self = new TreeMap<>();
      Map<String, Integer> ownInclusive = new TreeMap<>();
      Map<String, Integer> libInclusive = new TreeMap<>();
      Map<String, Integer> libSelf = new TreeMap<>();
      int samples = 0;
      long gcCount = 0;
      double gcPauseMs = 0;
      double longestPauseMs = 0;
      Map<String, Integer> allocByClass = new TreeMap<>();
      double allocBytes = 0;
      // a thread's first allocation sample weighs everything it allocated before the recording began: skip it
      Set<Long> threadsSeen = new HashSet<>();
      double cpuJvm = 0;
      double cpuMachine = 0;
      int cpuEvents = 0;
      Map<String, double[]> blocked = new TreeMap<>();
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
        String name = e.getEventType().getName();
        if (name.equals("jdk.CPULoad")) {
          cpuJvm += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
          cpuMachine += e.getFloat("machineTotal");
          cpuEvents++;
        } else if (BLOCKING.containsKey(name) && e.getStackTrace() != null) {
          // time a request thread spent waiting (>= 10 ms each): locks, parking, fsync, socket reads
          List<RecordedFrame> frames = e.getStackTrace().getFrames();
          if (frames.stream().noneMatch(f -> method(f).startsWith("org.metastasectomy."))) {
            continue;
          }
          String where = frames.stream().map(JfrSummary::method)
              .filter(m -> !m.startsWith("java.") && !m.startsWith("jdk.") && !m.startsWith("sun."))
              .findFirst().orElse(method(frames.get(0)));
          double[] acc = blocked.computeIfAbsent(BLOCKING.get(name) + " in `" + where + "`", k -> new double[2]);
          acc[0] += e.getDuration().toNanos() / 1e6;
          acc[1]++;
        } else if (name.equals("jdk.ExecutionSample")) {
          RecordedStackTrace st = e.getStackTrace();
          if (st == null || st.getFrames().isEmpty()) {
            continue;
          }
          samples++;
          List<RecordedFrame> frames = st.getFrames();
          String top = method(frames.get(0));
          self.merge(top, 1, Integer::sum);
          libSelf.merge(library(top), 1, Integer::sum);
          Set<String> own = new HashSet<>();
          Set<String> libs = new HashSet<>();
          for (RecordedFrame f : frames) {
            String m = method(f);
            libs.add(library(m));
            if (m.startsWith("org.metastasectomy.")) {
              own.add(m);
            }
          }
          own.forEach(m -> ownInclusive.merge(m, 1, Integer::sum));
          libs.forEach(l -> libInclusive.merge(l, 1, Integer::sum));
        } else if (name.equals("jdk.GarbageCollection")) {
          gcCount++;
          double ms = e.getDuration("sumOfPauses").toNanos() / 1e6;
          gcPauseMs += ms;
          longestPauseMs = Math.max(longestPauseMs, e.getDuration("longestPause").toNanos() / 1e6);
        } else if (name.equals("jdk.ObjectAllocationSample")) {
          if (e.getThread("eventThread") == null || threadsSeen.add(e.getThread("eventThread").getId())) {
            continue;
          }
          double w = e.getLong("weight");
          allocBytes += w;
          if (e.getStackTrace() != null) {
            for (RecordedFrame f : e.getStackTrace().getFrames()) {
              String m = method(f);
              if (!m.startsWith("java.") && !m.startsWith("jdk.") && !m.startsWith("sun.")) {
                allocByClass.merge(m, (int) Math.min(Integer.MAX_VALUE, w / 1024), Integer::sum);
                break;
              }
            }
          }
        }
      }
      StringBuilder sb = new StringBuilder();
      if (samples == 0) {
        return "No execution samples in the recording.\n";
      }
      final int total = samples;
      sb.append(String.format(Locale.ROOT, "%d execution samples; %d GCs, %.0f ms of pauses in all, longest %.1f ms; about %.0f MB allocated (sampled).%n%n",
          samples, gcCount, gcPauseMs, longestPauseMs, allocBytes / 1048576));
      if (cpuEvents > 0) {
        sb.append(String.format(Locale.ROOT, "CPU: the service's JVM used %.0f%% of the machine on average, the whole machine %.0f%% "
            + "(the rest of the machine's share is wrk and anything else running).%n%n", 100 * cpuJvm / cpuEvents, 100 * cpuMachine / cpuEvents));
      }
      sb.append("| library | in stack (% of samples) | on top (self, %) |\n|---|---:|---:|\n");
      libInclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
          .forEach(en -> sb.append(String.format(Locale.ROOT, "| %s | %.0f%% | %.0f%% |%n", en.getKey(), 100.0 * en.getValue() / total,
              100.0 * libSelf.getOrDefault(en.getKey(), 0) / total)));
      sb.append("\n| hottest methods (self) | % |\n|---|---:|\n");
      self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
          .forEach(en -> sb.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", en.getKey(), 100.0 * en.getValue() / total)));
      if (!ownInclusive.isEmpty()) {
        sb.append("\n| service methods (in stack) | % |\n|---|---:|\n");
        ownInclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
            .forEach(en -> sb.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", en.getKey(), 100.0 * en.getValue() / total)));
      }
      if (!blocked.isEmpty()) {
        sb.append("\n| request threads waiting (events of 10 ms or more) | total ms | events |\n|---|---:|---:|\n");
        blocked.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0])).limit(6)
            .forEach(en -> sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", en.getKey(), en.getValue()[0], en.getValue()[1])));
      }
      if (!allocByClass.isEmpty()) {
        sb.append("\n| top allocating frames (first non-JDK frame) | MB |\n|---|---:|\n");
        allocByClass.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
            .forEach(en -> sb.append(String.format(Locale.ROOT, "| `%s` | %.0f |%n", en.getKey(), en.getValue() / 1024.0)));
      }
      return sb.toString();
    }

    private static String method(RecordedFrame f) {
      if (f.getMethod() == null || f.getMethod().getType() == null) {
        return "?";
      }
      return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String library(String method) {
      for (String[] l : LIBRARIES) {
        if (method.startsWith(l[0])) {
          return l[1];
        }
      }
      return "other";
    }
  }
}
