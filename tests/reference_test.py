#!/usr/bin/env python3
"""Every reason rule id, notice code and error code the engine can emit is
documented in docs/reference.md.

Two sources, because neither alone sees every code:
  - the source: each string literal shaped like a code in the first arguments
    of a reason, notice or needs-review call (src/classify, src/determine,
    src/engine);
  - the legal cases: every code in the determinations of tests/cases, which
    also catches codes built at run time.
Usage: reference_test.py REPO HIGHFENCE_CASES
"""
import json
import pathlib
import re
import subprocess
import sys

CALL = re.compile(r"\b(AddReasonF|Reason|AddNotice|Notice|NeedsReview)\s*\(")
LITERAL = re.compile(r'"([^"\\]*)"')
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


def source_codes(repo):
    codes = {}
    for folder in ("classify", "determine", "engine"):
        for path in sorted((repo / "src" / folder).rglob("*.cc")):
            if path.name.endswith("_test.cc"):
                continue
            text = path.read_text()
            for call in CALL.finditer(text):
                # The code comes before the citation and the text: the first
                # literals of the call, up to the first that is not code-shaped.
                window = text[call.end():call.end() + 160]
                for lit in LITERAL.finditer(window):
                    if not CODE.match(lit.group(1)):
                        break
                    codes.setdefault(lit.group(1), f"{path.relative_to(repo)}")
    return codes


def case_codes(cases_bin, repo):
    out = subprocess.run([cases_bin, "--dump", str(repo / "tests" / "cases")],
                         check=True, capture_output=True, text=True).stdout
    codes = {}
    for line in out.splitlines():
        # "FILE#CASE NAME#INDEX {json}": the name may hold spaces.
        split = line.index(" ", line.rindex("#"))
        where, body = line[:split], line[split + 1:]
        d = json.loads(body)
        for r in d.get("reasons", []):
            codes.setdefault(r["rule"], where)
        for n in d.get("notices", []):
            codes.setdefault(n if isinstance(n, str) else n.get("code"), where)
        for e in d.get("errors", []):
            codes.setdefault(e["code"], where)
    return codes


def main():
    repo = pathlib.Path(sys.argv[1])
    reference = (repo / "docs" / "reference.md").read_text()
    documented = set(re.findall(r"`([a-z][a-z0-9_.]*)`", reference))
    found = source_codes(repo)
    if len(found) < 40:
        print(f"FAIL: only {len(found)} codes found in the source: the scan is broken")
        return 1
    dynamic = case_codes(sys.argv[2], repo)
    if len(dynamic) < 40:
        print(f"FAIL: only {len(dynamic)} codes in the legal cases' determinations")
        return 1
    missing = {c: w for c, w in {**dynamic, **found}.items() if c not in documented}
    for code, where in sorted(missing.items()):
        print(f"FAIL: `{code}` (emitted by {where}) is not in docs/reference.md")
    print(f"reference: {len(found)} codes in the source, {len(dynamic)} in the cases, "
          f"{len(missing)} undocumented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
