#!/usr/bin/env bash
# Starts the real services the integration and end-to-end tests use, each only where it is not already running:
# PostgreSQL 15 on 127.0.0.1:${PGPORT:-5432} (user postgres / password postgres), Redis on 127.0.0.1:${REDIS_PORT:-6379},
# and dockerd without a bridge (containers use host networking, so traffic stays on loopback).
set -euo pipefail
PGPORT=${PGPORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}
PGDATA=${WHAGO_TEST_PGDATA:-/var/tmp/whago-pg15}
PGBIN=/usr/lib/postgresql/15/bin

wait_for() { # description, seconds, command…
  local what=$1 secs=$2; shift 2
  for _ in $(seq 1 $((secs * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "[services] $what did not come up in ${secs}s" >&2; return 1
}

if ! "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q 2>/dev/null; then
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA"
    pwfile=$(mktemp) && echo postgres >"$pwfile" && chown postgres "$pwfile"
    su postgres -s /bin/sh -c "$PGBIN/initdb -D '$PGDATA' -U postgres --pwfile='$pwfile' --auth=scram-sha-256 -E UTF8" >/dev/null
    rm -f "$pwfile"
  fi
  su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D '$PGDATA' -l '$PGDATA/server.log' -w -o \"-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off\" start" >/dev/null
  wait_for "PostgreSQL" 30 "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT"
fi
echo "[services] PostgreSQL 15 on 127.0.0.1:$PGPORT"

if ! redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
  wait_for "Redis" 15 sh -c "redis-cli -p $REDIS_PORT ping | grep -q PONG"
fi
echo "[services] Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -c3-) on 127.0.0.1:$REDIS_PORT"

if ! docker version >/dev/null 2>&1; then
  nohup dockerd --bridge=none --iptables=false >/var/tmp/whago-dockerd.log 2>&1 &
  wait_for "dockerd" 60 docker version
fi
echo "[services] Docker engine $(docker version --format '{{.Server.Version}}')"
