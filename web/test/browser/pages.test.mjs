// Decisions, screening, simulator and keys: each page works, passes axe-core,
// and is photographed; a logged decision opens with the law it used.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, newPage, axe, shot, usingMock } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

test("open a logged decision with its law version", async () => {
  const page = await newPage(env, { hash: "#/decisions" });
  const table = page.getByTestId("decisions");
  await table.waitFor();
  assert.ok((await table.locator("tbody tr").count()) >= 1);
  assert.deepEqual(await axe(page), []);
  await shot(page, "decisions");
  if (usingMock) {
    await page.locator("#dq-shipment_id").fill("PO-2025-0004");
    await page.getByRole("button", { name: "Search" }).click();
    await table.locator("tbody tr").first().getByText("PO-2025-0004").waitFor();
    assert.equal(await table.locator("tbody tr").count(), 1);
  }
  await table.locator("tbody tr a").first().click();
  await page.getByTestId("decision-facts").waitFor();
  const facts = await page.getByTestId("decision-facts").innerText();
  assert.match(facts, /[0-9a-f]{64}/, "law hash shown");
  assert.match(facts, /Law last reviewed\s+\d{4}-\d{2}-\d{2}/);
  await page.getByTestId("reasons").locator("li").first().waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, "decision");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await page.close();
});

test("screen a name and see its hits with their feature explanations", async () => {
  const page = await newPage(env, { hash: "#/screen" });
  await page.locator("#screen-name").fill("Huawei Technologies");
  await page.locator("#screen-country").fill("CN");
  await page.getByRole("button", { name: "Screen" }).click();
  const hits = page.getByTestId("hits");
  await hits.waitFor();
  const first = hits.locator("li").first();
  assert.match(await first.innerText(), /Huawei/);
  assert.ok((await first.locator("table tbody tr").count()) >= 2, "features listed");
  assert.deepEqual(await axe(page), []);
  await shot(page, "screen");
  await page.close();
});

test("the simulator runs a scenario and draws its series", async () => {
  const page = await newPage(env, { hash: "#/simulate" });
  await page.locator("#sim-scenario").selectOption("B1");
  await page.getByRole("button", { name: "Run" }).click();
  await page.getByTestId("sim-report").waitFor({ state: "attached" });
  const report = JSON.parse(await page.getByTestId("sim-report").textContent());
  assert.ok(Object.keys(report).length > 0);
  if (usingMock) assert.equal(report.scenario, "B1");
  assert.deepEqual(await axe(page), []);
  await shot(page, "simulate");
  await page.close();
});

test("keys: an admin creates a key (shown once) and revokes it", async () => {
  const page = await newPage(env, { hash: "#/keys" });
  await page.getByTestId("keys").waitFor();
  await page.locator("#key-role").selectOption("viewer");
  await page.locator("#key-label").fill("auditor 2027");
  await page.getByRole("button", { name: "Create key" }).click();
  await page.getByTestId("new-key").waitFor();
  const row = page.getByTestId("keys").locator("tr", { hasText: "auditor 2027" });
  await row.waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, "keys");
  await row.getByRole("button", { name: /Revoke/ }).click();
  await row.getByText(/revoked/).waitFor();
  await page.close();
});

test("login: a wrong key is refused, a right one signs in; the language stays", async () => {
  const page = await env.context.newPage();
  await page.goto(env.baseUrl);
  await page.evaluate(() => {
    sessionStorage.clear();
    localStorage.setItem("hf.lang", "en");
  });
  await page.reload();
  await page.locator("#login-key").fill("not-a-key");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, "login");
  await page.locator("#login-key").fill(env.key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.locator("header.top nav").waitFor();
  await page.locator("#lang-select").selectOption("zh");
  await page.reload();
  await page.getByRole("link", { name: "核查" }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("hf.lang")), "zh");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("hf.key")), env.key);
  await page.close();
});
