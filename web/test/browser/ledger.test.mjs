// Ledger: a recorded check reserves on a Tier 2 allocation (pending), and an
// admin posting the transfer moves the bar from pending to posted.
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

test("post a reservation and see the allocation bar move", async (t) => {
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
  if (!usingMock) {
    // The server records licences now (POST .../post with licence and granted),
    // but this step has not yet been run against it: it still reads the mock's
    // history rows. Until it has, it runs against the mock only.
    t.skip("skipped: the licence-post step is checked against the mock API only");
    await page.close();
    return;
  }
  await row.getByRole("button", { name: "Post" }).click();
  await page.locator("#act-licence").fill("D1234999");
  await shot(page, "ledger-post-dialog");
  assert.deepEqual(await axe(page), []);
  await page.getByRole("button", { name: "Confirm" }).click();
  await page.locator(`tr[data-transfer^="${shipmentId}"]`, { hasText: "D1234999" }).waitFor();
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

test("LPP per party and year, and an NVEU's installed base against its cap", async (t) => {
  if (!usingMock) {
    t.skip("skipped: needs the mock's seeded LPP and NVEU accounts (HF_WEB_URL is set)");
    return;
  }
  const page = await newPage(env, { hash: "#/ledger" });
  await page.locator("#nveu-pick").waitFor();
  await page.locator("section[aria-labelledby='nveu-h'] .plot svg[role=img]").waitFor();
  const lpp = await page.locator("section[aria-labelledby='lpp-h'] .plot").innerHTML();
  assert.match(lpp, /yotta-data-services 2025: 26,900,000/);
  const nveu = await page.locator("section[aria-labelledby='nveu-h'] .plot").innerHTML();
  assert.match(nveu, /2026-04-22: 1,870,000,000/);
  assert.deepEqual(await axe(page), []);
  await page.close();
});
