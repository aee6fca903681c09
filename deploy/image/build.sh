#!/usr/bin/env bash
# Builds the service image without a Docker engine or a registry:
#   target/metastasectomy-cds-<version>-image.tar   (docker-archive: `docker load -i …`, or push it with
#                                                    `skopeo copy docker-archive:… docker://<registry>/…`)
# The base (Debian bookworm + Java 17 runtime, deploy/image/base.sh) is built first when target/image/base.tar is
# missing; then Jib (pom.xml, profile "image") adds the application in three layers. Needs root and Debian's apt
# repositories for the base, Maven Central for Jib. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
base=target/image/base.tar
if [ ! -f "$base" ]; then
  mkdir -p target/image
  deploy/image/base.sh "$base"
fi
./mvnw -B -Pimage -DskipTests package "$@"
