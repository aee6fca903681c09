#!/usr/bin/env bash
# Builds the service image's base without a Docker engine or a registry: Debian 12 (bookworm, with its security
# updates) with openjdk-17-jre-headless, ca-certificates and curl, the service user 10001:10001 and /app/data owned
# by it. Writes a `docker save` archive (manifest.json, config, one layer), which Jib takes as its base image
# (pom.xml, profile "image": <from><image>tar://…</image></from>) and `docker load` reads too.
#
#   deploy/image/base.sh OUT.tar
#
# Needs root (mmdebstrap runs dpkg in a chroot) and Debian's apt repositories; installs mmdebstrap when missing.
# DEBIAN_MIRROR and DEBIAN_SECURITY_MIRROR point it at a local mirror. A rebuild picks up Debian's latest security
# updates: rebuild the image to patch the JRE, glibc or OpenSSL.
set -euo pipefail
out=$(realpath -m "${1:?usage: base.sh OUT.tar}")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# the service user: numeric in the image config, so Kubernetes can verify runAsNonRoot (deployment.yaml: runAsUser)
uid=10001
# file times and the config's "created": the commit's time, so that the same packages give the same layer
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$(dirname "$0")" log -1 --format=%ct 2>/dev/null || date +%s)}

[ "$(id -u)" = 0 ] || { echo "base.sh needs root (mmdebstrap --mode=root)" >&2; exit 2; }
if ! command -v mmdebstrap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/cds-base.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

# "essential": dpkg and its status database (image scanners read the package versions there), no apt. No manual
# pages, documentation (copyright files kept) or translations. openjdk's postinst registers man-page alternatives,
# hence the empty man1 directory.
mmdebstrap --mode=root --variant=essential --format=directory --quiet \
  --include=openjdk-17-jre-headless,ca-certificates,curl \
  --aptopt='Acquire::Languages "none"' --dpkgopt=force-unsafe-io \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
  bookworm "$root" "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main"

echo "cds:x:$uid:" >> "$root/etc/group"
echo "cds:x:$uid:$uid::/app:/usr/sbin/nologin" >> "$root/etc/passwd"
if [ -f "$root/etc/shadow" ]; then echo "cds:!:1::::::" >> "$root/etc/shadow"; fi
# the default H2 database is ./data/cds under the working directory /app (Jib's files are root's and read-only)
install -d -o "$uid" -g "$uid" -m 0750 "$root/app/data"
# a container engine provides /dev, /proc, /sys, /run and /tmp; caches and logs of the build stay out
rm -rf "$root"/dev/* "$root"/proc/* "$root"/sys/* "$root"/run/* "$root"/tmp/* "$root"/var/cache/* "$root"/var/log/*
java_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$root/usr/lib/jvm/java-17-openjdk-amd64/release")

# the docker-save archive: one uncompressed layer (its sha256 is both its digest and its diff_id), a config, a manifest
mkdir "$work/image"
tar -C "$root" --sort=name --numeric-owner --xattrs --xattrs-include='security.capability' --format=posix \
  --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime \
  -cf "$work/image/layer.tar" .
layer=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
created=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8",
                  "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"],
           "Healthcheck":{"Test":["CMD-SHELL","curl -fsS http://localhost:\${SERVER_PORT:-8080}/actuator/health/readiness > /dev/null || exit 1"],
                          "Interval":15000000000,"Timeout":3000000000,"StartPeriod":60000000000,"Retries":3},
           "Labels":{"org.opencontainers.image.base.name":"debian:bookworm (mmdebstrap, deploy/image/base.sh)",
                     "org.metastasectomy.java.version":"$java_version"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer"]},
 "history":[{"created":"$created","created_by":"deploy/image/base.sh: Debian bookworm, openjdk-17-jre-headless $java_version"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["metastasectomy-cds-base:bookworm"],"Layers":["layer.tar"]}]' > "$work/image/manifest.json"
tar -C "$work/image" --sort=name --numeric-owner --owner=0 --group=0 --mtime="@$SOURCE_DATE_EPOCH" \
  -cf "$out" manifest.json config.json layer.tar
echo "$out: Debian bookworm, Java $java_version, layer sha256:$layer ($(du -h "$out" | cut -f1))"
