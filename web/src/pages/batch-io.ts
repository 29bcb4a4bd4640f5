// Batch input and output: reading a CSV or JSONL file into shipments, and
// writing the results back out as JSONL or CSV.
import Papa from "papaparse";
import { isShipmentField, unflatten } from "../lib/shipment-fields";
import type { Determination, Shipment } from "../lib/types";

export interface BatchInput {
  // One JSON text per line, as sent to the server.
  lines: string[];
  // The parsed shipment of each line (null where the line is not JSON).
  shipments: (Shipment | null)[];
}

export function looksLikeCsv(name: string, text: string): boolean {
  if (/\.csv$/i.test(name)) return true;
  if (/\.jsonl?$|\.ndjson$/i.test(name)) return false;
  return !text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{");
}

export function readJsonl(text: string): BatchInput {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const shipments = lines.map((l) => {
    try {
      const v = JSON.parse(l);
      return v && typeof v === "object" && !Array.isArray(v) ? (v as Shipment) : null;
    } catch {
      return null;
    }
  });
  return { lines, shipments };
}

// CSV rows become shipment objects (columns as in docs/reference.md); the
// server checks them as it checks JSON, naming any bad field.
// As the CLI does, an unknown or repeated column stops the file before any
// line is sent: a misspelt column would otherwise drop a fact from every line.
export function readCsv(text: string): BatchInput {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [header = [], ...rows] = parsed.data;
  const seen = new Set<string>();
  for (const column of header) {
    if (!isShipmentField(column)) throw new Error(`unknown column "${column}" in the CSV header`);
    if (seen.has(column)) throw new Error(`column "${column}" appears twice in the CSV header`);
    seen.add(column);
  }
  const shipments = rows.map(
    (row) => unflatten(header.map((c, i) => [c, row[i] ?? ""])) as unknown as Shipment,
  );
  return { lines: shipments.map((s) => JSON.stringify(s)), shipments };
}

export function partyOf(s: Shipment | null): string {
  return s?.consignee?.parent ?? s?.consignee?.name ?? "";
}

export function itemOf(s: Shipment | null): string {
  if (!s) return "";
  if (typeof s.item === "string") return s.item;
  const it = s.item as Record<string, unknown> | undefined;
  return it ? String(it.kind ?? (it.tpp !== undefined ? `TPP ${it.tpp}` : "item")) : "";
}

const CSV_COLUMNS = [
  "line",
  "id",
  "decision",
  "authorization",
  "license_policy",
  "regime",
  "mode",
  "eccn",
  "tier",
  "tpp_total",
  "notices",
  "debits",
  "errors",
  "decision_id",
] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(results: Determination[]): string {
  const out = [CSV_COLUMNS.join(",")];
  results.forEach((d, i) => {
    const row: Record<string, unknown> = {
      ...d,
      line: i + 1,
      notices: (d.notices ?? []).join(";"),
      debits: (d.debits ?? [])
        .map((b) => `${b.account}=${b.tpp}${b.state ? `:${b.state}` : ""}`)
        .join(";"),
      errors: (d.errors ?? []).map((e) => `${e.field}:${e.code}`).join(";"),
    };
    out.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(","));
  });
  return out.join("\n") + "\n";
}

export function toJsonl(results: Determination[]): string {
  return results.map((d) => JSON.stringify(d)).join("\n") + "\n";
}
