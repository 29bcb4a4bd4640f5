// The mock API's screening and simulator answers: small fixtures with the
// shapes of /v1/screen and /v1/simulate.
import { createHash } from "node:crypto";

const ENTITIES = [
  {
    list: "Entity List",
    code: "EL",
    entity_number: "EL-2019-0142",
    name: "Huawei Technologies Co., Ltd.",
    aliases: ["华为技术有限公司", "Huawei"],
    country: "CN",
    license_requirement: "For all items subject to the EAR",
    license_policy: "Presumption of denial",
    fr_citation: "84 FR 22963, 5/21/19",
  },
  {
    list: "Entity List",
    code: "EL",
    entity_number: "EL-2020-0871",
    name: "Semiconductor Manufacturing International Corporation",
    aliases: ["SMIC", "中芯国际"],
    country: "CN",
    license_requirement: "For all items subject to the EAR",
    license_policy: "Case-by-case; presumption of denial for 10 nm and below",
    fr_citation: "85 FR 83420, 12/22/20",
  },
  {
    list: "Entity List",
    code: "EL",
    entity_number: "EL-2024-0310",
    name: "Sophgo Technologies Ltd.",
    aliases: ["算能科技"],
    country: "CN",
    license_requirement: "For all items subject to the EAR",
    license_policy: "Presumption of denial",
    fr_citation: "90 FR 4544",
  },
  {
    list: "SDN",
    code: "SDN",
    entity_number: "SDN-36311",
    name: "Limited Liability Company Sber Cloud",
    aliases: ["SberCloud"],
    country: "RU",
    license_requirement: "All transactions prohibited (OFAC)",
    license_policy: "Policy of denial",
    fr_citation: "87 FR 13627",
  },
  {
    list: "Entity List",
    code: "EL",
    entity_number: "EL-2023-1177",
    name: "Biren Technology",
    aliases: ["Shanghai Biren Intelligent Technology Co., Ltd.", "壁仞科技"],
    country: "CN",
    license_requirement: "For all items subject to the EAR",
    license_policy: "Presumption of denial",
    fr_citation: "88 FR 71991, 10/19/23",
  },
  {
    list: "Unverified List",
    code: "UVL",
    entity_number: "UVL-2022-0044",
    name: "Wuhan Optics Valley Semiconductor Co.",
    aliases: [],
    country: "CN",
    license_requirement: "UVL statement required",
    license_policy: "n/a",
    fr_citation: "87 FR 6022",
  },
];

const words = (s) =>
  s
    .toLowerCase()
    .replace(/co\.,? ltd\.?|ltd\.?|inc\.?|corporation|company/g, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function jaccard(a, b) {
  const A = new Set(a),
    B = new Set(b);
  const inter = [...A].filter((x) => B.has(x)).length;
  return A.size + B.size ? inter / (A.size + B.size - inter) : 0;
}

function prefix(a, b) {
  const x = a.join(" "),
    y = b.join(" ");
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return Math.max(x.length, y.length) ? i / Math.max(x.length, y.length) : 0;
}

const r3 = (v) => Math.round(v * 1000) / 1000;

function score(query, country, e) {
  let best = null;
  for (const candidate of [e.name, ...e.aliases]) {
    const q = words(query),
      c = words(candidate);
    const features = [
      { name: "token_jaccard", weight: 0.55, value: r3(jaccard(q, c)) },
      { name: "prefix_overlap", weight: 0.3, value: r3(prefix(q, c)) },
      {
        name: "country_match",
        weight: 0.15,
        value: country ? (country === e.country ? 1 : 0) : 0.5,
      },
    ].map((f) => ({ ...f, contribution: r3(f.weight * f.value) }));
    const s = r3(features.reduce((sum, f) => sum + f.contribution, 0));
    if (!best || s > best.score) best = { matched_name: candidate, score: s, features };
  }
  return best;
}

export function screen(name, country) {
  const hits = [];
  for (const e of ENTITIES) {
    const s = score(name, country, e);
    if (s.score < 0.45) continue;
    hits.push({
      row: ENTITIES.indexOf(e),
      code: e.code,
      list: e.list,
      entity_number: e.entity_number,
      name: e.name,
      matched_name: s.matched_name,
      score: s.score,
      threshold: 0.8,
      band: s.score >= 0.8 ? "match" : "review",
      features: s.features,
      license_requirement: e.license_requirement,
      license_policy: e.license_policy,
      fr_citation: e.fr_citation,
    });
  }
  return hits.sort((a, b) => b.score - a.score);
}

export const LISTS = {
  sha256: createHash("sha256").update(JSON.stringify(ENTITIES)).digest("hex"),
  generated_on: "2026-11-30",
};

export function simulate(scenario = "default", draws = 200, seed = 1) {
  let x = Number(seed) || 1;
  const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const years = [2022, 2023, 2024, 2025, 2026, 2027].map((year, i) => {
    const mid = 0.11 - i * 0.012 + (scenario === "B1" ? 0.01 : 0);
    const spread = 0.02 + rand() * 0.01;
    return {
      year,
      china_share_new_h100e: { p5: r3(mid - spread), p50: r3(mid), p95: r3(mid + spread) },
      smuggled_h100e_thousands: {
        p5: Math.round(40 + i * 10),
        p50: Math.round(120 + i * 15),
        p95: Math.round(260 + i * 30),
      },
      capability_lag_months: { p5: 4, p50: Math.round(7 + i * 0.5), p95: 14 },
    };
  });
  return { scenario, draws: Number(draws), seed: Number(seed), model: "mock", years };
}
