#!/usr/bin/env bash
# One command for the whole benchmark of metastasectomy-cds. See bench/README.md.
#
#   bench/run.sh [--runs 3] [--duration 15s] [--warmup 10s] [--jar PATH | --build-service [DIR]]
#                [--no-jmh] [--no-jfr] [--quick] [--service-args "..."] [--java-opts "..."]
#                [--auth "Bearer ..."] [--ready-path /actuator/health/readiness] [--port-base 18080]
#                [--wait-quiet MINUTES]
#
# Writes bench/results/<UTC date-time>-report.md (meant to be committed) and keeps the raw numbers in
# bench/target/raw/ and bench/results/<stamp>.raw (ignored by git). Talks to 127.0.0.1 only.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
COMMAND_LINE="bench/run.sh $*"

RUNS=3
DURATION=15s
WARMUP=10s
JAR=""
BUILD_SERVICE=""
RUN_JMH=1
RUN_JFR=1
SERVICE_ARGS=""
JAVA_OPTS_BOTH=""
AUTH=""
READY_PATH=/actuator/health/readiness
PORT_BASE=18080
JMH_OPTS="-f 1 -wi 3 -w 2s -i 5 -r 2s"
JFR_SECONDS=10
WAIT_QUIET=0

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --build-service)
      if [ $# -gt 1 ] && [ "${2#--}" = "$2" ]; then BUILD_SERVICE=$2; shift 2; else BUILD_SERVICE="$(dirname "$ROOT")/bench-src"; shift; fi ;;
    --no-jmh) RUN_JMH=0; shift ;;
    --no-jfr) RUN_JFR=0; shift ;;
    --quick) RUNS=1; DURATION=5s; WARMUP=3s; JMH_OPTS="-f 1 -wi 1 -w 1s -i 2 -r 1s"; JFR_SECONDS=5; shift ;;
    --service-args) SERVICE_ARGS=$2; shift 2 ;;
    --java-opts|--service-java-opts) JAVA_OPTS_BOTH=$2; shift 2 ;;
    --auth) AUTH=$2; shift 2 ;;
    --ready-path) READY_PATH=$2; shift 2 ;;
    --port-base) PORT_BASE=$2; shift 2 ;;
    --wait-quiet) WAIT_QUIET=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
done

TARGET="$BENCH_DIR/target"
RAW="$TARGET/raw"
LOGS="$TARGET/logs"
REQS="$TARGET/requests"
RESULTS="$BENCH_DIR/results"
STAMP=$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$TARGET" "$RESULTS"
rm -rf "$RAW" "$LOGS" "$TARGET/responses"
mkdir -p "$RAW" "$LOGS" "$TARGET/responses"
RESULTS_JSONL="$RAW/results.jsonl"
: > "$RESULTS_JSONL"
META="$RAW/meta.tsv"
: > "$META"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
meta() { printf '%s\t%s\n' "$1" "$2" >> "$META"; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- processes we start (and only those) are stopped
PIDS=()
stop_pid() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && stop_pid "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null 2>&1; then
  log "wrk is missing: installing Debian's package"
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1; apt-get install -y wrk >/dev/null 2>&1; } || true
  else
    sudo -n apt-get install -y wrk >/dev/null 2>&1 || { sudo -n apt-get update >/dev/null 2>&1; sudo -n apt-get install -y wrk >/dev/null 2>&1; } || true
  fi
  command -v wrk >/dev/null 2>&1 || die "could not install wrk (apt-get install wrk)"
fi
for tool in java jar curl unzip; do command -v "$tool" >/dev/null 2>&1 || die "$tool is required"; done
if [ -x "$ROOT/mvnw" ]; then MVN=("$ROOT/mvnw"); else MVN=(mvn); fi

# ---------------------------------------------------------------- the service jar
if [ -n "$BUILD_SERVICE" ]; then
  HEAD=$(git -C "$ROOT" rev-parse HEAD) || die "no commit in $ROOT to build the service from"
  if [ ! -d "$BUILD_SERVICE" ]; then
    log "creating worktree $BUILD_SERVICE at $HEAD"
    git -C "$ROOT" worktree add --detach "$BUILD_SERVICE" "$HEAD" >&2
  else
    log "moving worktree $BUILD_SERVICE to $HEAD"
    git -C "$BUILD_SERVICE" checkout -q --detach "$HEAD"
  fi
  log "building the service in $BUILD_SERVICE (./mvnw -DskipTests package)"
  (cd "$BUILD_SERVICE" && ./mvnw -q -DskipTests package) > "$LOGS/service-build.log" 2>&1 || { tail -30 "$LOGS/service-build.log" >&2; die "service build failed"; }
  JAR=$(ls -t "$BUILD_SERVICE"/target/metastasectomy-cds-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' -e '-plain' | head -1 || true)
  [ -n "$JAR" ] || die "the build in $BUILD_SERVICE made no target/metastasectomy-cds-*.jar"
  meta service_commit "$HEAD"
elif [ -z "$JAR" ]; then
  JAR=$(ls -t "$ROOT"/target/metastasectomy-cds-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' -e '-plain' | head -1 || true)
fi
SELF_TEST=0
if [ -n "$JAR" ]; then
  [ -f "$JAR" ] || die "no such jar: $JAR"
  JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
  log "service jar: $JAR"
else
  SELF_TEST=1
  log "no service jar (give --jar PATH or --build-service): SELF-TEST, the service slot runs a second baseline"
fi

# Unpack the service's classes so the JMH benchmarks that need them can compile and run (profile "service").
SERVICE_CP=""
MVN_PROFILE=()
if [ "$SELF_TEST" = 0 ]; then
  rm -rf "$TARGET/service" && mkdir -p "$TARGET/service"
  if unzip -q "$JAR" 'BOOT-INF/classes/*' 'BOOT-INF/lib/*' -d "$TARGET/service" 2>/dev/null && [ -d "$TARGET/service/BOOT-INF/classes" ]; then
    jar cf "$TARGET/service/service-classes.jar" -C "$TARGET/service/BOOT-INF/classes" .
    SERVICE_CP="$TARGET/service/BOOT-INF/classes:$TARGET/service/BOOT-INF/lib/*"
    MVN_PROFILE=(-Pservice)
  else
    log "the jar has no BOOT-INF/classes: the JMH benchmarks of feature extraction and model evaluation are skipped"
  fi
fi

# ---------------------------------------------------------------- build the bench
log "building bench (${MVN[*]} -f bench/pom.xml package ${MVN_PROFILE[*]:-})"
# always compile afresh: the incremental compiler does not notice a new service-classes.jar (system scope)
rm -rf "$TARGET/classes" "$TARGET/generated-sources" "$TARGET/maven-status"
"${MVN[@]}" -q -f "$BENCH_DIR/pom.xml" -DskipTests "${MVN_PROFILE[@]}" package > "$LOGS/bench-build.log" 2>&1 \
  || { tail -40 "$LOGS/bench-build.log" >&2; die "bench build failed"; }
BENCH_CP="$TARGET/classes:$TARGET/lib/*"

# The Spring Boot baseline: the service's Spring Boot, Tomcat and Spring MVC, reading the body into a Jackson tree and
# answering a fixed card. The ratio to it is the one the targets use (issue 17).
log "building the Spring Boot baseline (${MVN[*]} -f bench/spring-baseline/pom.xml package)"
"${MVN[@]}" -q -f "$BENCH_DIR/spring-baseline/pom.xml" -DskipTests package > "$LOGS/spring-baseline-build.log" 2>&1 \
  || { tail -40 "$LOGS/spring-baseline-build.log" >&2; die "Spring Boot baseline build failed"; }
SPRING_JAR="$BENCH_DIR/spring-baseline/target/spring-baseline.jar"

# ---------------------------------------------------------------- ports (loopback only)
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_free_port() {
  local p=$1 i
  for i in $(seq 0 99); do
    if ! port_busy $((p + i)); then echo $((p + i)); return 0; fi
  done
  die "no free port from $p"
}
SERVICE_PORT=$(next_free_port "$PORT_BASE")
BASELINE_PORT=$(next_free_port $((SERVICE_PORT + 10)))
SPRING_PORT=$(next_free_port $((BASELINE_PORT + 1)))
STUB_PORT=$(next_free_port $((SPRING_PORT + 1)))
STUB_URL="http://127.0.0.1:$STUB_PORT/fhir"

# ---------------------------------------------------------------- request bodies
log "generating request bodies from cds-hooks/examples/ into bench/target/requests/"
java -cp "$BENCH_CP" org.metastasectomy.bench.RequestGenerator --examples="$ROOT/cds-hooks/examples" \
  --fixtures="$BENCH_DIR/fixtures" --out="$REQS" --fhir-server="$STUB_URL" > "$LOGS/requests.log" 2>&1 \
  || { cat "$LOGS/requests.log" >&2; die "request generation failed"; }
cat "$LOGS/requests.log" >&2
# shellcheck disable=SC1091
. "$REQS/requests.env"
# (a'): (a)'s body, its prefetch's whitespace varied per request by wrk/bench.lua (BENCH_VARY), so that the service's
# assessment memo (keyed on the prefetch's bytes) never hits: what a chart never sent twice costs
REQ_v_FILE=$REQ_a_FILE; REQ_v_PATH=$REQ_a_PATH
cp "$REQS/requests.env" "$RAW/requests.env"

# ---------------------------------------------------------------- helpers
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_ready NAME PID URL TIMEOUT_S -> prints ms from START_MS to the first 200
wait_ready() {
  local name=$1 pid=$2 url=$3 limit=$4 code end
  end=$(( $(now_ms) + limit * 1000 ))
  while [ "$(now_ms)" -lt "$end" ]; do
    kill -0 "$pid" 2>/dev/null || { log "$name exited before it was ready"; return 1; }
    code=$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$url" 2>/dev/null || true)
    if [ "$code" = 200 ]; then echo $(( $(now_ms) - START_MS )); return 0; fi
    sleep 0.05
  done
  log "$name was not ready within ${limit}s ($url answered ${code:-nothing})"
  return 1
}

start_baseline() { # PORT LOGFILE -> sets STARTED_PID, STARTED_MS
  START_MS=$(now_ms)
  # shellcheck disable=SC2086
  java $JAVA_OPTS_BOTH -cp "$BENCH_CP" org.metastasectomy.bench.BaselineServer --server.port="$1" > "$2" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  STARTED_MS=$(wait_ready baseline "$STARTED_PID" "http://127.0.0.1:$1/actuator/health/readiness" 60) || { tail -20 "$2" >&2; die "baseline did not start"; }
}

start_spring_baseline() { # PORT LOGFILE -> sets STARTED_PID, STARTED_MS
  START_MS=$(now_ms)
  # shellcheck disable=SC2086
  java $JAVA_OPTS_BOTH -jar "$SPRING_JAR" --server.port="$1" > "$2" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  STARTED_MS=$(wait_ready springboot "$STARTED_PID" "http://127.0.0.1:$1/actuator/health/readiness" 60) || { tail -20 "$2" >&2; die "Spring Boot baseline did not start"; }
}

start_service() { # PORT LOGFILE
  if [ "$SELF_TEST" = 1 ]; then start_baseline "$@"; return; fi
  # its own working directory, emptied every run: the H2 database (./data) starts empty each time
  rm -rf "$TARGET/service-workdir" && mkdir -p "$TARGET/service-workdir"
  START_MS=$(now_ms)
  # shellcheck disable=SC2086
  (cd "$TARGET/service-workdir" && exec java $JAVA_OPTS_BOTH -jar "$JAR" --server.port="$1" --cds.fhir.allowed-servers="$STUB_URL" $SERVICE_ARGS) > "$2" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  STARTED_MS=$(wait_ready service "$STARTED_PID" "http://127.0.0.1:$1$READY_PATH" 90) || { tail -40 "$2" >&2; die "service did not become ready"; }
}

# RSS sampler: highest VmRSS (kB) of PID while the flag file exists, bounded by LIMIT seconds
rss_sampler() { # PID OUTFILE FLAG LIMIT_S
  local pid=$1 out=$2 flag=$3 end max=0 k v _
  end=$(( $(date +%s) + $4 ))
  while [ -e "$flag" ] && [ "$(date +%s)" -lt "$end" ]; do
    while read -r k v _; do
      if [ "$k" = "VmRSS:" ]; then [ "$v" -gt "$max" ] && max=$v; break; fi
    done < "/proc/$pid/status" 2>/dev/null || true
    echo "$max" > "$out"
    sleep 0.2
  done
}
vm_hwm() { awk '/^VmHWM:/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
seconds_of() { local d=$1; case "$d" in *ms) echo 1;; *m) echo $(( ${d%m} * 60 ));; *s) echo "${d%s}";; *) echo "$d";; esac; }

# CPU accounting, in clock ticks: the whole machine (busy, total) and one process (user + system)
machine_ticks() { local _c u n s i w q sq st _r; read -r _c u n s i w q sq st _r < /proc/stat; echo "$((u + n + s + q + sq + st)) $((u + n + s + i + w + q + sq + st))"; }
proc_ticks() { local f; f=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }; f=${f##*) }; set -- $f; echo $(( ${12} + ${13} )); }

# run_wrk LABEL URL BODY CONNECTIONS DURATION THREADS -> prints the BENCHJSON object
run_wrk() {
  local label=$1 url=$2 body=$3 conns=$4 dur=$5 threads=$6 out
  out="$LOGS/wrk-$label.txt"
  local vary=0
  case "$label" in *-v-*) vary=1 ;; esac
  BENCH_BODY="$body" BENCH_AUTH="$AUTH" BENCH_LABEL="$label" BENCH_VARY="$vary" \
    timeout $(( $(seconds_of "$dur") + 30 )) wrk -t"$threads" -c"$conns" -d"$dur" --timeout 5s --latency -s "$BENCH_DIR/wrk/bench.lua" "$url" > "$out" 2>&1 || true
  # CPU seconds of this subshell's children (wrk): the second line of `times`
  local cpu
  times > "$out.times" # (no pipe: a pipe's subshell would have no children)
  cpu=$(tail -1 "$out.times" | awk '{ split($1, a, "m"); split($2, b, "m"); printf "%.2f", a[1] * 60 + a[2] + b[1] * 60 + b[2] }')
  grep -m1 '^BENCHJSON ' "$out" | sed "s/^BENCHJSON {/{\"wrk_cpu_s\":${cpu:-0},/" || { log "wrk gave no summary for $label:"; tail -5 "$out" >&2; echo '{}'; }
}

# measure RUN SCENARIO CONNS SERVER PORT PID
measure() {
  local run=$1 scn=$2 conns=$3 server=$4 port=$5 pid=$6 file path json flag rssfile rss stub_before stub_after
  eval "file=\$REQ_${scn}_FILE; path=\$REQ_${scn}_PATH"
  flag="$RAW/.sampling"; rssfile="$RAW/.rss"
  : > "$flag"; echo 0 > "$rssfile"
  rss_sampler "$pid" "$rssfile" "$flag" $(( $(seconds_of "$DURATION") + 40 )) &
  local sampler=$!
  stub_before=$(curl -s -m 2 "http://127.0.0.1:$STUB_PORT/__stats" | sed -n 's/.*"total":\([0-9]*\).*/\1/p' || true)
  local m0 m1 p0 p1
  m0=$(machine_ticks); p0=$(proc_ticks "$pid")
  json=$(run_wrk "run$run-$scn-c$conns-$server" "http://127.0.0.1:$port$path" "$file" "$conns" "$DURATION" 2)
  m1=$(machine_ticks); p1=$(proc_ticks "$pid")
  stub_after=$(curl -s -m 2 "http://127.0.0.1:$STUB_PORT/__stats" | sed -n 's/.*"total":\([0-9]*\).*/\1/p' || true)
  [ -n "$json" ] || json='{}'
  rm -f "$flag"; wait "$sampler" 2>/dev/null || true
  rss=$(cat "$rssfile")
  set -- $m0 $m1
  printf '{"type":"load","run":%d,"scenario":"%s","conns":%d,"server":"%s","rss_kb":%s,"stub_queries":%d,"ticks_machine_busy":%d,"ticks_machine_total":%d,"ticks_server":%d,"clk_tck":%d,"nproc":%d,"wrk":%s}\n' \
    "$run" "$scn" "$conns" "$server" "${rss:-0}" $(( ${stub_after:-0} - ${stub_before:-0} )) $(( $3 - $1 )) $(( $4 - $2 )) $(( p1 - p0 )) \
    "$(getconf CLK_TCK)" "$(nproc)" "$json" >> "$RESULTS_JSONL"
  log "run $run  $scn c=$conns  $server: $(echo "$json" | sed 's/.*"rps":\([0-9.]*\).*"p50":\([0-9.]*\).*"p99":\([0-9.]*\).*/\1 req\/s p50 \2 ms p99 \3 ms/')"
}

# ---------------------------------------------------------------- machine and command
meta command "$COMMAND_LINE"
meta date_utc "$(date -u +'%Y-%m-%d %H:%M UTC')"
meta nproc "$(nproc)"
meta cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
meta memory "$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
meta os "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") / kernel $(uname -r)"
meta java "$(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"
meta wrk "$(wrk -v 2>&1 | head -1 | sed 's/ Copyright.*//')"
meta runs "$RUNS"
meta duration "$DURATION"
meta warmup "$WARMUP"
meta jmh_opts "$JMH_OPTS"
meta self_test "$SELF_TEST"
meta service_jar "${JAR:-none (self-test: baseline in both slots)}"
meta java_opts "${JAVA_OPTS_BOTH:-(none: JVM defaults)}"
meta service_args "--server.port=P --cds.fhir.allowed-servers=$STUB_URL $SERVICE_ARGS"
meta ready_path "$READY_PATH"
meta bench_commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
meta stub_dir "$STUB_DIR"

# ---------------------------------------------------------------- the stub FHIR server for (c)
java -cp "$BENCH_CP" org.metastasectomy.bench.StubFhirServer --port="$STUB_PORT" --dir="$STUB_DIR" --delay-ms=20 > "$LOGS/stub.log" 2>&1 &
STUB_PID=$!
PIDS+=("$STUB_PID")
START_MS=$(now_ms)
wait_ready stub "$STUB_PID" "$STUB_URL/metadata" 30 > /dev/null || die "stub FHIR server did not start"
log "stub FHIR server on $STUB_URL serving $STUB_DIR"

# ---------------------------------------------------------------- a quiet machine, if asked to wait for one
if [ "$WAIT_QUIET" -gt 0 ]; then
  quiet_end=$(( $(date +%s) + WAIT_QUIET * 60 ))
  while [ "$(date +%s)" -lt "$quiet_end" ]; do
    load1=$(cut -d' ' -f1 /proc/loadavg)
    awk -v l="$load1" 'BEGIN { exit !(l < 1.0) }' && break
    log "waiting for a quiet machine (load average $load1; up to ${WAIT_QUIET} min in all)"
    sleep 20
  done
fi
meta loadavg_start "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- the runs
SCENARIOS=("a 32" "v 32" "a 4" "b 32" "c 4")
for run in $(seq 1 "$RUNS"); do
  log "=== run $run of $RUNS ==="
  # one at a time, so that neither start-up competes with the other for the two cores
  start_baseline "$BASELINE_PORT" "$LOGS/baseline-run$run.log"; BASELINE_PID=$STARTED_PID; BASELINE_MS=$STARTED_MS
  printf '{"type":"startup","run":%d,"server":"baseline","ms":%d}\n' "$run" "$BASELINE_MS" >> "$RESULTS_JSONL"
  start_service "$SERVICE_PORT" "$LOGS/service-run$run.log"; SERVICE_PID=$STARTED_PID; SERVICE_MS=$STARTED_MS
  printf '{"type":"startup","run":%d,"server":"service","ms":%d}\n' "$run" "$STARTED_MS" >> "$RESULTS_JSONL"
  start_spring_baseline "$SPRING_PORT" "$LOGS/springboot-run$run.log"; SPRING_PID=$STARTED_PID
  printf '{"type":"startup","run":%d,"server":"springboot","ms":%d}\n' "$run" "$STARTED_MS" >> "$RESULTS_JSONL"
  log "start-up to ready: baseline $BASELINE_MS ms, service $SERVICE_MS ms, Spring Boot baseline $STARTED_MS ms"

  # one request of each scenario to each server: status and body kept for the report
  for scn in a b c; do
    eval "file=\$REQ_${scn}_FILE; path=\$REQ_${scn}_PATH"
    for pair in "service $SERVICE_PORT" "springboot $SPRING_PORT" "baseline $BASELINE_PORT"; do
      set -- $pair
      hdr=(-H 'Content-Type: application/json' -H 'Accept: application/json')
      [ -n "$AUTH" ] && hdr+=(-H "Authorization: $AUTH")
      res=$(curl -s -m 10 -o "$TARGET/responses/$1-$scn.json" -w '%{http_code} %{time_total}' "${hdr[@]}" --data-binary "@$file" "http://127.0.0.1:$2$path" || echo "000 0")
      printf '{"type":"probe","run":%d,"scenario":"%s","server":"%s","status":%d,"seconds":%s,"bytes":%d}\n' "$run" "$scn" "$1" \
        "${res%% *}" "${res##* }" "$(wc -c < "$TARGET/responses/$1-$scn.json" 2>/dev/null || echo 0)" >> "$RESULTS_JSONL"
      [ "${res%% *}" = 200 ] || log "WARNING: $1 answered ${res%% *} to scenario $scn (see bench/target/responses/$1-$scn.json)"
    done
  done

  log "warming up (${WARMUP} per scenario and server)"
  for scn in a b c; do
    eval "file=\$REQ_${scn}_FILE; path=\$REQ_${scn}_PATH"
    conns=32; [ "$scn" = c ] && conns=4
    run_wrk "warmup$run-$scn-service" "http://127.0.0.1:$SERVICE_PORT$path" "$file" "$conns" "$WARMUP" 2 > /dev/null
    run_wrk "warmup$run-$scn-springboot" "http://127.0.0.1:$SPRING_PORT$path" "$file" "$conns" "$WARMUP" 2 > /dev/null
    run_wrk "warmup$run-$scn-baseline" "http://127.0.0.1:$BASELINE_PORT$path" "$file" "$conns" "$WARMUP" 2 > /dev/null
  done

  for sc in "${SCENARIOS[@]}"; do
    set -- $sc
    # the service and the Spring Boot baseline back to back (their ratio is the target's), alternating who goes first
    # so that neither always gets the hotter (or cooler) machine; the JDK baseline after them
    if [ $((run % 2)) = 1 ]; then
      measure "$run" "$1" "$2" service "$SERVICE_PORT" "$SERVICE_PID"
      measure "$run" "$1" "$2" springboot "$SPRING_PORT" "$SPRING_PID"
    else
      measure "$run" "$1" "$2" springboot "$SPRING_PORT" "$SPRING_PID"
      measure "$run" "$1" "$2" service "$SERVICE_PORT" "$SERVICE_PID"
    fi
    measure "$run" "$1" "$2" baseline "$BASELINE_PORT" "$BASELINE_PID"
  done
  printf '{"type":"hwm","run":%d,"server":"service","kb":%s}\n{"type":"hwm","run":%d,"server":"baseline","kb":%s}\n{"type":"hwm","run":%d,"server":"springboot","kb":%s}\n' \
    "$run" "$(vm_hwm "$SERVICE_PID")" "$run" "$(vm_hwm "$BASELINE_PID")" "$run" "$(vm_hwm "$SPRING_PID")" >> "$RESULTS_JSONL"

  if [ "$run" = "$RUNS" ] && [ "$RUN_JFR" = 1 ] && [ "$SELF_TEST" = 0 ] && command -v jcmd >/dev/null 2>&1; then
    log "profiling the service with JFR (${JFR_SECONDS}s per scenario, after the measured runs)"
    # the JDK's "profile" settings, with Java method sampling every 2 ms instead of 10 (more samples in a short window)
    JFC="$RAW/bench-profile.jfc"
    JAVA_HOME_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if [ -f "$JAVA_HOME_DIR/lib/jfr/profile.jfc" ]; then
      awk '/<event name="jdk.ExecutionSample">/{s=1} s && /name="period"/{sub(/>[^<]*</, ">2 ms<"); s=0} {print}' \
        "$JAVA_HOME_DIR/lib/jfr/profile.jfc" > "$JFC"
    else
      JFC=profile
    fi
    for sc in "${SCENARIOS[@]}"; do
      set -- $sc
      eval "file=\$REQ_${1}_FILE; path=\$REQ_${1}_PATH"
      jfr="$RAW/service-$1-c$2.jfr"
      timeout 20 jcmd "$SERVICE_PID" JFR.start name="bench-$1-$2" settings="$JFC" > /dev/null 2>&1 || { log "JFR.start failed"; continue; }
      run_wrk "jfr-$1-c$2" "http://127.0.0.1:$SERVICE_PORT$path" "$file" "$2" "${JFR_SECONDS}s" 2 > /dev/null
      timeout 30 jcmd "$SERVICE_PID" JFR.stop name="bench-$1-$2" filename="$jfr" > /dev/null 2>&1 || log "JFR.stop failed"
      [ -f "$jfr" ] && printf '{"type":"jfr","scenario":"%s","conns":%d,"file":"%s"}\n' "$1" "$2" "$jfr" >> "$RESULTS_JSONL"
    done
  fi

  stop_pid "$SERVICE_PID"; stop_pid "$BASELINE_PID"; stop_pid "$SPRING_PID"
done

# ---------------------------------------------------------------- (c): the slowest single query, each alone
log "timing each distinct query the service sent to the stub, alone (c=1)"
STATS=$(curl -s -m 5 "http://127.0.0.1:$STUB_PORT/__stats")
echo "$STATS" > "$RAW/stub-stats.json"
QUERIES=$(echo "$STATS" | grep -o '"GET /fhir/[^"]*"' | tr -d '"' | sed 's/^GET //' | grep -v '^/fhir/metadata$' | head -20 || true)
if [ -z "$QUERIES" ]; then
  # nothing was asked (e.g. self-test): time what a patient-view fallback would ask
  pid_c=$(sed -n 's/.*"patientId":"\([^"]*\)".*/\1/p' "$REQ_c_FILE")
  QUERIES=$(printf '/fhir/Patient/%s\n/fhir/Condition?patient=%s\n/fhir/Observation?patient=%s\n' "$pid_c" "$pid_c" "$pid_c")
  meta stub_queries_source "none sent by the service: representative queries"
else
  meta stub_queries_source "the distinct GET queries the service sent during (c)"
fi
while read -r q; do
  [ -n "$q" ] || continue
  json=$(AUTH="" run_wrk "stubquery" "http://127.0.0.1:$STUB_PORT$q" "" 1 3s 1)
  [ -n "$json" ] || json='{}'
  printf '{"type":"stubquery","uri":"%s","wrk":%s}\n' "$(echo "$q" | sed 's/"/\\"/g')" "$json" >> "$RESULTS_JSONL"
done <<< "$QUERIES"
stop_pid "$STUB_PID"

# ---------------------------------------------------------------- JMH
if [ "$RUN_JMH" = 1 ]; then
  log "JMH micro-benchmarks ($JMH_OPTS)"
  JMH_CP="$TARGET/classes:${SERVICE_CP:+$SERVICE_CP:}$TARGET/lib/*"
  # shellcheck disable=SC2086
  timeout 1800 java -cp "$JMH_CP" -Dbench.request.a="$REQ_a_FILE" -Dbench.request.b="$REQ_b_FILE" \
    org.openjdk.jmh.Main $JMH_OPTS -jvmArgsAppend "-Dbench.request.a=$REQ_a_FILE -Dbench.request.b=$REQ_b_FILE" \
    -rf json -rff "$RAW/jmh.json" > "$LOGS/jmh.log" 2>&1 || { tail -30 "$LOGS/jmh.log" >&2; log "JMH failed (see bench/target/logs/jmh.log)"; }
fi

meta loadavg_end "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- the report
REPORT="$RESULTS/$STAMP-report.md"
java -cp "$BENCH_CP" org.metastasectomy.bench.Report --raw="$RAW" --out="$REPORT" --root="$ROOT" \
  || die "report generation failed"
cp "$RESULTS_JSONL" "$RESULTS/$STAMP.raw"
log "report: ${REPORT#"$ROOT"/}"
cat "$REPORT"
