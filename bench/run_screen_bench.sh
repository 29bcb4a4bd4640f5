#!/usr/bin/env bash
# Screening speed against the 2026 list with every alias: index build, names
# per second and latency on one core (build-release/screen_bench), and the
# brute-force Jaro-Winkler baseline (bench/screen_baseline.py, Debian's
# python3-jellyfish). Prints Markdown for docs/benchmarks.md.
# Run through `make bench` (it builds build-release/ first), or after it;
# HF_BENCH_BUILD=DIR takes the benchmark from another build folder.
set -euo pipefail
cd "$(dirname "$0")/.."

list=${HF_SCREEN_LIST:-../shared/data/screening/csl-2025.json}
out=/tmp/highfence-bench
if [[ ! -f $list ]]; then
  echo "run_screen_bench.sh: $list is absent: no screening figures" >&2
  exit 0
fi
mkdir -p "$out"
names=$out/screen-names.jsonl
# Names to screen: 12,500 variants of list rows and 5,000 names made not to
# match (make_generated.py, seed 99), then the hand-written evaluation names.
python3 tests/screening/make_generated.py "$list" --seed 99 --per-kind 2500 > "$names"
cat tests/screening/handwritten.jsonl >> "$names"

echo "## screening bench, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo none)"
echo
echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1); nproc $(nproc); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- names: $(wc -l < "$names") ($names)"
echo
"${HF_BENCH_BUILD:-build-release}/screen_bench" "$list" "$names" --repeat 3
echo
/usr/bin/python3 bench/screen_baseline.py "$list" "$names" --limit 200
