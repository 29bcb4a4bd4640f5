#!/usr/bin/env bash
# `highfence check` reading input as people have it (issue: CSV headers, delimiters,
# byte-order marks, formats from content, "did you mean" hints, empty inputs,
# shipments by flags). Usage: input_test.sh PATH/TO/highfence REPO_DIR
set -u
. "$(dirname "$0")/lib.sh" "$@"

H100='nvidia-h100-sxm'

# --- CSV headers and cells ----------------------------------------------------------------

printf '%s\n' ' ID , Date,DESTINATION ,Item,units,Consignee.Name' \
  " A1 , 2025-06-01 , DE , $H100 , 8 ,  TU Munich  " >"$TMP/case.csv"
run "csv headers ignore case and spaces; cells are trimmed" "$HF" check --mode as-written --format jsonl "$TMP/case.csv"
expect_rc 0
expect_json 'd["id"] == "A1" and d["eccn"] == "3A090.a" and d["tpp_total"] == 126656'
expect_json 'd["debits"][0]["account"] == "aia:tu-munich"'

printf '%s\n' 'id,date,destinaton,item,units' "X,2025-06-01,DE,$H100,1" >"$TMP/typo.csv"
run "unknown csv header: did you mean, and the valid names" "$HF" check "$TMP/typo.csv"
expect_rc 1
expect_err 'unknown CSV column `destinaton` (did you mean `destination`?)'
expect_err "valid CSV columns: id, date, type, from, destination, item, units"
expect_empty_out

printf '%s\n' 'id;date;destination;item;units;consignee.name' \
  "S1;2025-06-01;DE;$H100;8;\"Munich; TU\"" >"$TMP/semi.csv"
run "semicolon delimiter is sniffed" "$HF" check --mode as-written --format jsonl "$TMP/semi.csv"
expect_rc 0
expect_json 'd["id"] == "S1" and d["decision"] == "authorized"'
expect_json 'd["debits"][0]["account"] == "aia:munich-tu"'

printf 'id\tdate\tdestination\titem\tunits\nT1\t2025-06-01\tCN\tnvidia-h20\t10\n' >"$TMP/tab.tsv"
run "tab delimiter is sniffed" "$HF" check --format jsonl "$TMP/tab.tsv"
expect_rc 0
expect_json 'd["id"] == "T1" and d["decision"] != "needs_review"'

# One column only: nothing to sniff; --delimiter says what splits the rows.
printf '%s\n' 'id;date;destination;item;units' "F1;2025-06-01;CN;nvidia-a10;1" >"$TMP/forced.csv"
run "--delimiter forces the delimiter" "$HF" check --format jsonl --delimiter ';' "$TMP/forced.csv"
expect_rc 0
expect_json 'd["id"] == "F1"'
run "--delimiter , on a semicolon file fails on the header" "$HF" check --format jsonl \
  --delimiter , "$TMP/forced.csv"
expect_rc 1
expect_err 'unknown CSV column `id;date;destination;item;units`'
run "--delimiter rejects other characters" "$HF" check --delimiter '|' "$TMP/forced.csv"
expect_rc 1
expect_err "--delimiter"

printf '\357\273\277%s\n%s\n' 'id,date,destination,item,units' "B1,2025-06-01,CN,nvidia-a10,1" \
  >"$TMP/bom.csv"
run "csv: a UTF-8 byte-order mark is ignored" "$HF" check --format jsonl "$TMP/bom.csv"
expect_rc 0
expect_json 'd["id"] == "B1"'

printf '\357\273\277%s\n' '{"id":"B2","date":"2025-06-01","destination":"CN","item":"nvidia-a10","units":1}' \
  >"$TMP/bom.jsonl"
run "jsonl: a UTF-8 byte-order mark is ignored" "$HF" check --format jsonl "$TMP/bom.jsonl"
expect_rc 0
expect_json 'd["id"] == "B2" and d["decision"] != "needs_review"'

# --- computers in CSV ---------------------------------------------------------------------

printf '%s\n' 'id,date,destination,units,item.contains' \
  "K1,2025-06-01,CN,1,$H100*8;nvidia-h20*2" \
  "K2,2025-06-01,CN,1,$H100" \
  "K3,2025-06-01,CN,1,h100*8" \
  "K4,2025-06-01,CN,1,$H100*0" >"$TMP/contains.csv"
run "item.contains as id*count;id*count" "$HF" check --format jsonl "$TMP/contains.csv"
expect_rc 2
expect_line 1 '"id":"K1"'
expect_line 1 '"eccn":"4A090.a"'
# 8 x 15832 + 2 x 2368 (nvidia-h20): the TPP of the computer.
expect_line 1 '"tpp":131392'
expect_line 2 '"field":"item.contains[0]"'
expect_line 2 'nvidia-h100-sxm*8'
expect_line 3 '"field":"item.contains[0].item"'
expect_line 3 'did you mean'
expect_line 4 '"field":"item.contains[0].count"'

printf '%s\n' 'id,date,destination,units,item' \
  "J1,2025-06-01,CN,1,\"{\"\"kind\"\":\"\"computer\"\",\"\"contains\"\":[{\"\"item\"\":\"\"$H100\"\",\"\"count\"\":8}]}\"" \
  >"$TMP/json-item.csv"
run "item as JSON in a CSV cell still works" "$HF" check --format jsonl "$TMP/json-item.csv"
expect_rc 0
expect_json 'd["eccn"] == "4A090.a" and d["tpp"] == 126656'

# --- format from content ------------------------------------------------------------------

cp "$TMP/semi.csv" "$TMP/orders.txt"
run "a .txt holding CSV is read as CSV" "$HF" check --format jsonl "$TMP/orders.txt"
expect_rc 0
expect_json 'd["id"] == "S1"'
cp "$TMP/bom.jsonl" "$TMP/orders-jsonl.txt"
run "a .txt holding JSON Lines is read as JSONL" "$HF" check --format jsonl "$TMP/orders-jsonl.txt"
expect_rc 0
expect_json 'd["id"] == "B2"'
run_in "standard input: CSV with a BOM and a semicolon" "$TMP/semi.csv" "$HF" check --format jsonl
expect_rc 0
expect_json 'd["id"] == "S1"'
run "--input-format forces the format" "$HF" check --format jsonl --input-format jsonl \
  "$TMP/semi.csv"
expect_rc 2
expect_out '"code":"invalid_json"'

# --- hints --------------------------------------------------------------------------------

row() { printf '{"id":"%s","date":"2025-06-01","destination":"%s","item":"%s","units":1}\n' "$@"; }
{
  row U1 UK "$H100"
  row U2 de "$H100"
  row U3 DEU "$H100"
  row U4 DE h100
  printf '{"id":"U5","date":"2025-06-01","destinaton":"DE","item":"%s","units":1}\n' "$H100"
  printf '{"id":"U6","date":"2025-06-01","destination":"DE","item":"%s","units":1,"consignee":{"nmae":"x"}}\n' "$H100"
  printf '{"id":"U7","date":"2025-06-01","destination":"DE","item":{"tpp":100,"die_area":5},"units":1}\n'
} >"$TMP/hints.jsonl"
run "did you mean hints" "$HF" check --format jsonl "$TMP/hints.jsonl"
expect_rc 2
expect_line 1 'got `UK` (did you mean `GB`?)'
expect_line 2 'got `de` (did you mean `DE`?)'
expect_line 3 'got `DEU` (did you mean `DE`? codes are ISO 3166-1 alpha-2)'
expect_line 4 '`h100` is not in the catalog (did you mean `nvidia-h100-nvl`, `nvidia-h100-pcie`, `nvidia-h100-sxm`?)'
expect_line 5 'unknown field `destinaton` (did you mean `destination`?)'
expect_line 6 'unknown field `consignee.nmae` (did you mean `name`?)'
expect_line 7 'unknown field `item.die_area` (did you mean `die_area_mm2`?)'

run "flags: a hint for --to UK" "$HF" check --format jsonl --item "$H100" --units 1 --to UK \
  --date 2025-06-01
expect_rc 2
expect_out 'did you mean `GB`?'

# --- empty inputs and directories ----------------------------------------------------------

run "check DIR" "$HF" check "$TMP"
expect_rc 1
expect_err "is a directory"
: >"$TMP/empty.jsonl"
run "an empty file" "$HF" check --format jsonl "$TMP/empty.jsonl"
expect_rc 0
expect_err "is empty: no shipments to check"
expect_empty_out
printf '\n  \n\n' >"$TMP/blank.jsonl"
run "only blank lines" "$HF" check --format jsonl "$TMP/blank.jsonl"
expect_rc 0
expect_err "holds only blank lines: no shipments"
printf 'id,date,destination,item,units\n' >"$TMP/header.csv"
run "a CSV header and no rows" "$HF" check --format csv "$TMP/header.csv"
expect_rc 0
expect_err "has a CSV header but no shipments"
run_in "empty standard input" "$TMP/empty.jsonl" "$HF" check --format jsonl
expect_rc 0
expect_err "standard input is empty"
run "an unreadable file says why" "$HF" check "$TMP/nope.jsonl"
expect_rc 1
expect_err 'cannot read `'
expect_err "No such file or directory"

# --- check by flags -------------------------------------------------------------------------

run "flags: --units and --date are required" "$HF" check --item "$H100" --to DE
expect_rc 1
expect_err "--units is required"
expect_err "--date is required"
expect_err "--date today"
expect_no_err "--item is required"
expect_empty_out
run "flags: --to is required" "$HF" check --item "$H100" --units 1 --date 2025-06-01
expect_rc 1
expect_err "--to is required"
run "flags: --date today is today (UTC)" "$HF" check --format jsonl --item "$H100" --units 1 \
  --to DE --date today --consignee "TU Munich"
expect_rc 0
TODAY=$(date -u +%F)
expect_json "d['decision'] != 'needs_review'"
run "explain by flags echoes today's date" "$HF" explain --format json --item "$H100" \
  --units 1 --to DE --date today
expect_rc 0
expect_json "d['determination']['id'] == 'cli-1' and '$TODAY' <= '9999'"
run "flags: a bad --end-use is refused with the allowed values" "$HF" check --item "$H100" \
  --units 1 --to DE --date 2025-06-01 --end-use militery
expect_rc 1
expect_err "military"

finish input
