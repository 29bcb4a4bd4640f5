#!/usr/bin/env bash
# Installs the Debian packages that building, testing, fuzzing and benchmarking
# highfence need, and only those that are missing. Quiet when all are present.
# Runs apt-get as root, or through sudo for any other user.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config            # toolchain
  libsimdjson-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libsqlite3-dev libpq-dev libssl-dev libyaml-cpp-dev     # libraries
  libxxhash-dev                                           # shipment fingerprints, id sets
  libicu-dev                                              # names: transliteration
  libgtest-dev libbenchmark-dev                           # tests, benchmarks
  clang libclang-rt-14-dev libfuzzer-14-dev               # fuzzing, sanitizers
  hyperfine time                                          # bench/run_bench.sh
  python3-jellyfish                                       # bench/screen_baseline.py
  ccache                                                  # faster rebuilds
  libboost-dev                                            # Boost.Beast (HTTP server)
  curl python3 python3-jsonschema python3-yaml wrk        # server tests, benchmarks
  tmux                                                    # CLI tests of the terminal table and progress
)
# For the durable ledger tests (--ledger postgres://...).
ledger_test_packages=(postgresql)
# The web UI (web/): Debian's chromium for its browser tests, a CJK font for its
# Chinese pages, and Debian's own Node 18 and npm unless a Node is already on PATH.
web_packages=(chromium fonts-wqy-microhei)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  web_packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}" "${ledger_test_packages[@]}" "${web_packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$p")
done
(( ${#missing[@]} == 0 )) && exit 0

sudo=()
if (( $(id -u) != 0 )); then
  command -v sudo >/dev/null || { echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
