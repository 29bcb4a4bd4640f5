#!/usr/bin/env bash
# The server's throughput and latency with wrk on loopback, each beside the
# CLI's figure for the same shipments from the same run (docs/benchmarks.md,
# "The HTTP server").
#
# Usage: bench/server/run_server_bench.sh [BUILD_DIR] [SECONDS]
#   BUILD_DIR: holds highfence and gen_shipments (default build-release)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-build-release}
secs=${2:-10}
conns=${HF_BENCH_CONNECTIONS:-256}
work=$(mktemp -d /tmp/hf-server-bench.XXXXXX)
here=bench/server
server_pid=
trap '[[ -n $server_pid ]] && kill $server_pid 2>/dev/null; rm -rf "$work"' EXIT

start_server() {  # start_server DATA_DIR: sets port, server_pid, HF_KEY
  "$bin/highfence" serve --data "$1" --port 0 > "$1.out" 2> "$1.err" &
  server_pid=$!
  for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$1.err")
    [[ -n $port ]] && break
    sleep 0.1
  done
  export HF_KEY=$(grep -o 'hf_[0-9a-f]*_[0-9a-f]*' "$1.out" | head -1)
}
stop_server() { kill "$server_pid"; wait "$server_pid" || true; server_pid=; }
wrk_row() {  # wrk_row LABEL ARGS...: one table row from a wrk run
  local label=$1
  shift
  wrk "$@" --latency | awk -v l="$label" '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
    /Non-2xx/ {bad=$NF} END {printf "| %s | %.0f | %s | %s | %s |\n", l, r, p50, p99, bad ? bad : 0}'
}
cli_rate() {  # cli_rate FILE [ARGS...]: shipments per second of one check run
  local file=$1 start end n
  shift
  n=$(wc -l < "$file")
  start=$(date +%s.%N)
  "$bin/highfence" check --format jsonl "$@" "$file" > /dev/null || [[ $? == 2 ]]
  end=$(date +%s.%N)
  awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }'
}

echo "## server bench, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
echo "- $(lscpu | sed -n 's/^Model name: *//p' | head -1), nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# The same shipments for the CLI: the nodraw line 100,000 times (ids unique),
# and 20,000 drawing lines (AIA to Germany: every line draws).
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
with open(f"{w}/nodraw.jsonl", "w") as f:
    for i in range(100000):
        f.write(json.dumps({"id": f"n{i}", "date": "2024-06-01", "destination": "DE", "units": 8,
                            "item": "nvidia-h100-sxm", "consignee": {"name": "TU Munich"}}) + "\n")
with open(f"{w}/draw.jsonl", "w") as f:
    for i in range(20000):
        f.write(json.dumps({"id": f"d{i}", "date": "2025-06-01", "destination": "DE", "units": 1,
                            "item": "nvidia-h100-sxm", "consignee": {"name": "TU Munich"}}) + "\n")
PY
"$bin/gen_shipments" --lines 10000 > "$work/gen.jsonl"

echo "| wrk -t1 -c$conns -d${secs}s, one shipment per request | requests/s | p50 | p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|"
start_server "$work/a"
url="http://127.0.0.1:$port/v1/determinations"
wrk_row "draws nothing (peak)" -t1 -c"$conns" -d"${secs}s" -s $here/nodraw.lua "$url" | tee "$work/peak"
peak=$(awk -F'|' '{print $3}' "$work/peak" | tr -d ' ')
# Half the peak: 64 connections, each pausing so that together they offer peak/2.
delay=$(awk -v p="$peak" 'BEGIN { d = int(64 * 1000 / (p / 2)); print d < 1 ? 1 : d }')
HF_DELAY_MS=$delay wrk_row "draws nothing, paced at about half the peak (64 conns, ${delay} ms pause)" \
  -t1 -c64 -d"${secs}s" -s $here/paced.lua "$url"
HF_RUN=$RANDOM wrk_row "draws on the durable SQLite ledger (AIA)" -t1 -c"$conns" -d"${secs}s" \
  -s $here/draw.lua "$url"
echo
stop_server

echo "| the CLI, same run | shipments/s |"
echo "|---|---:|"
echo "| check, in memory, the nodraw line x 100,000 | $(cli_rate "$work/nodraw.jsonl") |"
echo "| check --ledger (SQLite), 20,000 lines that each draw | $(cli_rate "$work/draw.jsonl" --ledger "$work/cli-draw.db") |"
echo

echo "| batch: one POST of 10,000 generated lines (gen_shipments) vs check on the same file | shipments/s |"
echo "|---|---:|"
cli=$(cli_rate "$work/gen.jsonl" --ledger "$work/cli-gen.db")
echo "| check --ledger FILE.db (SQLite, fresh) | $cli |"
start_server "$work/b"
start=$(date +%s.%N)
curl -s -o "$work/batch.out" -H "Authorization: Bearer $HF_KEY" -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$work/gen.jsonl" "http://127.0.0.1:$port/v1/determinations"
end=$(date +%s.%N)
stop_server
lines=$(wc -l < "$work/batch.out")
srv=$(awk -v n="$lines" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }')
echo "| POST /v1/determinations, the same file ($lines lines answered; ledger and decision log) | $srv |"
awk -v a="$srv" -v b="$cli" 'BEGIN { printf "\nbatch endpoint / CLI: %.0f %%\n", 100 * a / b }'
