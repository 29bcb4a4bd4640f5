// Checks that every package in package-lock.json accepts the oldest Node the
// UI supports (Debian 12's own nodejs, 18.19.0), by its `engines.node` field,
// so a dependency bump that drops Node 18 fails here rather than on a fresh
// Debian machine. Usage: node scripts/check-engines.mjs [version]
import { readFileSync } from "node:fs";

const target = (process.argv[2] ?? "18.19.0").split(".").map(Number);
const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));

function cmp(a, b) {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function parse(v) {
  return v
    .replace(/^v/, "")
    .split(".")
    .map((x) => (x === "x" || x === "*" ? 0 : Number(x)));
}

// One comparator of a range: >=1.2.3, <2, ^18.0.0, ~1.2, 1.2.x, *
function satisfies(version, comparator) {
  const m = /^(>=|<=|>|<|\^|~|=)?\s*(.*)$/.exec(comparator.trim());
  const op = m[1] ?? "=";
  if (m[2] === "*" || m[2] === "") return true;
  const v = parse(m[2]);
  const parts = m[2].split(".").filter((x) => x !== "x" && x !== "*").length;
  switch (op) {
    case ">=":
      return cmp(version, v) >= 0;
    case ">":
      return cmp(version, v) > 0;
    case "<=":
      return cmp(version, v) <= 0;
    case "<":
      return cmp(version, v) < 0;
    case "^":
      return cmp(version, v) >= 0 && version[0] === v[0] && (v[0] !== 0 || version[1] === v[1]);
    case "~":
      return cmp(version, v) >= 0 && version[0] === v[0] && (parts < 2 || version[1] === v[1]);
    default:
      return version.slice(0, parts).every((x, i) => x === v[i]);
  }
}

function inRange(version, range) {
  return range.split("||").some((alt) =>
    alt
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, "$1")
      .split(/\s+/)
      .every((c) => satisfies(version, c)),
  );
}

const bad = [];
let checked = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  const range = pkg.engines?.node;
  if (!path || !range || (pkg.os?.length && !pkg.os.includes("linux"))) continue;
  checked++;
  if (!inRange(target, range))
    bad.push(`${path.replace(/.*node_modules\//, "")}@${pkg.version}: node ${range}`);
}
if (bad.length) {
  console.error(
    `check-engines: packages that do not accept Node ${target.join(".")}:\n  ${bad.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(`check-engines: ${checked} engines.node ranges accept Node ${target.join(".")}`);
