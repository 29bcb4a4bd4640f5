#!/usr/bin/env python3
"""Makes the generated part of the screening evaluation set.

Reads a compact CSL snapshot (the 2026 list) and writes JSON lines of labelled
names: variants of real list rows that a screener must match (typos, word order,
company forms changed or dropped, partial names, spelling and punctuation), and
names made from list rows by replacing the word that identifies them, which it
must not match. Rows are drawn at random with a fixed seed, so the file is
reproducible and not chosen by hand:

    python3 tests/screening/make_generated.py LIST.json --seed 2026 > generated.jsonl

Each line: {"name", "expect": "match"|"no_match", "kind", "entities": ["LIST|primary
name", ...], "source": the row name it was made from}. `entities` lists every row
that carries the source name (a company on two lists is a right answer on both);
for a partial name, every row with a name holding all of its words.
"""
import argparse
import json
import random
import re
import sys

LEGAL = {"co", "ltd", "limited", "company", "inc", "incorporated", "corp", "corporation",
         "llc", "plc", "gmbh", "ag", "sa", "jsc", "ooo", "pjsc", "oao", "zao", "ao", "pte",
         "pvt", "private", "llp", "lp", "fze", "fzco", "bv", "nv", "srl", "spa", "sdn", "bhd"}
GENERIC = {"technology", "technologies", "information", "group", "industry", "industrial",
           "electronics", "electronic", "equipment", "international", "trading", "development",
           "science", "engineering", "systems", "system", "services", "service", "holding",
           "holdings", "investment", "research", "institute", "center", "centre", "intelligent",
           "digital", "software", "network", "networks", "communication", "communications"}
PLACES = {"beijing", "shanghai", "shenzhen", "hangzhou", "guangzhou", "tianjin", "chengdu",
          "wuhan", "nanjing", "xian", "suzhou", "wuxi", "hefei", "chongqing", "qingdao",
          "dalian", "xiamen", "zhuhai", "changsha", "harbin", "shenyang", "jinan", "zhengzhou",
          "moscow", "tehran", "dubai", "hong", "kong", "china", "russia", "iran"}
STOP = {"of", "the", "and", "for", "in", "at", "on"}
FORMS = ["Co., Ltd.", "Limited", "Ltd", "Company Limited", "Corporation", "Corp.", "Inc.",
         "LLC", "Co Ltd", "Group Co., Ltd."]
FILLERS = ["Orchid", "Lumen", "Vertex", "Nimbus", "Harbor", "Maple", "Quartz", "Zephyr",
           "Cobalt", "Juniper", "Solstice", "Falcon", "Meridian", "Aurora", "Cascade", "Redwood",
           "Sapphire", "Tundra", "Willow", "Halcyon", "Keystone", "Beacon", "Sterling", "Pioneer"]
LEGAL_PHRASES = re.compile(
    r"\b(public |closed |open )?joint[- ]stock company\b|\blimited liability company\b|"
    r"\bobshchestvo s ogranichennoi otvetstvennostyu\b|\baktsionernoe obshchestvo\b|"
    r"\bs\.? ?a\.? de c\.? ?v\.?|\bgmbh & co\.? kg\b|\bl\.l\.c\.?|\bs\.a\.|\bco\.,? ltd\.?",
    re.IGNORECASE)
MARKERS = re.compile(r"a\.k\.a|f\.k\.a|\baka\b|affiliated entity|subordinate|\(|\)|:|;",
                     re.IGNORECASE)


def words(name):
    return re.findall(r"[A-Za-z0-9]+", name)


def strip_legal(name):
    return re.sub(r"\s+", " ", LEGAL_PHRASES.sub(" ", name)).strip(" ,.")


def core(name):
    return [w for w in words(strip_legal(name)) if w.lower() not in LEGAL]


def load(path):
    d = json.load(open(path, encoding="utf-8"))
    sources = d["tables"]["sources"]
    rows = []
    for e in d["entries"]:
        m = re.search(r"\(([^)]*)\)", sources[e["s"]])
        code = re.sub(r" List$", "", m.group(1)) if m else sources[e["s"]]
        rows.append({"list": code, "name": " ".join(e["n"].split()),
                     "alt": [" ".join(a.split()) for a in e.get("a", [])], "type": e.get("t", "")})
    return rows


def key(name):
    return " ".join(w.lower() for w in words(name))


def typo(rng, name):
    ws = [w for w in words(strip_legal(name)) if len(w) >= 5 and w.lower() not in LEGAL]
    if not ws:
        return None
    w = rng.choice(ws)
    i = rng.randrange(1, len(w) - 1)
    op = rng.choice(["swap", "drop", "double", "replace"])
    if op == "swap":
        t = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif op == "drop":
        t = w[:i] + w[i + 1:]
    elif op == "double":
        t = w[:i] + w[i] + w[i:]
    else:
        letter = rng.choice("aeiounrst".replace(w[i].lower(), ""))
        t = w[:i] + (letter.upper() if w[i].isupper() else letter) + w[i + 1:]
    return name.replace(w, t, 1) if t != w else None


def word_order(rng, row):
    name = row["name"]
    if row["type"] == "Individual" and "," in name:
        last, first = name.split(",", 1)
        return f"{first.strip()} {last.strip()}"
    c = core(name)
    if len(c) < 3:
        return None
    c = c[1:] + c[:1]
    return " ".join(c)


def legal_form(rng, name):
    c = core(name)
    if len(c) == len(words(name)) or len(c) < 2 or MARKERS.search(name):
        return None
    return " ".join(c) + ("" if rng.random() < 0.4 else " " + rng.choice(FORMS))


def partial(rng, name):
    """A leading place dropped, or the trailing run of generic words."""
    c = core(name)
    if len(c) < 3 or MARKERS.search(name):
        return None
    if c[0].lower() in PLACES:
        return " ".join(c[1:])
    end = len(c)
    while end > 1 and (c[end - 1].lower() in GENERIC or c[end - 1].lower() in STOP):
        end -= 1
    rest = c[:end]
    named = [w for w in rest if w.lower() not in GENERIC | STOP | PLACES]
    if end < len(c) and named and len(" ".join(rest)) >= 6:
        return " ".join(rest)
    return None


def spelling(rng, name):
    s = re.sub(r"[.,()'’\"]", " ", name)
    s = re.sub(r"\s+", " ", s).strip()
    return s.upper() if rng.random() < 0.5 else s.lower()


def similar(rng, name, vocabulary, frequency):
    c = core(name)
    distinct = [w for w in c if w.lower() not in GENERIC and w.lower() not in PLACES]
    if len(c) < 3 or not distinct or MARKERS.search(name):
        return None
    target = min(distinct, key=lambda w: (frequency.get(w.lower(), 0), -len(w)))
    filler = rng.choice([f for f in FILLERS if f.lower() not in vocabulary])
    return name.replace(target, filler, 1)


def holding_all(rows, variant):
    """Every row with a name that holds each word of `variant`."""
    want = set(key(variant).split())
    out = set()
    for r in rows:
        for n in [r["name"]] + r["alt"]:
            if want <= set(key(n).split()):
                out.add(f'{r["list"]}|{r["name"]}')
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("lists")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--per-kind", type=int, default=30)
    a = p.parse_args()
    rng = random.Random(a.seed)
    rows = load(a.lists)
    by_key = {}
    vocabulary = set()
    frequency = {}
    for r in rows:
        for n in [r["name"]] + r["alt"]:
            by_key.setdefault(key(n), set()).add(f'{r["list"]}|{r["name"]}')
            vocabulary.update(w.lower() for w in words(n))
            for w in set(x.lower() for x in words(n)):
                frequency[w] = frequency.get(w, 0) + 1
    entities = [r for r in rows if r["type"] in ("", "Entity") and r["name"].isascii()
                and len(core(r["name"])) >= 2 and "," not in r["name"].split(" ")[0]]
    people = [r for r in rows if r["type"] == "Individual" and r["name"].isascii()]
    makers = [("typo", entities, lambda r: typo(rng, r["name"])),
              ("word_order", entities + people, lambda r: word_order(rng, r)),
              ("legal_form", entities, lambda r: legal_form(rng, r["name"])),
              ("partial", entities, lambda r: partial(rng, r["name"])),
              ("spelling", entities, lambda r: spelling(rng, r["name"]))]
    out = []
    for kind, pool, make in makers:
        made = 0
        for r in rng.sample(pool, len(pool)):
            if made == a.per_kind:
                break
            v = make(r)
            if not v or key(v) == key(r["name"]) or len(core(v)) == 0:
                continue
            right = by_key[key(r["name"])]
            if kind == "partial":
                right = right | holding_all(rows, v)
            out.append({"name": v, "expect": "match", "kind": kind, "entities": sorted(right),
                        "source": r["name"]})
            made += 1
    made = 0
    for r in rng.sample(entities, len(entities)):
        if made == a.per_kind * 2:
            break
        v = similar(rng, r["name"], vocabulary, frequency)
        if not v or key(v) in by_key:
            continue
        out.append({"name": v, "expect": "no_match", "kind": "similar_generated", "entities": [],
                    "source": r["name"]})
        made += 1
    for line in out:
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
