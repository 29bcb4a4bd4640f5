// The mock's screening in determinations (docs/formats.md, "Screening"): the
// consignee (with its headquarters, else the destination) and its ultimate
// parent, when named and different, against the mock's list; per party its
// match-band hits (at most 10) or, with none, its review-band candidates (at
// most 5). An Entity List match on the consignee requires a licence for any
// item and draws nothing, as on the server; the mock applies no other effect of
// a hit (the server's review band, parents, other lists are docs/screening.md).
import { LISTS, screen } from "./extras.mjs";

const POLICIES = [
  ["policy of denial", "policy_of_denial"],
  ["presumption of denial", "presumption_of_denial"],
  ["case-by-case", "case_by_case"],
  ["presumption of approval", "presumption_of_approval"],
];
const cache = new Map();

function partyHits(party, name, country) {
  const key = `${name}\u0000${country}`;
  if (!cache.has(key)) cache.set(key, screen(name, country));
  const hits = cache.get(key);
  const matches = hits.filter((h) => h.band === "match").slice(0, 10);
  return (matches.length ? matches : hits.slice(0, 5)).map((h) => ({
    party,
    list: h.code,
    entity_number: h.entity_number,
    name: h.name,
    matched_name: h.matched_name,
    score: h.score,
    band: h.band,
    license_policy: h.license_policy,
    federal_register_notice: h.fr_citation,
    row: h.row,
  }));
}

export function screenParties(s) {
  const c = s.consignee;
  if (typeof c?.name !== "string" || !c.name.trim()) return undefined;
  const hits = partyHits("consignee", c.name, c.hq ?? s.destination);
  if (typeof c.parent === "string" && c.parent.trim() && c.parent !== c.name)
    hits.push(...partyHits("parent", c.parent, c.parent_hq ?? c.hq ?? s.destination));
  return { snapshot: LISTS.sha256, hits };
}

// The strictest review policy an entry's text names (presumption of denial when none).
function policyOf(text) {
  const found = POLICIES.find(([words]) => (text ?? "").toLowerCase().includes(words));
  return found ? found[1] : "presumption_of_denial";
}

// The consignee's Entity List match, if any: the determination needs a licence
// whatever the item, under the stricter of the entry's and the item's policy.
export function entityListMatch(screening) {
  return screening?.hits.find(
    (h) => h.party === "consignee" && h.list === "EL" && h.band === "match",
  );
}

export function applyEntityList(d, s, hit) {
  const policy = policyOf(hit.license_policy);
  const order = POLICIES.map(([, wire]) => wire).reverse();
  const chip = d.decision === "license_required" ? d.license_policy : null;
  d.reasons.push({
    rule: "party.entity_list",
    citation: "15 CFR 744.11; 15 CFR 744 Supp. 4",
    text:
      `the consignee \`${s.consignee.name}\` matches \`${hit.name}\` on the Entity List ` +
      `(score ${hit.score}; entry ${hit.entity_number}; ${hit.federal_register_notice}): a ` +
      "licence is required for every item subject to the EAR, EAR99 included; the entry's " +
      `review policy "${hit.license_policy}" reads as ${policy}`,
  });
  const strictest = chip && order.indexOf(chip) > order.indexOf(policy) ? chip : policy;
  Object.assign(d, {
    decision: "license_required",
    authorization: null,
    license_policy: strictest,
    debits: [],
  });
  d.reasons.push({
    rule: "party.policy",
    citation: "15 CFR 744.11; 15 CFR 744 Supp. 4",
    text: `a listed party requires a licence whatever the item: ${strictest}`,
  });
  return d;
}
