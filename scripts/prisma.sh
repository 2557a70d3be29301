#!/usr/bin/env bash
# Runs the Prisma CLI offline: `generate` needs no engine download; migrations go through `npm run db:migrate`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PRISMA_SCHEMA_ENGINE_BINARY="$root/scripts/migrate/schema-engine-unavailable.sh"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
exec "$root/node_modules/.bin/prisma" "$@"
