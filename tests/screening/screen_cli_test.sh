#!/usr/bin/env bash
# End-to-end tests of `highfence screen` and `highfence lists` on the
# project's fixture lists (tests/screening/fixtures).
# Usage: screen_cli_test.sh PATH/TO/highfence REPO_DIR
set -u

. "$(dirname "$0")/../cli/lib.sh" "$@"
FIX=$REPO/tests/screening/fixtures
export HIGHFENCE_LISTS_DIR=$TMP/store  # never the user's own store

# --- one name ------------------------------------------------------------------

run "Chinese name, table" "$HF" screen "华为技术有限公司" --lists "$FIX/csl-sample.csv" --format table
expect_rc 0
expect_out "1 match(es)"
expect_out "Huawei Technologies Co., Ltd. (Huawei)"
expect_out "query_coverage"
expect_out "Presumption of denial."
expect_out "84 FR 22961"

run "one name, jsonl" "$HF" screen "SMIC" --lists "$FIX/csl-sample.json" --format jsonl
expect_rc 0
expect_lines 1
expect_out '"list":"EL"'
expect_out '"matched_name":"Semiconductor Manufacturing International Corporation (SMIC)"'
expect_out '"band":"match"'
expect_out '"features":[{"feature":"query_coverage"'
expect_out '"federal_register_notice":"85 FR 83420"'
expect_out '"lists_sha256":"'

run "country lowers, never hides" "$HF" screen "Acme Export Trading" --country CN \
  --lists "$FIX/csl-sample-compact.json" --format jsonl
expect_rc 0
expect_out '"score":0.900,"band":"match"'
expect_out '"feature":"country"'

run "no hit" "$HF" screen "Entirely Unrelated Bakery" --lists "$FIX/csl-sample.csv" --format jsonl
expect_rc 0
expect_out '"hits":[]'

run "bad country" "$HF" screen "Acme" --country China --lists "$FIX/csl-sample.csv"
expect_rc 1
expect_err "alpha-2"

run "bad list file" "$HF" screen "Acme" --lists "$FIX/../handwritten.jsonl"
expect_rc 1
expect_err "not valid JSON"

# --- batches ---------------------------------------------------------------------

printf '%s\n' '{"id":"a","name":"華為技術有限公司","country":"CN"}' \
  '{"id":7,"name":"Ivan Petroff"}' 'not json' '{"id":"c","name":""}' \
  '{"id":"d","name":"Blue Shipping"}' >"$TMP/batch.jsonl"
run "jsonl batch" "$HF" screen "$TMP/batch.jsonl" --lists "$FIX/csl-sample-compact.json" --format jsonl
expect_rc 2  # two malformed lines, the others screened
expect_lines 5
expect_out '{"id":"a","name":"華為技術有限公司","country":"CN"'
expect_out '{"id":"7","name":"Ivan Petroff"'
expect_out '"name":"PETROV, Ivan Sergeyevich"'
expect_out '"line":3,"error":"not a JSON object"'
expect_out '"line":4,"error":"`name` must be a non-empty string"'

printf 'country,name,id\nCN,中芯国际,x1\n,"Example Aviation Research Institute",x2\n' >"$TMP/batch.csv"
run "csv batch" "$HF" screen "$TMP/batch.csv" --lists "$FIX/csl-sample.csv" --format jsonl
expect_rc 0
expect_lines 2
expect_out '"id":"x1"'
expect_out '"name":"Example Aviation Research Institute","matched_name":"Example Aviation Research Institute"'

run "stdin batch" sh -c "printf '{\"id\":\"s\",\"name\":\"SMIC\"}\n' | '$HF' screen - --lists '$FIX/csl-sample.csv' --format jsonl"
expect_rc 0
expect_out '"id":"s"'

# --- the snapshot store ------------------------------------------------------------

run "screen without a snapshot" "$HF" screen "Acme"
expect_rc 1
expect_err "highfence lists import"

run "import" "$HF" lists import "$FIX/csl-sample-compact.json"
expect_rc 0
expect_out "imported, now current"
expect_out "compact-json"
expect_out "EL"
FIRST=$(sha256sum "$FIX/csl-sample-compact.json" | cut -c1-64)
if [ -f "$TMP/store/$FIRST.json" ]; then pass; else fail "import: $TMP/store/$FIRST.json missing"; fi

run "screen the current snapshot" "$HF" screen "SMIC" --format jsonl
expect_rc 0
expect_out "\"lists_sha256\":\"$FIRST\""

run "import a later one" "$HF" lists import "$FIX/csl-sample-later.json" --format json
expect_rc 0
expect_out '"format":"compact-json"'
expect_out '"generated_at":"2026-02-01T00:00:00+00:00"'

run "show all" "$HF" lists show --all
expect_rc 0
expect_out "${FIRST:0:16}"
expect_out "*"

run "show by prefix" "$HF" lists show "${FIRST:0:10}" --format json
expect_rc 0
expect_out "\"sha256\":\"$FIRST\""
expect_out '"rows_by_list":{"EL":2'

run "diff" "$HF" lists diff "${FIRST:0:10}" current
expect_rc 0
expect_out "1 added, 1 removed, 1 changed"
expect_out "+ EL     Example Intelligent Computing Co., Ltd."
expect_out "- DPL    Acme Export Trading"
expect_out "license_policy:"

run "diff, jsonl" "$HF" lists diff "$FIX/csl-sample.csv" "$FIX/csl-sample-later.json" --format json
expect_rc 0
expect_lines 3
expect_out '"change":"changed"'

run "diff, unknown snapshot" "$HF" lists diff deadbeef00 current
expect_rc 1
expect_err "no stored snapshot"

# --- check and explain --lists: screening in determinations ------------------------

PARTIES=$2/tests/cases/parties/party-lists.json
PSHA=$(sha256sum "$PARTIES" | cut -c1-64)
cat >"$TMP/ship.jsonl" <<'JSONL'
{"id":"el","date":"2025-06-01","destination":"CN","units":4,"item":"nvidia-a10","consignee":{"name":"华为技术有限公司"}}
{"id":"clean","date":"2025-06-01","destination":"CN","units":4,"item":"nvidia-a10","consignee":{"name":"Blue Meadow Bakery"}}
{"id":"review","date":"2025-06-01","destination":"CN","units":1,"item":"nvidia-a10","consignee":{"name":"Meridian Dawn Holdings Shenzhen Trading"}}
{"id":"parent","date":"2026-01-15","destination":"MY","units":1,"item":"nvidia-a10","consignee":{"name":"Dawnlight Data","parent":"Meridian Dawn Holdings Ltd.","parent_hq":"CN"}}
JSONL

run "check --lists" "$HF" check "$TMP/ship.jsonl" --lists "$PARTIES" --format jsonl
expect_rc 2  # a line needs review
expect_lines 4
sed -n 1p "$TMP/out" >"$TMP/line1"
if grep -qF '"decision":"license_required"' "$TMP/line1" &&
  grep -qF "\"screening\":{\"snapshot\":\"$PSHA\"" "$TMP/line1" &&
  grep -qF '"federal_register_notice":"84 FR 22961, 85 FR 51603"' "$TMP/line1"; then pass; else
  fail "check --lists: the listed consignee's line: $(head -c 600 "$TMP/line1")"
fi
if sed -n 2p "$TMP/out" | grep -qF '"decision":"not_controlled"' &&
  sed -n 2p "$TMP/out" | grep -qF '"hits":[]'; then pass; else
  fail "check --lists: a clean consignee is screened with no hits: $(sed -n 2p "$TMP/out")"
fi
if sed -n 3p "$TMP/out" | grep -qF '"code":"party_screening_review","field":"consignee.name"'; then
  pass
else
  fail "check --lists: review band: $(sed -n 3p "$TMP/out" | head -c 600)"
fi
if sed -n 4p "$TMP/out" | grep -qF 'party_parent_entity_listed'; then pass; else
  fail "check --lists: a listed parent while the affiliates rule is suspended"
fi

run "check without --lists" "$HF" check "$TMP/ship.jsonl" --format jsonl
expect_rc 0
if grep -qF '"screening"' "$TMP/out"; then fail "$NAME: a screening field without lists"; else
  pass
fi

run "check --lists, stored snapshot" "$HF" lists import "$PARTIES"
expect_rc 0
run "check --lists, stored snapshot" "$HF" check "$TMP/ship.jsonl" --lists "${PSHA:0:12}" \
  --format jsonl
expect_rc 2
expect_out "\"snapshot\":\"$PSHA\""

run "check --lists, missing file" "$HF" check "$TMP/ship.jsonl" --lists "$TMP/nope.json"
expect_rc 1
expect_err "nope.json"

run "explain --lists" "$HF" explain "$TMP/ship.jsonl" --id el --lists "$PARTIES"
expect_rc 0
expect_out "decision: license_required, presumption_of_denial"
expect_out "screened against list snapshot $PSHA: 1 hit"
expect_out "[party.entity_list]"

finish screen_cli_test
