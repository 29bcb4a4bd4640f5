// Reasons in the UI's language. The API gives each reason's rule id, citation
// and English text; a Chinese reason is the Chinese template of its rule (see
// reason-templates.ts) filled with the values read back from the English text
// (or taken from `values` when the server sends them). No template, no match:
// the English text, marked as such.
import type { Reason } from "../lib/types";
import { PHRASES, TEMPLATES } from "./reason-templates";

interface Compiled {
  pattern: RegExp;
  zh: string;
  slots: number;
  literal?: number;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Placeholders: "{}" any text (shortest match); "{cmp}" the engine's comparison
// phrase ("15832 >= 4800, margin +11032" or "1.2 < 1.6, short by 0.4"), which
// itself contains ", " and would otherwise split at the wrong comma.
const SLOT = /\{(cmp)?\}/g;
const SLOT_PATTERN: Record<string, string> = {
  "": "(.*?)",
  cmp: "(\\S+ (?:>=|<) \\S+, (?:margin \\+|short by )\\S+)",
};

function compile(en: string, zh: string): Compiled {
  let source = "^";
  let last = 0;
  let slots = 0;
  for (const m of en.matchAll(SLOT)) {
    source += escape(en.slice(last, m.index)) + SLOT_PATTERN[m[1] ?? ""];
    last = (m.index ?? 0) + m[0].length;
    slots++;
  }
  source += `${escape(en.slice(last))}$`;
  return { pattern: new RegExp(source, "s"), zh, slots };
}

// A rule's templates, most literal text first, so "D:1 or D:4 destination
// outside Macau/D:5: ..." is tried before the looser "{} outside Macau/D:5: ...".
const byRule = new Map<string, Compiled[]>();
for (const [rule, en, zh] of TEMPLATES) {
  const list = byRule.get(rule) ?? [];
  list.push({ ...compile(en, zh), literal: en.replace(/\{(cmp)?\}/g, "").length });
  byRule.set(rule, list);
}
for (const list of byRule.values()) list.sort((a, b) => (b.literal ?? 0) - (a.literal ?? 0));

const exactPhrases = new Map<string, string>();
const phraseTemplates: Compiled[] = [];
for (const [en, zh] of PHRASES) {
  if (/\{(cmp)?\}/.test(en)) phraseTemplates.push(compile(en, zh));
  else exactPhrases.set(en, zh);
}

function fill(zh: string, values: readonly string[]): string {
  return zh.replace(/\{(\d+)\}/g, (_, i: string) => values[Number(i)] ?? "");
}

// A value captured from an English text, in Chinese when it is a known phrase.
export function translatePhrase(value: string, depth = 0): string {
  const exact = exactPhrases.get(value);
  if (exact !== undefined) return exact;
  if (depth < 3) {
    for (const t of phraseTemplates) {
      const m = t.pattern.exec(value);
      if (m)
        return fill(
          t.zh,
          m.slice(1).map((v) => translatePhrase(v, depth + 1)),
        );
    }
  }
  return value;
}

export interface LocalText {
  text: string;
  // False when the text is the English original (no template, or no match).
  translated: boolean;
}

export function reasonText(reason: Reason, lang: string): LocalText {
  if (lang !== "zh") return { text: reason.text, translated: true };
  const templates = byRule.get(reason.rule);
  if (!templates) return { text: reason.text, translated: false };
  if (reason.values) {
    const t = templates.find(
      (c) => c.slots === reason.values!.length && c.pattern.test(reason.text),
    );
    const chosen = t ?? templates.find((c) => c.slots === reason.values!.length);
    if (chosen) {
      const values = reason.values.map((v) => translatePhrase(String(v)));
      return { text: fill(chosen.zh, values), translated: true };
    }
  }
  for (const t of templates) {
    const m = t.pattern.exec(reason.text);
    if (m)
      return {
        text: fill(
          t.zh,
          m.slice(1).map((v) => translatePhrase(v)),
        ),
        translated: true,
      };
  }
  return { text: reason.text, translated: false };
}

// The rule ids that have at least one Chinese template (listed in docs/web.md).
export function templatedRules(): string[] {
  return [...byRule.keys()].sort();
}
