#!/usr/bin/env bash
# The HTTP library comparison behind docs/server.md: builds the two probe
# servers (cpp-httplib 0.11 and Boost.Beast 1.74, both from Debian), measures
# each with wrk on loopback (keep-alive, a small JSON POST), then how each
# copes with 20 clients that send half a request and stall (slowloris).
# Usage: bench/http_probe/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-8}
out=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT
echo "## build (user CPU seconds, text size)"
for probe in httplib beast; do
  flags=()
  [[ $probe == httplib ]] && flags=($(pkg-config --cflags --libs cpp-httplib))
  /usr/bin/time -f "$probe: %U s user" g++ -std=c++20 -O2 -o "$out/$probe" "${probe}_probe.cc" \
    "${flags[@]}" -pthread
  size "$out/$probe" | tail -1
done
"$out/httplib" 18080 & "$out/beast" 18081 2 &
sleep 0.5
echo "## wrk -t1 --latency, keep-alive POST (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
for c in 16 64; do
  for port in 18080 18081; do
    name=$([[ $port == 18080 ]] && echo httplib || echo beast)
    wrk -t1 -c$c -d${secs}s --latency -s post.lua "http://127.0.0.1:$port/v1/probe" |
      awk -v n="$name" -v c="$c" '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
        END {printf "%-8s c=%-3s %10s req/s  p50 %-8s p99 %s\n", n, c, r, p50, p99}'
  done
done
echo "## 20 stalled half-requests, then one normal request"
for port in 18080 18081; do
  python3 - "$port" <<'PY'
import socket, subprocess, sys, time
port = int(sys.argv[1])
held = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
for s in held:
    s.send(b"POST /v1/probe HTTP/1.1\r\nHost: x\r\n")
t = time.time()
code = subprocess.run(["curl", "-s", "-m", "20", "-o", "/dev/null", "-w", "%{http_code}", "-d", "{}",
                       f"http://127.0.0.1:{port}/v1/probe"], capture_output=True, text=True).stdout
name = "httplib" if port == 18080 else "beast"
print(f"{name:8} answered {code} after {time.time() - t:.2f} s")
PY
done
