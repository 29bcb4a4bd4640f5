#!/usr/bin/env node
// Runs the mock API (and the built UI from dist/) for development and tests:
//   node test/mock-api.mjs [--port 8765] [--dist dist]
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { createMockApi } from "./mock/server.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = fileURLToPath(new URL("..", import.meta.url));
const { server } = createMockApi({ dist: resolve(root, opt("dist", "dist")) });
server.listen(Number(opt("port", 8765)), "127.0.0.1", () => {
  console.log(
    `mock API and UI on http://127.0.0.1:${server.address().port}/ ` +
      "(keys: admin-key, officer-key, viewer-key)",
  );
});
