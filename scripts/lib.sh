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
