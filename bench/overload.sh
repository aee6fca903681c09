#!/usr/bin/env bash
# Overload test of metastasectomy-cds (issue 15): what the heap and the answers do under many large requests at once,
# and whether slow senders can take every request thread. See bench/README.md, section "Overload".
#
#   bench/overload.sh [--jar PATH] [--compare-jar PATH] [--java-opts "-Xmx1g"] [--duration 30] [--slow-duration 60]
#                     [--port-base 18180] [--no-jwt]
#
# For each jar (the service, and optionally a second one to compare with, e.g. a build of main): starts it with the
# given heap and -XX:+ExitOnOutOfMemoryError, then runs
#   large-25 / large-50   25 and 50 clients posting a valid ~5 MB patient-view request back to back (LargeBodyLoad)
#   slow-220              220 clients sending a 100 kB body one byte every 5 s, while a normal request is sent every
#                         second (SlowBodyLoad)
#   slow-220-jwt          the same against the service with client authentication on (every slow sender gets a 401)
# and writes bench/results/<UTC date>-<time>-overload.md. Talks to 127.0.0.1 only; stops only what it started.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
COMMAND_LINE="bench/overload.sh $*"
JAR=""
COMPARE_JAR=""
JAVA_OPTS="-Xmx1g"
DURATION=30
SLOW_DURATION=60
PORT_BASE=18180
RUN_JWT=1
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR=$2; shift 2 ;;
    --compare-jar) COMPARE_JAR=$2; shift 2 ;;
    --java-opts) JAVA_OPTS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --slow-duration) SLOW_DURATION=$2; shift 2 ;;
    --port-base) PORT_BASE=$2; shift 2 ;;
    --no-jwt) RUN_JWT=0; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

TARGET="$BENCH_DIR/target"
LOGS="$TARGET/overload"
mkdir -p "$LOGS" "$BENCH_DIR/results"
STAMP=$(date -u +%Y-%m-%d-%H%M)
RESULTS="$LOGS/results.jsonl"
: > "$RESULTS"
EXAMPLE="$ROOT/cds-hooks/examples/solitary-lung-favourable/request.json"
log() { printf '[overload %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

PIDS=()
stop_pid() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() { local pid; for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && stop_pid "$pid"; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in java jstat curl; do command -v "$tool" >/dev/null 2>&1 || die "$tool is required"; done
[ -n "$JAR" ] || JAR=$(ls -t "$ROOT"/target/metastasectomy-cds-*.jar 2>/dev/null | grep -v -e '-plain' | head -1 || true)
[ -n "$JAR" ] && [ -f "$JAR" ] || die "no service jar: build it (./mvnw -DskipTests package) or give --jar"

if [ ! -f "$TARGET/classes/org/metastasectomy/bench/OverloadReport.class" ]; then
  log "building the bench (../mvnw -f bench/pom.xml package)"
  "$ROOT/mvnw" -q -f "$BENCH_DIR/pom.xml" -DskipTests package > "$LOGS/build.log" 2>&1 || { tail -30 "$LOGS/build.log" >&2; die "bench build failed"; }
fi
CP="$TARGET/classes:$TARGET/lib/*"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1 i; for i in $(seq 0 99); do port_busy $((p + i)) || { echo $((p + i)); return 0; }; done; die "no free port from $p"; }

# start_service JAR LABEL EXTRA_ARGS -> sets SVC_PID, SVC_URL
start_service() {
  local jar=$1 label=$2 extra=$3 port workdir
  port=$(free_port "$PORT_BASE")
  workdir="$LOGS/work-$label"
  rm -rf "$workdir" && mkdir -p "$workdir"
  # shellcheck disable=SC2086
  (cd "$workdir" && exec java $JAVA_OPTS -XX:+ExitOnOutOfMemoryError -jar "$jar" --server.port="$port" $extra) > "$LOGS/service-$label.log" 2>&1 &
  SVC_PID=$!
  PIDS+=("$SVC_PID")
  SVC_URL="http://127.0.0.1:$port"
  local i
  for i in $(seq 1 180); do
    kill -0 "$SVC_PID" 2>/dev/null || { tail -20 "$LOGS/service-$label.log" >&2; die "$label exited while starting"; }
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$SVC_URL/actuator/health/liveness" || true)" = 200 ] && return 0
    sleep 1
  done
  die "$label did not start within 180 s"
}

# record JAR_LABEL SCENARIO JSON_LINE: adds whether the process survived
record() {
  local alive=true
  kill -0 "$SVC_PID" 2>/dev/null || alive=false
  echo "$3" | sed "s/^OVERLOADJSON {/{\"jar\":\"$1\",\"run\":\"$2\",\"process_alive\":$alive,/" >> "$RESULTS"
  log "$1 $2: $(tail -1 "$RESULTS")"
}

run_jar() {
  local jar=$1 label=$2 out
  log "=== $label: $jar ($JAVA_OPTS) ==="
  for conns in 25 50; do
    start_service "$jar" "$label-large-$conns" ""
    out=$(java -cp "$CP" org.metastasectomy.bench.LargeBodyLoad --url="$SVC_URL" --pid="$SVC_PID" --example="$EXAMPLE" \
      --bytes=5000000 --concurrency="$conns" --duration="$DURATION" --label="$label" 2> "$LOGS/load-$label-$conns.err" | grep '^OVERLOADJSON' || echo 'OVERLOADJSON {}')
    record "$label" "large-$conns" "$out"
    grep -q 'OutOfMemoryError' "$LOGS/service-$label-large-$conns.log" && log "$label large-$conns: OutOfMemoryError in the service log"
    stop_pid "$SVC_PID"
  done
  start_service "$jar" "$label-slow" ""
  out=$(java -cp "$CP" org.metastasectomy.bench.SlowBodyLoad --url="$SVC_URL" --example="$EXAMPLE" --connections=220 \
    --interval-ms=5000 --duration="$SLOW_DURATION" --label="$label" 2> "$LOGS/slow-$label.err" | grep '^OVERLOADJSON' || echo 'OVERLOADJSON {}')
  record "$label" "slow-220" "$out"
  stop_pid "$SVC_PID"
  if [ "$RUN_JWT" = 1 ]; then
    # client authentication on with no trusted issuer: every CDS call is refused with 401, as for an attacker
    start_service "$jar" "$label-slow-jwt" "--cds.security.jwt.enabled=true"
    out=$(java -cp "$CP" org.metastasectomy.bench.SlowBodyLoad --url="$SVC_URL" --example="$EXAMPLE" --connections=220 \
      --interval-ms=5000 --duration="$SLOW_DURATION" --auth="Bearer not-a-valid-token" --label="$label" 2> "$LOGS/slow-jwt-$label.err" \
      | grep '^OVERLOADJSON' || echo 'OVERLOADJSON {}')
    record "$label" "slow-220-jwt" "$out"
    stop_pid "$SVC_PID"
  fi
}

run_jar "$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")" service
if [ -n "$COMPARE_JAR" ]; then
  run_jar "$(cd "$(dirname "$COMPARE_JAR")" && pwd)/$(basename "$COMPARE_JAR")" compared
fi

REPORT="$BENCH_DIR/results/$STAMP-overload.md"
java -cp "$CP" org.metastasectomy.bench.OverloadReport --results="$RESULTS" --out="$REPORT" \
  --java-opts="$JAVA_OPTS" --jar="$JAR" --compare-jar="$COMPARE_JAR" --command="$COMMAND_LINE"
log "report: ${REPORT#"$ROOT"/}"
cat "$REPORT"
