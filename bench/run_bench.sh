#!/usr/bin/env bash
# Throughput and memory of `highfence check` on generated shipments.
# Run through `make bench`, which builds build-release/ first.
#
# - writes /tmp/highfence-bench/shipments-{500k,2m}.jsonl with gen_shipments
# - one run of each under /usr/bin/time -v: exit status, wall time, peak RSS
#   (the 2M-line file checks that memory stays flat as the input grows)
# - times the 500k file with hyperfine --warmup 1 --runs 5 (JSON export in
#   /tmp/highfence-bench/), or with `date` when hyperfine is missing
# - prints a markdown table, then runs build-release/highfence_bench if built
set -euo pipefail
cd "$(dirname "$0")/.."

bin=build-release
out=/tmp/highfence-bench
runs=5
hyperfine=${HYPERFINE:-hyperfine}  # HYPERFINE=none tests the fallback
mkdir -p "$out"
for exe in "$bin/highfence" "$bin/gen_shipments"; do
  [[ -x $exe ]] || { echo "run_bench.sh: $exe missing: run \`make bench\`" >&2; exit 1; }
done

echo "## highfence bench, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo none)"
echo
echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1); nproc $(nproc)"
echo "- memory: $(free -g | awk '/^Mem:/ {print $2}') GiB; kernel $(uname -r)"
echo

declare -A lines=([500k]=500000 [2m]=2000000)
for name in 500k 2m; do
  file=$out/shipments-$name.jsonl
  if [[ ! -s $file || $bin/gen_shipments -nt $file ]]; then
    echo "generating $file (${lines[$name]} lines)"
    "$bin/gen_shipments" --lines "${lines[$name]}" > "$file"
  fi
done
# The draw-heavy book (gen_shipments --profile draw-heavy): most lines draw, as
# written; checked with --mode as-written below.
heavy=$out/draw-heavy-500k.jsonl
if [[ ! -s $heavy || $bin/gen_shipments -nt $heavy ]]; then
  echo "generating $heavy (500000 lines, draw-heavy)"
  "$bin/gen_shipments" --lines 500000 --profile draw-heavy > "$heavy"
fi

# check FILE: one run; exit 0 or 2 (malformed lines) means every line got a determination.
check() {
  local rc=0
  "$bin/highfence" check --format jsonl "$1" > /dev/null || rc=$?
  (( rc == 0 || rc == 2 )) || { echo "run_bench.sh: highfence check $1 exited $rc" >&2; exit 1; }
}

# measure NAME: sets seconds (wall time) and rss (peak RSS, MB) from one run.
measure() {
  local file=$out/shipments-$1.jsonl log=$out/time-$1.txt start
  if [[ -x /usr/bin/time ]]; then
    local rc=0
    /usr/bin/time -v -o "$log" "$bin/highfence" check --format jsonl "$file" > /dev/null || rc=$?
    (( rc == 0 || rc == 2 )) || { echo "run_bench.sh: highfence check $file exited $rc" >&2; exit 1; }
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$log")
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
      for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.3f", s }' "$log")
  else
    start=$(date +%s.%N); check "$file"
    seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f", e - s }')
    rss=n/a
  fi
}

# mean_seconds NAME: mean wall time over $runs runs after one warm-up.
mean_seconds() {
  local file=$out/shipments-$1.jsonl json=$out/hyperfine-$1.json start i
  if command -v "$hyperfine" >/dev/null; then
    "$hyperfine" --warmup 1 --runs "$runs" --ignore-failure --style basic --export-json "$json" \
      "$bin/highfence check --format jsonl $file > /dev/null" >&2
    sed -n 's/^ *"mean": *\([0-9.eE+-]*\),*$/\1/p' "$json" | head -1
  else
    echo "(hyperfine not found: timing $runs runs with date)" >&2
    check "$file"
    start=$(date +%s.%N)
    for ((i = 0; i < runs; i++)); do check "$file"; done
    awk -v s="$start" -v e="$(date +%s.%N)" -v n="$runs" 'BEGIN { printf "%.3f", (e - s) / n }'
  fi
}

rows=()
for name in 500k 2m; do
  measure "$name"
  note="1 run"
  if [[ $name == 500k ]]; then
    seconds=$(mean_seconds "$name")
    note="mean of $runs"
  fi
  rate=$(awk -v n="${lines[$name]}" -v s="$seconds" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
  rows+=("| ${lines[$name]} | $(printf '%.3f' "$seconds") ($note) | $rate | $rss |")
done

echo
echo "| lines | mean s | determinations/s | peak RSS MB |"
echo "|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "Raw data: $out/"

if [[ -x $bin/highfence_bench ]]; then
  echo
  echo "## engine micro-benchmarks (Google Benchmark)"
  "$bin/highfence_bench" --benchmark_out="$out/engine_bench.json" --benchmark_out_format=json
fi

# --- the durable ledger ---------------------------------------------------------
# check --ledger on the 500k file: a fresh SQLite ledger, the same file again
# (idempotent: nothing is drawn twice), and PostgreSQL when HF_TEST_POSTGRES_URL
# names a server (tests/pg/start_postgres.sh starts one).
durable() {  # durable LABEL LEDGER [FILE [CHECK OPTIONS...]]: LEDGER "" is in memory
  local label=$1 ledger=$2 file=${3:-$out/shipments-500k.jsonl} start rc=0
  shift $(( $# < 3 ? $# : 3 ))
  start=$(date +%s.%N)
  "$bin/highfence" check --format jsonl ${ledger:+--ledger "$ledger"} "$@" "$file" > /dev/null \
    || rc=$?
  (( rc == 0 || rc == 2 )) || { echo "run_bench.sh: durable check on $2 exited $rc" >&2; exit 1; }
  awk -v s="$start" -v e="$(date +%s.%N)" -v l="$label" \
    'BEGIN { printf "| %s | %.3f | %.0f |\n", l, e - s, 500000 / (e - s) }'
}
echo
echo "## check --ledger, 500,000 lines"
echo
echo "| ledger | seconds | shipments/s |"
echo "|---|---:|---:|"
rm -f "$out/ledger.db" "$out/ledger.db-wal" "$out/ledger.db-shm"
durable "SQLite, fresh" "$out/ledger.db"
durable "SQLite, same file again" "$out/ledger.db"
if [[ -n ${HF_TEST_POSTGRES_URL:-} ]] && command -v psql >/dev/null; then
  db="hf_bench_$$"
  psql "$HF_TEST_POSTGRES_URL" -qc "CREATE DATABASE $db" >/dev/null
  durable "PostgreSQL, fresh" "${HF_TEST_POSTGRES_URL%/*}/$db"
  psql "$HF_TEST_POSTGRES_URL" -qc "DROP DATABASE $db" >/dev/null
fi
echo
echo "## the draw-heavy book, 500,000 lines, --mode as-written"
echo
echo "| ledger | seconds | shipments/s |"
echo "|---|---:|---:|"
rm -f "$out/heavy.db" "$out/heavy.db-wal" "$out/heavy.db-shm"
durable "in memory" "" "$heavy" --mode as-written
durable "SQLite, fresh" "$out/heavy.db" "$heavy" --mode as-written
if [[ -n ${HF_TEST_POSTGRES_URL:-} ]] && command -v psql >/dev/null; then
  db="hf_bench_heavy_$$"
  psql "$HF_TEST_POSTGRES_URL" -qc "CREATE DATABASE $db" >/dev/null
  durable "PostgreSQL, fresh" "${HF_TEST_POSTGRES_URL%/*}/$db" "$heavy" --mode as-written
  psql "$HF_TEST_POSTGRES_URL" -qc "DROP DATABASE $db" >/dev/null
fi
if [[ -x $bin/ledger_latency ]]; then
  echo
  echo "## one durable determination in a long-running process"
  rm -f "$out/latency.db"*
  "$bin/ledger_latency" "$out/latency.db" 2000
fi
bash bench/run_screen_bench.sh
