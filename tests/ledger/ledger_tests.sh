#!/usr/bin/env bash
# The ledger's process-level fault tests, as ctest runs them: eight processes
# racing on one ledger, and SIGKILL at random moments, on SQLite; and the race
# again on PostgreSQL when HF_TEST_POSTGRES_URL names a server (CI starts one
# with tests/pg/start_postgres.sh).
#
# Usage: ledger_tests.sh HIGHFENCE_BINARY REPO_DIR
set -u
hf=$1
repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

bash "$repo/tests/ledger/race_test.sh" "$hf" "$work/race.db" || failed=$((failed + 1))
bash "$repo/tests/ledger/crash_test.sh" "$hf" "$work" || failed=$((failed + 1))
bash "$repo/tests/ledger/ledger_cli_test.sh" "$hf" "$work/cli.db" || failed=$((failed + 1))
suites=3

if [ -n "${HF_TEST_POSTGRES_URL:-}" ]; then
  db="hf_race_$$_$RANDOM"
  if psql "$HF_TEST_POSTGRES_URL" -qc "CREATE DATABASE $db" >/dev/null; then
    url="${HF_TEST_POSTGRES_URL%/*}/$db"
    bash "$repo/tests/ledger/race_test.sh" "$hf" "$url" || failed=$((failed + 1))
    psql "$HF_TEST_POSTGRES_URL" -qc "DROP DATABASE $db" >/dev/null
    for suffix in cli crashed clean; do
      psql "$HF_TEST_POSTGRES_URL" -qc "CREATE DATABASE ${db}_$suffix" >/dev/null
    done
    bash "$repo/tests/ledger/ledger_cli_test.sh" "$hf" "${url}_cli" || failed=$((failed + 1))
    HF_CRASH_KILLS=${HF_CRASH_KILLS_PG:-8} bash "$repo/tests/ledger/crash_test.sh" "$hf" \
      "${url}_crashed" "${url}_clean" || failed=$((failed + 1))
    for suffix in cli crashed clean; do
      psql "$HF_TEST_POSTGRES_URL" -qc "DROP DATABASE ${db}_$suffix" >/dev/null
    done
    suites=6
  else
    echo "FAIL could not create a database on $HF_TEST_POSTGRES_URL"
    failed=$((failed + 1))
  fi
else
  echo "skipped: PostgreSQL race (HF_TEST_POSTGRES_URL is not set; .ci/run starts a server)"
fi
echo "ledger suites: $((suites - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
