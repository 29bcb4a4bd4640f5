#!/usr/bin/env bash
# End-to-end tests of `highfence simulate` and `highfence replay`.
# Usage: simulate_cli_test.sh PATH/TO/highfence REPO_DIR
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 PATH/TO/highfence REPO_DIR" >&2
  exit 2
fi
HF=$1
REPO=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$REPO/tests/lib/cli_assert.sh"

SMALL=(--draws 40 --shapley-draws 4)

# --- simulate: JSON on stdout, hypotheses keyed by name ----------------------
run json "$HF" simulate "$REPO/scenarios/B5.toml" "${SMALL[@]}" --quiet
expect_rc 0
expect_out '"hypotheses":{"H-DR-strong":'
expect_out '"H-decay":'
expect_out '"H-absolute":'
expect_out '"mechanical":{"base_shrinks":'
expect_out '"tornado":'
if [ -s "$TMP/err" ]; then fail "json: --quiet printed on stderr"; else pass; fi

# --- the same seed gives the same bytes on 1 and 2 threads --------------------
"$HF" simulate "$REPO/scenarios/B5.toml" "${SMALL[@]}" --quiet --threads 1 >"$TMP/t1.json"
"$HF" simulate "$REPO/scenarios/B5.toml" "${SMALL[@]}" --quiet --threads 2 >"$TMP/t2.json"
if cmp -s "$TMP/t1.json" "$TMP/t2.json"; then pass; else fail "threads: 1 and 2 differ"; fi
"$HF" simulate "$REPO/scenarios/B5.toml" "${SMALL[@]}" --quiet --seed 7 >"$TMP/s7.json"
if cmp -s "$TMP/t1.json" "$TMP/s7.json"; then fail "seed: --seed 7 changed nothing"; else pass; fi

# --- CSV and HTML -------------------------------------------------------------
run csv "$HF" simulate "$REPO/scenarios/B5.toml" "${SMALL[@]}" --quiet --format csv
expect_rc 0
if [ "$(head -n 1 "$TMP/out")" = "section,name,period,stat,value" ]; then pass; else
  fail "csv: header is '$(head -n 1 "$TMP/out")'"
fi
expect_out 'hypothesis,H-DR-strong,,probability,'

run html "$HF" simulate "$REPO/scenarios/historical.toml" "${SMALL[@]}" --quiet --format html \
  --lang zh
expect_rc 0
expect_out '<body class="zh">'
expect_out '<svg'
expect_out '中文'
expect_out '每一轮新的管制是否边际效应递减'
if grep -qE '(src|href)="(https?:)?//' "$TMP/out"; then fail "html: fetches a resource"; else pass; fi

# --- --out writes the three reports; the summary goes to stderr ---------------
run out "$HF" simulate "$REPO/scenarios/B1.toml" "${SMALL[@]}" --out "$TMP/report"
expect_rc 0
for f in simulation.json simulation.csv report.html; do
  if [ -s "$TMP/report/$f" ]; then pass; else fail "out: $f missing"; fi
done
expect_err 'hypotheses (probability over draws):'
expect_err 'check XFAIL legal-2025'

# --- errors --------------------------------------------------------------------
run missing "$HF" simulate "$TMP/nope.toml"
expect_rc 1
expect_err "nope.toml: cannot read the scenario file"

printf '[params]\nno_such_parameter = 1\n' >"$TMP/bad.toml"
run bad "$HF" simulate "$TMP/bad.toml"
expect_rc 1
expect_err "bad.toml: params.no_such_parameter: unknown parameter"

run flag "$HF" simulate "$REPO/scenarios/B5.toml" --draws 0
expect_rc 1

# A check the model cannot meet, with no expected failure: exit 3.
cat >"$TMP/failing.toml" <<'TOML'
[[check]]
id = "impossible"
metric = "cn_legal"
year = 2024
range = [-2, -1]
TOML
run failing "$HF" simulate "$TMP/failing.toml" --draws 8 --no-measures --no-tornado --quiet
expect_rc 3

# --- replay ------------------------------------------------------------------------
run replay_regime "$HF" replay "$REPO/tests/replay/orders.jsonl" --regime us-2023-11 --mode as-written
expect_rc 0
expect_out '5 lines, 3 flipped'
expect_out 'MY-1'

run replay_reform "$HF" replay "$REPO/tests/replay/orders.jsonl" --mode as-written \
  --reform "$REPO/scenarios/reforms/double-tier2-allocation.toml" --format json
expect_rc 0
expect_out '"flipped":2'
expect_out '"alternative_drawn_tpp":949920000'

run replay_both "$HF" replay "$REPO/tests/replay/orders.jsonl"
expect_rc 1
expect_err 'give exactly one of --regime and --reform'

run replay_log "$HF" replay ledger:"$TMP/none/x.db" --regime us-2023-11
expect_rc 1
expect_err "cannot read the decision log"

printf '[reform]\nid = "x"\nrationale = "h"\n[[patch]]\nrule = "us-2025-01"\nparameter = "allocation_tpp"\nvalue = 1.5\nrationale = "h"\n' >"$TMP/float.toml"
run replay_float "$HF" replay "$REPO/tests/replay/orders.jsonl" --reform "$TMP/float.toml"
expect_rc 1
expect_err 'allocation_tpp'

echo "simulate CLI: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
