#!/usr/bin/env python3
"""SIGKILL the server while clients draw on its durable ledger, several times:
no decision that was answered may be missing from the decision log, no draw
that was answered may be missing from the ledger, and both verify; the server
then starts again on the same data.

Usage: kill_test.py PATH/TO/highfence [ROUNDS]
"""
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from harness import Server, Tally, shipment  # noqa: E402

HF = sys.argv[1]
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
CLIENTS = 8
t = Tally("kill")
server = Server(HF)
answered = []  # (decision_id, shipment_id, [transfer ids])
lock = threading.Lock()


def client(round_no, n, stop):
    c = server.client(server.admin_key)
    i = 0
    while not stop.is_set():
        i += 1
        sid = f"K{round_no}-{n}-{i}"
        body = shipment(sid, destination="IN", units=1, consignee=f"Kill {n}")
        if i % 3 == 0:  # a small batch now and then
            body = [shipment(f"{sid}-{k}", units=1, consignee=f"Kill {n}") for k in range(5)]
        try:
            r = c.post("/v1/determinations", body)
        except Exception:
            return  # the server is gone
        if r.status != 200:
            continue
        docs = r.lines() if isinstance(body, list) else [r.json()]
        with lock:
            for d in docs:
                answered.append((d["decision_id"], d["id"],
                                 [d["id"] + "/" + x["account"] for x in d["debits"]]))


for round_no in range(ROUNDS):
    server.start()
    stop = threading.Event()
    threads = [threading.Thread(target=client, args=(round_no, n, stop)) for n in range(CLIENTS)]
    for th in threads:
        th.start()
    time.sleep(random.uniform(0.5, 2.0))
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait()
    stop.set()
    for th in threads:
        th.join()

target = os.path.join(server.data_dir, "ledger.db")
log = subprocess.run([HF, "decisions", "export", "--data", server.data_dir],
                     capture_output=True, text=True)
logged = {json.loads(line)["decision_id"] for line in log.stdout.splitlines()}
ledger = subprocess.run([HF, "ledger", "export", "--ledger", target, "--format", "jsonl"],
                        capture_output=True, text=True)
transfers = {json.loads(line)["id"] for line in ledger.stdout.splitlines()}
lost_decisions = [a for a in answered if a[0] not in logged]
lost_draws = [x for a in answered for x in a[2] if x not in transfers]
t.check(f"answers were given before the kills ({len(answered)})", len(answered) > 0)
t.check("no answered decision is missing from the log", not lost_decisions, str(lost_decisions[:3]))
t.check("no answered draw is missing from the ledger", not lost_draws, str(lost_draws[:3]))
v = subprocess.run([HF, "ledger", "verify", "--ledger", target], capture_output=True, text=True)
t.check("ledger and decision log verify after the kills",
        v.returncode == 0 and "decision log ok" in v.stdout, v.stdout + v.stderr)
server.start()
t.check("the server starts again on the same data",
        server.client(server.admin_key).get("/v1/health").status == 200)
server.stop()
sys.exit(t.summary())
