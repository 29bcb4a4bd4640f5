// Citations become links to the eCFR (as on the shipment's date) and the
// Federal Register; shipments round-trip through the flat fields of a deep link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "./load-ts.mjs";

const { citationParts } = await loadTs("lib/cfr.ts");
const fields = await loadTs("lib/shipment-fields.ts");

const links = (c, d) =>
  citationParts(c, d)
    .filter((p) => p.href)
    .map((p) => [p.text, p.href]);

test("a CFR paragraph links to its section on the shipment's date, with its anchor", () => {
  assert.deepEqual(links("15 CFR 742.6(a)(6)(iii)(A)", "2025-07-01"), [
    [
      "15 CFR 742.6(a)(6)(iii)(A)",
      "https://www.ecfr.gov/on/2025-07-01/title-15/section-742.6#p-742.6(a)(6)(iii)(A)",
    ],
  ]);
});

test("supplements, later sections of a clause, FR citations and FR documents are linked", () => {
  const got = links(
    "15 CFR 740 supp. 5 para. (a); 15 CFR 744.21, 744.22; 90 FR 4544 (FR Doc 2025-00636)",
    "2025-07-01",
  );
  assert.deepEqual(
    got.map(([t]) => t),
    ["15 CFR 740 supp. 5", "15 CFR 744.21", "744.22", "90 FR 4544", "FR Doc 2025-00636"],
  );
  assert.equal(
    got[0][1],
    "https://www.ecfr.gov/on/2025-07-01/title-15/part-740/" +
      "appendix-Supplement%20No.%205%20to%20Part%20740",
  );
  assert.equal(got[2][1], "https://www.ecfr.gov/on/2025-07-01/title-15/section-744.22");
  assert.equal(got[3][1], "https://www.federalregister.gov/citation/90-FR-4544");
  assert.equal(got[4][1], "https://www.federalregister.gov/d/2025-00636");
});

test("the text around links is kept, and project citations stay text", () => {
  const parts = citationParts("15 CFR 740.29(b); highfence rules.md section 15, D7", "2025-07-01");
  assert.equal(
    parts.map((p) => p.text).join(""),
    "15 CFR 740.29(b); highfence rules.md section 15, D7",
  );
  assert.equal(parts.filter((p) => p.href).length, 1);
  assert.deepEqual(links("highfence contract.md section 2"), []);
});

test("dates the eCFR cannot show fall back to the current text", () => {
  assert.match(links("15 CFR 740.27", "2016-01-01")[0][1], /ecfr\.gov\/current\//);
  assert.match(links("15 CFR 740.27", "2999-01-01")[0][1], /ecfr\.gov\/current\//);
});

test("a shipment survives flattening to query fields and back, with typed values", () => {
  const s = {
    id: "PO-1",
    date: "2025-07-01",
    destination: "IN",
    units: 1000,
    item: { tpp: 15832, die_area_mm2: 814, datacenter: false },
    consignee: { name: "Reliance Jio", hq: "IN" },
    end_use: ["development", "storage"],
  };
  const flat = fields.flatten(s);
  assert.deepEqual(
    flat.find(([k]) => k === "end_use"),
    ["end_use", "development;storage"],
  );
  assert.deepEqual(fields.unflatten(flat), s);
});

test("a cell that is not the type a field needs stays text, for the server to name", () => {
  assert.deepEqual(
    fields.unflatten([
      ["units", "ten"],
      ["item.datacenter", "maybe"],
      ["consignee.hq", ""],
    ]),
    { units: "ten", item: { datacenter: "maybe" } },
  );
});

test("a batch is cut into requests of at most 10,000 lines and the byte bound, in order", async () => {
  const { chunkLines } = await loadTs("lib/chunk.ts");
  const lines = Array.from({ length: 25001 }, (_, i) => `{"id":"${i}"}`);
  const chunks = chunkLines(lines);
  assert.deepEqual(
    chunks.map((c) => c.length),
    [10000, 10000, 5001],
  );
  assert.deepEqual(chunks.flat(), lines);
  const bySize = chunkLines(["aaaa", "bbbb", "cccc"], 10, 10);
  assert.deepEqual(bySize, [["aaaa", "bbbb"], ["cccc"]]);
});

test("ids repeated in different requests are reported; within one request they are not", async () => {
  const { idsSplitAcrossChunks } = await loadTs("lib/chunk.ts");
  const chunks = [
    ["a", "b", "b"],
    ["c", "a"],
  ];
  assert.deepEqual(idsSplitAcrossChunks(chunks, ["A", "B", "B", "C", "A"]), ["A"]);
});

test("the first load stays under 300 KB of compressed JavaScript", async (t) => {
  const { existsSync, readFileSync } = await import("node:fs");
  const path = new URL("../../dist/manifest.json", import.meta.url);
  if (!existsSync(path)) {
    t.skip("skipped: web/dist is not built (npm run build)");
    return;
  }
  const m = JSON.parse(readFileSync(path, "utf8"));
  assert.equal(m.first_load.files.filter((f) => f.endsWith(".js")).length, 1);
  assert.ok(m.first_load.js_gzip_bytes < 300_000, `${m.first_load.js_gzip_bytes} bytes`);
  for (const f of m.files) if (f.path.startsWith("assets/")) assert.equal(f.immutable, true);
});
