// The mock API's catalog: the project's catalog/accelerators.toml, read with a
// small line parser (the file keeps one `key = value` per line).
import { readFileSync } from "node:fs";

function value(raw) {
  const v = raw.trim();
  if (v === "true" || v === "false") return v === "true";
  if (v.startsWith('"')) return v.slice(1, v.lastIndexOf('"'));
  const n = Number(v);
  return Number.isNaN(n) ? v : n;
}

export function loadCatalog() {
  const text = readFileSync(new URL("../../../catalog/accelerators.toml", import.meta.url), "utf8");
  const items = [];
  for (const block of text.split("[[accelerator]]").slice(1)) {
    const a = {};
    for (const line of block.split("\n")) {
      const m = /^(\w+) = (.*)$/.exec(line);
      if (m && !m[2].startsWith("[")) a[m[1]] = value(m[2]);
    }
    const num = (k) => (a[k] === undefined ? null : Number(a[k]));
    const tpp = Number(a.tpp);
    const area = num("die_area_mm2");
    items.push({
      id: a.id,
      vendor: a.vendor,
      name: a.model,
      tpp,
      die_area_mm2: area,
      datacenter: a.datacenter !== false,
      interconnect_gbs: num("interconnect_gbs"),
      dram_bandwidth_gbs: num("dram_bandwidth_gbs"),
      eccn_2023: eccn2023(tpp, area && tpp / area, a.datacenter !== false),
      source: "catalog/accelerators.toml",
      dense_tops: a.dense_tops,
      bit_length: a.bit_length,
    });
  }
  return items;
}

function eccn2023(tpp, pd, datacenter) {
  if (tpp >= 4800) return "3A090.a";
  if (pd && tpp >= 1600 && pd >= 5.92) return "3A090.a";
  if (!datacenter) return null;
  if (pd && ((tpp >= 2400 && pd >= 1.6) || pd >= 3.2)) return "3A090.b";
  return null;
}
