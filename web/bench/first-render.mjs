// Time to first render of the UI on loopback: the built UI served by the mock
// API (or HF_WEB_URL), Debian's chromium headless, a fresh page per run with
// the key already in sessionStorage. Reports the median and range over runs of
//   fcp:      first contentful paint (the browser's paint timing)
//   app:      the Check page's form drawn (the first useful screen)
//   js_bytes: JavaScript transferred for that screen (encoded, i.e. compressed if served so)
// Usage: node bench/first-render.mjs [runs=20]
import { start } from "../test/browser/harness.mjs";

const runs = Number(process.argv[2] ?? 20);
const env = await start();
const samples = [];
for (let i = 0; i < runs + 1; i++) {
  const page = await env.context.newPage();
  await page.goto(`${env.baseUrl}#/check`);
  await page.evaluate((k) => sessionStorage.setItem("hf.key", k), env.key);
  await page.evaluate(() => localStorage.setItem("hf.lang", "en"));
  // Notes the moment the Check form enters the DOM (before the next paint).
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector("form.check-form")) {
        window.__hfApp = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = await env.context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.reload({ waitUntil: "commit" });
  await page.locator("form.check-form").waitFor();
  const m = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    const app = window.__hfApp;
    const js = performance
      .getEntriesByType("resource")
      .filter((r) => r.name.endsWith(".js"))
      .reduce((s, r) => s + r.encodedBodySize, 0);
    return { fcp, app, js };
  });
  if (i > 0) samples.push(m); // the first run warms the server's file cache
  await page.close();
}
await env.close();
const stat = (k) => {
  const v = samples.map((s) => s[k]).sort((a, b) => a - b);
  return { median: v[Math.floor(v.length / 2)], min: v[0], max: v[v.length - 1] };
};
const f = (x) => x.toFixed(1);
for (const k of ["fcp", "app"]) {
  const s = stat(k);
  console.log(
    `${k}: median ${f(s.median)} ms (min ${f(s.min)}, max ${f(s.max)}) over ${samples.length} runs`,
  );
}
console.log(`js_bytes: ${samples[0].js} (as served; the mock serves files uncompressed)`);
