#!/usr/bin/env bash
# The ledger from the command line: the licence lifecycle (pending reservation,
# post, void, expiry, licence validity), UVEU share limits against a declared
# installed base, dry runs, export and verify.
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
check "post: licence granted" "\"$hf\" ledger post 'LIC-1/allocation:MY' --ledger \"$L\" >/dev/null"
check "posted moves the reservation" "show allocation:MY | grep -q '\"posted\":31664000,\"pending\":31664000'"
check "a second post is refused" "! \"$hf\" ledger post 'LIC-1/allocation:MY' --ledger \"$L\" 2>/dev/null"
check "an unknown id is refused" "! \"$hf\" ledger void 'NOPE/allocation:MY' --ledger \"$L\" 2>/dev/null"
check "void: licence denied" "\"$hf\" ledger void 'LIC-2/allocation:MY' --ledger \"$L\" --note denied >/dev/null"
check "void releases the room" "show allocation:MY | grep -q '\"posted\":31664000,\"pending\":0'"
run '{"id":"LIC-3","date":"2025-07-03","destination":"MY","item":"nvidia-h100-sxm","units":2000,"consignee":{"name":"Colo MY","hq":"MY"}}' >/dev/null
check "expiry voids old reservations" \
  "\"$hf\" ledger expire --ledger \"$L\" --days 365 --now 2100-01-01 | grep -q 'expired 1 '"
check "expiry released LIC-3" "show allocation:MY | grep -q '\"pending\":0'"
check "licences past one year are reported" \
  "\"$hf\" ledger licences --ledger \"$L\" --now 2100-01-01 | grep -q 'LIC-1/allocation:MY.*EXPIRED'"
check "history lists every state" \
  "[ \$(\"$hf\" ledger history allocation:MY --ledger \"$L\" | grep -c '\"state\"') -eq 3 ]"

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
echo "ledger cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
