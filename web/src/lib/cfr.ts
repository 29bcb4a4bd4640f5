// Turns a citation ("15 CFR 742.6(a)(6)(iii)(A) (87 FR 62186)") into text and
// links: CFR sections and supplements to the eCFR as it read on the shipment's
// date (point-in-time view), Federal Register citations and documents to the
// Federal Register. Project citations ("highfence rules.md ...") stay text.

export interface CitationPart {
  text: string;
  href?: string;
}

const ECFR = "https://www.ecfr.gov";
// The eCFR's point-in-time view starts on 2017-01-03.
const ECFR_FIRST_DATE = "2017-01-03";

function ecfrRoot(date?: string): string {
  const today = new Date().toISOString().slice(0, 10);
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= ECFR_FIRST_DATE && date <= today)
    return `${ECFR}/on/${date}`;
  return `${ECFR}/current`;
}

export function sectionUrl(title: string, section: string, para: string, date?: string): string {
  const anchor = para ? `#p-${section}${para}` : "";
  return `${ecfrRoot(date)}/title-${title}/section-${section}${anchor}`;
}

export function supplementUrl(title: string, part: string, supp: string, date?: string): string {
  const name = encodeURIComponent(`Supplement No. ${supp} to Part ${part}`);
  return `${ecfrRoot(date)}/title-${title}/part-${part}/appendix-${name}`;
}

interface Match {
  start: number;
  end: number;
  href: string;
}

const SUPP = /(?:(\d+) CFR )?(?:part )?(\d{3}),? [Ss]upp(?:lement)?\.? (?:[Nn]o\. ?)?(\d+)/g;
const SECTION = /(?:(\d+) CFR )?(\d{3})\.(\d+)((?:\([a-zA-Z0-9]+\))*)/g;
const ECCN = /ECCN (\d[A-E]\d{3})(?:\.[a-z0-9.]+)?/g;
const FR_CITE = /(\d{2,3}) FR (\d+)/g;
const FR_DOC = /FR Doc (\d{4}-\d{5})/g;

function collect(clause: string, offset: number, date: string | undefined): Match[] {
  const out: Match[] = [];
  const title = /(\d+) CFR/.exec(clause)?.[1];
  for (const m of clause.matchAll(SUPP)) {
    const t = m[1] ?? title;
    if (t) out.push(at(m, offset, supplementUrl(t, m[2], m[3], date)));
  }
  for (const m of clause.matchAll(SECTION)) {
    const t = m[1] ?? title;
    if (t) out.push(at(m, offset, sectionUrl(t, `${m[2]}.${m[3]}`, m[4], date)));
  }
  for (const m of clause.matchAll(ECCN))
    out.push(at(m, offset, supplementUrl("15", "774", "1", date)));
  for (const m of clause.matchAll(FR_CITE))
    out.push(at(m, offset, `https://www.federalregister.gov/citation/${m[1]}-FR-${m[2]}`));
  for (const m of clause.matchAll(FR_DOC))
    out.push(at(m, offset, `https://www.federalregister.gov/d/${m[1]}`));
  return out;
}

function at(m: RegExpMatchArray, offset: number, href: string): Match {
  return { start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[0].length, href };
}

export function citationParts(citation: string, date?: string): CitationPart[] {
  const matches: Match[] = [];
  let offset = 0;
  for (const clause of citation.split(";")) {
    matches.push(...collect(clause, offset, date));
    offset += clause.length + 1;
  }
  // Earliest first; of two starting together the longer wins; overlaps dropped.
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: CitationPart[] = [];
  let pos = 0;
  for (const m of matches) {
    if (m.start < pos) continue;
    if (m.start > pos) parts.push({ text: citation.slice(pos, m.start) });
    parts.push({ text: citation.slice(m.start, m.end), href: m.href });
    pos = m.end;
  }
  if (pos < citation.length) parts.push({ text: citation.slice(pos) });
  return parts;
}
