// A shipment as flat "dotted" fields (consignee.hq, item.tpp): the CSV input's
// columns (docs/reference.md) and the query of a check's deep link share them.
import type { Shipment } from "./types";

const NUMBERS = new Set([
  "units",
  "item.tpp",
  "item.die_area_mm2",
  "item.interconnect_gbs",
  "item.dram_bandwidth_gbs",
  "item.memory_bandwidth_density",
  "item.training_ops",
  "item.base_training_ops",
  "item.additional_training_ops",
]);
const BOOLEANS = new Set(["item.datacenter", "item.published", "item.derived_from_published"]);

// Field order for flattening (CSV columns, URL parameters).
export const FIELD_ORDER = [
  "id",
  "date",
  "type",
  "from",
  "destination",
  "region",
  "item",
  "item.kind",
  "item.tpp",
  "item.die_area_mm2",
  "item.datacenter",
  "item.interconnect_gbs",
  "item.dram_bandwidth_gbs",
  "item.memory_bandwidth_density",
  "item.training_ops",
  "item.published",
  "item.derived_from_published",
  "item.base_training_ops",
  "item.additional_training_ops",
  "item.eccn",
  "item.hts",
  "units",
  "consignee.name",
  "consignee.parent",
  "consignee.hq",
  "consignee.parent_hq",
  "consignee.veu",
  "consignee.id",
  "consignee.parent_id",
  "end_use",
];
const KNOWN = new Set(FIELD_ORDER);

export function isShipmentField(name: string): boolean {
  return KNOWN.has(name);
}

// A cell's typed value. Text that is not a number or boolean where one is
// expected stays text, so the server names the field (wrong_type) rather
// than the UI guessing.
function typed(name: string, raw: string): unknown {
  if (NUMBERS.has(name) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw.trim())) return Number(raw);
  if (BOOLEANS.has(name) && /^(true|false)$/i.test(raw.trim()))
    return raw.trim().toLowerCase() === "true";
  if (name === "end_use")
    return raw
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (name === "item" && raw.trim().startsWith("{")) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

// Builds a shipment object from flat fields; empty cells are absent fields.
export function unflatten(fields: Iterable<[string, string]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of fields) {
    if (raw === "") continue;
    const value = typed(name, raw);
    const dot = name.indexOf(".");
    if (dot < 0) {
      out[name] = value;
      continue;
    }
    const head = name.slice(0, dot);
    const tail = name.slice(dot + 1);
    const nested = (typeof out[head] === "object" && out[head] !== null ? out[head] : {}) as Record<
      string,
      unknown
    >;
    nested[tail] = value;
    out[head] = nested;
  }
  return out;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join(";");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

// The flat fields of a shipment, in FIELD_ORDER (unknown fields last).
export function flatten(s: Shipment | Record<string, unknown>): [string, string][] {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(s)) {
    if ((k === "item" || k === "consignee") && v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v)) out.set(`${k}.${k2}`, cell(v2));
    } else out.set(k, cell(v));
  }
  const ordered: [string, string][] = [];
  for (const name of FIELD_ORDER) if (out.has(name)) ordered.push([name, out.get(name)!]);
  for (const [k, v] of out) if (!KNOWN.has(k)) ordered.push([k, v]);
  return ordered.filter(([, v]) => v !== "");
}
