#!/usr/bin/env python3
"""Eight clients race to draw on one Tier 2 allocation through one server.

Each client sends licences for Malaysia (2,000 H100 = 31,664,000 TPP a
shipment; the allocation holds 790,000,000, so 24 fit) and LPP draws for one
shared parent in India (100 H100 = 1,583,200; 16 fit in 26,900,000), one
request at a time, many at once. Afterwards: no account past its cap, the
balances equal the sum of the draws the answers reported, no draw was made
twice, and the ledger and decision log verify.

Usage: race_test.py PATH/TO/highfence [postgres://URL]
"""
import os
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(__file__))
from harness import Server, Tally, shipment  # noqa: E402

HF = sys.argv[1]
ledger = sys.argv[2] if len(sys.argv) > 2 else None
CLIENTS, PER_CLIENT = 8, 40
t = Tally("race" + (" (postgres)" if ledger else ""))
server = Server(HF, ledger=ledger).start()
# The race is on a Tier 2 allocation, the AI Diffusion rule's: ask for the law as written
# (BIS does not enforce it from 2025-05-13, and the default is as enforced).
server.mode = "as_written"
answers = [[] for _ in range(CLIENTS)]
errors = []


def client(n):
    c = server.client(server.admin_key)
    for i in range(PER_CLIENT):
        if i % 2:
            s = shipment(f"R{n}-{i}", date="2025-07-01", destination="MY", units=2000,
                         consignee=f"Colo {n}", )
            s["consignee"]["hq"] = "MY"
        else:
            s = shipment(f"R{n}-{i}", date="2025-07-01", destination="IN", units=100,
                         consignee=f"Unit {n}")
            s["consignee"].update({"parent": "Shared Parent", "hq": "IN"})
        r = c.post("/v1/determinations", s)
        if r.status != 200:
            errors.append((r.status, r.body[:200]))
            continue
        answers[n].append(r.json())


threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
for th in threads:
    th.start()
for th in threads:
    th.join()
t.check("every request was answered 200", not errors, str(errors[:3]))

drawn = {}
for d in (d for a in answers for d in a):
    for debit in d["debits"]:
        drawn[debit["account"]] = drawn.get(debit["account"], 0) + debit["tpp"]
viewer = server.client(server.admin_key)
alloc = viewer.get("/v1/ledger/accounts/allocation:MY").json()
lpp = viewer.get("/v1/ledger/accounts/lpp:shared-parent:2025").json()
t.check("allocation:MY within its cap", alloc["pending"] + alloc["posted"] <= alloc["cap"], str(alloc))
t.check("allocation:MY filled to the last shipment that fits",
        alloc["available"] < 31_664_000 and alloc["pending"] == 24 * 31_664_000, str(alloc))
t.check("lpp:shared-parent:2025 within its cap", lpp["posted"] + lpp["pending"] <= lpp["cap"], str(lpp))
t.check("allocation balance = the draws answered",
        alloc["pending"] + alloc["posted"] == drawn.get("allocation:MY", 0), f"{alloc} {drawn}")
t.check("lpp balance = the draws answered",
        lpp["pending"] + lpp["posted"] == drawn.get("lpp:shared-parent:2025", 0), f"{lpp} {drawn}")
ids = [d["id"] for a in answers for d in a]
t.check("one answer per shipment", len(ids) == len(set(ids)) == CLIENTS * PER_CLIENT)
denied = [d for a in answers for d in a if d["license_policy"] == "policy_of_denial"]
t.check("shipments past the allocation are denied and draw nothing",
        denied and all(not d["debits"] for d in denied))
server.stop()
target = ledger or os.path.join(server.data_dir, "ledger.db")
v = subprocess.run([HF, "ledger", "verify", "--ledger", target], capture_output=True, text=True)
t.check("ledger and decision log verify", v.returncode == 0 and "decision log ok" in v.stdout,
        v.stdout + v.stderr)
sys.exit(t.summary())
