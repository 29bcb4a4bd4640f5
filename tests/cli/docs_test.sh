#!/usr/bin/env bash
# Every field, code and exit code the command line can produce is documented in
# docs/formats.md or docs/reference.md: the determinations of a varied order book
# (fields at every depth, decisions, authorizations, policies, notices, error
# codes, debit states), the CSV header, the parser's error codes and the exit
# codes of src/cli/cli.h. Usage: docs_test.sh PATH/TO/highfence REPO_DIR
set -u
. "$(dirname "$0")/lib.sh" "$@"

{
  cat "$REPO/examples/orders.jsonl"
  # Lines that reach the error codes the examples do not.
  echo '{"id":"X1","date":"2025-06-01","destination":"DE","item":"nvidia-h100-sxm","units":1,"bogus":1}'
  echo '{"id":"X2","date":"2025-06-01","destination":"DE","item":"nvidia-h100-sxm","units":"1"}'
  echo '{"id":"X3","date":"2025-06-01","destination":"DE","item":"nvidia-h100-sxm","units":1,"units":2}'
  echo '{"id":"X4","date":"2025-06-01","destination":"DE","item":{"tpp":3000},"units":1}'
  echo '{"id":"X1","date":"2025-06-01","destination":"DE","item":"nvidia-a10","units":1}'
  echo '{"id":"X5","date":"2025-06-01","destination":"AE","item":"nvidia-h100-sxm","units":50000,"consignee":{"name":"G42"}}'
  echo '{"id":"X6","date":"2025-06-01","destination":"RU","item":"nvidia-a10","units":1}'
} >"$TMP/book.jsonl"
"$HF" check --format jsonl --mode as-written "$TMP/book.jsonl" >"$TMP/written.jsonl" 2>/dev/null
"$HF" check --format jsonl --mode as-enforced "$TMP/book.jsonl" >"$TMP/enforced.jsonl" 2>/dev/null
"$HF" check --format csv "$TMP/book.jsonl" 2>/dev/null | head -1 >"$TMP/csv-header"
printf 'id,date,destination,item,units\n"X,2025-06-01,DE,a,1\n' >"$TMP/bad.csv"
"$HF" check --format jsonl "$TMP/bad.csv" >"$TMP/csv.jsonl" 2>/dev/null

NAME="every field, code and exit code is documented"
if python3 - "$REPO" "$TMP" <<'PY'; then pass; else fail "$NAME"; fi
import json, re, sys
repo, tmp = sys.argv[1], sys.argv[2]
docs = open(f"{repo}/docs/formats.md").read() + open(f"{repo}/docs/reference.md").read()
documented = set(re.findall(r"`([^`\n]+)`", docs))
# A backticked phrase documents each word in it too (`account=tpp:state`, `a, b`).
for phrase in list(documented):
    documented.update(w for w in re.split(r"[^A-Za-z0-9_.:\-]+", phrase) if w)
want = {}
def need(kind, value):
    if value not in (None, "") and not isinstance(value, (int, float, bool)):
        want.setdefault(str(value), kind)
def walk(obj, path):
    if isinstance(obj, dict):
        for k, v in obj.items():
            need(f"field in {path}", k)
            walk(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for v in obj:
            walk(v, path)
for name in ("written.jsonl", "enforced.jsonl", "csv.jsonl"):
    for line in open(f"{tmp}/{name}"):
        d = json.loads(line)
        walk(d, "determination")
        for key in ("decision", "authorization", "license_policy", "mode", "regime", "eccn"):
            need(key, d.get(key))
        for n in d["notices"]:
            need("notice", n)
        for e in d["errors"]:
            need("error code", e["code"])
        for debit in d["debits"]:
            need("debit state", debit["state"])
        for a in d.get("assumed", []):
            need("assumed field", a["field"])
for column in open(f"{tmp}/csv-header").read().strip().split(","):
    need("CSV column", column)
# The parser's error codes, from its source.
for code in re.findall(r'kErr\w+ = "(\w+)"', open(f"{repo}/src/io/shipment_parser.h").read()):
    need("parser error code", code)
missing = sorted(f"{k} ({v})" for k, v in want.items() if k not in documented)
# Exit codes: each constant of cli.h is a row of the exit-code table.
for code in re.findall(r"kExit\w+ = (\d+);", open(f"{repo}/src/cli/cli.h").read()):
    if f"| `{code}` |" not in docs:
        missing.append(f"exit code {code}")
if missing:
    print("undocumented:", *missing, sep="\n  ")
print(f"{len(want)} fields and codes checked")
sys.exit(1 if missing else 0)
PY

finish docs
