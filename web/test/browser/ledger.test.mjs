// Ledger: a recorded check reserves on a Tier 2 allocation (pending), and an
// admin posting the transfer with a licence moves the bar from pending to
// posted; the LPP and NVEU charts show what was drawn. Both run against the
// mock API and the real server (seeded by real-server.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, newPage, axe, shot, usingMock } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

// The width of a country's segment ("posted", "pending") in the allocation chart.
async function segment(page, cc, part) {
  return page.evaluate(
    ([c, p]) => {
      const rect = [...document.querySelectorAll(".plot rect")].find((r) =>
        r.querySelector("title")?.textContent?.startsWith(`${c} ${p}:`),
      );
      // No segment drawn: nothing of that part (a fresh ledger has nothing posted).
      return rect ? Number(rect.getAttribute("width")) : 0;
    },
    [cc, part],
  );
}

async function cell(page, account, part) {
  return page.locator(`tr[data-account="${account}"] td[data-part="${part}"]`).innerText();
}

test("post a reservation and see the allocation bar move", async () => {
  // A recorded check: H100s to Malaysia beyond any LPP room reserve on allocation:MY.
  const query =
    "destination=MY&date=2026-03-02&item=nvidia-h100-sxm&units=2000&mode=as_written" +
    "&consignee.name=Johor+Hyperscale";
  const page = await newPage(env, { hash: `#/check?${query}` });
  await page.getByTestId("reasons").locator("li").first().waitFor();
  await page.locator("#f-record").check();
  const shipmentId = await page.locator("#f-id").inputValue();
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByTestId("debits").getByText("(pending)").waitFor();
  const debit = page.getByTestId("debits").getByRole("link", { name: "allocation:MY" });
  await debit.click();
  await page.locator("h1", { hasText: "Ledger" }).waitFor();
  await page.locator(".plot rect title").first().waitFor({ state: "attached" });
  const pendingBefore = await segment(page, "MY", "pending");
  const postedBefore = await segment(page, "MY", "posted");
  await page.locator("details.as-table summary").first().click();
  const postedText = await cell(page, "allocation:MY", "posted");
  assert.ok(pendingBefore > 0, "the reservation is drawn as pending");
  await shot(page, "ledger");
  // The history of allocation:MY (the link selected it) has the new pending transfer.
  const row = page.locator(`tr[data-transfer^="${shipmentId}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /pending/);
  assert.match(await row.innerText(), /31,664,000/);
  await row.getByRole("button", { name: "Post" }).click();
  await page.locator("#act-licence").fill("D1234999");
  await page.locator("#act-granted").fill("2026-03-20");
  await shot(page, "ledger-post-dialog");
  assert.deepEqual(await axe(page), []);
  await page.getByRole("button", { name: "Confirm" }).click();
  // The history shows it posted, with its licence and its grant day (a licence's
  // validity counts from it: the settlement is that day's midnight UTC).
  const posted = page.locator(`tr[data-transfer^="${shipmentId}"]`, { hasText: "D1234999" });
  await posted.waitFor();
  assert.equal(await posted.locator(".state").innerText(), "posted");
  assert.match(await posted.innerText(), /licence D1234999/);
  assert.match(await posted.innerText(), /settled 2026-03-20 00:00:00 UTC/);
  await page.waitForFunction(
    ([before]) => {
      const rect = [...document.querySelectorAll(".plot rect")].find((r) =>
        r.querySelector("title")?.textContent?.startsWith("MY posted:"),
      );
      return rect !== undefined && Number(rect.getAttribute("width")) > before;
    },
    [postedBefore],
  );
  assert.ok((await segment(page, "MY", "pending")) < pendingBefore, "pending shrank");
  assert.notEqual(await cell(page, "allocation:MY", "posted"), postedText);
  await page.close();
});

// What the LPP and NVEU charts must show. Against the mock: its seeded accounts
// (test/mock/ledger.mjs: yotta-data-services at the cap in 2025; five NVEU draws
// of 310, 420, 380, 500 and 260 million TPP). Against the real server: derived
// from the shipments real-server.sh posted (test/fixtures/real-seed.json), each
// drawing its units times the item's catalog TPP.
async function chartExpectations() {
  if (usingMock)
    return { lpp: ["yotta-data-services 2025: 26,900,000"], nveu: ["2026-04-22: 1,870,000,000"] };
  const { seed } = await import("./seed-real.mjs");
  const api = async (path) => {
    const res = await fetch(new URL(path, env.baseUrl), {
      headers: { Authorization: `Bearer ${env.key}` },
    });
    assert.equal(res.status, 200, path);
    return res.json();
  };
  const tpp = new Map((await api("v1/catalog")).items.map((i) => [i.id, i.tpp]));
  const drawn = (s) => s.units * tpp.get(s.item);
  const fmt = (n) => n.toLocaleString("en-US");
  const lpp = new Map();
  for (const { shipment: s } of seed.shipments.filter((x) => x.draws === "lpp")) {
    const q = new URLSearchParams({ name: s.consignee.parent });
    const key = (await api(`v1/party-key?${q}`)).keys[0].key;
    const label = `${key} ${s.date.slice(0, 4)}`;
    lpp.set(label, (lpp.get(label) ?? 0) + drawn(s));
  }
  let base = seed.nveu_seed.tpp;
  const nveu = [`: ${fmt(base)} (declared installed base)`];
  const shipped = seed.shipments.filter((x) => x.draws === "nveu").map((x) => x.shipment);
  for (const s of shipped.sort((a, b) => a.date.localeCompare(b.date)))
    nveu.push(`${s.date}: ${fmt((base += drawn(s)))}`);
  return { lpp: [...lpp].map(([label, used]) => `${label}: ${fmt(used)} / `), nveu };
}

test("LPP per party and year, and an NVEU's installed base against its cap", async () => {
  const expected = await chartExpectations();
  const page = await newPage(env, { hash: "#/ledger" });
  await page.locator("#nveu-pick").waitFor();
  await page.locator("section[aria-labelledby='nveu-h'] .plot svg[role=img]").waitFor();
  const lpp = await page.locator("section[aria-labelledby='lpp-h'] .plot").innerHTML();
  for (const bar of expected.lpp) assert.ok(lpp.includes(bar), `LPP chart has "${bar}"`);
  const nveu = await page.locator("section[aria-labelledby='nveu-h'] .plot").innerHTML();
  for (const dot of expected.nveu) assert.ok(nveu.includes(dot), `NVEU chart has "${dot}"`);
  assert.deepEqual(await axe(page), []);
  await shot(page, "ledger-charts");
  await page.close();
});
