#!/usr/bin/env bash
# The simulator's speed (docs/benchmarks.md, "simulate"). Run from the
# repository root after building build-release/ (`make bench` builds it):
#   bash bench/simulate_bench.sh
set -euo pipefail
HF=build-release/highfence
uptime
build-release/simulate_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
# 10,000 draws of the 2020-2030 quarterly model through the CLI (law loading,
# scenario parsing and the JSON report included), with and without the
# automatic no-control variant.
hyperfine --warmup 1 --runs 10 \
  "$HF simulate scenarios/historical.toml --draws 10000 --no-measures --no-tornado --no-variants --quiet > /dev/null" \
  "$HF simulate scenarios/historical.toml --draws 10000 --no-measures --no-tornado --quiet > /dev/null"
# B1-B6 as shipped: 2,000 draws each, every per-round measure, Shapley on 200
# draws (2^10 runs per draw), the tornado, the variants, all three reports.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
hyperfine --runs 3 "for b in B1 B2 B3 B4 B5 B6; do $HF simulate scenarios/\$b.toml --quiet --out $out/\$b; done"
