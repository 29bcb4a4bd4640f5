#!/usr/bin/env bash
# Stops the test server that tests/pg/start_postgres.sh started (same HF_PG_PORT
# and HF_PG_DATA). With --clean, also removes its data directory. Quiet success
# when no server is running.
set -euo pipefail

port=${HF_PG_PORT:-54329}
data=${HF_PG_DATA:-/tmp/highfence-pg-$port}
bin=${HF_PG_BIN:-/usr/lib/postgresql/15/bin}

as_owner=()
if (( $(id -u) == 0 )) && [[ -d "$data" ]]; then
  as_owner=(runuser -u "$(stat -c %U "$data")" --)
fi

if [[ -s "$data/PG_VERSION" ]] && "${as_owner[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
then
  "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop >&2
fi
if [[ "${1:-}" == --clean ]]; then
  rm -rf "$data" "$data.initdb.log"
fi
