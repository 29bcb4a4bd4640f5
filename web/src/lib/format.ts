// Number and date formatting in the UI's language. Amounts arrive as JSON
// numbers with at most three decimals (exact in the engine); they are shown
// with grouping and never rounded below the engine's precision.
import { lang } from "../i18n";

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(l: string, digits: number): Intl.NumberFormat {
  const key = `${l}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(l === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

export function num(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  return numberFormat(lang.get(), digits).format(v);
}

// A compact amount for axis labels: 1.2 M, 350 k (or 万/亿 in Chinese).
export function compact(v: number): string {
  const l = lang.get() === "zh" ? "zh-CN" : "en-US";
  return new Intl.NumberFormat(l, { notation: "compact", maximumFractionDigits: 1 }).format(v);
}

export function percent(part: number, whole: number): string {
  if (!whole) return "—";
  return `${numberFormat(lang.get(), 1).format((100 * part) / whole)} %`;
}

export function timestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().replace("T", " ").slice(0, 19) + " UTC";
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
