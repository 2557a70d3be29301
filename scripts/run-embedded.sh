#!/usr/bin/env bash
# Zero-setup default: npm packages, generated code, then whago on http://localhost:3000 with an embedded PostgreSQL
# (PGlite), the WAHA simulator as local processes and an in-process rate-limit store. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
ensure_node_modules
ensure_generated
exec npx tsx scripts/run-embedded.ts "$@"
