// Batch: a CSV file of shipments uploaded, determinations streamed into the
// virtualised table, filtered, and downloaded; a JSONL file with a bad line.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, newPage, axe, shot } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const COUNTRIES = ["IN", "MY", "DE", "CN", "SA", "BR", "FR", "VN"];

function csv(rows) {
  const lines = ["id,date,destination,item,units,consignee.name,consignee.hq"];
  for (let i = 0; i < rows; i++) {
    const cc = COUNTRIES[i % COUNTRIES.length];
    const item = i % 3 ? "nvidia-h100-sxm" : "nvidia-a10";
    const date = `2025-0${1 + (i % 9)}-15`;
    lines.push(`B-${i},${date},${cc},${item},${1 + (i % 50)},"Party ${i % 40}, Ltd.",${cc}`);
  }
  return lines.join("\n") + "\n";
}

test("upload a CSV batch and see the table fill, filter it, download it", async () => {
  const rows = 20000;
  const page = await newPage(env, { hash: "#/batch" });
  await page
    .locator("#batch-file")
    .setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(csv(rows)) });
  await page.getByTestId("batch-parsed").getByText("20,000").waitFor();
  await page.locator("#batch-mode").selectOption("as_written");
  await page.getByRole("button", { name: "Run" }).click();
  await page
    .getByTestId("batch-shown")
    .getByText(`${rows.toLocaleString("en-US")} of ${rows.toLocaleString("en-US")} rows`)
    .waitFor({ timeout: 120000 });
  assert.equal(await page.locator("#batch-progress").getAttribute("value"), String(rows));
  // Virtualised: a window of rows in the DOM, not 20,000.
  const rendered = await page.locator(".vrow").count();
  assert.ok(rendered > 5 && rendered < 100, `${rendered} rows in the DOM`);
  assert.equal(await page.locator(".vtable").getAttribute("aria-rowcount"), String(rows + 1));
  // Scroll to the end: the last line is there.
  await page.locator(".vbody").evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.locator(".vrow", { hasText: `B-${rows - 1}` }).waitFor();
  await shot(page, "batch");
  // Filters: by country, then by decision and party.
  await page.locator("#filter-country").selectOption("DE");
  await page
    .getByTestId("batch-shown")
    .getByText(`${(rows / 8).toLocaleString("en-US")} of`)
    .waitFor();
  await page.locator("#filter-decision").selectOption("not_controlled");
  const shown = await page.getByTestId("batch-shown").innerText();
  const n = Number(shown.split(" of ")[0].replace(/,/g, ""));
  assert.ok(n > 0 && n < rows / 8, shown);
  await page.locator("#filter-party").fill("Party 2,");
  const firstRow = page.locator(".vrow").first();
  assert.match(await firstRow.innerText(), /Party 2, Ltd\./);
  assert.deepEqual(await axe(page), []);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  const lines = readFileSync(path, "utf8").trim().split("\n");
  assert.equal(lines.length, rows + 1);
  assert.match(lines[0], /^line,id,decision/);
  await page.close();
});

test("a JSONL batch with a bad line: that line needs review, the others are decided", async () => {
  const page = await newPage(env, { hash: "#/batch" });
  const body = [
    JSON.stringify({
      id: "J-1",
      date: "2024-02-01",
      destination: "CN",
      item: "nvidia-h100-sxm",
      units: 8,
    }),
    JSON.stringify({
      id: "J-2",
      date: "2024-02-01",
      destination: "CN",
      item: "nvidia-h100-sxm",
      units: 8,
      consignee_hq: "CN",
    }),
    JSON.stringify({
      id: "J-3",
      date: "2024-02-01",
      destination: "DE",
      item: "nvidia-h100-sxm",
      units: 8,
    }),
  ].join("\n");
  await page.locator("#batch-file").setInputFiles({
    name: "orders.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(body),
  });
  await page.getByRole("button", { name: "Run" }).click();
  await page.getByTestId("batch-shown").getByText("3 of 3 rows").waitFor();
  const rows = await page.locator(".vrow").allInnerTexts();
  assert.match(rows[0], /Licence required/);
  assert.match(rows[1], /Needs review/);
  assert.match(rows[1], /consignee_hq/);
  assert.match(rows[2], /No licence required/);
  await page.close();
});

test("a CSV with a misspelt column is refused before anything is sent", async () => {
  const page = await newPage(env, { hash: "#/batch" });
  const body =
    "id,date,destination,item,units,consignee_hq\nC-1,2024-02-01,CN,nvidia-h100-sxm,8,CN\n";
  await page.locator("#batch-file").setInputFiles({
    name: "typo.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(body),
  });
  await page.getByRole("alert").getByText('unknown column "consignee_hq"').waitFor();
  assert.equal(await page.getByRole("button", { name: "Run" }).isDisabled(), true);
  await page.close();
});
