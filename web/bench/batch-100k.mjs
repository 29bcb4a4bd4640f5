// The Batch page with 100,000 shipments: time from "Run" to the last row in the
// table (10 requests of 10,000, streamed), then the cost of scrolling (frame
// times while jumping through the table) and of a filter change.
// Usage: node bench/batch-100k.mjs [rows=100000]
import { start, newPage } from "../test/browser/harness.mjs";

const rows = Number(process.argv[2] ?? 100000);
const COUNTRIES = ["IN", "MY", "DE", "CN", "SA", "BR", "FR", "VN"];
const lines = ["id,date,destination,item,units,consignee.name"];
for (let i = 0; i < rows; i++)
  lines.push(
    `R-${i},2025-03-15,${COUNTRIES[i % 8]},nvidia-h100-sxm,${1 + (i % 50)},Party ${i % 97}`,
  );

const env = await start();
const page = await newPage(env, { hash: "#/batch" });
await page.locator("#batch-file").setInputFiles({
  name: "big.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(lines.join("\n")),
});
await page.getByTestId("batch-parsed").waitFor();
const t0 = Date.now();
await page.getByRole("button", { name: "Run" }).click();
const all = rows.toLocaleString("en-US");
await page
  .getByTestId("batch-shown")
  .getByText(`${all} of ${all} rows`)
  .waitFor({ timeout: 600000 });
const runMs = Date.now() - t0;

const frames = await page.evaluate(async () => {
  const el = document.querySelector(".vbody");
  const times = [];
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    el.scrollTop = ((i * 7919) % 60) * (el.scrollHeight / 60);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[30], max: times[59], dom: document.querySelectorAll(".vrow").length };
});
const f0 = Date.now();
await page.locator("#filter-country").selectOption("DE");
await page
  .getByTestId("batch-shown")
  .getByText(`${(rows / 8).toLocaleString("en-US")} of`)
  .waitFor();
const filterMs = Date.now() - f0;
await env.close();
console.log(`rows: ${rows}`);
console.log(`run to last row: ${runMs} ms`);
console.log(
  `scroll jump to next frames: median ${frames.median.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms; ${frames.dom} rows in the DOM`,
);
console.log(`filter by country: ${filterMs} ms`);
