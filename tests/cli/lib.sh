# Helpers shared by the command-line tests in tests/cli/ (sourced, not run),
# over the assertions of tests/lib/cli_assert.sh.
# Each test script: `. "$(dirname "$0")/lib.sh" "$@"`, then run/expect_*, then
# `finish NAME`. A failed expectation names the case and what it wanted.

if [ $# -ne 2 ]; then
  echo "usage: $0 PATH/TO/highfence REPO_DIR" >&2
  exit 2
fi
HF=$1
REPO=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Tests must not see a CI variable they did not ask for.
unset CI
. "$REPO/tests/lib/cli_assert.sh"

# run_in NAME FILE CMD...: as run, with FILE on standard input.
run_in() {
  NAME=$1
  local input=$2
  shift 2
  "$@" <"$input" >"$TMP/out" 2>"$TMP/err"
  RC=$?
}
expect_no_out() {
  if grep -qF -- "$1" "$TMP/out"; then fail "$NAME: stdout has '$1'"; else pass; fi
}
expect_no_err() {
  if grep -qF -- "$1" "$TMP/err"; then fail "$NAME: stderr has '$1'"; else pass; fi
}
expect_empty_out() {
  if [ ! -s "$TMP/out" ]; then pass; else fail "$NAME: stdout is not empty"; fi
}
expect_lines() {
  local n
  n=$(wc -l <"$TMP/out" | tr -d ' ')
  if [ "$n" -eq "$1" ]; then pass; else fail "$NAME: $n output lines, want $1"; fi
}
expect_line() {
  if sed -n "${1}p" "$TMP/out" | grep -qF -- "$2"; then pass; else
    fail "$NAME: line $1 lacks '$2': $(sed -n "${1}p" "$TMP/out" | head -c 300)"
  fi
}
# expect_json PYTHON_EXPR: the expression holds for `d`, stdout parsed as one
# JSON document (or `lines`, the list of JSON Lines objects).
expect_json() {
  if python3 - "$TMP/out" "$1" <<'PY'; then pass; else fail "$NAME: JSON check failed: $1"; fi
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
lines = [json.loads(l) for l in text.splitlines() if l.strip()]
d = lines[0] if len(lines) == 1 else None
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

finish() {
  echo "$1: $PASS passed, $FAIL failed"
  [ "$FAIL" -eq 0 ]
}
