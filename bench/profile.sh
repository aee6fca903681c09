#!/usr/bin/env bash
# Where one scenario's time goes: CPU milliseconds per request of a server, and (with async-profiler) its hottest frames.
#
#   bench/profile.sh --jar JAR --scenario a|b|c [--seconds 20] [--warmup 20] [--conns 32] [--java-opts "..."]
#                    [--async-profiler PATH/libasyncProfiler.so] [--args "--x=y"] [--out DIR] [--vary]
#
# --vary: every request's prefetch differs in whitespace only (wrk/bench.lua BENCH_VARY), so the service's assessment
# memo never hits: scenario (a') of issue 17, what a chart never sent twice costs.
#
# CPU per request is the server process's user+system time over the requests it answered: on a shared machine it moves
# far less than req/s does, so it is the figure to compare between builds and with the Spring Boot baseline
# (--jar bench/spring-baseline/target/spring-baseline.jar). Request bodies come from bench/target/requests/ (bench/run.sh
# writes them). async-profiler: tools.profiler:async-profiler on Maven Central ships libasyncProfiler.so inside its jar
# (linux-x64/); it is attached with jcmd JVMTI.agent_load (its options quoted: jcmd reads key=value itself), so no
# other binary is needed. Talks to 127.0.0.1 only.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VARY=0 JAR="" SCN=a SECONDS_=20 WARMUP=20 CONNS=32 JAVA_OPTS="" AP="" ARGS="" OUT="$BENCH_DIR/target/profile"
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR=$2; shift 2 ;;
    --scenario) SCN=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --conns) CONNS=$2; shift 2 ;;
    --java-opts) JAVA_OPTS=$2; shift 2 ;;
    --async-profiler) AP=$2; shift 2 ;;
    --args) ARGS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --vary) VARY=1; shift ;;
    *) sed -n '2,16p' "$0"; exit 2 ;;
  esac
done
[ -f "$JAR" ] || { echo "give --jar" >&2; exit 2; }
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
# shellcheck disable=SC1091
. "$BENCH_DIR/target/requests/requests.env"
eval "BODY=\$REQ_${SCN}_FILE; URLPATH=\$REQ_${SCN}_PATH"
mkdir -p "$OUT"
PORT=$(( 20000 + RANDOM % 20000 ))
NAME=$(basename "$JAR" .jar)-$SCN$([ "$VARY" = 1 ] && echo -varied || true)
WORK=$(mktemp -d)
# shellcheck disable=SC2086
(cd "$WORK" && exec java $JAVA_OPTS -jar "$JAR" --server.port=$PORT $ARGS) > "$OUT/$NAME.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 1200); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health/readiness" || true)" = 200 ] && break
  kill -0 $PID 2>/dev/null || { tail -20 "$OUT/$NAME.log"; exit 1; }
  sleep 0.1
done
load() { BENCH_BODY="$BODY" BENCH_VARY="${VARY:-0}" BENCH_LABEL=profile wrk -t2 -c"$CONNS" -d"$1" --timeout 5s --latency -s "$BENCH_DIR/wrk/bench.lua" "http://127.0.0.1:$PORT$URLPATH"; }
ticks() { local f; f=$(cat /proc/$PID/stat); f=${f##*) }; set -- $f; echo $(( ${12} + ${13} )); }
load "${WARMUP}s" > /dev/null
[ -n "$AP" ] && jcmd $PID JVMTI.agent_load "$AP" "\"start,event=cpu,interval=1ms\"" > /dev/null
t0=$(ticks)
json=$(load "${SECONDS_}s" | grep -m1 '^BENCHJSON ' | sed 's/^BENCHJSON //')
t1=$(ticks)
[ -n "$AP" ] && jcmd $PID JVMTI.agent_load "$AP" "\"stop,file=$OUT/$NAME.collapsed,collapsed\"" > /dev/null
req=$(echo "$json" | sed 's/.*"requests":\([0-9]*\).*/\1/')
errors=$(echo "$json" | sed 's/.*"errors_status":\([0-9]*\).*/\1/')
rps=$(echo "$json" | sed 's/.*"rps":\([0-9.]*\).*/\1/')
awk -v e="$errors" -v t=$(( t1 - t0 )) -v hz="$(getconf CLK_TCK)" -v r="$req" -v rps="$rps" -v n="$NAME" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN { printf "%s: %.0f req/s, %.3f CPU ms per request (%d requests, %d not 2xx, load average %s)\n", n, rps, 1000 * t / hz / r, r, e, l }' | tee "$OUT/$NAME.txt"
if [ -n "$AP" ] && [ -f "$OUT/$NAME.collapsed" ]; then
  # self time by frame, and time in stack by a few frames that name a stage of the request
  awk '{ n = $NF; $NF = ""; total += n; k = split($0, f, ";"); top = f[k]; gsub(/ +$/, "", top); self[top] += n;
         delete seen; for (i = 1; i <= k; i++) { g = f[i]; gsub(/ +$/, "", g); if (g ~ /metastasectomy|ObjectMapper.readTree|JsonParser.parseResource|AbstractJackson2HttpMessageConverter.write|Http11Processor.service|DispatcherServlet.doDispatch|FilterChainProxy.doFilter|ServerHttpObservationFilter|GCTaskThread|G1|CompileBroker|Interpreter/ && !(g in seen)) { seen[g] = 1; incl[g] += n } } }
       END { printf "%d samples\n\nself:\n", total; for (s in self) printf "%6.2f%% %s\n", 100 * self[s] / total, s | "sort -rn | head -40";
             close("sort -rn | head -40"); printf "\nin stack:\n"; for (s in incl) printf "%6.2f%% %s\n", 100 * incl[s] / total, s | "sort -rn | head -60" }' \
    "$OUT/$NAME.collapsed" > "$OUT/$NAME.top.txt"
  echo "profile: $OUT/$NAME.collapsed, summary $OUT/$NAME.top.txt"
fi
