#!/usr/bin/env bash
# `highfence check` output a person can read alone: the table and CSV echo the
# input, the summary goes to stderr, --fail-on, the progress line stays off pipes.
# Usage: output_test.sh PATH/TO/highfence REPO_DIR
set -u
. "$(dirname "$0")/lib.sh" "$@"

H100_DE='{"id":"A","date":"2025-06-01","destination":"DE","item":"nvidia-h100-sxm","units":8,"consignee":{"name":"TU Munich"}}'
H20_CN='{"id":"B","date":"2025-06-01","destination":"CN","item":"nvidia-h100-sxm","units":10,"consignee":{"name":"华为技术有限公司"}}'
A10_CN='{"id":"订单-2025-华为技术有限公司-第一批","date":"2025-06-01","destination":"CN","item":"nvidia-a10","units":2}'
BAD='{"id":"D","date":"2025-06-01","destination":"DE","item":"nvidia-h100-sxm","units":0}'
ALLOC='{"id":"M","date":"2025-06-01","destination":"MY","item":"nvidia-h100-sxm","units":2000,"consignee":{"name":"Acme Sdn Bhd"}}'
printf '%s\n' "$H100_DE" "$H20_CN" "$A10_CN" >"$TMP/clean.jsonl"
printf '%s\n' "$H100_DE" "$BAD" "$H20_CN" >"$TMP/mixed.jsonl"
printf '%s\n' "$ALLOC" >"$TMP/alloc.jsonl"

# --- table ------------------------------------------------------------------------------------

run "table: mode in the header, the input echoed" env COLUMNS=200 "$HF" check --mode as-written --format table \
  "$TMP/clean.jsonl"
expect_rc 0
expect_line 1 "mode as_written, regime by each shipment's date"
expect_line 2 "ID"
expect_line 2 "DATE"
expect_line 2 "CONSIGNEE"
expect_line 2 "AUTHORIZATION/POLICY"
expect_line 3 "2025-06-01 DE nvidia-h100-sxm"
expect_line 3 "TU Munich"
expect_line 3 "AIA"
expect_line 4 "华为技术有限公司"
expect_line 4 "presumption_of_denial"
run "table: --mode as-enforced is in the header" "$HF" check --format table --mode as-enforced \
  "$TMP/clean.jsonl"
expect_line 1 "mode as_enforced"
run "table: a what-if names its regime" "$HF" check --mode as-written --format table --regime us-2022-10 \
  "$TMP/clean.jsonl"
expect_line 1 "what-if: every line under us-2022-10"

NAME="table: every line is valid UTF-8 and fits COLUMNS"
for cols in 60 80 100 132; do
  COLUMNS=$cols "$HF" check --mode as-written --format table "$TMP/clean.jsonl" >"$TMP/out" 2>"$TMP/err"
  if python3 - "$TMP/out" "$cols" <<'PY'; then pass; else fail "$NAME ($cols columns)"; fi
import sys, unicodedata
cols = int(sys.argv[2])
text = open(sys.argv[1], "rb").read().decode("utf-8")  # raises on a split sequence
for line in text.splitlines():
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    assert width <= cols, (width, line)
assert "\ufffd" not in text
PY
done
run "table: a long CJK id is cut on a character boundary" env COLUMNS=200 "$HF" check \
  --format table "$TMP/clean.jsonl"
# 华为技 is 6 columns; 术 would pass the 18 of the column with the `~`: one space pads.
expect_line 5 "订单-2025-华为技~  2025-06-01"

# --- CSV ---------------------------------------------------------------------------------------

run "csv: input echoed, deciding reason, debit state" "$HF" check --mode as-written --format csv "$TMP/clean.jsonl"
expect_rc 0
expect_line 1 "id,date,destination,item,units,consignee,regime,mode,eccn,tpp,tpp_total,"
expect_line 1 ",decision,authorization,license_policy,reason,notices,debits,reasons,errors"
expect_line 2 "A,2025-06-01,DE,nvidia-h100-sxm,8,TU Munich,"
expect_line 2 "aia:tu-munich=126656:posted"
expect_line 3 "B,2025-06-01,CN,nvidia-h100-sxm,10,华为技术有限公司,"
run "csv: a pending allocation reservation stays pending" "$HF" check --mode as-written --format csv \
  "$TMP/alloc.jsonl"
expect_out "allocation:MY="
expect_out ":pending"

# --- summary on stderr ------------------------------------------------------------------------

NAME="summary: stdout stays JSON Lines"
"$HF" check --mode as-written --summary --format jsonl "$TMP/mixed.jsonl" >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc 2
expect_json 'len(lines) == 3 and lines[1]["decision"] == "needs_review"'
expect_err "Summary: 3 shipments (mode as_written"
expect_err "needs_review lines, by error code:"
expect_err "out_of_range"
expect_err "aia posted"
run "summary: also with --format table and csv" "$HF" check --mode as-written --summary --format csv \
  "$TMP/mixed.jsonl"
expect_no_out "Summary"
expect_err "Summary: 3 shipments"
run "summary: TPP drawn per account kind and state" "$HF" check --mode as-written --summary --format jsonl \
  "$TMP/alloc.jsonl"
expect_err "allocation pending"

# --- --fail-on ---------------------------------------------------------------------------------

run "--fail-on license_required: exit 3" "$HF" check --mode as-written --format jsonl \
  --fail-on license_required "$TMP/clean.jsonl"
expect_rc 3
expect_lines 3
run "--fail-on two decisions" "$HF" check --mode as-written --format jsonl \
  --fail-on authorized,no_license_required "$TMP/clean.jsonl"
expect_rc 3
run "--fail-on a decision no line got: exit 0" "$HF" check --mode as-written --format jsonl \
  --fail-on no_license_required "$TMP/clean.jsonl"
expect_rc 0
run "--fail-on: needs_review still exits 2" "$HF" check --mode as-written --format jsonl \
  --fail-on license_required "$TMP/mixed.jsonl"
expect_rc 2
run "--fail-on an unknown decision" "$HF" check --mode as-written --fail-on licence_required "$TMP/clean.jsonl"
expect_rc 1
expect_err '`licence_required` is not a decision'
expect_empty_out

# --- progress only on a terminal ---------------------------------------------------------------

python3 - "$TMP/many.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(200000):
        f.write('{"id":"P%d","date":"2025-06-01","destination":"CN","item":"nvidia-a10","units":1}\n' % i)
PY
run "no progress line when stderr is a file" "$HF" check --mode as-written --format jsonl "$TMP/many.jsonl"
expect_rc 0
if grep -q $'\r' "$TMP/err" || grep -q "lines/s" "$TMP/err"; then
  fail "$NAME: stderr holds a progress line"
else pass; fi

finish output
