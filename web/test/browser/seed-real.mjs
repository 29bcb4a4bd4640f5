// Seeds a real server's ledger for the browser suite (test/browser/real-server.sh),
// from test/fixtures/real-seed.json:
//   node seed-real.mjs ledger HIGHFENCE LEDGER_DB   before the server starts: the
//     NVEU's declared installed base (`highfence ledger seed --kind nveu`);
//   node seed-real.mjs post URL KEY                 once it listens: the shipments,
//     determined as written (POST /v1/determinations?mode=as_written).
// A shipment that does not draw on an account of the kind the fixture says stops
// the run: the ledger test derives its figures from that premise.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export const seed = JSON.parse(
  readFileSync(new URL("../fixtures/real-seed.json", import.meta.url), "utf8"),
);

function seedLedger(highfence, ledgerDb) {
  const s = seed.nveu_seed;
  execFileSync(
    highfence,
    [
      "ledger",
      "seed",
      "--ledger",
      ledgerDb,
      "--kind",
      "nveu",
      "--party",
      s.party,
      "--country",
      s.country,
      "--tpp",
      String(s.tpp),
      "--note",
      s.note,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
}

async function postShipments(url, key) {
  const res = await fetch(new URL("v1/determinations?mode=as_written&reasons=none", url), {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify(seed.shipments.map((x) => x.shipment)),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST /v1/determinations: ${res.status} ${text}`);
  const answers = text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  seed.shipments.forEach(({ draws, shipment }, i) => {
    const d = answers[i];
    const kinds = (d?.debits ?? []).map((x) => x.account.split(":")[0]);
    if (d?.id !== shipment.id || !kinds.includes(draws))
      throw new Error(`${shipment.id} was meant to draw on ${draws}: ${JSON.stringify(d)}`);
  });
  return answers.length;
}

const [command, ...args] = process.argv.slice(2);
if (command === "ledger") {
  seedLedger(args[0], args[1]);
} else if (command === "post") {
  const n = await postShipments(args[0], args[1]);
  console.log(`seeded the ledger: ${n} shipments, one declared NVEU installed base`);
} else if (command !== undefined) {
  console.error("usage: seed-real.mjs ledger HIGHFENCE LEDGER_DB | post URL KEY");
  process.exit(2);
}
