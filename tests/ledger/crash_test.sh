#!/usr/bin/env bash
# A batch killed with SIGKILL at random moments, many times over. After each
# kill the ledger verifies and every line that was printed is in it; re-running
# the whole file then leaves exactly the balances of one clean run.
#
# Usage: crash_test.sh HIGHFENCE_BINARY LEDGER_DIR
#        crash_test.sh HIGHFENCE_BINARY CRASHED_URL CLEAN_URL   (two empty PostgreSQL databases)
set -u
hf=$1
dir=$2
kills=${HF_CRASH_KILLS:-20}
lines=${HF_CRASH_LINES:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=$((fail + 1)); fi; }
if [[ $dir == postgres://* || $dir == postgresql://* ]]; then
  crashed=$2
  clean=$3
else
  crashed="$dir/crashed.db"
  clean="$dir/clean.db"
  rm -f "$crashed"* "$clean"*
fi

countries=(IN MY SG BR MX VN PL CH IL SA)
for i in $(seq 1 "$lines"); do
  cc=${countries[$((i % 10))]}
  printf '{"id":"C-%s","date":"2025-%02d-15","destination":"%s","item":"nvidia-h100-sxm","units":%s,"consignee":{"name":"Buyer %s","hq":"%s"}}\n' \
    "$i" $((i % 12 + 1)) "$cc" $((i % 200 + 1)) $((i % 37)) "$cc"
done > "$work/in.jsonl"

# One clean run first, on its own ledger: its balances are the reference, and its
# duration sets the range of the kill times (a sanitizer build is much slower).
start=$(date +%s%N)
"$hf" check --format jsonl --ledger "$clean" "$work/in.jsonl" > "$work/clean.jsonl"
run_ms=$(( ($(date +%s%N) - start) / 1000000 ))
: | "$hf" check --format jsonl --ledger "$crashed" - > /dev/null  # create the ledger

verified=0
for k in $(seq 1 "$kills"); do
  "$hf" check --format jsonl --ledger "$crashed" "$work/in.jsonl" > "$work/out$k.jsonl" 2>/dev/null &
  pid=$!
  sleep "$(awk -v ms="$(( RANDOM % (run_ms + 1) ))" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if "$hf" ledger verify --ledger "$crashed" > /dev/null; then verified=$((verified + 1)); fi
  # Every draw printed in this attempt must be in the ledger.
  grep -o '"id":"C-[0-9]*"' "$work/out$k.jsonl" | sort -u > "$work/printed$k"
  "$hf" ledger export --ledger "$crashed" --format jsonl | grep -o '"shipment_id":"C-[0-9]*"' \
    | sed 's/shipment_id/id/' | sort -u > "$work/recorded"
  drew=$(grep '"debits":\[{' "$work/out$k.jsonl" | grep -o '"id":"C-[0-9]*"' | sort -u)
  missing=$(comm -23 <(echo "$drew" | grep . | sort -u) "$work/recorded" | wc -l)
  [ "$missing" -eq 0 ] || echo "     attempt $k: $missing printed draw(s) not in the ledger"
  check "attempt $k: printed draws are recorded" "[ $missing -eq 0 ]"
done
check "ledger verify passed after all $kills kills" "[ $verified -eq $kills ]"

"$hf" check --format jsonl --ledger "$crashed" "$work/in.jsonl" > "$work/final.jsonl"
"$hf" ledger list --ledger "$crashed" --format json > "$work/crashed.list"
"$hf" ledger list --ledger "$clean" --format json > "$work/clean.list"
check "re-run balances equal one clean run" "cmp -s \"$work/crashed.list\" \"$work/clean.list\""
# The outcome of every line: decision, authorization, policy, notices, debits.
outcomes() { sed 's/.*\("decision".*\),"reasons".*/\1/' "$1"; }
check "re-run prints the same outcomes as a clean run (decision to debits, every line)" \
  "cmp -s <(outcomes \"$work/final.jsonl\") <(outcomes \"$work/clean.jsonl\")"
check "ledger verify passes at the end" "\"$hf\" ledger verify --ledger \"$crashed\" >/dev/null"
total=$((kills + 4))
echo "crash: $((total - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
