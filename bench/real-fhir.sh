#!/usr/bin/env bash
# The fallback on a real FHIR server (issue 14): latency of hook calls without prefetch, the service fetching every key
# from a HAPI FHIR JPA server (fhir-test-server/, H2) loaded by the service's own load-examples and then restarted.
# For every example: the first call after the restart (cold), then warm calls (p50/p99), beside the slowest single
# query of that patient timed alone against the server; and whether the answer equals the prefetch answer.
#
#   bench/real-fhir.sh [--warm 30] [--warmup 30] [--jar target/metastasectomy-cds-0.1.0.jar] [--service-args "--cds.fhir.x=y"]
#
# Writes bench/results/<UTC date-time>-real-fhir.md. Talks to 127.0.0.1 only. See bench/README.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WARM=30
WARMUP=30
JAR=""
SERVICE_ARGS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --warm) WARM=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --service-args) SERVICE_ARGS=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

OUT="$BENCH_DIR/target/real-fhir"
rm -rf "$OUT" && mkdir -p "$OUT/db" "$OUT/bodies" "$BENCH_DIR/results"
STAMP=$(date -u +%Y-%m-%d-%H%M)
REPORT="$BENCH_DIR/results/$STAMP-real-fhir.md"
log() { printf '[real-fhir %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for tool in java curl jq; do command -v "$tool" >/dev/null 2>&1 || die "$tool is required (apt-get install $tool)"; done

# ---------------------------------------------------------------- only the processes started here are stopped
PIDS=()
cleanup() { local p; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }

# ---------------------------------------------------------------- build what is missing
[ -n "$JAR" ] || JAR=$(ls "$ROOT"/target/metastasectomy-cds-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then log "building the service jar"; (cd "$ROOT" && ./mvnw -B -q -DskipTests package); JAR=$(ls "$ROOT"/target/metastasectomy-cds-*.jar | head -1); fi
SERVER_JAR="$ROOT/fhir-test-server/target/fhir-test-server.jar"
if [ ! -f "$SERVER_JAR" ]; then log "building fhir-test-server"; (cd "$ROOT" && ./mvnw -B -q -f fhir-test-server/pom.xml -DskipTests package); fi

FHIR_PORT=$(free_port)
start_fhir() { # $1 = log file, then extra options
  local logf=$1; shift
  java -Xmx1g -jar "$SERVER_JAR" --database "$OUT/db" --port "$FHIR_PORT" --stop-when-stdin-closes false "$@" \
    > "$logf" 2>&1 < /dev/null &
  FHIR_PID=$!; PIDS+=("$FHIR_PID")
  local i; for i in $(seq 1 1200); do grep -q 'FHIR-TEST-SERVER READY' "$logf" && return 0; kill -0 "$FHIR_PID" 2>/dev/null || die "FHIR server died: $logf"; sleep 0.5; done
  die "FHIR server did not start: $logf"
}
stop_fhir() { kill "$FHIR_PID" 2>/dev/null || true; wait "$FHIR_PID" 2>/dev/null || true; }

log "starting the FHIR server and loading the examples"
start_fhir "$OUT/fhir-load.log"
java -jar "$JAR" load-examples --fhir-server "http://127.0.0.1:$FHIR_PORT/fhir" | tee "$OUT/load.log" >&2
stop_fhir
log "restarting it (it writes its links as http://localhost:$FHIR_PORT/fhir: an alias)"
start_fhir "$OUT/fhir.log" --server-address "http://localhost:$FHIR_PORT/fhir/"
# READY <base> <start ms> <readiness probe ms>: the restarted server has answered GET /metadata, no search yet
FHIR_START_MS=$(grep -o 'READY [^ ]* [0-9]* [0-9]*' "$OUT/fhir.log" | awk '{print $3}')
FHIR_PROBE_MS=$(grep -o 'READY [^ ]* [0-9]* [0-9]*' "$OUT/fhir.log" | awk '{print $4}')
BASE="http://127.0.0.1:$FHIR_PORT/fhir"

SERVICE_PORT=$(free_port)
mkdir -p "$OUT/service-workdir"
(cd "$OUT/service-workdir" && exec java -jar "$JAR" --server.port="$SERVICE_PORT" \
  "--cds.fhir.allowed-servers[0]=$BASE http://localhost:$FHIR_PORT/fhir" $SERVICE_ARGS) > "$OUT/service.log" 2>&1 &
PIDS+=("$!")
for i in $(seq 1 600); do curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$SERVICE_PORT/actuator/health/readiness" >/dev/null || die "service not ready: $OUT/service.log"
log "service ready on $SERVICE_PORT"
# the cold calls need the CPU the shared machine may not give: wait (at most 5 min) until a core stays idle for 2 s
idle_cores() { local a b; a=$(head -1 /proc/stat); sleep 2; b=$(head -1 /proc/stat)
  echo "$a" "$b" | awk -v n="$(nproc)" '{t1=0; for (i=2;i<=9;i++) t1+=$i; t2=0; for (i=13;i<=20;i++) t2+=$i;
    printf "%.2f\n", n * (($16+$17) - ($5+$6)) / (t2 - t1)}'; }
IDLE_AT_COLD="no"
for i in $(seq 1 150); do c=$(idle_cores); if awk -v c="$c" 'BEGIN {exit !(c >= 1.0)}'; then IDLE_AT_COLD="yes ($c idle cores)"; break; fi; done
log "a core idle before the cold calls: $IDLE_AT_COLD"
LOAD_AT_COLD=$(cut -d' ' -f1-3 /proc/loadavg)

ms() { awk '{printf "%d\n", $1 * 1000}'; }
post() { # $1 service id, $2 body file, $3 response file -> prints ms; the HTTP status is appended to $3.status
  curl -s -o "$3" -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' --data-binary @"$2" \
    "http://127.0.0.1:$SERVICE_PORT/cds-services/$1" | tee -a "$3.status" | awk '{print $2}' | ms
}
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR-1)*p/100)+1; print a[i]}'; }
cards() { jq -S 'del(.. | .uuid?)' "$1" 2>/dev/null; }
# The headers the service sends with every GET (intake/FhirGet): its Accept, gzip, and the request's bearer token.
FHIR_HEADERS=(-H 'Accept: application/fhir+json, application/json;q=0.9' -H 'Accept-Encoding: gzip' -H 'Authorization: Bearer bench-token')
# The six URLs the service sends for a patient: its discovery templates, _count=cds.fhir.page-size (200) on searches,
# and the one character of the templates that may not stand in a URI, '|', encoded as intake/CanonicalUrl.toUri does.
service_urls() { # $1 service id, $2 patient id
  local template q
  while read -r template; do
    q=$(echo "$template" | sed "s/{{context.patientId}}/$2/")
    case "$q" in *\?*) q="$q&_count=200" ;; esac
    q=$(printf '%s' "$q" | sed 's/|/%7C/g')
    if printf '%s' "$q" | grep -q "[^][A-Za-z0-9._~:/?#@!\$&'()*+,;=%-]"; then die "query needs more encoding than '|': $q"; fi
    echo "$BASE/$q"
  done < <(jq -r --arg id "$1" '.services[] | select(.id == $id) | .prefetch[]' "$ROOT/cds-hooks/services/discovery.json")
}
# The six GETs one after another on one connection (as the service's pool reuses its connections): ms per GET, in order
alone() { local u args=(); for u in "$@"; do args+=(-o /dev/null "$u"); done
  curl -s "${FHIR_HEADERS[@]}" -w '%{time_total}\n' "${args[@]}" | ms; }
# The six GETs at the same moment, nothing else asking (curl --parallel): ms until the last one is in
at_once() { local u args=(); for u in "$@"; do args+=(-o /dev/null "$u"); done
  curl -s --no-progress-meter -Z --parallel-immediate --parallel-max "$#" "${FHIR_HEADERS[@]}" -w '%{time_total}\n' "${args[@]}" | ms | sort -n | tail -1; }
# The example with full prefetch: as it is, or, for one that has none but ships its EHR's answers
# (prefetch-missing/fhir-server/), with those as its prefetch (its fhirServer is not allowed: nothing is fetched)
PREFETCH_FILES='{"patient":"Patient","conditions":"Condition","observations":"Observation","procedures":"Procedure","medications":"MedicationRequest","tumorBoard":"ServiceRequest"}'
prefetch_body() { # $1 example dir -> the request with prefetch, or nothing
  local req="$1/request.json" key file args=() filter='.'
  if jq -e 'has("prefetch")' "$req" >/dev/null; then jq -c . "$req"; return; fi
  [ -d "$1/fhir-server" ] || return 0
  for key in $(echo "$PREFETCH_FILES" | jq -r 'keys[]'); do
    file="$1/fhir-server/$(echo "$PREFETCH_FILES" | jq -r --arg k "$key" '.[$k]').json"
    [ -f "$file" ] || return 0
    args+=(--slurpfile "$key" "$file"); filter="$filter | .prefetch.$key = \$$key[0]"
  done
  jq -c "${args[@]}" "$filter" "$req"
}

# GETs the service has sent to the FHIR server so far (its cds_fhir_fetch_seconds counts one per key)
fetched_keys() { curl -s "http://127.0.0.1:$SERVICE_PORT/actuator/prometheus" | awk '/^cds_fhir_fetch_seconds_count/ {n += $NF} END {printf "%d\n", n}'; }

ROWS=()
UNREACHABLE=()
for dir in "$ROOT"/cds-hooks/examples/*/; do
  name=$(basename "$dir"); req="$dir/request.json"; [ -f "$req" ] || continue
  hook=$(jq -r .hook "$req"); service="metastasectomy-$hook"
  patient=$(jq -r .context.patientId "$req")
  jq -c --arg s "$BASE" 'del(.prefetch) | .fhirServer = $s
    | .fhirAuthorization = {access_token: "bench-token", token_type: "Bearer", expires_in: 300, scope: "patient/*.read", subject: "cds"}' \
    "$req" > "$OUT/bodies/$name-fallback.json"
  jq -c . "$req" > "$OUT/bodies/$name-prefetch.json"
  prefetch_body "$dir" > "$OUT/bodies/$name-floor.json"
  mapfile -t URLS < <(service_urls "$service" "$patient")
  [ "${#URLS[@]}" -eq 6 ] || die "$service: expected six prefetch queries, got ${#URLS[@]}"

  cold=$(post "$service" "$OUT/bodies/$name-fallback.json" "$OUT/$name-cold.json")
  # warm-up: the service and the FHIR server meet this patient's calls and queries before anything is timed
  for i in $(seq 1 "$WARMUP"); do
    post "$service" "$OUT/bodies/$name-fallback.json" "$OUT/$name-warmup.json" > /dev/null
    alone "${URLS[@]}" > /dev/null; at_once "${URLS[@]}" > /dev/null
  done
  # measured rounds, interleaved so that all columns meet the same machine: a fallback call, the six queries alone
  # one after another, the six at once, and the same patient's call with full prefetch (the service's floor)
  : > "$OUT/$name-warm.ms"; : > "$OUT/$name-alone.ms"; : > "$OUT/$name-at-once.ms"; : > "$OUT/$name-floor.ms"
  keys_before=$(fetched_keys)
  for i in $(seq 1 "$WARM"); do
    post "$service" "$OUT/bodies/$name-fallback.json" "$OUT/$name-warm.json" >> "$OUT/$name-warm.ms"
    alone "${URLS[@]}" | paste -sd' ' >> "$OUT/$name-alone.ms"
    at_once "${URLS[@]}" >> "$OUT/$name-at-once.ms"
    if [ -s "$OUT/bodies/$name-floor.json" ]; then
      post "$service" "$OUT/bodies/$name-floor.json" "$OUT/$name-floor.json" >> "$OUT/$name-floor.ms"
    fi
  done
  keys=$(( ($(fetched_keys) - keys_before) / WARM ))
  post "$service" "$OUT/bodies/$name-prefetch.json" "$OUT/$name-prefetch.json" > /dev/null
  same="yes"
  if jq -e 'has("prefetch")' "$req" >/dev/null; then
    [ "$(cards "$OUT/$name-cold.json")" = "$(cards "$OUT/$name-prefetch.json")" ] || same="NO"
  elif [ -s "$OUT/bodies/$name-floor.json" ]; then
    [ "$(cards "$OUT/$name-cold.json")" = "$(cards "$OUT/$name-floor.json")" ] || same="NO"
  fi
  [ "$(cards "$OUT/$name-cold.json")" = "$(cards "$OUT/$name-warm.json")" ] || same="NO (cold != warm)"
  grep -q 'Could not be fetched' "$OUT/$name-cold.json" && same="$same; cold card names missing data"
  not200=$(cat "$OUT/$name-cold.json.status" "$OUT/$name-warm.json.status" | awk '$1 != 200' | wc -l)
  [ "$not200" -eq 0 ] || same="$same; $not200 of $((WARM + 1)) fallback answers not 200 (412: see $OUT/service.log)"
  # the slowest query: the highest of the six queries' p50s, each timed alone
  slowest=0
  for col in 1 2 3 4 5 6; do
    p50=$(awk -v c=$col '{print $c}' "$OUT/$name-alone.ms" | pct 50)
    [ "$p50" -gt "$slowest" ] && slowest=$p50
  done
  together=$(pct 50 < "$OUT/$name-at-once.ms")
  floor=$([ -s "$OUT/$name-floor.ms" ] && pct 50 < "$OUT/$name-floor.ms" || echo "—")
  p50=$(pct 50 < "$OUT/$name-warm.ms"); p99=$(pct 99 < "$OUT/$name-warm.ms")
  deadline=$([ "$hook" = patient-view ] && echo 3000 || echo 1500)
  target=$((slowest + 15))
  ok_warm=$([ "$p50" -le "$target" ] && echo pass || echo FAIL)
  if [ "$ok_warm" = FAIL ] && [ "$together" -gt "$target" ]; then ok_warm="FAIL (six at once, alone: $together > $target)"; UNREACHABLE+=("$name"); fi
  share=$((p50 - together))
  if [ "$keys" -eq 0 ]; then share="— (nothing fetched)"; fi
  ok_cold=$([ "$cold" -le "$deadline" ] && echo pass || echo FAIL)
  ROWS+=("| $name | $hook | $cold | $p50 | $p99 | $keys | $slowest | $together | $share | $floor | $ok_warm | $ok_cold ($deadline) | $same |")
  log "$name: cold $cold ms, warm p50 $p50 p99 $p99, slowest query $slowest ms, six at once $together ms, prefetch call $floor ms, same cards: $same"
done

{
  echo "# Fallback on a real FHIR server — $STAMP UTC"
  echo
  echo "HAPI FHIR JPA server 8.8.0 (fhir-test-server/, H2 file database) loaded by \`load-examples\`, then restarted"
  echo "(start ${FHIR_START_MS} ms, then its readiness probe GET /metadata ${FHIR_PROBE_MS} ms; no search served) and met"
  echo "cold; its paging links name it http://localhost (an alias of 127.0.0.1). Load average before the first call: $LOAD_AT_COLD; a core idle for 2 s before it (waited up to 5 min): $IDLE_AT_COLD."
  echo "Service: \`$(basename "$JAR")\` with default settings$([ -n "$SERVICE_ARGS" ] && echo " and \`$SERVICE_ARGS\`")."
  echo
  echo "- **Cold**: the first call for that example after the server restart (the first row is also the server's first search)."
  echo "- **Warm**: after $WARMUP warm-up rounds for that example, $WARM measured rounds, one call at a time. Each round times,"
  echo "  one after another so that every column meets the same machine: a fallback call; the service's six queries for that"
  echo "  patient alone, one after another on one connection; the six at the same moment, nothing else asking; and the"
  echo "  same patient's call with full prefetch."
  echo "- **Slowest query**: the highest of the six queries' p50s, each sent alone exactly as the service sends it (its URL"
  echo "  with \`_count=200\` and '|' encoded, its \`Accept\`, \`Accept-Encoding: gzip\` and bearer token, a kept-alive connection)."
  echo "- **Six at once**: p50 of the time until the last of the six is in, when they are sent together as the service"
  echo "  sends them but by curl: what the FHIR server itself needs to answer one fallback call on this machine."
  echo "- **GETs per warm call**: keys the service fetched per measured call (its \`cds_fhir_fetch_seconds\` count): 0 when"
  echo "  the hook answers before it needs the patient's data (an order-select whose draft orders concern no rule)."
  echo "- **Service's share**: warm p50 − six at once: the service's own time around its fetches (taking the call, its"
  echo "  threads and HTTP client, parsing the answers, the cards, the audit)."
  echo "- **Prefetch call**: p50 of the same patient's call with every key prefetched (no FHIR server): the service's floor."
  echo "  For prefetch-missing, the prefetch is built from its \`fhir-server/\` files, the same resources the server holds."
  echo
  echo "Targets: warm p50 ≤ slowest query + 15 ms; cold within the deadline."
  echo
  echo "| example | hook | cold ms | warm p50 ms | warm p99 ms | GETs per warm call | slowest query ms | six at once ms | service's share ms | prefetch call ms | warm target | cold target | same cards as prefetch |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  if [ "${#UNREACHABLE[@]}" -gt 0 ]; then
    echo "Where the warm target says \"six at once, alone\", the FHIR server alone needs longer than the target to answer the"
    echo "six queries sent together, before the service does anything: on this machine the target cannot be met for"
    echo "${UNREACHABLE[*]}."
    echo
  fi
  echo "Machine: $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg). Command: \`bench/real-fhir.sh --warm $WARM --warmup $WARMUP\`."
} > "$REPORT"
log "report: $REPORT"
cat "$REPORT"
