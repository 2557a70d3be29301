#!/bin/sh
# Stands in for Prisma's native schema-engine binary, which cannot be downloaded on these machines. Failing loudly
# (never exiting 0) keeps `prisma migrate …` from reporting a success that applied nothing. The Prisma CLI skips
# the first stderr line and shows the messages of the JSON log lines after it (no trailing newline: it parses
# every line, empty ones included).
hint="The native Prisma schema engine is not available here. Use: npm run db:migrate (apply), npm run db:migrate:new -- <name> (author), npx tsx scripts/migrate/cli.ts status"
echo "$hint" >&2
printf '{"level":"ERROR","target":"schema_engine::logger","fields":{"message":"%s"}}' "$hint" >&2
exit 1
