#!/usr/bin/env bash
# End-to-end tests of the highfence command line (contract.md section 1).
# Usage: cli_test.sh PATH/TO/highfence REPO_DIR
set -u

. "$(dirname "$0")/cli/lib.sh" "$@"

# --- helpers beyond tests/cli/lib.sh ---------------------------------------------

# expect_ids A B C: the JSONL output's ids, in order.
expect_ids() {
  local got want
  got=$(grep -o '^{"id":"[^"]*"' "$TMP/out" | sed 's/^{"id":"//; s/"$//' | tr '\n' ' ')
  want="$* "
  if [ "$got" = "$want" ]; then pass; else fail "$NAME: ids '$got', want '$want'"; fi
}
# Every output line must be a JSON object (checked with python3 when present;
# else only that the output is UTF-8, with iconv when present).
expect_valid_jsonl() {
  if ! command -v python3 >/dev/null 2>&1; then
    if ! command -v iconv >/dev/null 2>&1; then return; fi
    if iconv -f UTF-8 -t UTF-8 "$TMP/out" >/dev/null 2>&1; then pass; else
      fail "$NAME: output is not UTF-8"
    fi
    return
  fi
  if python3 -c 'import json,sys
for line in open(sys.argv[1], "rb"):
    assert isinstance(json.loads(line), dict)' "$TMP/out" 2>/dev/null; then pass; else
    fail "$NAME: output is not valid JSON Lines"
  fi
}

# --- inputs ----------------------------------------------------------------------

H100_DE='{"id":"A","date":"2025-06-01","destination":"DE","item":"nvidia-h100-sxm","units":8,"consignee":{"name":"TU Munich"}}'
H20_CN='{"id":"B","date":"2025-06-01","destination":"CN","item":"nvidia-h20","units":10}'
A30_MY='{"id":"C","date":"2025-08-01","destination":"MY","item":"nvidia-a30","units":2,"consignee":{"name":"Acme Sdn Bhd"}}'
BAD_UNITS='{"id":"D","date":"2025-06-01","destination":"DE","item":"nvidia-h100-sxm","units":0}'

printf '%s\n' "$H100_DE" "$H20_CN" "$A30_MY" >"$TMP/clean.jsonl"
printf '%s\n' "$H100_DE" "$BAD_UNITS" 'not json at all' "$H20_CN" '{"id":"E"}' "$A30_MY" \
  >"$TMP/mixed.jsonl"
printf '%s\n' 'id,date,destination,item,units,consignee.name' \
  'C1,2025-06-01,DE,nvidia-h100-sxm,8,"TU Munich, Garching"' \
  'C2,2025-06-01,CN,nvidia-h20,10,' >"$TMP/clean.csv"

# --- check: exit codes and line order ----------------------------------------------------

run "clean file" "$HF" check --format jsonl "$TMP/clean.jsonl"
expect_rc 0
expect_lines 3
expect_ids A B C
expect_no_out needs_review
expect_valid_jsonl

run "malformed lines" "$HF" check --format jsonl "$TMP/mixed.jsonl"
expect_rc 2
expect_lines 6
expect_ids A D "" B E C
expect_line 1 '"decision":"authorized"'
expect_line 2 '"decision":"needs_review"'
expect_line 2 '"field":"units"'
expect_line 2 '"line":2'
expect_line 3 '"code":"invalid_json"'
expect_line 3 '"line":3'
expect_line 4 '"decision":"not_controlled"'
expect_line 5 '"code":"missing_field"'
expect_line 6 '"id":"C"'
expect_valid_jsonl

{
  echo "$H100_DE"
  head -c 200000 /dev/zero | tr '\0' 'x'
  echo
  echo "$H20_CN"
} >"$TMP/long.jsonl"
run "overlong line" "$HF" check --format jsonl "$TMP/long.jsonl"
expect_rc 2
expect_lines 3
expect_line 2 '"code":"too_long"'
expect_line 3 '"id":"B"'

printf '\n%s\n\n  \n%s\n' "$H100_DE" "$H20_CN" >"$TMP/blank.jsonl"
run "blank lines are skipped" "$HF" check --format jsonl "$TMP/blank.jsonl"
expect_rc 0
expect_ids A B

run "missing file" "$HF" check --format jsonl "$TMP/does-not-exist.jsonl"
expect_rc 1
expect_err "does-not-exist.jsonl"

run "bad --mode" "$HF" check --mode sometimes "$TMP/clean.jsonl"
expect_rc 1
expect_err "--mode"

run "unknown --regime" "$HF" check --regime us-1999-01 "$TMP/clean.jsonl"
expect_rc 1
expect_err "us-1999-01"

run "bad --format" "$HF" check --format xml "$TMP/clean.jsonl"
expect_rc 1
expect_no_out '"id"'

run "unknown subcommand" "$HF" frobnicate
expect_rc 1

# --- check: output formats -----------------------------------------------------------

run "csv output" "$HF" check --mode as-written --format csv "$TMP/clean.jsonl"
expect_rc 0
expect_lines 4
expect_line 1 "id,date,destination,item,units,consignee,regime,mode,eccn,tpp,tpp_total,"
expect_line 2 "A,2025-06-01,DE,nvidia-h100-sxm,8,TU Munich,us-2025-01,as_written,3A090.a,15832,126656,"
expect_line 2 ",authorized,AIA,"
expect_line 2 "aia:tu-munich=126656:posted"

run "table output" "$HF" check --mode as-written --format table "$TMP/clean.jsonl"
expect_rc 0
expect_lines 5
expect_line 1 "mode as_written"
expect_line 2 "DECISION"
expect_line 3 "authorized"
expect_line 4 "not_controlled"

run "table output shows errors" "$HF" check --format table "$TMP/mixed.jsonl"
expect_rc 2
expect_line 4 "needs_review"
expect_line 4 "units"

run "summary" "$HF" check --format jsonl --summary "$TMP/mixed.jsonl"
expect_rc 2
expect_err "Summary: 6 shipments"
expect_no_out "Summary"

# --- check: stdin and input formats -----------------------------------------------------

NAME="stdin jsonl with -"
"$HF" check --format jsonl - <"$TMP/clean.jsonl" >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc 0
expect_ids A B C

NAME="stdin csv auto-detected"
"$HF" check --format jsonl - <"$TMP/clean.csv" >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc 0
expect_ids C1 C2
expect_line 1 '"eccn":"3A090.a"'

NAME="stdin without a file argument"
"$HF" check --format jsonl <"$TMP/clean.jsonl" >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc 0
expect_lines 3

NAME="stdin jsonl after leading blank lines"
{ echo; echo "$H20_CN"; } | "$HF" check --format jsonl - >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc 0
expect_ids B

run "csv file by extension" "$HF" check --format jsonl "$TMP/clean.csv"
expect_rc 0
expect_ids C1 C2
expect_valid_jsonl

# CSV cells are not JSON: bytes that are not UTF-8 must not make the output
# invalid JSON.
printf 'id,date,destination,item,units\nX\377Y,2025-06-01,DE,nvidia-h20,1\n' >"$TMP/latin.csv"
run "csv cell that is not UTF-8" "$HF" check --format jsonl "$TMP/latin.csv"
expect_lines 1
expect_valid_jsonl

printf '%s\n' 'id,colour' 'x,red' >"$TMP/badheader.csv"
run "csv unknown column" "$HF" check --format jsonl "$TMP/badheader.csv"
expect_rc 1
expect_err "colour"

# --- check: one shipment from flags ------------------------------------------------------

run "shipment from flags" "$HF" check --mode as-written --format jsonl --item nvidia-h100-sxm --units 8 --to DE \
  --date 2025-06-01 --consignee "TU Munich"
expect_rc 0
expect_lines 1
expect_out '"eccn":"3A090.a"'
expect_out '"tpp_total":126656'
expect_out '"decision":"authorized"'
expect_out '"account":"aia:tu-munich"'
expect_valid_jsonl

run "flags with a bad country" "$HF" check --format jsonl --item nvidia-h100-sxm --units 8 \
  --to XX --date 2025-06-01
expect_rc 2
expect_out '"field":"destination"'

# --- law choice ---------------------------------------------------------------------------

AUG='{"id":"G","date":"2025-08-01","destination":"DE","item":"nvidia-h100-sxm","units":1,"consignee":{"name":"TU Munich"}}'
printf '%s\n' "$AUG" >"$TMP/aug.jsonl"
run "as-enforced by default in 2025-08" "$HF" check --format jsonl "$TMP/aug.jsonl"
expect_rc 0
expect_out '"regime":"us-2023-11"'
expect_out '"mode":"as_enforced"'
expect_out '"other_mode":{"mode":"as_written","decision":"authorized","authorization":"AIA"'
expect_out '"modes_differ"'

run "as-written in 2025-08" "$HF" check --format jsonl --mode as-written "$TMP/aug.jsonl"
expect_rc 0
expect_out '"regime":"us-2025-01"'
expect_out '"mode":"as_written"'

run "summary shows the mode" "$HF" check --format table --summary "$TMP/aug.jsonl"
expect_rc 0
expect_out "mode as_enforced"

run "forced regime" "$HF" check --format jsonl --regime us-2022-10 "$TMP/aug.jsonl"
expect_rc 0
expect_out '"regime":"us-2022-10"'

# --- --save -----------------------------------------------------------------------------

run "save" "$HF" check --format table --save "$TMP/saved.jsonl" "$TMP/mixed.jsonl"
expect_rc 2
expect_line 2 "DECISION"
cp "$TMP/saved.jsonl" "$TMP/out"
NAME="saved file"
expect_lines 6
expect_ids A D "" B E C
expect_valid_jsonl

# --- classify -----------------------------------------------------------------------------

run "classify catalog id" "$HF" classify nvidia-h100-sxm
expect_rc 0
expect_out "3A090.a"
expect_out "15832"

run "classify consumer 4800" "$HF" classify --tpp 4800 --consumer
expect_rc 0
expect_out "3A090.a"

run "classify below note 2" "$HF" classify --tpp 4799 --consumer
expect_rc 0
expect_no_out "3A090.a"

run "classify missing die area" "$HF" classify --tpp 3000 --date 2025-06-01
expect_rc 2
expect_out "die_area_mm2"

run "classify json" "$HF" classify nvidia-a30 --date 2024-06-01 --format json
expect_rc 0
expect_out '"eccn":"3A090.b"'
expect_valid_jsonl

run "classify list" "$HF" classify --list
expect_rc 0
expect_out "nvidia-h100-sxm"
expect_out "huawei-ascend-910c"

run "classify unknown id" "$HF" classify nvidia-h999
expect_rc 1
expect_err "nvidia-h999"

# --- explain --------------------------------------------------------------------------------

run "explain" "$HF" explain --mode as-written "$TMP/clean.jsonl" --id A
expect_rc 0
expect_out "Shipment A"
expect_out "Derivation:"
expect_out "[classify.ic.a1]"
expect_out "(15 CFR 740.27 "
expect_out "aia:tu-munich"
expect_out "as_enforced would decide: no_license_required"
expect_out "assumed consignee.hq = DE"

run "explain needs_review" "$HF" explain "$TMP/mixed.jsonl" --id D
expect_rc 0
expect_out "needs_review"
expect_out "[out_of_range] units"

run "explain unknown id" "$HF" explain "$TMP/clean.jsonl" --id nope
expect_rc 1
expect_err "nope"

# --- regimes and law ------------------------------------------------------------------------

run "regimes" "$HF" regimes
expect_rc 0
expect_out "us-2022-10"
expect_out "us-2023-11"
expect_out "us-2025-01"
expect_out "87 FR 62186"

run "law check" "$HF" law check
expect_rc 0
expect_out "law ok"

run "law check of the law folder" "$HF" law check --law "$REPO/law"
expect_rc 0

cp -r "$REPO/law" "$TMP/law"
# Drop the first citation of a parameter in us-2023-11.toml.
awk '/^\[params\./ { in_params = 1 }
     in_params && !done && /^citation = / { done = 1; next }
     { print }' "$REPO/law/us-2023-11.toml" >"$TMP/law/us-2023-11.toml"
NAME="law copy lost a line"
if cmp -s "$REPO/law/us-2023-11.toml" "$TMP/law/us-2023-11.toml"; then
  fail "$NAME: the citation was not removed"
else
  pass
fi
run "law check without a citation" "$HF" law check --law "$TMP/law"
expect_rc 1
expect_err "us-2023-11.toml"
expect_err "citation"

run "check with broken law" "$HF" check --format jsonl --law "$TMP/law" "$TMP/clean.jsonl"
expect_rc 1
expect_no_out '"id"'

# --- party-key ------------------------------------------------------------------------------

run "party-key of spelling variants" "$HF" party-key "Big Parent Ltd" "BIG PARENT LIMITED" \
  "Big Parent Co., Ltd." "Big Parents Ltd" "华为技术有限公司" "華為技術有限公司"
expect_rc 0
expect_lines 6
expect_out "$(printf 'big-parent\tBig Parent Ltd')"
expect_out "$(printf 'big-parent\tBIG PARENT LIMITED')"
expect_out "$(printf 'big-parent\tBig Parent Co., Ltd.')"
expect_out "$(printf 'big-parents\tBig Parents Ltd')"
expect_out "$(printf 'hua-wei-ji-shu\t华为技术有限公司')"
expect_out "$(printf 'hua-wei-ji-shu\t華為技術有限公司')"

run "party-key of a name with no key" "$HF" party-key "Acme" "Co., Ltd."
expect_rc 2
expect_out "$(printf -- '-\tCo., Ltd.')"
expect_err "legal forms"

run "party-key of ids, as JSON lines" "$HF" party-key --id --format jsonl "LEI 5493001KJTIIGC8Y1R12"
expect_rc 0
expect_out '{"id":"LEI 5493001KJTIIGC8Y1R12","key":"id-lei-5493001kjtiigc8y1r12"}'

run "party-key needs a name" "$HF" party-key
expect_rc 1

run "check with a parent id from flags" "$HF" check --mode as-written --format jsonl --item nvidia-h100-sxm \
  --units 1 --to IN --date 2025-06-01 --consignee "Acme India" --parent-id "LEI 549300X"
expect_rc 0
expect_out '"account":"lpp:id-lei-549300x:2025"'

# --------------------------------------------------------------------------------------------

finish cli
