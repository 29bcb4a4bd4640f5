// Law: the world map on two dates; Cambodia changes colour when it leaves D:5
// (2025-11-07), and the UAE's groups change on 2026-07-10.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, newPage, axe, shot } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.close());

const fill = (page, code) =>
  page.locator(`svg.world path[data-code="${code}"]`).getAttribute("fill");

async function mapOn(page, date) {
  await page.locator("#law-date").fill(date);
  await page.locator("#law-date").dispatchEvent("change");
  await page.getByTestId("map-title").getByText(date).waitFor();
  await page.waitForFunction(() => !document.querySelector(".law-page .loading"));
}

test("the map at two dates: Cambodia changes colour", async () => {
  const page = await newPage(env, { hash: "#/law?mode=as_written&color=tier" });
  await page.locator("svg.world path[data-code=KH]").waitFor();
  await mapOn(page, "2025-11-06");
  const before = await fill(page, "KH");
  const india = await fill(page, "IN");
  await shot(page, "law-2025-11-06");
  await mapOn(page, "2025-11-07");
  const afterFill = await fill(page, "KH");
  assert.notEqual(afterFill, before, "KH recoloured");
  assert.equal(afterFill, india, "KH now has India's tier colour (Tier 2)");
  assert.deepEqual(await axe(page), []);
  await shot(page, "law-2025-11-07");
  await page.close();
});

test("a click on a country shows its groups and why; the UAE joins A:5 on 2026-07-10", async () => {
  const page = await newPage(env, { hash: "#/law?mode=as_written&color=license&date=2026-07-09" });
  // The UAE is a few pixels wide at this scale: click it by dispatching the event.
  await page.locator(`svg.world path[data-code=AE][fill="${"#b3261e"}"]`).waitFor();
  await page.locator("svg.world path[data-code=AE]").dispatchEvent("click");
  await page.getByTestId("country-panel").waitFor();
  assert.match(await page.getByTestId("country-groups").innerText(), /D:4/);
  assert.doesNotMatch(await page.getByTestId("country-groups").innerText(), /A:5/);
  await mapOn(page, "2026-07-10");
  await page.getByTestId("country-groups").getByText("A:5").waitFor();
  assert.doesNotMatch(await page.getByTestId("country-groups").innerText(), /D:4/);
  assert.match(await page.getByTestId("country-panel").innerText(), /Tier 2/);
  // The slider moves the date too (keyboard: one day per arrow key).
  await page.locator("#law-slider").focus();
  await page.keyboard.press("ArrowRight");
  await page.getByTestId("map-title").getByText("2026-07-11").waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, "law-country");
  await page.close();
});
