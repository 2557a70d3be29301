# Shared by the scripts in this folder: npm packages and generated code, installed only when out of date.
ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "[setup] npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_generated() {
  bash scripts/prisma.sh generate >/dev/null
  node waha-sim/build.mjs >/dev/null
}

random_secret() { node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64"))'; }

# The process runtime detaches its simulators (they outlive a whago restart, like containers); this stops the ones
# started for one data folder, found by the marker the runtime puts in their environment.
stop_simulators() {
  local dir=$1 environ pid
  for environ in /proc/[0-9]*/environ; do
    if { tr '\0' '\n' <"$environ"; } 2>/dev/null | grep -q "^WHAGO_INSTANCE_DIR=$dir"; then
      pid=${environ#/proc/}; kill "${pid%/environ}" 2>/dev/null || true
    fi
  done
}
