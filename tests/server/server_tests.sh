#!/usr/bin/env bash
# The HTTP server's tests, as ctest runs them: the API (every route, role and
# error, checked against the OpenAPI document), the web UI's files, eight
# clients racing on one allocation (SQLite, and PostgreSQL when
# HF_TEST_POSTGRES_URL names a server),
# SIGKILL while clients draw, and the legal cases through the server and the CLI.
#
# Usage: server_tests.sh HIGHFENCE_BINARY REPO_DIR
set -u
hf=$1
repo=$2
here="$repo/tests/server"
failed=0
suites=0
run() {
  suites=$((suites + 1))
  python3 "$@" || failed=$((failed + 1))
}
python3 -c 'import jsonschema, yaml' || {
  echo "FAIL python3-jsonschema and python3-yaml are needed (scripts/setup.sh installs them)"
  exit 1
}
run "$here/api_test.py" "$hf"
run "$here/web_test.py" "$hf"
run "$here/race_test.py" "$hf"
run "$here/kill_test.py" "$hf" "${HF_KILL_ROUNDS:-3}"
run "$here/differential_test.py" "$hf" "$repo/tests/cases"
if [ -n "${HF_TEST_POSTGRES_URL:-}" ]; then
  db="hf_server_$$_$RANDOM"
  if psql "$HF_TEST_POSTGRES_URL" -qc "CREATE DATABASE $db" >/dev/null; then
    run "$here/race_test.py" "$hf" "${HF_TEST_POSTGRES_URL%/*}/$db"
    psql "$HF_TEST_POSTGRES_URL" -qc "DROP DATABASE $db" >/dev/null
  else
    echo "FAIL could not create a database on $HF_TEST_POSTGRES_URL"
    failed=$((failed + 1))
  fi
else
  echo "skipped: the server on PostgreSQL (HF_TEST_POSTGRES_URL is not set; .ci/run starts a server)"
fi
echo "server suites: $((suites - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
