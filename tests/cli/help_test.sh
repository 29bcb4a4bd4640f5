#!/usr/bin/env bash
# Help and discoverability: --version, every --help, countries, regimes,
# explain, ledger show/export, classify, law check --catalog, and the man pages
# and completions generated from the option definitions.
# Usage: help_test.sh PATH/TO/highfence REPO_DIR
set -u
. "$(dirname "$0")/lib.sh" "$@"

run "--version" "$HF" --version
expect_rc 0
expect_out "highfence 0.1.0"
expect_out "(content hash), last reviewed 20"

# --- every option described, with allowed values and an example ---------------------------------

for cmd in check classify explain countries regimes; do
  run "$cmd --help" "$HF" "$cmd" --help
  expect_rc 0
  expect_out "highfence $cmd"
done
run "check --help" "$HF" check --help
expect_out "{jsonl,csv,table}"
expect_out "{as-written,as-enforced"
expect_out "military, wmd, frontier_training, development, production, storage"
expect_out "--fail-on"
expect_out "Examples:"
expect_out "highfence check --item nvidia-h100-sxm --units 8 --to DE --date today"
expect_out "Exit codes: 0 decided; 1 could not run; 2 some line needs_review; 3 --fail-on matched."
run "explain --help" "$HF" explain --help
expect_out "{text,json}"
expect_out "--item"
expect_out "Examples:"
run "ledger --help names itself" "$HF" ledger --help
expect_rc 0
expect_out "highfence ledger"
run "ledger show --help" "$HF" ledger show --help
expect_out "highfence ledger show"

# Every option of check has a description: no bare option line in its help.
NAME="check: every option is described"
"$HF" check --help >"$TMP/out"
if python3 - "$TMP/out" <<'PY'; then pass; else fail "$NAME"; fi
import re, sys
lines = open(sys.argv[1]).read().splitlines() + [""]
# An option line without text has its description on the next, indented line.
bare = [l for i, l in enumerate(lines) if re.match(r"^\s+-[-\w,]+( \S+)?\s*$", l)
        and not re.match(r"^ {20,}\S", lines[i + 1])]
sys.exit(1 if bare else 0)
PY

# --- countries -----------------------------------------------------------------------------------

run "countries on a date" "$HF" countries --date 2025-06-01 --mode as-written AE CN DE
expect_rc 0
expect_out "Countries on 2025-06-01 (mode as_written, regime us-2025-01)"
expect_line 3 "AE  United Arab Emirates"
expect_line 3 "licence, presumption_of_approval"
expect_line 4 "D:1 D:4 D:5"
expect_line 5 "A:5 tier1"
run "countries as enforced: no tiers" "$HF" countries --date 2025-06-01 --mode as-enforced AE
expect_out "regime us-2023-11"
expect_line 3 "-    D:4"
run "countries --format json" "$HF" countries --date 2025-06-01 --mode as-written --format json
expect_rc 0
expect_json 'len(lines) > 200 and all(set(l) >= {"code","tier","groups","decision","licence_required"} for l in lines)'
expect_json '[l for l in lines if l["code"] == "CN"][0]["tier"] == 3'
run "countries: an unknown code gets a hint" "$HF" countries UK
expect_rc 1
expect_err 'did you mean `GB`?'
run "countries: a bad date" "$HF" countries --date 2025-13-01
expect_rc 1
expect_err "--date must be YYYY-MM-DD or today"

# --- regimes -------------------------------------------------------------------------------------

run "regimes lists the dated changes" "$HF" regimes
expect_rc 0
expect_out "2024-04-04  [us-2023-11] nac_aca_split_on"
expect_out "2024-12-02  [us-2023-11] hbm_control_on"
expect_out "2024-03-15  [country-groups] NI joins D:1"
run "regimes --format json" "$HF" regimes --format json
expect_rc 0
expect_json '{r["id"] for r in d["rules"]} >= {"us-2022-10", "us-2023-11", "us-2025-01"}'
expect_json 'any(c["on"] == "2024-12-02" and "hbm_control_on" in c["change"] for c in d["changes"])'
expect_json 'any(c["on"] == "2024-04-04" and "nac_aca_split_on" in c["change"] for c in d["changes"])'
expect_json 'all(c["citation"] for c in d["changes"]) and d["content_hash"]'
expect_json '[c["on"] for c in d["changes"]] == sorted(c["on"] for c in d["changes"])'

# --- explain -------------------------------------------------------------------------------------

ROW='{"id":"E1","date":"2025-06-01","destination":"MY","item":"nvidia-h100-sxm","units":100,"consignee":{"name":"Acme Sdn Bhd"}}'
printf '%s\n' "$ROW" >"$TMP/e.jsonl"
run "explain --format json" "$HF" explain "$TMP/e.jsonl" --id E1 --format json
expect_rc 0
expect_json 'd["line"] == 1 and d["determination"]["id"] == "E1" and d["determination"]["reasons"]'
expect_json 'any(b["account"].startswith("lpp:acme") for b in d["balances"])'
run "explain by flags" "$HF" explain --item nvidia-h100-sxm --units 100 --to MY \
  --date 2025-06-01 --consignee "Acme Sdn Bhd"
expect_rc 0
expect_out "Shipment cli-1 (line 1 of the shipment flags)"
expect_out "Derivation:"
run "explain by flags needs --date" "$HF" explain --item nvidia-h100-sxm --units 1 --to MY
expect_rc 1
expect_err "--date is required"
run "explain without a file or flags" "$HF" explain
expect_rc 1
expect_err "explain needs a shipments file and --id ID"
"$HF" check --mode as-written --format jsonl --ledger "$TMP/l.db" "$TMP/e.jsonl" >/dev/null 2>&1
printf '%s\n' "${ROW/E1/E2}" >"$TMP/e2.jsonl"
run "explain --ledger reads the balances there" "$HF" explain "$TMP/e2.jsonl" --id E2 --mode as-written \
  --ledger "$TMP/l.db" --format json
expect_rc 0
expect_json 'd["balances_from"].endswith("l.db") and any(b["posted"] == 1583200 for b in d["balances"])'

# --- ledger show and export ----------------------------------------------------------------------

run "ledger show: an account with no draws" "$HF" ledger show --ledger "$TMP/l.db" \
  lpp:nobody:2025 --format json
expect_rc 0
expect_json 'd["posted"] == 0 and d["pending"] == 0 and d["cap"] == 26900000 and d["available"] == 26900000'
run "ledger show: an allocation with no draws" "$HF" ledger show --ledger "$TMP/l.db" \
  allocation:AE --now 2025-06-01
expect_rc 0
expect_out "allocation:AE"
expect_out "posted              0"
run "ledger show: a counter with no draws has no cap" "$HF" ledger show --ledger "$TMP/l.db" \
  aia:nobody --format json
expect_json 'd["cap"] is None and d["posted"] == 0'
run "ledger show: not an account id" "$HF" ledger show --ledger "$TMP/l.db" nonsense
expect_rc 1
expect_err "is not an account id"
run "ledger export --format csv" "$HF" ledger export --ledger "$TMP/l.db" --format csv
expect_rc 0
expect_line 1 "id,account,tpp,state"
run "ledger export rejects an unknown format" "$HF" ledger export --ledger "$TMP/l.db" \
  --format xml
expect_rc 1
expect_err "xml"
expect_empty_out

# --- classify and catalogs -----------------------------------------------------------------------

run "classify: a figure beside a catalog id is an error" "$HF" classify nvidia-h100-sxm --tpp 10
expect_rc 1
expect_err "--tpp does not apply to catalog chip \`nvidia-h100-sxm\`"
expect_empty_out
run "classify: --consumer beside a catalog id is an error" "$HF" classify nvidia-h20 --consumer
expect_rc 1
expect_err "--consumer does not apply"
run "classify: a near id gets a hint" "$HF" classify h100
expect_rc 1
expect_err "nvidia-h100-sxm"

cat >"$TMP/ours.toml" <<'TOML'
[[accelerator]]
id = "acme-x1"
vendor = "Acme"
model = "X1"
year = 2025
dense_tops = "1000"
bit_length = 8
tpp = "8000"
die_area_mm2 = "800"
datacenter = true
sources = ["ACME-DS-0042 rev C (internal datasheet)"]
TOML
run "law check --catalog: a catalog citing an internal document" "$HF" law check \
  --catalog "$TMP/ours.toml"
expect_rc 0
expect_out "catalog ok: 1 accelerators"
expect_out "law ok"
run "classify with the user's catalog" "$HF" classify acme-x1 --catalog "$TMP/ours.toml" \
  --date 2025-06-01
expect_rc 0
expect_out "3A090.a"
sed 's/tpp = "8000"/tpp = "8001"/' "$TMP/ours.toml" >"$TMP/bad.toml"
run "law check --catalog: an invalid catalog" "$HF" law check --catalog "$TMP/bad.toml"
expect_rc 1
expect_err "catalog invalid"
expect_err "bad.toml"

# --- man pages and completions ---------------------------------------------------------------------

run "generate-docs" "$HF" generate-docs "$TMP/docs"
expect_rc 0
NAME="man pages for every command"
for page in highfence highfence-check highfence-classify highfence-explain highfence-countries \
  highfence-regimes highfence-law highfence-ledger highfence-screen highfence-serve; do
  if [ -s "$TMP/docs/man1/$page.1" ]; then pass; else fail "$NAME: $page.1 missing"; fi
done
NAME="check's man page holds every option of check --help"
"$HF" check --help | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u >"$TMP/opts"
missing=""
while read -r opt; do
  grep -qF -- "$(printf '%s' "$opt" | sed 's/-/\\-/g')" "$TMP/docs/man1/highfence-check.1" ||
    missing="$missing $opt"
done <"$TMP/opts"
if [ -z "$missing" ]; then pass; else fail "$NAME: missing$missing"; fi
NAME="bash completion offers subcommands, options and values"
out=$(bash -c '. "$1/highfence.bash"
  COMP_WORDS=(highfence check --format ""); COMP_CWORD=3; _highfence; echo "${COMPREPLY[*]}"
  COMP_WORDS=(highfence ledger s); COMP_CWORD=2; _highfence; echo "${COMPREPLY[*]}"
  COMP_WORDS=(highfence countries --f); COMP_CWORD=2; _highfence; echo "${COMPREPLY[*]}"' _ "$TMP/docs")
if [ "$out" = $'jsonl csv table\nshow seed\n--format' ]; then pass; else fail "$NAME: got '$out'"; fi
NAME="zsh completion is a #compdef file"
if head -1 "$TMP/docs/_highfence" | grep -qx '#compdef highfence'; then pass; else fail "$NAME"; fi
if command -v zsh >/dev/null 2>&1; then
  if zsh -n "$TMP/docs/_highfence"; then pass; else fail "$NAME: zsh -n failed"; fi
fi

finish help
