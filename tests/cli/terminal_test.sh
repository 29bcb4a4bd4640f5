#!/usr/bin/env bash
# `highfence check` as a terminal shows it, driven through tmux: the table
# fitted to the window, wide characters never split, and the progress line on
# stderr for a run longer than a second (and not under CI).
# Usage: terminal_test.sh PATH/TO/highfence REPO_DIR. Exit 77 (skipped, with
# the reason printed) only when tmux is missing: scripts/setup.sh installs it.
set -u
. "$(dirname "$0")/lib.sh" "$@"

if ! command -v tmux >/dev/null 2>&1; then
  echo "terminal: SKIPPED: tmux is not installed (scripts/setup.sh installs it)"
  exit 77
fi
# A private server, so the test neither sees nor disturbs anyone's sessions;
# a new one (a new socket) for each window, since a server that was just told
# to exit may still answer on its socket and then drop the next client.
STARTS=0
SOCKET="hf-cli-test-$$-0"
TM() { tmux -L "$SOCKET" -f /dev/null "$@"; }
trap 'TM kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

# start W H CMD: a detached window W x H running CMD in bash, then a marker.
start() {
  TM kill-server 2>/dev/null
  STARTS=$((STARTS + 1))
  SOCKET="hf-cli-test-$$-$STARTS"
  TM new-session -d -x "$1" -y "$2" -s t "bash --norc --noprofile"
  TM set-option -t t status off >/dev/null
  TM send-keys -t t "clear; $3; echo EXIT=\$?" Enter
}
# wait_for TEXT [SECONDS]: polls the pane for TEXT, 10 s unless told (a whole
# run under the sanitizers takes far longer than on a release build). Gives up
# at once, saying why, when the window is gone.
wait_for() {
  for _ in $(seq $((${2:-10} * 10))); do
    if ! TM capture-pane -p -t t >"$TMP/pane" 2>"$TMP/tmux-err"; then
      echo "terminal: the tmux window is gone: $(cat "$TMP/tmux-err")" >&2
      return 1
    fi
    grep -qF -- "$1" "$TMP/pane" && return 0
    sleep 0.1
  done
  return 1
}

H100='{"id":"A","date":"2025-06-01","destination":"DE","item":"nvidia-h100-sxm","units":8,"consignee":{"name":"TU Munich"}}'
LONG='{"id":"订单-2025-华为技术有限公司-第一批","date":"2025-06-01","destination":"CN","item":"nvidia-h100-sxm","units":2,"consignee":{"name":"华为技术有限公司"}}'
printf '%s\n' "$H100" "$LONG" >"$TMP/orders.jsonl"

# --- the table on a terminal ---------------------------------------------------------------------

for cols in 80 120; do
  NAME="table in a $cols-column terminal"
  start "$cols" 20 "'$HF' check --mode as-written '$TMP/orders.jsonl'"
  if wait_for "EXIT=" 300; then pass; else fail "$NAME: the run did not finish"; fi
  cp "$TMP/pane" "$TMP/out"
  expect_out "EXIT=0"
  expect_out "mode as_written, regime by each shipment's date"
  expect_out "DECISION"
  expect_out "license_required"
  expect_out "authorized"
  # Every row is one screen line: no row wraps, so none is wider than the window.
  rows=$(grep -cE "^(A |订单)" "$TMP/out")
  if [ "$rows" -eq 2 ]; then pass; else fail "$NAME: $rows rows start a line, want 2"; fi
  if grep -q $'\xef\xbf\xbd' "$TMP/out"; then fail "$NAME: a character was split"; else pass; fi
  expect_out "订单-"
done

# --- the progress line ------------------------------------------------------------------------------

# A producer that takes about 3 s, so the run outlasts the 1 s before the line
# shows. Each batch is larger than the reader's buffer, which fills before a line
# is read.
cat >"$TMP/slow.py" <<'PY'
import sys, time
for batch in range(30):
    sys.stdout.write("".join(
        '{"id":"P%d","date":"2025-06-01","destination":"CN","item":"nvidia-a10","units":1}\n'
        % (batch * 15000 + i) for i in range(15000)))
    sys.stdout.flush()
    time.sleep(0.1)
PY

NAME="progress on a terminal"
start 100 10 "python3 '$TMP/slow.py' | '$HF' check --format jsonl >/dev/null"
if wait_for "lines/s"; then pass; else fail "$NAME: no progress line within 10 s"; fi
cp "$TMP/pane" "$TMP/out"
expect_out " lines  "
if wait_for "EXIT=" 300; then pass; else fail "$NAME: the run did not finish"; fi
cp "$TMP/pane" "$TMP/out"
expect_out "EXIT=0"
# The line is erased at the end: the terminal is left clean.
expect_no_out "lines/s"

NAME="no progress under CI"
start 100 10 "python3 '$TMP/slow.py' | CI=true '$HF' check --format jsonl >/dev/null"
if wait_for "EXIT=" 300; then pass; else fail "$NAME: the run did not finish"; fi
sleep 0.2
cp "$TMP/pane" "$TMP/out"
expect_out "EXIT=0"
expect_no_out "lines/s"

NAME="no progress when stderr is a pipe"
start 100 10 "python3 '$TMP/slow.py' | '$HF' check --format jsonl 2>&1 >/dev/null | cat -v"
if wait_for "EXIT=" 300; then pass; else fail "$NAME: the run did not finish"; fi
cp "$TMP/pane" "$TMP/out"
expect_no_out "lines/s"
expect_no_out "^M"

finish terminal
