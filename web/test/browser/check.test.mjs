// Check: a shipment checked through the form, its reasons read in English and
// in Chinese, the deep link reproducing it, and axe-core on the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, newPage, axe, shot, usingMock } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

async function fillIndia(page) {
  await page.locator("#f-catalog-search").fill("h100");
  await page.locator("#f-item").selectOption("nvidia-h100-sxm");
  await page.locator("#f-units").fill("1000");
  await page.locator("#f-date").fill("2025-07-01");
  await page.getByLabel("as written").check();
  await page.locator("#f-destination option[value=IN]").waitFor({ state: "attached" });
  await page.locator("#f-destination").selectOption("IN");
  await page.locator("#f-consignee-name").fill("Reliance Jio");
}

test("check a shipment and read its reasons in English", async () => {
  const page = await newPage(env);
  await fillIndia(page);
  await assert.doesNotReject(page.getByTestId("destination-tier").getByText("Tier 2").waitFor());
  await page.getByRole("button", { name: "Check", exact: true }).click();
  const reasons = page.getByTestId("reasons").locator("li");
  await reasons.first().waitFor();
  assert.ok((await reasons.count()) >= 5, "several reasons");
  const text = await page.getByTestId("reasons").innerText();
  assert.match(text, /IN is a Tier 2 destination/);
  assert.match(text, /tier/);
  // Each CFR citation links to the eCFR as it read on the shipment's date.
  const link = page
    .getByTestId("reasons")
    .locator('a[href*="ecfr.gov/on/2025-07-01/title-15/section-742.6"]')
    .first();
  assert.equal(await link.count(), 1);
  assert.match(await page.locator(".verdict").innerText(), /Licence required|Authorized/);
  assert.match(page.url(), /destination=IN/);
  assert.match(page.url(), /item=nvidia-h100-sxm/);
  const violations = await axe(page);
  assert.deepEqual(violations, []);
  await shot(page, "check-en");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the same reasons in Chinese, from templates keyed by rule", async () => {
  const page = await newPage(env, { lang: "zh" });
  await page.locator("#f-catalog-search").fill("h100");
  await page.locator("#f-item").selectOption("nvidia-h100-sxm");
  await page.locator("#f-units").fill("1000");
  await page.locator("#f-date").fill("2025-07-01");
  await page.getByLabel("按成文法").check();
  await page.locator("#f-destination option[value=IN]").waitFor({ state: "attached" });
  await page.locator("#f-destination").selectOption("IN");
  await page.getByRole("button", { name: "核查", exact: true }).click();
  await page.getByTestId("reasons").locator("li").first().waitFor();
  const text = await page.getByTestId("reasons").innerText();
  assert.match(text, /IN 为第 2 层级目的地（既不属于补编第 5 号 \(a\) 段，也不属于澳门\/D:5）/);
  assert.match(text, /3A090\.a 运往任何目的地均需要许可证/);
  assert.doesNotMatch(text, /is a Tier 2 destination/);
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  assert.deepEqual(await axe(page), []);
  await shot(page, "check-zh");
  await page.close();
});

test("a deep link reproduces the determination", async () => {
  const query =
    "destination=KH&date=2025-11-06&item=nvidia-h100-sxm&units=8&mode=as_written" +
    "&consignee.name=Phnom+Penh+Cloud";
  const page = await newPage(env, { hash: `#/check?${query}` });
  await page.getByTestId("reasons").locator("li").first().waitFor();
  assert.match(await page.getByTestId("reasons").innerText(), /KH is a Tier 3 destination/);
  assert.equal(await page.locator("#f-destination").inputValue(), "KH");
  await page.close();
});

// An API call with the admin key (the test's own cross-check of what the page shows).
async function api(path, body) {
  const res = await fetch(new URL(path, env.baseUrl), {
    method: body ? "POST" : "GET",
    headers: { Authorization: `Bearer ${env.key}`, "Content-Type": "application/json" },
    body: body && JSON.stringify(body),
  });
  assert.equal(res.status, 200, path);
  return res.json();
}

test("a listed consignee: the screening snapshot and its hits, in both languages", async (t) => {
  const consignee = { name: "Huawei Technologies Co., Ltd.", hq: "CN" };
  const shipment = {
    id: "SCREEN-1",
    date: "2025-07-01",
    destination: "CN",
    item: "nvidia-h100-sxm",
    units: 8,
    consignee,
  };
  const probe = await api("v1/determinations?mode=as_written&dry_run=true", shipment);
  if (!usingMock && probe.screening === undefined) {
    t.skip("skipped: this server does not screen parties in its determinations yet");
    return;
  }
  // What the page must show comes from the server's own screening of the name.
  const screened = await api("v1/screen", { name: consignee.name, country: "CN" });
  const expected = screened.results[0].hits.filter((h) => h.band === "match");
  assert.ok(expected.length > 0, "the list has the consignee");
  const query = new URLSearchParams({
    destination: "CN",
    date: shipment.date,
    item: shipment.item,
    units: "8",
    mode: "as_written",
    "consignee.name": consignee.name,
    "consignee.hq": "CN",
  });
  const page = await newPage(env, { hash: `#/check?${query}` });
  const block = page.getByTestId("screening");
  await block.waitFor();
  assert.equal(
    await block.getByTestId("screening-snapshot").innerText(),
    screened.lists.sha256.slice(0, 12),
  );
  assert.equal(
    await block.getByTestId("screening-snapshot").getAttribute("title"),
    screened.lists.sha256,
  );
  const rows = block.locator("tr[data-party=consignee]");
  for (const hit of expected) {
    const row = rows.filter({ hasText: hit.name }).first();
    assert.match(await row.innerText(), /consignee/);
    assert.match(await row.innerText(), /\bmatch\b/);
    assert.match(await row.innerText(), /Entity List/);
  }
  // Each Federal Register citation links to the Federal Register.
  assert.ok(
    (await rows.locator('a[href^="https://www.federalregister.gov/citation/"]').count()) > 0,
  );
  // An Entity List match needs a licence whatever the item, and draws nothing.
  assert.match(await page.locator(".verdict").innerText(), /Licence required/);
  assert.match(await page.getByTestId("reasons").innerText(), /on the Entity List/);
  assert.deepEqual(await axe(page), []);
  await shot(page, "check-screening");
  await page.locator("#lang-select").selectOption("zh");
  await block.getByRole("heading", { name: "受限方筛查" }).waitFor();
  assert.match(await rows.first().innerText(), /收货人[\s\S]*实体清单[\s\S]*匹配/);
  assert.match(await page.getByTestId("reasons").innerText(), /与实体清单上的.*匹配/);
  assert.equal(await page.getByTestId("reasons").locator(".untranslated").count(), 0);
  assert.deepEqual(await axe(page), []);
  await page.close();
});
