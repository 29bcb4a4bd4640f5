#!/usr/bin/env bash
# Eight processes race to draw on one Tier 2 allocation and one LPP account of
# one durable ledger. Afterwards: no account past its cap, every draw printed by
# any process is in the ledger, nothing drawn twice, and the ledger verifies.
#
# Usage: race_test.sh HIGHFENCE_BINARY LEDGER   (LEDGER: a file path or postgres:// URL)
set -u
hf=$1
ledger=$2
procs=${HF_RACE_PROCS:-8}
lines=${HF_RACE_LINES:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=$((fail + 1)); fi; }

# Each process: licences for Malaysia (allocation:MY, 790,000,000, 2,000 H100 =
# 31,664,000 a line, so about 24 fit) and LPP draws for one parent in India
# (26,900,000 a year: 100 H100 = 1,583,200 a line, so 16 fit).
for p in $(seq 1 "$procs"); do
  for i in $(seq 1 "$lines"); do
    if (( i % 2 )); then
      printf '{"id":"P%s-%s","date":"2025-07-01","destination":"MY","item":"nvidia-h100-sxm","units":2000,"consignee":{"name":"Colo %s","hq":"MY"}}\n' "$p" "$i" "$p"
    else
      printf '{"id":"P%s-%s","date":"2025-07-01","destination":"IN","item":"nvidia-h100-sxm","units":100,"consignee":{"name":"Unit %s","parent":"Shared Parent","hq":"IN"}}\n' "$p" "$i" "$p"
    fi
  done > "$work/in$p.jsonl"
done
for p in $(seq 1 "$procs"); do
  "$hf" check --mode as-written --format jsonl --ledger "$ledger" "$work/in$p.jsonl" > "$work/out$p.jsonl" 2> "$work/err$p" &
done
wait

check "every process finished" "! grep -l . $work/err* >/dev/null 2>&1"
printed=$(cat "$work"/out*.jsonl | grep -o '"debits":\[[^]]*\]' | grep -o '"account":"[^"]*","tpp":[0-9.]*' | wc -l)
"$hf" ledger export --ledger "$ledger" --format jsonl > "$work/export.jsonl"
recorded=$(grep -c '"id":"P' "$work/export.jsonl")
check "every printed draw is recorded ($printed printed, $recorded recorded)" "[ $printed -eq $recorded ]"
dupes=$(grep -o '"id":"P[^"]*"' "$work/export.jsonl" | sort | uniq -d | wc -l)
check "nothing drawn twice" "[ $dupes -eq 0 ]"
alloc=$("$hf" ledger show allocation:MY --ledger "$ledger" --format json)
lpp=$("$hf" ledger show lpp:shared-parent:2025 --ledger "$ledger" --format json)
echo "     $alloc"
echo "     $lpp"
check "allocation:MY within its cap" "echo '$alloc' | grep -q '\"available\":[0-9]'"
check "lpp:shared-parent:2025 within its cap" "echo '$lpp' | grep -q '\"available\":[0-9]'"
check "ledger verify passes" "\"$hf\" ledger verify --ledger \"$ledger\" >/dev/null"
echo "race: $((6 - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
