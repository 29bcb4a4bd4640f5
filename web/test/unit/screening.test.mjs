// A determination's screening hits in reading order, and the snapshot's short form.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTs } from "./load-ts.mjs";

const { screeningRows, shortSnapshot } = await loadTs("lib/screening.ts");

const hit = (party, band, score, row) => ({
  party,
  band,
  score,
  row,
  list: "EL",
  entity_number: null,
  name: `${party}-${band}-${row}`,
  matched_name: "",
  license_policy: null,
  federal_register_notice: null,
});

test("consignee before parent, matches before review candidates, then score and row", () => {
  const hits = [
    hit("parent", "match", 0.99, 1),
    hit("consignee", "review", 0.97, 2),
    hit("consignee", "match", 0.91, 7),
    hit("consignee", "match", 0.95, 9),
    hit("consignee", "match", 0.95, 3),
  ];
  const order = screeningRows({ snapshot: "", hits }).map((h) => h.name);
  assert.deepEqual(order, [
    "consignee-match-3",
    "consignee-match-9",
    "consignee-match-7",
    "consignee-review-2",
    "parent-match-1",
  ]);
  assert.equal(hits[0].name, "parent-match-1", "the determination's own array is left as sent");
});

test("a party or band the UI does not know yet comes after the known ones", () => {
  const order = screeningRows({
    snapshot: "",
    hits: [
      hit("owner", "match", 1, 0),
      hit("consignee", "weak", 1, 1),
      hit("consignee", "match", 0.5, 2),
    ],
  }).map((h) => h.name);
  assert.deepEqual(order, ["consignee-match-2", "consignee-weak-1", "owner-match-0"]);
});

test("the snapshot is quoted by its first 12 hex digits", () => {
  const sha = "46f2a808c1d9e0b7a3f4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80912";
  assert.equal(shortSnapshot(sha), "46f2a808c1d9");
});
