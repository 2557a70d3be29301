#!/usr/bin/env bash
# The whole test suite on a fresh machine of this kind: system packages, services, npm packages, then lint,
# typecheck, unit, integration (real PostgreSQL, Redis, Docker) and end-to-end (Chromium against `next start`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

bash scripts/install-system.sh
bash scripts/start-services.sh
ensure_node_modules
ensure_generated
bash waha-sim/build-image.sh

export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export NEXTAUTH_SECRET=$(random_secret) WHAGO_ENCRYPTION_KEY=$(random_secret)
rm -rf test-reports && mkdir -p test-reports

echo "== lint and typecheck"
npx eslint . --max-warnings=0
npx tsc --noEmit

echo "== unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-reports/unit.json

echo "== integration tests"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-reports/integration.json

echo "== end-to-end tests"
E2E_DB=whago_e2e
node -e '
  const pg = require("pg");
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  c.connect().then(() => c.query(`DROP DATABASE IF EXISTS ${process.argv[1]} WITH (FORCE)`))
    .then(() => c.query(`CREATE DATABASE ${process.argv[1]}`)).then(() => c.end());' "$E2E_DB"
export DATABASE_URL="${TEST_DATABASE_URL%/*}/$E2E_DB"
export E2E_PORT=${E2E_PORT:-4310}
export NEXTAUTH_URL="http://localhost:$E2E_PORT" WHAGO_WEBHOOK_BASE_URL="http://127.0.0.1:$E2E_PORT"
export WAHA_RUNTIME=process WAHA_SIM_TIME_SCALE=${WAHA_SIM_TIME_SCALE:-0.5} RATE_LIMIT_BACKEND=redis
# Every e2e request comes from 127.0.0.1: per-IP limits would throttle the whole suite, so they are raised here.
export RATE_LIMIT_LOGIN_PER_IP=1000/15m RATE_LIMIT_SIGNUP_PER_IP=1000/1h
# A loopback proxy gateway demanding credentials stands in for the residential provider (run by e2e/global-setup.ts).
export PROXY_GATEWAY_HOST=127.0.0.1 PROXY_GATEWAY_PORT=4491 PROXY_GATEWAY_USERNAME=e2e-gateway
export PROXY_GATEWAY_PASSWORD=$(random_secret) PROXY_CHECK_TARGET=127.0.0.1:4492 PROXY_CHECK_INTERVAL_MS=600000
export WAHA_PROCESS_DATA_DIR=$(mktemp -d /tmp/whago-e2e-waha.XXXXXX)
trap 'stop_simulators "$WAHA_PROCESS_DATA_DIR"' EXIT
# Migrated before the server starts: Playwright starts its web server before its global set-up.
npx tsx scripts/migrate/cli.ts deploy
npx next build >test-reports/next-build.log 2>&1 || { tail -50 test-reports/next-build.log; exit 1; }
CI=true npx playwright test

node scripts/test-summary.mjs test-reports/unit.json test-reports/integration.json test-reports/e2e.json
