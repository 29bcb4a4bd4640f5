#!/usr/bin/python3
"""Brute-force screening baseline: Jaro-Winkler against every name of the list.

For each screened name, compares it with every primary and alternative name of
a compact CSL snapshot (the 2026 list) using Debian's python3-jellyfish, and
keeps the best. This is what screening without an index costs; the figure
stands beside screen_bench's in docs/benchmarks.md.

    /usr/bin/python3 bench/screen_baseline.py LIST.json NAMES.jsonl [--limit N]

Run with Debian's Python (/usr/bin/python3), which has the jellyfish package.
"""
import argparse
import json
import time

import warnings

import jellyfish

warnings.simplefilter("ignore", DeprecationWarning)  # jellyfish 0.8 uses a deprecated C format


def list_names(path):
    d = json.load(open(path, encoding="utf-8"))
    names = []
    for e in d["entries"]:
        names.append(e["n"].upper())
        names.extend(a.upper() for a in e.get("a", []))
    return names


def main():
    p = argparse.ArgumentParser()
    p.add_argument("lists")
    p.add_argument("names")
    p.add_argument("--limit", type=int, default=200)
    a = p.parse_args()
    listed = list_names(a.lists)
    queries = []
    for line in open(a.names, encoding="utf-8"):
        queries.append(json.loads(line)["name"].upper())
        if len(queries) == a.limit:
            break
    jw = jellyfish.jaro_winkler_similarity
    latencies = []
    start = time.process_time()
    for q in queries:
        t = time.process_time()
        best = max(listed, key=lambda n: jw(q, n))
        latencies.append(time.process_time() - t)
    total = time.process_time() - start
    latencies.sort()
    print("| brute force: Jaro-Winkler against every name (Debian python3-jellyfish) | |")
    print(f"| list names compared per screened name | {len(listed)} |")
    print(f"| names screened | {len(queries)} |")
    print(f"| names per second, one core (CPU) | {len(queries) / total:.1f} |")
    print(f"| CPU latency p50 / p99 | {latencies[len(latencies) // 2] * 1e3:.1f} / "
          f"{latencies[int(0.99 * (len(latencies) - 1))] * 1e3:.1f} ms |")


if __name__ == "__main__":
    main()
