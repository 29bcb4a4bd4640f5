// The mock API's law: country groups with dated memberships, tiers and the
// 2023 licence requirement per date, from test/fixtures/law.json (written from
// the project's law/ files). A test double for the UI, not the engine.
import { readFileSync } from "node:fs";

const law = JSON.parse(readFileSync(new URL("../fixtures/law.json", import.meta.url), "utf8"));

export const regimes = law.regimes;
export const nveuSchedule = law.nveu_schedule;
export const countryNames = new Map(law.countries.map((c) => [c.code, c.name]));

const groups = new Map(law.groups.map((g) => [g.id, g]));

export const EMBARGOES = {
  CU: { program: "Cuba", citation: "15 CFR 746.2", policy: "policy_of_denial" },
  IR: { program: "Iran", citation: "15 CFR 746.7", policy: "policy_of_denial" },
  KP: { program: "North Korea", citation: "15 CFR 746.4", policy: "policy_of_denial" },
  SY: { program: "Syria", citation: "15 CFR 746.9", policy: "policy_of_denial" },
  RU: { program: "Russia", citation: "15 CFR 746.8", policy: "policy_of_denial" },
  BY: { program: "Belarus", citation: "15 CFR 746.8", policy: "policy_of_denial" },
};

export function inGroup(code, id, date) {
  const g = groups.get(id);
  if (!g) return false;
  if (g.members.includes(code)) return true;
  return g.dated.some(
    (e) => e.code === code && (!e.from || e.from <= date) && (!e.until || date <= e.until),
  );
}

export function groupsOf(code, date) {
  return ["A:5", "A:6", "D:1", "D:4", "D:5", "E:1", "E:2"].filter((id) => inGroup(code, id, date));
}

export function regimeFor(date, mode) {
  if (date < "2022-10-07") return "none";
  if (date < "2023-11-17") return "us-2022-10";
  if (date < "2025-05-15") return "us-2023-11";
  return mode === "as_written" ? "us-2025-01" : "us-2023-11";
}

export function tierOf(code, date) {
  if (inGroup(code, "tier1", date) || code === "US") return 1;
  if (code === "MO" || inGroup(code, "D:5", date)) return 3;
  return 2;
}

// The October 2023 destination test (742.6(a)(6)(iii)), with the 2026 UAE change.
export function licenceRequired2023(code, date) {
  const dest = code === "HK" ? "CN" : code;
  if (dest === "MO") return true;
  if (dest === "AE" && date >= "2026-07-10") return true;
  const d = ["D:1", "D:4", "D:5"].some((g) => inGroup(dest, g, date));
  const a = ["A:5", "A:6"].some((g) => inGroup(dest, g, date));
  return d && !a;
}

const TIER_TEXT = {
  1: " (supplement no. 5 to part 740, paragraph (a))",
  2: " (neither paragraph (a) of supplement no. 5 nor Macau/D:5)",
  3: " (Macau or Country Group D:5)",
};
export const CITE_TIERS = "15 CFR 740 supp. 5 para. (a); 15 CFR 742.6(a)(6)(iii)(A) (Macau or D:5)";

export function tierReason(code, tier) {
  return {
    rule: "tier",
    citation: CITE_TIERS,
    text: `${code} is a Tier ${tier} destination${TIER_TEXT[tier]}`,
  };
}

export function country(code, date, mode) {
  const tierApplies = mode === "as_written" && date >= "2025-01-13";
  const tier = tierApplies ? tierOf(code, date) : null;
  const groupIds = groupsOf(code, date);
  const licence = licenceRequired2023(code, date);
  const why = [];
  if (tier) why.push(tierReason(code, tier));
  for (const id of groupIds) {
    const g = groups.get(id);
    const dated = g.dated.find((e) => e.code === code);
    why.push({
      rule: "group",
      citation: dated?.citation ?? g.citation,
      text: `${code} is in ${g.name}`,
    });
  }
  why.push(
    licence
      ? {
          rule: "license.destination",
          citation: "15 CFR 742.6(a)(6)(iii)",
          text:
            `3A090.a to ${code} needs a licence: ${code} is in Country Group D:1, D:4 or D:5 ` +
            "and not A:5 or A:6, or is Macau",
        }
      : {
          rule: "license.none",
          citation: "15 CFR 742.6(a)(6)(iii)",
          text:
            `${code} is not in D:1, D:4 or D:5 outside A:5/A:6, nor Macau, and no party is ` +
            "headquartered in Macau or D:5: no licence required",
        },
  );
  return {
    code,
    name: countryNames.get(code) ?? code,
    tier,
    groups: groupIds,
    license_required_3a090: licence,
    embargo: EMBARGOES[code] ?? null,
    why,
  };
}

export function countries(date, mode) {
  return [...countryNames.keys()].filter((c) => c !== "HK").map((c) => country(c, date, mode));
}
