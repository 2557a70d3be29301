#!/usr/bin/env bash
# Builds a WAHA-simulator Docker image without any registry: a root filesystem holding this machine's node binary,
# the shared libraries it links, and the bundle, imported with `docker import`.
# Usage: waha-sim/build-image.sh [tag]   (or WAHA_SIM_IMAGE=tag); default whago/waha-sim:local
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag="${1:-${WAHA_SIM_IMAGE:-whago/waha-sim:local}}"
node_bin="$(readlink -f "$(command -v node)")"

node "$here/build.mjs"

rootfs="$(mktemp -d)"
trap 'rm -rf "$rootfs"' EXIT

mkdir -p "$rootfs/usr/local/bin" "$rootfs/app/.sessions" "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"
cp "$node_bin" "$rootfs/usr/local/bin/node"
cp "$here/dist/waha-sim.mjs" "$rootfs/app/waha-sim.mjs"

# Every library ldd resolves, plus the dynamic loader, at the same absolute paths.
while read -r lib; do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done < <(ldd "$node_bin" | grep -oE '/[^ ]+' | sort -u)

printf 'root:x:0:0:root:/root:/bin/false\n' > "$rootfs/etc/passwd"

tar -C "$rootfs" -c . | docker import \
  -c 'WORKDIR /app' \
  -c 'ENV WHATSAPP_API_PORT=3000' \
  -c 'EXPOSE 3000' \
  -c 'CMD ["/usr/local/bin/node", "/app/waha-sim.mjs"]' \
  - "$tag" >/dev/null

echo "built image $tag"
