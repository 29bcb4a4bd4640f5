#!/usr/bin/env bash
# The browser tests against the real server: `build/highfence serve` on a fresh
# data folder (its first start prints the admin key the tests sign in with),
# serving the built UI (web/dist) at `/`, with the project's small screening
# fixture imported as its list snapshot. `make web-test` runs it after the run
# against the mock API.
#
# Before the suite its ledger is seeded from test/fixtures/real-seed.json
# (seed-real.mjs): an NVEU's declared installed base, then LPP, NVEU and
# allocation shipments determined as written, so the ledger charts have data.
#
# Usage (from anywhere): web/test/browser/real-server.sh [HIGHFENCE_BINARY [TEST_FILE...]]
# (test files relative to web/; all of test/browser/ by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
web=$(cd "$here/../.." && pwd)
repo=$(cd "$web/.." && pwd)
hf=${1:-$repo/build/highfence}
shift || true
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(test/browser/)
[ -x "$hf" ] || { echo "real-server.sh: $hf is missing: build it first (make build)" >&2; exit 1; }
[ -f "$web/dist/manifest.json" ] || { echo "real-server.sh: web/dist is missing: make web" >&2; exit 1; }

data=$(mktemp -d "${TMPDIR:-/tmp}/hf-web-real-XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" && wait "$pid" || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT

# The screening fixture (made by the project, not a copy of the list).
"$hf" lists import "$repo/tests/screening/fixtures/csl-sample.json" --store "$data/lists" >/dev/null

# The NVEU's installed base goes in before the server opens the ledger.
node "$here/seed-real.mjs" ledger "$hf" "$data/ledger.db"

"$hf" serve --port 0 --data "$data" --web "$web/dist" >"$data/serve.out" 2>"$data/serve.err" &
pid=$!
port=
for _ in $(seq 1 300); do
  port=$(sed -n 's|.*listening on http://[0-9.]*:\([0-9]*\).*|\1|p' "$data/serve.err")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$data/serve.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "real-server.sh: the server did not start" >&2; cat "$data/serve.err" >&2; exit 1; }
key=$(grep -o 'hf_[0-9a-f]\{16\}_[0-9a-f]\{64\}' "$data/serve.out" | head -n 1)
[ -n "$key" ] || { echo "real-server.sh: no admin key printed" >&2; exit 1; }
node "$here/seed-real.mjs" post "http://127.0.0.1:$port/" "$key"
echo "browser tests against highfence serve on 127.0.0.1:$port ($(grep -c '' "$data/serve.err") log lines)"

cd "$web"
HF_WEB_URL="http://127.0.0.1:$port/" HF_WEB_KEY="$key" \
  HF_WEB_SCREENSHOTS="$repo/build/ui-screenshots/real-server" \
  node --test --test-concurrency=1 "${tests[@]}"
