# Assertions for the command-line tests, sourced by a test script:
#   . "$REPO/tests/lib/cli_assert.sh"
# The script sets TMP (a scratch folder) first; at the end it prints $PASS and
# $FAIL and exits non-zero when FAIL > 0.
# run NAME CMD... runs CMD with stdout in $TMP/out and stderr in $TMP/err, and sets RC.
PASS=0
FAIL=0

fail() {
  FAIL=$((FAIL + 1))
  echo "FAIL: $*" >&2
}
pass() { PASS=$((PASS + 1)); }
run() {
  NAME=$1
  shift
  "$@" >"$TMP/out" 2>"$TMP/err"
  RC=$?
}
expect_rc() {
  if [ "$RC" -eq "$1" ]; then pass; else
    fail "$NAME: exit code $RC, want $1 ($(head -c 300 "$TMP/err"))"
  fi
}
expect_out() {
  if grep -qF -- "$1" "$TMP/out"; then pass; else fail "$NAME: stdout lacks '$1'"; fi
}
expect_err() {
  if grep -qF -- "$1" "$TMP/err"; then pass; else fail "$NAME: stderr lacks '$1'"; fi
}

