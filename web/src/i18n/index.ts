// The UI's language: English or Simplified Chinese, switchable and remembered
// (localStorage). t() looks a message up and fills its "{name}" values.
import { createStore, readStorage, useStore, writeStorage } from "../lib/store";
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type Lang = "en" | "zh";
export type { MessageKey };

const LANG_ITEM = "hf.lang";

function initialLang(): Lang {
  const saved = readStorage("local", LANG_ITEM);
  if (saved === "en" || saved === "zh") return saved;
  return typeof navigator !== "undefined" && navigator.language?.startsWith("zh") ? "zh" : "en";
}

export const lang = createStore<Lang>(initialLang());

function applyLang(l: Lang): void {
  writeStorage("local", LANG_ITEM, l);
  if (typeof document !== "undefined") document.documentElement.lang = l === "zh" ? "zh-CN" : "en";
}
applyLang(lang.get());
lang.subscribe(applyLang);

export function t(key: MessageKey, values?: Record<string, string | number>): string {
  const table = lang.get() === "zh" ? zh : en;
  const text: string = table[key] ?? en[key] ?? key;
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in values ? String(values[name]) : m,
  );
}

// A message for a code the API sends (decision, policy, notice, authorization):
// the label when one exists, else the code itself.
export function code(prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return t("common.none");
  const key = `${prefix}.${value}` as MessageKey;
  return key in en ? t(key) : value;
}

// Re-renders the calling component when the language changes.
export function useLang(): Lang {
  return useStore(lang);
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

// A country's name in the UI's language (the browser's CLDR data), else `fallback`.
export function countryName(codeValue: string, fallback?: string): string {
  const l = lang.get();
  if (l === "en" && fallback) return fallback;
  if (!regionNames.has(l)) {
    try {
      regionNames.set(l, new Intl.DisplayNames([l === "zh" ? "zh-CN" : "en"], { type: "region" }));
    } catch {
      regionNames.set(l, null);
    }
  }
  try {
    return regionNames.get(l)?.of(codeValue) ?? fallback ?? codeValue;
  } catch {
    return fallback ?? codeValue;
  }
}
