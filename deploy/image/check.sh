#!/usr/bin/env bash
# Starts the service image from its own entrypoint WITHOUT a container engine, and checks what an operator relies on:
#
#   deploy/image/check.sh target/metastasectomy-cds-<version>-image.tar
#
#  1. unpacks the archive's layers in order (each checked against the config's diff_id) into a root filesystem;
#  2. reads the image config: Entrypoint, Cmd, Env, User, WorkingDir, ExposedPorts;
#  3. checks it: a numeric non-root user, the JVM memory options in JAVA_TOOL_OPTIONS, port 8080 exposed,
#     /app/data (the default H2 database) the user's, a CA trust store in the JRE (https to JWKS and FHIR servers);
#  4. runs the entrypoint with --help (usage, exit 0), then starts the entrypoint as the image's user, in namespaces of
#     its own (pid, mount, network, uts, ipc), with the image's environment only, a read-only root file system and a
#     writable /tmp and /app/data, as Kubernetes (deployment.yaml) and a volume would give it;
#  5. checks the running service: readiness and liveness UP on the exposed port, discovery lists the three services,
#     the bundled example gets its tumour board card, the image's HEALTHCHECK and docker-compose.yml's health check
#     pass inside, the process runs as the user, its JVM picked up the memory options; then SIGTERM, graceful stop.
#
# Needs root (namespaces, chroot), GNU tar, gzip, jq, curl, procps (pgrep), util-linux (unshare, nsenter), iproute2 (ip).
# Only for images you built: unpacking follows the layers' paths as they are.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=$(realpath "${1:?usage: check.sh IMAGE.tar}")
example=$here/../../cds-hooks/examples/solitary-lung-favourable/request.json
ready_timeout=${READY_TIMEOUT:-300}
[ "$(id -u)" = 0 ] || { echo "check.sh needs root (namespaces, chroot)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cds-image-check.XXXXXX")
R=$work/rootfs
runner=
cleanup() {
  if [ -n "$runner" ]; then kill -KILL "$runner" 2>/dev/null || true; wait "$runner" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
t0=$(date +%s)
say() { echo "[check-image $(( $(date +%s) - t0 ))s] $*"; }
ok() { echo "  ok: $*"; }
fail() {
  echo "FAIL: $*" >&2
  if [ -s "$work/service.log" ]; then echo "--- service output, last 40 lines" >&2; tail -40 "$work/service.log" >&2; fi
  exit 1
}

# --- 1. the archive: manifest.json -> config and layers (docker-archive, as Jib's buildTar and docker save write) ---
mkdir -p "$work/archive" "$R"
tar -C "$work/archive" -xf "$image"
[ -f "$work/archive/manifest.json" ] || fail "$image has no manifest.json (not a docker-archive)"
config=$work/archive/$(jq -r '.[0].Config' "$work/archive/manifest.json")
mapfile -t layers < <(jq -r '.[0].Layers[]' "$work/archive/manifest.json")
[ "$(jq '.rootfs.diff_ids | length' "$config")" = "${#layers[@]}" ] || fail "the config and the manifest count different layers"
i=0
for layer in "${layers[@]}"; do
  f=$work/archive/$layer
  if [ "$(head -c2 "$f" | od -An -tx1 | tr -d ' \n')" = 1f8b ]; then unpacked=$(gzip -dc "$f" | sha256sum | cut -d' ' -f1)
  else unpacked=$(sha256sum "$f" | cut -d' ' -f1); fi
  [ "sha256:$unpacked" = "$(jq -r ".rootfs.diff_ids[$i]" "$config")" ] || fail "layer $i differs from its diff_id"
  i=$((i + 1))
  # whiteouts: .wh.NAME removes NAME of the layers below, .wh..wh..opq empties its directory
  while IFS= read -r w; do
    w=${w#./}; dir=$(dirname "$w"); name=$(basename "$w")
    if [ "$name" = .wh..wh..opq ]; then find "$R/$dir" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
    else rm -rf "${R:?}/$dir/${name#.wh.}"; fi
  done < <(tar -tf "$f" --warning=no-unknown-keyword | grep -E '(^|/)\.wh\.' || true)
  tar -C "$R" -xf "$f" --numeric-owner --same-owner --same-permissions --exclude='.wh.*' --warning=no-unknown-keyword
done
say "unpacked $image: ${#layers[@]} layers, $(du -sh "$R" | cut -f1) on disk"

# --- 2. the config ---------------------------------------------------------------------------------------------------
mapfile -t entrypoint < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
mapfile -t image_env < <(jq -r '.config.Env // [] | .[]' "$config")
workdir=$(jq -r '.config.WorkingDir // "/" | if . == "" then "/" else . end' "$config")
user=$(jq -r '.config.User // ""' "$config")
port=$(jq -r '.config.ExposedPorts // {} | keys[0] // "" | split("/")[0]' "$config")
java_options=$(printf '%s\n' "${image_env[@]}" | sed -n 's/^JAVA_TOOL_OPTIONS=//p')
say "entrypoint: ${entrypoint[*]}"
say "user $user, working directory $workdir, port $port, JAVA_TOOL_OPTIONS=$java_options"

# --- 3. static checks ------------------------------------------------------------------------------------------------
[[ $user =~ ^([0-9]+):([0-9]+)$ ]] || fail "User '$user' is not numeric uid:gid (Kubernetes runAsNonRoot cannot verify a name)"
uid=${BASH_REMATCH[1]} gid=${BASH_REMATCH[2]}
[ "$uid" != 0 ] || fail "the image runs as root"
ok "numeric non-root user $uid:$gid"
[[ " $java_options " == *" -XX:MaxRAMPercentage="* ]] || fail "JAVA_TOOL_OPTIONS lacks -XX:MaxRAMPercentage"
[[ " $java_options " == *" -XX:+ExitOnOutOfMemoryError "* ]] || fail "JAVA_TOOL_OPTIONS lacks -XX:+ExitOnOutOfMemoryError"
[[ " $java_options " == *" -XX:+UseSerialGC "* ]] || fail "JAVA_TOOL_OPTIONS lacks -XX:+UseSerialGC"
ok "memory options in JAVA_TOOL_OPTIONS"
[ "$port" = 8080 ] || fail "exposed port is '$port', not 8080"
[ "$(stat -c %u:%g "$R/app/data")" = "$uid:$gid" ] || fail "/app/data is not owned by $uid:$gid"
ok "port 8080 exposed; /app/data belongs to the service user"

# runs a command in the unpacked image as its user with its environment (no namespaces of its own beyond a pid one)
in_image() {
  unshare --mount --propagation private --pid --fork --kill-child bash -c 'mount -t proc proc "$0/proc" && exec "$@"' "$R" \
    env -i HOME=/app "${image_env[@]}" unshare --root="$R" --wd="$workdir" --setgid "$gid" --setuid "$uid" -- "$@"
}
certificates=$(in_image keytool -list -cacerts -storepass changeit 2>/dev/null | grep -c trustedCertEntry || true)
[ "$certificates" -gt 100 ] || fail "the JRE's trust store has $certificates certificates: https to JWKS and FHIR servers would fail"
ok "the JRE trusts $certificates CA certificates"
help=$(in_image "${entrypoint[@]}" --help 2>&1) || fail "the entrypoint with --help failed: $help"
grep -q '^Usage:' <<< "$help" || fail "--help printed no usage: $help"
ok "the entrypoint with --help prints the usage and exits 0"
flags=$(in_image "${entrypoint[0]}" -XX:+PrintFlagsFinal -version 2>&1) || fail "java -XX:+PrintFlagsFinal failed: $flags"
grep -q "Picked up JAVA_TOOL_OPTIONS: $java_options" <<< "$flags" || fail "the image's JVM did not pick up JAVA_TOOL_OPTIONS"
grep -Eq '^ *double +MaxRAMPercentage += 50\.0' <<< "$flags" || fail "MaxRAMPercentage is not 50 in the image's JVM"
grep -Eq '^ *bool +UseSerialGC += true ' <<< "$flags" || fail "the image's JVM does not use the serial collector"
grep -Eq '^ *bool +ExitOnOutOfMemoryError += true ' <<< "$flags" || fail "ExitOnOutOfMemoryError is not on in the image's JVM"
heap=$(awk '$2 == "MaxHeapSize" {print int($4 / 1048576)}' <<< "$flags")
ok "the image's JVM applies them: MaxRAMPercentage 50, serial GC, ExitOnOutOfMemoryError on, max heap ${heap} MB of $(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 )) MB"

# --- 4. start the entrypoint ---------------------------------------------------------------------------------------------
printf '127.0.0.1\tlocalhost cds-image-check\n::1\tlocalhost\n' > "$work/hosts"
echo cds-image-check > "$work/hostname"
: > "$work/resolv.conf"
mkdir -p "$work/data" && chown "$uid:$gid" "$work/data"
# the container side: PID 1 of a new pid namespace, root until the last exec (unshare --setuid)
cat > "$work/container.sh" <<'SH'
set -euo pipefail
R=$1 work=$2; shift 2
mount --bind "$R" "$R"
mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mount -t tmpfs -o nosuid,mode=755 tmpfs "$R/dev"
for d in null zero full random urandom tty; do touch "$R/dev/$d"; mount --bind "/dev/$d" "$R/dev/$d"; done
mkdir -p "$R/dev/shm" && mount -t tmpfs -o nosuid,nodev,mode=1777 shm "$R/dev/shm"
ln -s /proc/self/fd "$R/dev/fd"
mount --rbind /sys "$R/sys" && mount -o remount,bind,ro "$R/sys"
mount -t tmpfs -o nosuid,nodev,mode=1777 tmpfs "$R/tmp"
mount --bind "$work/data" "$R/app/data"
for f in hosts hostname resolv.conf; do [ -e "$R/etc/$f" ] || : > "$R/etc/$f"; mount --bind "$work/$f" "$R/etc/$f"; done
mount -o remount,bind,ro "$R"
hostname cds-image-check
ip link set lo up
exec "$@"
SH
start=$(date +%s)
unshare --mount --propagation private --pid --fork --kill-child --net --uts --ipc \
  bash "$work/container.sh" "$R" "$work" \
  env -i HOSTNAME=cds-image-check HOME=/app "${image_env[@]}" \
  unshare --root="$R" --wd="$workdir" --setgid "$gid" --setuid "$uid" -- "${entrypoint[@]}" > "$work/service.log" 2>&1 &
runner=$!
service=
for _ in $(seq 1 200); do
  service=$(pgrep -P "$runner" | head -1 || true)
  [ -n "$service" ] && [ "$(readlink "/proc/$service/root")" = "$R" ] && break
  kill -0 "$runner" 2>/dev/null || fail "the entrypoint exited at once"
  sleep 0.1
done
[ -n "$service" ] || fail "the service process did not start"
say "started the entrypoint as pid $service, read-only root file system"
get() { nsenter --net="/proc/$service/ns/net" curl -sS -m 10 "$@"; }

# --- 5. the running service --------------------------------------------------------------------------------------------
until readiness=$(get -f "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null); do
  kill -0 "$service" 2>/dev/null || fail "the service exited before it was ready"
  [ $(( $(date +%s) - start )) -lt "$ready_timeout" ] || fail "not ready within ${ready_timeout}s"
  sleep 1
done
jq -e '.status == "UP"' <<< "$readiness" > /dev/null || fail "readiness: $readiness"
ok "ready after $(( $(date +%s) - start ))s: $(jq -c '{status, knowledge: .components.knowledge.details.modelVersion}' <<< "$readiness")"
get -f "http://127.0.0.1:$port/actuator/health/liveness" | jq -e '.status == "UP"' > /dev/null || fail "liveness is not UP"
ok "liveness UP"
services=$(get -f "http://127.0.0.1:$port/cds-services" | jq -r '[.services[].id] | join(",")')
[ "$services" = metastasectomy-patient-view,metastasectomy-order-select,metastasectomy-order-sign ] || fail "discovery: $services"
ok "discovery: $services"
cards=$(get -f -H 'Content-Type: application/json' --data-binary "@$example" \
  "http://127.0.0.1:$port/cds-services/metastasectomy-patient-view" | jq -r '[.cards[].summary] | join(" | ")')
[ -n "$cards" ] || fail "the bundled example got no card"
ok "the example patient gets: $cards"
# docker-compose.yml's health check, run inside the container as its user, like `docker exec`
in_container() {
  env -i "${image_env[@]}" nsenter --target "$service" --mount --uts --ipc --net --pid --root --wd \
    --setgid "$gid" --setuid "$uid" -- "$@"
}
in_container curl -fsS "http://localhost:$port/actuator/health/readiness" > /dev/null \
  || fail "the compose health check (curl in the image) failed"
ok "the compose health check works inside the image (curl … /actuator/health/readiness)"
# the image's own Docker HEALTHCHECK (from the base: Jib keeps it), as `docker run` would run it
[ "$(jq -r '.config.Healthcheck.Test[0] // ""' "$config")" = CMD-SHELL ] || fail "the image has no CMD-SHELL HEALTHCHECK"
healthcheck=$(jq -r '.config.Healthcheck.Test[1]' "$config")
in_container /bin/sh -c "$healthcheck" || fail "the image's HEALTHCHECK failed: $healthcheck"
ok "the image's HEALTHCHECK passes: $healthcheck"
read -r _ ruid euid _ < <(grep '^Uid:' "/proc/$service/status")
read -r _ rgid egid _ < <(grep '^Gid:' "/proc/$service/status")
[ "$ruid $euid $rgid $egid" = "$uid $uid $gid $gid" ] || fail "the process runs as uid $ruid/$euid gid $rgid/$egid"
[ -z "$(grep '^Groups:' "/proc/$service/status" | cut -f2 | tr -d ' ')" ] || fail "the process has supplementary groups"
ok "the process runs as $uid:$gid, no supplementary groups: $(tr '\0' ' ' < "/proc/$service/cmdline" | cut -c1-90)…"
grep -qF "Picked up JAVA_TOOL_OPTIONS: $java_options" "$work/service.log" || fail "the service's JVM did not pick up JAVA_TOOL_OPTIONS"
ok "the service's JVM picked up JAVA_TOOL_OPTIONS; resident memory after the first request: $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$service/status") MB"

kill -TERM "$service"
for _ in $(seq 1 90); do kill -0 "$service" 2>/dev/null || break; sleep 0.5; done
kill -0 "$service" 2>/dev/null && fail "still running 45 s after SIGTERM"
status=0; wait "$runner" || status=$?
runner=
grep -q 'Graceful shutdown complete' "$work/service.log" || fail "no graceful shutdown (exit $status)"
ok "SIGTERM: graceful shutdown, exit $status"
say "PASS: $image"
