// Writes dist/manifest.json and a gzip copy of each compressible file, for the
// server that serves the UI (`highfence serve`, docs/web.md):
//   { "format": 1, "index": "index.html", "files": [{ path, bytes, sha256, type,
//     immutable, gzip: { path, bytes } | null }] }
// Only files listed here are to be served; hashed assets (assets/*) never change
// and may be cached for a year, index.html and manifest.json must be revalidated.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { gzipSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt"]);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = [];
for (const full of walk(dist).sort()) {
  const path = relative(dist, full).split("\\").join("/");
  if (path === "manifest.json" || path.endsWith(".gz")) continue;
  const body = readFileSync(full);
  const ext = extname(path);
  let gzip = null;
  if (COMPRESSIBLE.has(ext) && body.length > 1024) {
    const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
    writeFileSync(`${full}.gz`, gz);
    gzip = { path: `${path}.gz`, bytes: gz.length };
  }
  files.push({
    path,
    bytes: body.length,
    sha256: createHash("sha256").update(body).digest("hex"),
    type: TYPES[ext] ?? "application/octet-stream",
    immutable: path.startsWith("assets/"),
    gzip,
  });
}

// What the first page load fetches: the entry script and stylesheet (the entry
// imports nothing else statically; every page but Check is a lazy chunk).
const index = readFileSync(join(dist, "index.html"), "utf8");
const entry = [...index.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map(
  (m) => m[1],
);
const firstLoad = files.filter((f) => entry.includes(f.path));
const total = (ext, gzip) =>
  firstLoad
    .filter((f) => f.path.endsWith(ext))
    .reduce((s, f) => s + (gzip ? (f.gzip?.bytes ?? f.bytes) : f.bytes), 0);
const first_load = {
  files: entry,
  js_bytes: total(".js", false),
  js_gzip_bytes: total(".js", true),
  css_gzip_bytes: total(".css", true),
};

writeFileSync(
  join(dist, "manifest.json"),
  JSON.stringify({ format: 1, index: "index.html", first_load, files }, null, 1) + "\n",
);
console.log(
  `manifest: ${files.length} files; first load ${entry.join(", ")}: ` +
    `JavaScript ${first_load.js_bytes} bytes, ${first_load.js_gzip_bytes} gzip`,
);
