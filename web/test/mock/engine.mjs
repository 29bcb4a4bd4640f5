// The mock API's determinations: a small, simplified stand-in for the engine,
// enough to give the UI realistic answers (reasons in the engine's English
// formats, ledger draws, the other mode). It is not the law: the real answers
// come from `highfence serve`, which the same browser tests run against.
import {
  CITE_TIERS,
  inGroup,
  regimeFor,
  regimes,
  tierOf,
  tierReason,
  licenceRequired2023,
} from "./law.mjs";
import { applyEntityList, entityListMatch } from "./parties.mjs";

const FIELDS = new Set([
  "id",
  "date",
  "type",
  "from",
  "destination",
  "region",
  "item",
  "units",
  "consignee",
  "end_use",
]);
const LPP_CAP = 26900000;
const ALLOCATION_CAP = 790000000;
const R = (rule, citation, text) => ({ rule, citation, text });

export function slug(name) {
  return (name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&|\+/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .filter(
      (w, i, all) =>
        i < all.length - 1 || !["ltd", "limited", "co", "inc", "corp", "llc", "plc"].includes(w),
    )
    .join("-");
}

const margin2022 = (tpp) => Math.round(((tpp - 4800) / 4800) * 100);

function validate(s) {
  const errors = [];
  for (const k of Object.keys(s))
    if (!FIELDS.has(k))
      errors.push({ code: "unknown_field", field: k, message: `unknown field "${k}"` });
  for (const k of ["id", "date", "destination", "item", "units"])
    if (s[k] === undefined)
      errors.push({ code: "missing_field", field: k, message: `${k} is required` });
  if (s.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(s.date))
    errors.push({ code: "invalid_value", field: "date", message: "date must be YYYY-MM-DD" });
  if (s.units !== undefined && !(Number.isInteger(s.units) && s.units >= 1 && s.units <= 1e9))
    errors.push({
      code: typeof s.units === "number" ? "out_of_range" : "wrong_type",
      field: "units",
      message: "units must be an integer from 1 to 1000000000",
    });
  if (s.destination !== undefined && !/^[A-Z]{2}$/.test(s.destination))
    errors.push({
      code: "invalid_value",
      field: "destination",
      message: "not an ISO 3166-1 alpha-2 code",
    });
  return errors;
}

function classify(s, catalog, reasons, regime) {
  let ic = null;
  if (typeof s.item === "string") {
    const a = catalog.find((x) => x.id === s.item);
    if (!a)
      return {
        error: { code: "unknown_item", field: "item", message: `no catalog item "${s.item}"` },
      };
    ic = { tpp: a.tpp, area: a.die_area_mm2, datacenter: a.datacenter, io: a.interconnect_gbs };
    reasons.push(
      R(
        "classify.tpp",
        "15 CFR 774 supp. 1, ECCN 3A090, Technical Note 1 (TPP)",
        `TPP ${a.tpp} = ${a.dense_tops} dense TOPS x ${a.bit_length}-bit operations ` +
          `(${a.vendor} ${a.name}, catalog \`${a.id}\`)`,
      ),
    );
  } else if (s.item && typeof s.item === "object" && !s.item.kind) {
    ic = {
      tpp: Number(s.item.tpp),
      area: s.item.die_area_mm2 ?? null,
      datacenter: s.item.datacenter !== false,
      io: s.item.interconnect_gbs ?? null,
    };
    reasons.push(
      R(
        "classify.tpp",
        "15 CFR 774 supp. 1, ECCN 3A090, Technical Note 1 (TPP)",
        `TPP ${ic.tpp} as stated for the integrated circuit`,
      ),
    );
  } else return { eccn: null, tpp: null, pd: null };
  if (regime === "none") return { eccn: null, tpp: ic.tpp, pd: null };
  const pd = ic.area ? Math.round((ic.tpp / ic.area) * 1000) / 1000 : null;
  if (regime === "us-2022-10") {
    const a = ic.tpp >= 4800 && (ic.io ?? 0) >= 600;
    reasons.push(
      R(
        "classify.ic.2022",
        "ECCN 3A090.a as added by 87 FR 62186 (FR Doc 2022-21658)",
        a
          ? `TPP ${ic.tpp} >= 4800 (margin +${ic.tpp - 4800}, ${margin2022(ic.tpp)} %) and ` +
              `interconnect ${ic.io} GB/s >= 600 GB/s: 3A090.a`
          : `TPP ${ic.tpp} >= 4800 but interconnect ${ic.io} GB/s < 600 GB/s: ` +
              "not 3A090.a under the 2022 test",
      ),
    );
    return { eccn: a ? "3A090.a" : null, tpp: ic.tpp, pd: null };
  }
  if (pd !== null)
    reasons.push(
      R(
        "classify.pd",
        "15 CFR 774 supp. 1, ECCN 3A090, Technical Note 2",
        `performance density = TPP ${ic.tpp} / ${ic.area} mm2 = ${pd}`,
      ),
    );
  if (ic.tpp >= 4800) {
    const pct = Math.round(((ic.tpp - 4800) / 4800) * 1000) / 10;
    reasons.push(
      R(
        "classify.ic.a1",
        "ECCN 3A090.a.1 (15 CFR part 774, Supp. No. 1), as revised by 88 FR 73458",
        `TPP ${ic.tpp} >= 4800, margin +${ic.tpp - 4800}, ${pct} % above: ` +
          `3A090.a.1${ic.datacenter ? "" : "; not designed or marketed for datacenters"}`,
      ),
    );
    return { eccn: "3A090.a", tpp: ic.tpp, pd };
  }
  reasons.push(
    R(
      "classify.ic.none",
      "ECCN 3A090 (15 CFR part 774, Supp. No. 1)",
      `TPP ${ic.tpp} < 4800, short by ${4800 - ic.tpp}: below every prong of 3A090.a and .b; ` +
        `not 3A090`,
    ),
  );
  return { eccn: null, tpp: ic.tpp, pd };
}

// One determination. `ledger` is read (and, unless dry, drawn on) for LPP and allocations.
// `screening` (parties.mjs), when given, is carried on the determination, and a
// consignee's Entity List match decides it.
export function determine(s, { mode = "as_enforced", catalog, ledger, dry = true, screening }) {
  const base = {
    id: String(s.id ?? ""),
    regime: "none",
    mode,
    eccn: null,
    tpp: null,
    tpp_total: null,
    performance_density: null,
    tier: null,
    decision: "needs_review",
    authorization: null,
    license_policy: null,
    notices: [],
    debits: [],
    reasons: [],
    errors: [],
    assumed: [],
  };
  base.errors = validate(s);
  if (base.errors.length) return invalid(base);
  const listed = entityListMatch(screening);
  const d = decide(s, mode, catalog, ledger, dry || listed !== undefined, base);
  if (listed) applyEntityList(d, s, listed);
  const other = mode === "as_written" ? "as_enforced" : "as_written";
  const o = decide(s, other, catalog, ledger, true, {
    ...base,
    mode: other,
    reasons: [],
    notices: [],
    debits: [],
    assumed: [],
  });
  if (listed) applyEntityList(o, s, listed);
  if (screening) d.screening = screening;
  if (
    o.decision !== d.decision ||
    o.authorization !== d.authorization ||
    o.license_policy !== d.license_policy
  )
    d.other_mode = {
      mode: other,
      decision: o.decision,
      authorization: o.authorization,
      license_policy: o.license_policy,
    };
  return d;
}

function invalid(d) {
  d.reasons.push(
    R(
      "input.invalid",
      "highfence contract.md section 2",
      "the shipment has errors; nothing was decided",
    ),
  );
  return d;
}

function decide(s, mode, catalog, ledger, dry, d) {
  const dest = s.destination === "HK" ? "CN" : s.destination;
  const hq = s.consignee?.hq ?? dest;
  if (!s.consignee?.hq) d.assumed.push({ field: "consignee.hq", value: dest });
  d.regime = regimeFor(s.date, mode);
  const reg = regimes.find((r) => r.id === d.regime);
  d.reasons.push(
    d.regime === "none"
      ? R(
          "regime.select",
          "highfence rules.md section 15, D3",
          `${s.date} is before 2022-10-07: no advanced-computing export rule is in force`,
        )
      : R("regime.select", reg.citation, `${d.regime} on ${s.date} (${mode}): ${reg.title}`),
  );
  if (mode === "as_enforced" && s.date >= "2025-05-13")
    d.reasons.push(
      R(
        "regime.non_enforcement",
        "BIS press release of 2025-05-13 (non-enforcement of 90 FR 4544)",
        "as enforced: from 2025-05-13 BIS does not enforce the AI Diffusion rule; the October " +
          "2023 rules with the worldwide headquarters rule apply",
      ),
    );
  if (s.destination === "HK")
    d.reasons.push(
      R(
        "destination.hong_kong",
        "15 CFR 772.1 (China includes Hong Kong; 85 FR 45998)",
        "Hong Kong is treated as China",
      ),
    );
  const c = classify(s, catalog, d.reasons, d.regime);
  if (c.error) return (d.errors.push(c.error), invalid(d));
  Object.assign(d, {
    eccn: c.eccn,
    tpp: c.tpp,
    performance_density: c.pd,
    tpp_total: c.tpp === null ? null : c.tpp * s.units,
  });
  if (!c.eccn) return { ...d, decision: "not_controlled" };
  if (d.regime === "us-2025-01") return diffusion(s, dest, hq, ledger, dry, d);
  return rules2023(s, dest, hq, d);
}

function rules2023(s, dest, hq, d) {
  const d5 = (cc) => cc === "MO" || inGroup(cc, "D:5", s.date);
  if (licenceRequired2023(dest, s.date)) {
    d.reasons.push(
      R(
        "license.destination",
        "15 CFR 742.6(a)(6)(iii)",
        `${d.eccn} to ${dest} needs a licence: ${dest} is in Country Group D:1, D:4 or D:5 and ` +
          `not A:5 or A:6, or is Macau`,
      ),
    );
  } else if (d5(hq)) {
    d.reasons.push(
      R(
        "license.hq",
        "15 CFR 744.23(a)(3)",
        `the consignee or its ultimate parent is headquartered in ${hq} (Macau or D:5): a ` +
          `licence is needed wherever it is located`,
      ),
    );
  } else {
    d.reasons.push(
      R(
        "license.none",
        "15 CFR 742.6(a)(6)(iii)",
        `${dest} is not in D:1, D:4 or D:5 outside A:5/A:6, nor Macau, and no party is ` +
          `headquartered in Macau or D:5: no licence required`,
      ),
    );
    return { ...d, decision: "no_license_required" };
  }
  const denial = d5(dest) || d5(hq);
  d.reasons.push(
    denial
      ? R(
          "policy.denial",
          "15 CFR 742.6(b)(10) (88 FR 73458)",
          "Macau or D:5 destination or headquarters: presumption of denial",
        )
      : R(
          "policy.approval",
          "15 CFR 742.6(b)(10) (88 FR 73458)",
          "D:1 or D:4 destination outside Macau/D:5: presumption of approval",
        ),
  );
  return {
    ...d,
    decision: "license_required",
    license_policy: denial ? "presumption_of_denial" : "presumption_of_approval",
  };
}

function diffusion(s, dest, hq, ledger, dry, d) {
  d.tier = tierOf(dest, s.date);
  d.reasons.push(tierReason(dest, d.tier));
  d.reasons.push(
    R(
      "license.worldwide",
      "15 CFR 742.6(a)(6)(iii)(A)",
      `${d.eccn} needs a licence to every destination (the AI Diffusion rule's worldwide ` +
        `requirement)`,
    ),
  );
  const parentHq = s.consignee?.parent_hq ?? hq;
  if (d.tier === 1 && tierOf(hq, s.date) === 1 && tierOf(parentHq, s.date) === 1) {
    d.reasons.push(
      R(
        "auth.aia",
        "15 CFR 740.27",
        "located and headquartered in Tier 1: AIA available (ECCN furnished, one-time " +
          "consignee certification, AIA notice with each shipment)",
      ),
    );
    d.reasons.push(
      R(
        "auth.chosen",
        "highfence contract.md section 3 (AIA, UVEU, NVEU, ACM, ACA, NAC, HBM, LPP)",
        "authorized under AIA",
      ),
    );
    return { ...d, decision: "authorized", authorization: "AIA", notices: ["aia_shipment_notice"] };
  }
  d.reasons.push(
    R(
      "auth.aia",
      "15 CFR 740.27",
      `AIA needs a consignee located in, and headquartered (with its ultimate parent) in, ` +
        `supplement no. 5 paragraph (a): ${dest} (headquarters ${hq}, parent ${parentHq}): not ` +
        `available`,
    ),
  );
  if (d.tier === 3) {
    d.reasons.push(
      R(
        "auth.lpp",
        "15 CFR 740.29",
        "LPP excludes Macau/D:5 destinations and consignees headquartered there",
      ),
    );
    d.reasons.push(
      R(
        "policy.denial",
        "15 CFR 742.6(b)(10)(iii)(A)(1)",
        "Macau/D:5 destination, or a party headquartered there: presumption of denial",
      ),
    );
    return { ...d, decision: "license_required", license_policy: "presumption_of_denial" };
  }
  d.reasons.push(
    R(
      "auth.aca",
      "15 CFR 740.8",
      "ACA/NAC exclude 3A090.a items designed or marketed for datacenters (and cover no HBM or " +
        "model weights): not available",
    ),
  );
  return lppOrAllocation(s, dest, ledger, dry, d);
}

function lppOrAllocation(s, dest, ledger, dry, d) {
  const party = slug(s.consignee?.parent ?? s.consignee?.name);
  const year = s.date.slice(0, 4);
  const lppAccount = `lpp:${party}:${year}`;
  const drawn = ledger.drawn(lppAccount);
  if (party && drawn + d.tpp_total <= LPP_CAP) {
    const after = drawn + d.tpp_total;
    const prior = d.tpp_total >= 3200000;
    d.reasons.push(
      R(
        "auth.lpp",
        "15 CFR 740.29",
        `${party} draws ${drawn} + ${d.tpp_total} = ${after} of its ${LPP_CAP} LPP cap for ` +
          `${year}: LPP available (certification to BIS within 30 ` +
          `days${prior ? "; prior notice: the shipment is 3200000 TPP or more" : ""})`,
      ),
    );
    d.reasons.push(
      R(
        "auth.chosen",
        "highfence contract.md section 3 (AIA, UVEU, NVEU, ACM, ACA, NAC, HBM, LPP)",
        "authorized under LPP",
      ),
    );
    d.debits = [{ account: lppAccount, tpp: d.tpp_total, state: "posted" }];
    if (!dry) ledger.draw(lppAccount, d.tpp_total, "posted", s);
    const notices = ["lpp_certification", ...(prior ? ["lpp_prior_notice"] : [])];
    return { ...d, decision: "authorized", authorization: "LPP", notices };
  }
  if (party)
    d.reasons.push(
      R(
        "auth.lpp",
        "15 CFR 740.29(b); highfence rules.md section 15, D7",
        `${party} has drawn ${drawn} of its ${LPP_CAP} LPP cap for ${year}; ${d.tpp_total} ` +
          `more would pass it, so the shipment as a whole is not eligible (D7); ` +
          `${Math.max(0, Math.floor((LPP_CAP - drawn) / d.tpp))} unit(s) would still fit`,
      ),
    );
  const account = `allocation:${dest}`;
  const used = ledger.drawn(account);
  const room = ALLOCATION_CAP - used;
  if (d.tpp_total > room) {
    d.reasons.push(
      R(
        "policy.allocation",
        "15 CFR 742.6(b)(10)(iii)(A)(3); highfence rules.md section 15, D8 and D20",
        `${dest}'s allocation of ${ALLOCATION_CAP} has ${used} drawn (posted and pending) and ` +
          `${room} left; ${d.tpp_total} does not fit: policy of denial, nothing reserved`,
      ),
    );
    return { ...d, decision: "license_required", license_policy: "policy_of_denial" };
  }
  d.reasons.push(
    R(
      "policy.allocation",
      "15 CFR 742.6(b)(10)(iii)(A)(3); highfence rules.md section 15, D8 and D20",
      `${dest}'s allocation of ${ALLOCATION_CAP} has ${used} drawn; ${d.tpp_total} fits ` +
        `(leaving ${room - d.tpp_total}): presumption of approval, reserved as pending until the ` +
        `licence is granted or denied`,
    ),
  );
  d.debits = [{ account, tpp: d.tpp_total, state: "pending" }];
  if (!dry) ledger.draw(account, d.tpp_total, "pending", s);
  return { ...d, decision: "license_required", license_policy: "presumption_of_approval" };
}

export { ALLOCATION_CAP, LPP_CAP, CITE_TIERS };
