#!/usr/bin/env python3
"""Differential test: every legal case (tests/cases/**/*.yaml) through the
server and through the CLI must give identical determinations.

Each case is a sequence of shipments on a fresh ledger. The CLI runs it with
`highfence check` (an in-memory ledger); the server gets the same lines as one
JSONL request with dry_run=true on a ledger that is never written, so each
case also starts from an empty ledger. The answers must be equal byte for
byte once the server's decision_id is removed. Shipments are turned into JSON
exactly as tests/cases_runner.cc does (quoted YAML scalars are strings, plain
ones that read as JSON literals are literals; `raw:` lines are sent as they are).

Usage: differential_test.py PATH/TO/highfence CASES_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from harness import Server, Tally  # noqa: E402

HF, CASES = sys.argv[1], sys.argv[2]
NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
t = Tally("differential")


def to_json(node):
    """YAML node -> JSON text, as the cases runner's ToJson."""
    if isinstance(node, yaml.MappingNode):
        return "{" + ",".join(json.dumps(k.value) + ":" + to_json(v) for k, v in node.value) + "}"
    if isinstance(node, yaml.SequenceNode):
        return "[" + ",".join(to_json(v) for v in node.value) + "]"
    if isinstance(node, yaml.ScalarNode):
        plain = node.style is None
        s = node.value
        if plain and (s in ("true", "false", "null") or NUMBER.fullmatch(s)):
            return s
        return json.dumps(s, ensure_ascii=False)
    return "null"


def get(mapping, key):
    for k, v in mapping.value:
        if k.value == key:
            return v
    return None


def strip_decision_id(line):
    d = json.loads(line)
    d.pop("decision_id", None)
    return d


server = Server(HF).start()
client = server.client(server.admin_key)
cases = 0
for path in sorted(glob.glob(os.path.join(CASES, "**", "*.yaml"), recursive=True)):
    doc = yaml.compose(open(path, encoding="utf-8"))
    for case in get(doc, "cases").value:
        name = get(case, "name").value
        ships = get(case, "shipments")
        lines = []
        for s in ships.value:
            raw = get(s, "raw") if isinstance(s, yaml.MappingNode) else None
            lines.append(raw.value if raw is not None else to_json(s))
        mode = get(case, "mode")
        regime = get(case, "regime")
        args, query = [], ["dry_run=true"]
        if mode is not None:
            args += ["--mode", mode.value]
            query.append("mode=" + mode.value)
        if regime is not None:
            args += ["--regime", regime.value]
            query.append("regime=" + regime.value)
        body = "\n".join(lines) + "\n"
        cli = subprocess.run([HF, "check", "--format", "jsonl", "--input-format", "jsonl", *args, "-"], input=body,
                             capture_output=True, text=True)
        r = client.post("/v1/determinations?" + "&".join(query), body,
                        content_type="application/x-ndjson")
        cases += 1
        if r.status != 200:
            t.check(f"{path}: {name}", False, f"server answered {r.status}: {r.body[:200]!r}")
            continue
        want = [json.loads(x) for x in cli.stdout.splitlines() if x]
        got = [strip_decision_id(x) for x in r.body.decode().splitlines() if x]
        same = want == got and len(want) == len([x for x in lines if x.strip()])
        detail = ""
        if not same:
            for w, g in zip(want, got):
                if w != g:
                    detail = f"\n  cli:    {json.dumps(w)[:400]}\n  server: {json.dumps(g)[:400]}"
                    break
            else:
                detail = f"{len(want)} CLI lines, {len(got)} server lines"
        t.check(f"{path}: {name}", same, detail)
server.stop()
t.check(f"cases were compared ({cases})", cases > 50)
sys.exit(t.summary())
