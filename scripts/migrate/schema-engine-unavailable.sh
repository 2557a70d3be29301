#!/bin/sh
# Stands in for Prisma's native schema-engine binary, which cannot be downloaded on these machines. Failing loudly
# (never exiting 0) keeps `prisma migrate …` from reporting a success that applied nothing.
echo "The native Prisma schema engine is not available here. Use: npm run db:migrate (apply)," \
  "npm run db:migrate:new -- <name> (author), npx tsx scripts/migrate/cli.ts status" >&2
exit 1
