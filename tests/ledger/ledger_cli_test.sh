#!/usr/bin/env bash
# The ledger from the command line: the licence lifecycle (pending reservation,
# post with the licence and its granted date, void, expiry, licence validity),
# reversals of posted draws, UVEU share limits against a declared installed
# base, dry runs, export, verify and backups.
#
# Usage: ledger_cli_test.sh HIGHFENCE_BINARY LEDGER   (a SQLite path or postgres:// URL)
set -u
hf=$1
L=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }
show() { "$hf" ledger show "$1" --ledger "$L" --format json; }
# The licence lifecycle is the AI Diffusion rule's (allocations, LPP, VEU caps):
# as written, since BIS does not enforce it (the default mode is as enforced).
run() { printf '%s\n' "$@" | "$hf" check --mode as-written --format jsonl --ledger "$L" -; }
has() { grep -q -- "$2" "$work/$1"; }  # has OUTPUT PATTERN

# --- the licence lifecycle -------------------------------------------------------
# 2,000 and 1,000 H100 pass the parent's LPP cap (26,900,000), so they need licences.
run '{"id":"LIC-1","date":"2025-07-01","destination":"MY","item":"nvidia-h100-sxm","units":2000,"consignee":{"name":"Colo MY","hq":"MY"}}' \
    '{"id":"LIC-2","date":"2025-07-02","destination":"MY","item":"nvidia-h100-sxm","units":2000,"consignee":{"name":"Colo MY","hq":"MY"}}' > "$work/lic"
check "a Tier 2 licence reserves on the allocation" "has lic '\"account\":\"allocation:MY\",\"tpp\":31664000,\"state\":\"pending\"'"
check "both reservations pending" "show allocation:MY | grep -q '\"posted\":0,\"pending\":63328000'"
check "post: licence granted" "\"$hf\" ledger post 'LIC-1/allocation:MY' --ledger \"$L\" \
  --licence D123456 --granted 2025-07-15 --note 'approved as applied' >/dev/null"
check "posted moves the reservation" "show allocation:MY | grep -q '\"posted\":31664000,\"pending\":31664000'"
check "the licence and its note are on the transfer" "\"$hf\" ledger history allocation:MY \
  --ledger \"$L\" | grep -q '\"note\":\"licence D123456; approved as applied\"'"
"$hf" ledger post 'LIC-1/allocation:MY' --ledger "$L" --licence D999 > "$work/post2"
check "a second post is a no-op that says so and exits 0" "[ \$? -eq 0 ] && has post2 'posted already; nothing changed'"
check "the second post kept the first grant" "\"$hf\" ledger history allocation:MY --ledger \"$L\" \
  | grep -q 'licence D123456' && ! \"$hf\" ledger history allocation:MY --ledger \"$L\" | grep -q D999"
check "a grant dated in the future is refused" "! \"$hf\" ledger post 'LIC-2/allocation:MY' \
  --ledger \"$L\" --granted 2999-01-01 2>/dev/null"
check "an unknown id is refused" "! \"$hf\" ledger void 'NOPE/allocation:MY' --ledger \"$L\" 2>/dev/null"
check "void: licence denied" "\"$hf\" ledger void 'LIC-2/allocation:MY' --ledger \"$L\" --note denied >/dev/null"
check "void releases the room" "show allocation:MY | grep -q '\"posted\":31664000,\"pending\":0'"
"$hf" ledger void 'LIC-2/allocation:MY' --ledger "$L" --note withdrawn > "$work/void2"
check "a second void is a no-op that says so and exits 0" "[ \$? -eq 0 ] && has void2 'voided already; nothing changed'"
check "voiding a posted licence is refused" "! \"$hf\" ledger void 'LIC-1/allocation:MY' --ledger \"$L\" 2>/dev/null"
run '{"id":"LIC-3","date":"2025-07-03","destination":"MY","item":"nvidia-h100-sxm","units":2000,"consignee":{"name":"Colo MY","hq":"MY"}}' >/dev/null
check "expiry voids old reservations" \
  "\"$hf\" ledger expire --ledger \"$L\" --days 365 --now 2100-01-01 | grep -q 'expired 1 '"
check "expiry released LIC-3" "show allocation:MY | grep -q '\"pending\":0'"
check "licences past one year are reported" \
  "\"$hf\" ledger licences --ledger \"$L\" --now 2100-01-01 | grep -q 'LIC-1/allocation:MY.*EXPIRED'"
check "validity counts from the granted day: valid on day 360" "\"$hf\" ledger licences --ledger \"$L\" \
  --days 365 --now 2026-07-10 | grep 'LIC-1/allocation:MY' | grep -v -q EXPIRED"
check "validity counts from the granted day: expired on day 370" "\"$hf\" ledger licences \
  --ledger \"$L\" --days 365 --now 2026-07-20 | grep -q 'LIC-1/allocation:MY.*granted 2025-07-15.*EXPIRED'"
check "history lists every state" \
  "[ \$(\"$hf\" ledger history allocation:MY --ledger \"$L\" | grep -c '\"state\"') -eq 3 ]"

# --- reversals: an order cancelled, goods returned ---------------------------------------
run '{"id":"REV-1","date":"2025-07-01","destination":"IN","item":"nvidia-h100-sxm","units":1000,"consignee":{"name":"Pune AI"}}' > "$work/rev1"
check "an LPP draw is posted" "has rev1 '\"account\":\"lpp:pune-ai:2025\",\"tpp\":15832000'"
check "reverse needs a reason" "! \"$hf\" ledger reverse 'REV-1/lpp:pune-ai:2025' --ledger \"$L\" 2>/dev/null"
check "reverse gives the draw back" "\"$hf\" ledger reverse 'REV-1/lpp:pune-ai:2025' --ledger \"$L\" \
  --reason 'order cancelled' | grep -q '^reversed REV-1/lpp:pune-ai:2025'"
check "the account is back to zero" "show lpp:pune-ai:2025 | grep -q '\"posted\":0,'"
"$hf" ledger history lpp:pune-ai:2025 --ledger "$L" > "$work/revh"
check "history keeps the draw and shows the reversal" "has revh '\"id\":\"REV-1/lpp:pune-ai:2025\",.*\"state\":\"posted\"' \
  && has revh '\"id\":\"reversal:REV-1/lpp:pune-ai:2025\",.*\"tpp\":-15832000,.*\"note\":\"order cancelled\"'"
"$hf" ledger reverse 'REV-1/lpp:pune-ai:2025' --ledger "$L" --reason again > "$work/rev2"
check "a second reverse is a no-op that says so and exits 0" "[ \$? -eq 0 ] && has rev2 'reversed already; nothing changed'"
check "a pending reservation cannot be reversed" "! \"$hf\" ledger reverse 'LIC-3/allocation:MY' \
  --ledger \"$L\" --reason x 2>/dev/null"
check "verify passes with a reversal" "\"$hf\" ledger verify --ledger \"$L\" | grep -q 'ledger ok'"

# --- UVEU share limits (rules.md D10) ---------------------------------------------
uveu() {  # uveu ID PARENT UNITS
  printf '{"id":"%s","date":"2025-08-01","destination":"MY","item":"nvidia-h100-sxm","units":%s,"consignee":{"name":"%s Malaysia","parent":"%s","hq":"MY","parent_hq":"US","veu":"UVEU"}}\n' "$1" "$3" "$2" "$2"
}
uveu U-0 "Other Cloud" 100 | "$hf" check --mode as-written --format jsonl --ledger "$L" - > "$work/u0"
check "no declared base: authorized, shares unverified" "has u0 '\"authorization\":\"UVEU\".*uveu_share_unverified'"
check "seed a declared base" \
  "\"$hf\" ledger seed --party 'Hyper Cloud' --country US --tpp 10000000000 --ledger \"$L\" >/dev/null"
uveu U-1 "Hyper Cloud" 20000 | "$hf" check --mode as-written --format jsonl --ledger "$L" - > "$work/u1"
check "within 7 % of the base: UVEU, shares checked" \
  "has u1 '\"authorization\":\"UVEU\"' && has u1 auth.uveu.shares && ! has u1 uveu_share_unverified"
uveu U-2 "Hyper Cloud" 40000 | "$hf" check --mode as-written --format jsonl --ledger "$L" - > "$work/u2"
check "past 7 % in one Tier 2 country: not UVEU" \
  "! has u2 '\"authorization\":\"UVEU\"' && has u2 'a share limit would be passed'"
check "the declared base is on the party's US account" \
  "show uveu:hyper-cloud:US | grep -q '\"posted\":10000000000'"

# --- dry run, export, verify ----------------------------------------------------------
before=$("$hf" ledger list --ledger "$L" --format json)
uveu U-3 "Hyper Cloud" 10 | "$hf" check --mode as-written --format jsonl --ledger "$L" --dry-run - > "$work/dry.jsonl"
check "a dry run determines" "grep -q '\"decision\"' \"$work/dry.jsonl\""
check "a dry run writes nothing" "[ \"\$(\"$hf\" ledger list --ledger \"$L\" --format json)\" = \"\$before\" ]"
# A what-if (--regime) reads the ledger and never writes to it (contract section 5),
# even for a shipment that would draw on LPP.
printf '%s\n' '{"id":"WHATIF-1","date":"2025-09-01","destination":"IN","item":"nvidia-h100-sxm","units":100,"consignee":{"name":"Whatif Parent"}}' |
  "$hf" check --regime us-2025-01 --format jsonl --ledger "$L" - > "$work/whatif.jsonl"
check "a what-if determines and would draw" "has whatif.jsonl '\"account\":\"lpp:whatif-parent:2025\"'"
check "a what-if writes nothing" "[ \"\$(\"$hf\" ledger list --ledger \"$L\" --format json)\" = \"\$before\" ]"
check "a what-if leaves the account empty" "! show lpp:whatif-parent:2025 2>/dev/null | grep -q '\"posted\":[1-9]'"
check "export as CSV has a header and rows" \
  "\"$hf\" ledger export --ledger \"$L\" --format csv | head -1 | grep -q '^id,account,tpp,state'"
check "verify passes" "\"$hf\" ledger verify --ledger \"$L\" | grep -q 'ledger ok'"

# --- check --log: CLI runs in the decision log -----------------------------------------
printf '%s\n' '{"id":"LOG-1","date":"2025-07-01","destination":"IN","item":"nvidia-h100-sxm","units":10,"consignee":{"name":"Log Parent Ltd"}}' \
  '{"id":"LOG-2","date":"2025-07-01","destination":"CN","item":"nvidia-h100-sxm","units":10}' \
  '{"id":"LOG-3","date":"2025-07-01","destination":"IN","units":10}' > "$work/log.jsonl"
USER=officer1 "$hf" check --mode as-written --format jsonl --ledger "$L" --log "$work/log.jsonl" \
  > "$work/logged"
check "check --log still answers every line" "[ \$(wc -l < \"$work/logged\") -eq 3 ]"
"$hf" decisions search --ledger "$L" --shipment-id LOG-1 > "$work/log1"
check "a logged line is found by its shipment id" "[ \$(wc -l < \"$work/log1\") -eq 1 ]"
check "the record names the CLI caller" "has log1 '\"key_id\":\"cli:officer1\"'"
check "the record keeps the party key, the decision and the mode" \
  "has log1 '\"party\":\"log-parent\"' && has log1 '\"decision\":\"authorized\"' \
   && has log1 '\"mode\":\"as_written\"'"
check "the record keeps the input as received" "has log1 'Log Parent Ltd'"
check "the record keeps the whole determination, reasons included" \
  "has log1 '\"rule\":\"auth.lpp\"' && has log1 'lpp:log-parent:2025'"
check "a malformed line is logged too, as needs_review" \
  "\"$hf\" decisions search --ledger \"$L\" --decision needs_review | grep -q '\"shipment_id\":\"LOG-3\"'"
printf 'id,date,destination,item,units\nLOG-4,2025-07-01,DE,nvidia-h100-sxm,1\n' > "$work/log.csv"
"$hf" check --ledger "$L" --log --dry-run --format jsonl "$work/log.csv" > /dev/null
"$hf" decisions search --ledger "$L" --shipment-id LOG-4 > "$work/log4"
check "a CSV row is logged with its header, so its fields are named" \
  "has log4 'id,date,destination,item,units\\\\nLOG-4,2025-07-01'"
check "a dry run is logged as one" "has log4 '\"dry_run\":true'"
check "without --log nothing is logged" "\"$hf\" check --ledger \"$L\" --format jsonl \
  \"$work/log.csv\" >/dev/null; [ \$(\"$hf\" decisions search --ledger \"$L\" --shipment-id LOG-4 | wc -l) -eq 1 ]"
"$hf" check --log "$work/log.csv" > /dev/null 2> "$work/nolog"
check "--log needs --ledger" "[ \$? -eq 1 ] && has nolog 'needs --ledger'"
check "ledger verify covers the log" "\"$hf\" ledger verify --ledger \"$L\" | grep -q 'decision log ok: 4 decisions'"

# --- backup ---------------------------------------------------------------------------
case $L in
  postgres://* | postgresql://*)
    check "a PostgreSQL ledger points to pg_dump" \
      "\"$hf\" ledger backup \"$work/b.db\" --ledger \"$L\" 2>&1 | grep -q pg_dump && [ ! -e \"$work/b.db\" ]"
    ;;
  *)
    check "backup writes a verified copy" "\"$hf\" ledger backup \"$work/b.db\" --ledger \"$L\" \
      | grep -q 'verified'"
    check "the copy is one file" "[ -s \"$work/b.db\" ] && [ ! -e \"$work/b.db-wal\" ]"
    check "the copy verifies on its own" "\"$hf\" ledger verify --ledger \"$work/b.db\" | grep -q 'ledger ok'"
    check "the copy holds the same balances" \
      "[ \"\$(\"$hf\" ledger list --ledger \"$work/b.db\" --format json)\" = \"\$(\"$hf\" ledger list --ledger \"$L\" --format json)\" ]"
    check "a backup never replaces a file" "! \"$hf\" ledger backup \"$work/b.db\" --ledger \"$L\" 2>/dev/null"
    cp "$L" "$work/alone.db"
    check "after a clean close the .db alone holds the ledger" \
      "\"$hf\" ledger verify --ledger \"$work/alone.db\" | grep -q 'ledger ok' && \
       \"$hf\" ledger show lpp:pune-ai:2025 --ledger \"$work/alone.db\" >/dev/null"
    ;;
esac
echo "ledger cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
