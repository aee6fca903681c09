#!/usr/bin/env bash
# The service under a misbehaving EHR FHIR server (issue 15, findings 1 and 5): C concurrent callers keep asking for
# patient-view without prefetch while the server answers every search with a 215 MB searchset ("huge"), a gzip body
# that unpacks to 1 GB ("bomb"), or one byte per second ("drip"); one more caller uses a second, healthy server
# throughout. Reports, per mode: the answers (by status), the healthy caller's answers and latency, the highest heap
# used (sampled every second with jcmd) and whether liveness still answers afterwards.
#
#   bench/misbehaving-fhir.sh [--clients 25] [--seconds 30] [--heap 512m] [--jar target/metastasectomy-cds-0.1.0.jar]
#
# Writes bench/results/<UTC date-time>-misbehaving-fhir.md. Needs java (with jcmd), curl, jq and python3.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
CLIENTS=25
SECONDS_PER_MODE=30
HEAP=512m
JAR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS=$2; shift 2 ;;
    --seconds) SECONDS_PER_MODE=$2; shift 2 ;;
    --heap) HEAP=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

OUT="$BENCH_DIR/target/misbehaving-fhir"
rm -rf "$OUT" && mkdir -p "$OUT" "$BENCH_DIR/results"
STAMP=$(date -u +%Y-%m-%d-%H%M)
REPORT="$BENCH_DIR/results/$STAMP-misbehaving-fhir.md"
log() { printf '[misbehaving %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for tool in java jcmd curl jq python3; do command -v "$tool" >/dev/null 2>&1 || die "$tool is required"; done

PIDS=()
cleanup() { local p; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

[ -n "$JAR" ] || JAR=$(ls "$ROOT"/target/metastasectomy-cds-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then log "building the service jar"; (cd "$ROOT" && ./mvnw -B -q -DskipTests package); JAR=$(ls "$ROOT"/target/metastasectomy-cds-*.jar | head -1); fi

EXAMPLES="$ROOT/cds-hooks/examples/prefetch-missing/fhir-server"
BAD=$(free_port); GOOD=$(free_port)
for port in "$BAD" "$GOOD"; do
  python3 "$BENCH_DIR/misbehaving_fhir.py" "$port" "$EXAMPLES" > "$OUT/fhir-$port.log" 2>&1 &
  PIDS+=("$!")
done
for port in "$BAD" "$GOOD"; do
  for i in $(seq 1 240); do grep -q READY "$OUT/fhir-$port.log" && break; sleep 0.5; done
  grep -q READY "$OUT/fhir-$port.log" || die "stub FHIR server did not start: $OUT/fhir-$port.log"
done

SERVICE_PORT=$(free_port)
mkdir -p "$OUT/service-workdir"
(cd "$OUT/service-workdir" && exec java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" --server.port="$SERVICE_PORT" \
  "--cds.fhir.allowed-servers[0]=http://127.0.0.1:$BAD" "--cds.fhir.allowed-servers[1]=http://127.0.0.1:$GOOD") > "$OUT/service.log" 2>&1 &
SERVICE_PID=$!; PIDS+=("$SERVICE_PID")
for i in $(seq 1 600); do curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/health/readiness" >/dev/null || die "service not ready: $OUT/service.log"
log "service ready (heap $HEAP); misbehaving server :$BAD, healthy server :$GOOD"

URL="http://127.0.0.1:$SERVICE_PORT/cds-services/metastasectomy-patient-view"
body() { jq -c --arg s "$1" '.fhirServer = $s' "$ROOT/cds-hooks/examples/prefetch-missing/request.json"; }
body "http://127.0.0.1:$GOOD/ok/fhir" > "$OUT/healthy.json"
caller() { # $1 body file, $2 output file, $3 end epoch
  while [ "$(date +%s)" -lt "$3" ]; do
    curl -s -o /dev/null -m 60 -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' --data-binary @"$1" "$URL" >> "$2" || echo "000 0" >> "$2"
  done
}
heap_used_mb() { jcmd "$SERVICE_PID" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print int(v/1024); exit}}'; }

ROWS=()
for mode in huge bomb drip; do
  body "http://127.0.0.1:$BAD/$mode/fhir" > "$OUT/$mode.json"
  : > "$OUT/$mode.answers"; : > "$OUT/$mode.healthy"; : > "$OUT/$mode.heap"
  end=$(( $(date +%s) + SECONDS_PER_MODE ))
  callers=()
  for c in $(seq 1 "$CLIENTS"); do caller "$OUT/$mode.json" "$OUT/$mode.answers" "$end" & callers+=("$!"); done
  caller "$OUT/healthy.json" "$OUT/$mode.healthy" "$end" & callers+=("$!")
  while [ "$(date +%s)" -lt "$end" ]; do heap_used_mb >> "$OUT/$mode.heap" || true; sleep 1; done
  for p in "${callers[@]}"; do wait "$p" || true; done
  live=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "http://127.0.0.1:$SERVICE_PORT/actuator/health/liveness" || echo 000)
  alive=$(kill -0 "$SERVICE_PID" 2>/dev/null && echo yes || echo "NO (exited)")
  statuses=$(awk '{print $1}' "$OUT/$mode.answers" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  healthy=$(awk '{print $1}' "$OUT/$mode.healthy" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  hp50=$(awk '{print int($2*1000)}' "$OUT/$mode.healthy" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  hmax=$(awk '{print int($2*1000)}' "$OUT/$mode.healthy" | sort -n | tail -1)
  heap=$(sort -n "$OUT/$mode.heap" | tail -1)
  ROWS+=("| $mode | $statuses | $healthy | $hp50 / $hmax | ${heap:-?} | $live | $alive |")
  log "$mode: answers $statuses; healthy $healthy (p50 $hp50 ms, max $hmax ms); heap max ${heap:-?} MB; liveness $live"
done

{
  echo "# The service under a misbehaving FHIR server — $STAMP UTC"
  echo
  echo "Service \`$(basename "$JAR")\`, \`-Xmx$HEAP -XX:+ExitOnOutOfMemoryError\`, default \`cds.fhir.*\` settings. For $SECONDS_PER_MODE s per"
  echo "mode, $CLIENTS callers in a loop ask for patient-view without prefetch from the misbehaving server (every search:"
  echo "huge = a 215 MB searchset, bomb = 1 MB of gzip unpacking to 1 GB, drip = one byte per second); one more caller"
  echo "uses a second, healthy server. Answers by HTTP status (412: the conditions key failed, as it must); heap: highest"
  echo "\"used\" of \`jcmd GC.heap_info\`, sampled every second."
  echo
  echo "| mode | answers (misbehaving server) | answers (healthy server) | healthy p50 / max ms | heap max MB | liveness after | process alive |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Machine: $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg). Command: \`bench/misbehaving-fhir.sh --clients $CLIENTS --seconds $SECONDS_PER_MODE --heap $HEAP\`."
} > "$REPORT"
log "report: $REPORT"
cat "$REPORT"
