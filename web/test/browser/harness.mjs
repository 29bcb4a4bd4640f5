// Browser test harness: Debian's chromium, headless, driven by playwright-core,
// against the mock API (serving the built UI from dist/), or a real server:
//   HF_WEB_URL=http://127.0.0.1:8080/ HF_WEB_KEY=<admin key> npm run test:browser
//     a `highfence serve` that serves the UI itself;
//   HF_WEB_API=http://127.0.0.1:8080 HF_WEB_KEY=<admin key> npm run test:browser
//     a server's API behind a local proxy that serves web/dist/ (for a server
//     that does not serve the UI yet).
// HF_CHROMIUM overrides the browser path (default /usr/bin/chromium);
// HF_WEB_SCREENSHOTS the screenshots' folder (default build/ui-screenshots).
// test/browser/real-server.sh starts a server of its own and runs these tests
// against it.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { createMockApi, createProxy } from "../mock/server.mjs";

const require = createRequire(import.meta.url);
const webRoot = fileURLToPath(new URL("../..", import.meta.url));
export const screenshotDir =
  process.env.HF_WEB_SCREENSHOTS ?? join(webRoot, "..", "build", "ui-screenshots");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const usingMock = !process.env.HF_WEB_URL && !process.env.HF_WEB_API;

export async function start() {
  let baseUrl = process.env.HF_WEB_URL;
  let mock = null;
  if (!baseUrl) {
    const dist = join(webRoot, "dist");
    if (!existsSync(join(dist, "index.html")))
      throw new Error("web/dist is missing: run `npm run build` first");
    mock = process.env.HF_WEB_API
      ? createProxy(dist, process.env.HF_WEB_API)
      : createMockApi({ dist });
    await new Promise((resolve) => mock.server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${mock.server.address().port}/`;
  }
  const userDataDir = mkdtempSync(join(tmpdir(), "hf-chromium-"));
  const executablePath = process.env.HF_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executablePath))
    throw new Error(`${executablePath} not found: run scripts/setup.sh (it installs chromium)`);
  // A persistent context on a fresh profile directory: playwright passes it to
  // chromium as --user-data-dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1360, height: 1000 },
    acceptDownloads: true,
  });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    baseUrl,
    mock,
    context,
    key: process.env.HF_WEB_KEY ?? "admin-key",
    async close() {
      await context.close();
      if (mock) await new Promise((resolve) => mock.server.close(resolve));
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// A new page, signed in with the admin key, in the given language.
export async function newPage(env, { lang = "en", hash = "" } = {}) {
  const page = await env.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  // The real server sends a Content-Security-Policy: anything the UI does
  // against it is an error of the UI.
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/.test(m.text())) errors.push(m.text());
  });
  page.errors = errors;
  await page.goto(env.baseUrl);
  await page.evaluate((l) => localStorage.setItem("hf.lang", l), lang);
  await page.evaluate((k) => sessionStorage.setItem("hf.key", k), env.key);
  await page.goto(`${env.baseUrl}${hash}`);
  await page.reload();
  await page.locator("header.top nav").waitFor();
  return page;
}

// axe-core over the page: no serious or critical violations allowed.
export async function axe(page) {
  // Evaluated through the DevTools protocol, not as an inline <script>: the
  // real server's Content-Security-Policy forbids inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ["violations"] }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

export async function shot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
