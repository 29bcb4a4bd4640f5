#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server for the ledger tests and prints the URL
# to use, e.g.
#
#   export HF_TEST_POSTGRES_URL=$(bash tests/pg/start_postgres.sh)
#
# The server comes from Debian's packages (postgresql-15, installed here when
# missing and we are root), runs as an unprivileged user (`postgres` when we are
# root, else the caller), listens on 127.0.0.1 only, on port HF_PG_PORT (default
# 54329), with its data under HF_PG_DATA (default /tmp/highfence-pg-PORT) and
# trust authentication for 127.0.0.1 and its own Unix socket only. It creates the
# database HF_PG_DB (default highfence_test) when missing.
#
# Idempotent: a server already running on that data directory is reused. Only
# the URL goes to stdout; progress and errors go to stderr. Stop it with
# tests/pg/stop_postgres.sh (add --clean to remove the data directory).
set -euo pipefail

port=${HF_PG_PORT:-54329}
data=${HF_PG_DATA:-/tmp/highfence-pg-$port}
db=${HF_PG_DB:-highfence_test}
bin=${HF_PG_BIN:-/usr/lib/postgresql/15/bin}
superuser=postgres  # the database superuser's name, whoever runs the server

log() { echo "start_postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

if [[ ! -x "$bin/pg_ctl" ]]; then
  (( $(id -u) == 0 )) || die "no PostgreSQL 15 in $bin; install postgresql-15 (as root)"
  log "installing postgresql-15"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends postgresql-15 >&2
  [[ -x "$bin/pg_ctl" ]] || die "postgresql-15 installed but $bin/pg_ctl is missing"
fi

# PostgreSQL refuses to run as root: run it as `postgres` (created here if the
# package did not), or as the caller when the caller is not root.
as_owner=()
if (( $(id -u) == 0 )); then
  owner=postgres
  if ! id -u "$owner" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$owner"
  fi
  as_owner=(runuser -u "$owner" --)
else
  owner=$(id -un)
fi

pg_ctl() { "${as_owner[@]}" "$bin/pg_ctl" -D "$data" "$@"; }
psql_super() {
  "${as_owner[@]}" "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" \
    -U "$superuser" -d postgres "$@"
}

if [[ ! -s "$data/PG_VERSION" ]]; then
  log "initialising $data (owner $owner)"
  mkdir -p "$data"
  chown "$owner" "$data"
  chmod 700 "$data"
  "${as_owner[@]}" "$bin/initdb" -D "$data" -U "$superuser" --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 ||
    { cat "$data.initdb.log" >&2; die "initdb failed"; }
  # Only this machine may connect, without a password: a throwaway test server.
  "${as_owner[@]}" tee "$data/pg_hba.conf" >/dev/null <<HBA
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
HBA
  "${as_owner[@]}" tee -a "$data/postgresql.conf" >/dev/null <<CONF
# highfence test server (tests/pg/start_postgres.sh)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
max_connections = 100
shared_buffers = 64MB
logging_collector = off
CONF
fi

server_up() { "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; }

if pg_ctl status >/dev/null 2>&1 && server_up; then
  log "reusing the server running on $data"
else
  # A server still starting, or what is left of one that was killed (its
  # processes take a moment to go): wait for it to come up or to be gone.
  for _ in $(seq 1 50); do
    pg_ctl status >/dev/null 2>&1 || break
    server_up && break
    sleep 0.2
  done
  if ! server_up; then
    if pg_ctl status >/dev/null 2>&1; then pg_ctl -m immediate -w stop >&2 || true; fi
    log "starting PostgreSQL 15 on 127.0.0.1:$port"
    pg_ctl -l "$data/server.log" -w -t 60 start >&2 ||
      { tail -n 30 "$data/server.log" >&2 || true; die "the server did not start"; }
  fi
fi

for _ in $(seq 1 50); do
  server_up && break
  sleep 0.2
done
server_up || die "the server does not accept connections on 127.0.0.1:$port"

if [[ -z $(psql_super -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
  log "creating database $db"
  psql_super -c "CREATE DATABASE \"$db\"" >&2
fi

echo "postgres://$superuser@127.0.0.1:$port/$db"
