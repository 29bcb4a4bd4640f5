// CheckLaw: cross-file checks on parsed law. ParseLaw already rejects malformed
// files; CheckLaw checks that the law is complete and consistent as a whole (and
// re-checks the per-file invariants, so a LawData built in code is held to the
// same rules). Every problem found is one line of the returned message.
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "law/law_data.h"
#include "law/membership.h"

namespace highfence::law {
namespace {

// The rule files the engine needs, and their kinds.
struct RequiredRule {
  std::string_view id;
  std::string_view kind;
};
constexpr RequiredRule kRequiredRules[] = {
    {"us-2022-10", "regime"},          {"us-2023-11", "regime"},
    {"us-2025-01", "regime"},          {"us-2025-05-non-enforcement", "change"},
    {"us-2025-11-cambodia", "change"}, {"us-2026-01-china-band", "change"},
    {"us-2026-07-uae", "change"},      {"defaults", "defaults"},
};

// Every parameter the engine reads: its file, name and unit. One line each.
struct RequiredParam {
  std::string_view rule;
  std::string_view name;
  Unit unit;
};
constexpr RequiredParam kRequiredParams[] = {
    {"us-2022-10", "ic_tpp_min", Unit::kTpp},
    {"us-2022-10", "ic_interconnect_gbs_min", Unit::kGbs},
    {"us-2022-10", "license_destinations", Unit::kCountries},
    {"us-2022-10", "license_policy", Unit::kPolicy},
    {"us-2023-11", "a1_tpp_min", Unit::kTpp},
    {"us-2023-11", "a2_tpp_min", Unit::kTpp},
    {"us-2023-11", "a2_pd_min", Unit::kTppPerMm2},
    {"us-2023-11", "b1_tpp_min", Unit::kTpp},
    {"us-2023-11", "b1_pd_min", Unit::kTppPerMm2},
    {"us-2023-11", "b2_tpp_min", Unit::kTpp},
    {"us-2023-11", "b2_pd_min", Unit::kTppPerMm2},
    {"us-2023-11", "note2_tpp_min", Unit::kTpp},
    {"us-2023-11", "nac_notice_days", Unit::kCount},
    {"us-2023-11", "nac_aca_split_on", Unit::kDate},
    {"us-2023-11", "hbm_control_on", Unit::kDate},
    {"us-2023-11", "hbm_density_min", Unit::kGbsPerMm2},
    {"us-2023-11", "hbm_exception_density_max", Unit::kGbsPerMm2},
    {"us-2023-11", "hq_rule_on", Unit::kDate},
    {"us-2025-01", "compliance_on", Unit::kDate},
    {"us-2025-01", "allocation_tpp", Unit::kTpp},
    {"us-2025-01", "allocation_g2g_increase_percent_max", Unit::kPercent},
    {"us-2025-01", "lpp_annual_cap_tpp", Unit::kTpp},
    {"us-2025-01", "lpp_prior_notice_tpp", Unit::kTpp},
    {"us-2025-01", "lpp_certification_days", Unit::kCount},
    {"us-2025-01", "aia_filing_tpp", Unit::kTpp},
    {"us-2025-01", "nveu_cap_tpp", Unit::kTpp},
    {"us-2025-01", "uveu_outside_tier1_percent_max", Unit::kPercent},
    {"us-2025-01", "uveu_per_country_percent_max", Unit::kPercent},
    {"us-2025-01", "uveu_outside_us_percent_max", Unit::kPercent},
    {"us-2025-01", "model_ops_min", Unit::kOps},
    {"us-2025-01", "model_derived_ops_min", Unit::kOps},
    {"us-2025-01", "model_derived_percent_min", Unit::kPercent},
    {"us-2025-01", "storage_certification_on", Unit::kDate},
    {"us-2025-01", "license_validity_days", Unit::kCount},
    {"us-2025-05-non-enforcement", "ai_diffusion_enforced", Unit::kBool},
    {"us-2025-05-non-enforcement", "hq_rule_enforced", Unit::kBool},
    {"us-2025-05-non-enforcement", "gp10_guidance_on", Unit::kDate},
    {"us-2025-11-cambodia", "d5_removed", Unit::kCountries},
    {"us-2026-01-china-band", "band_tpp_max", Unit::kTpp},
    {"us-2026-01-china-band", "band_dram_gbs_max", Unit::kGbs},
    {"us-2026-01-china-band", "band_destinations", Unit::kCountries},
    {"us-2026-01-china-band", "band_policy", Unit::kPolicy},
    {"us-2026-07-uae", "uae_destinations", Unit::kCountries},
    {"us-2026-07-uae", "approved_parties", Unit::kParties},
    {"us-2026-07-uae", "us_ai_parties", Unit::kParties},
    {"us-2026-07-uae", "uae_policy", Unit::kPolicy},
    {"defaults", "lpp_in_d1_d4_destinations", Unit::kBool},
    {"defaults", "tier1_hq_draws_allocation", Unit::kBool},
    {"defaults", "transition_regime", Unit::kText},
    {"defaults", "tier1_location_draws_allocation", Unit::kBool},
    {"defaults", "model_weights_tier1_hq_policy", Unit::kPolicy},
    {"defaults", "lpp_split_shipments", Unit::kBool},
    {"defaults", "allocation_counts_pending", Unit::kBool},
    {"defaults", "nveu_cap_by_shipment_quarter", Unit::kBool},
    {"defaults", "uveu_share_needs_declared_base", Unit::kBool},
    {"defaults", "is_informed_notice_on", Unit::kDate},
    {"defaults", "china_band_missing_bandwidth_policy", Unit::kPolicy},
    {"defaults", "model_weights_enforced_after_non_enforcement", Unit::kBool},
    {"defaults", "part744_end_uses", Unit::kEndUses},
    {"defaults", "part744_policy", Unit::kPolicy},
    {"defaults", "gp10_policy", Unit::kPolicy},
    {"defaults", "ledger_authorization_needs_consignee", Unit::kBool},
    {"defaults", "united_states_is_export", Unit::kBool},
    {"defaults", "missing_figure_needs_review", Unit::kBool},
    {"defaults", "pending_reservation_expiry_days", Unit::kCount},
};

// The groups the engine reads.
constexpr std::string_view kRequiredGroups[] = {"A:5", "A:6", "D:1",   "D:4",   "D:5",
                                                "E:1", "E:2", "tier1", "supp5b"};

class Problems {
 public:
  void Add(std::string line) { lines_.push_back(std::move(line)); }
  Status ToStatus() const {
    if (lines_.empty()) return Status::Ok();
    std::string msg;
    for (const std::string& line : lines_) msg += (msg.empty() ? "" : "\n") + line;
    return Status::InvalidArgument(msg);
  }

 private:
  std::vector<std::string> lines_;
};

std::string Where(const RuleFile& r, std::string_view param) {
  return (r.source.empty() ? r.id : r.source) + ": params." + std::string(param);
}

// Whether the variant alternative held matches what the unit promises.
bool ValueMatchesUnit(const Value& v, Unit u) {
  switch (u) {
    case Unit::kTpp:
    case Unit::kTppPerMm2:
    case Unit::kGbs:
    case Unit::kGbsPerMm2:
      return std::holds_alternative<Fixed>(v);
    case Unit::kOps:
      return std::holds_alternative<Magnitude>(v);
    case Unit::kDate:
      return std::holds_alternative<Date>(v);
    case Unit::kBool:
      return std::holds_alternative<bool>(v);
    case Unit::kCount:
    case Unit::kPercent:
      return std::holds_alternative<int64_t>(v);
    case Unit::kPolicy:
    case Unit::kText:
      return std::holds_alternative<std::string>(v);
    case Unit::kCountries:
      return std::holds_alternative<std::vector<CountryCode>>(v);
    case Unit::kParties:
    case Unit::kEndUses:
      return std::holds_alternative<std::vector<std::string>>(v);
  }
  return false;
}

// Per-parameter invariants: values non-empty, ascending, cited, typed per unit.
void CheckParam(const RuleFile& r, const Param& p, Problems* out) {
  if (p.values.empty()) out->Add(Where(r, p.name) + ": has no value");
  if (p.description.empty()) out->Add(Where(r, p.name) + ": missing description");
  for (size_t i = 0; i < p.values.size(); ++i) {
    const DatedValue& v = p.values[i];
    if (v.citation.empty()) out->Add(Where(r, p.name) + ": a value has no citation");
    if (!ValueMatchesUnit(v.value, p.unit)) {
      out->Add(Where(r, p.name) + ": a value does not match unit " + std::string(UnitName(p.unit)));
    }
    if (i > 0 && !(p.values[i - 1].from < v.from)) {
      out->Add(Where(r, p.name) + ": dated values are not strictly ascending");
    }
  }
  if (r.kind == "defaults" && p.decision.empty()) {
    out->Add(Where(r, p.name) + ": a project default needs `decision` (rules.md section 15)");
  }
}

void CheckRules(const LawData& law, Problems* out) {
  for (size_t i = 0; i < law.rules.size(); ++i) {
    const RuleFile& r = law.rules[i];
    if (i > 0 && !(law.rules[i - 1].id < r.id)) {
      out->Add("rule " + r.id + ": rules are not sorted by id or the id is duplicated");
    }
    if ((r.kind == "regime" || r.kind == "change") && !r.effective_on) {
      out->Add(r.source + ": rule.effective_on: missing for a " + r.kind);
    }
    for (size_t j = 0; j < r.params.size(); ++j) {
      if (j > 0 && !(r.params[j - 1].name < r.params[j].name)) {
        out->Add(Where(r, r.params[j].name) + ": parameters not sorted or duplicated");
      }
      CheckParam(r, r.params[j], out);
    }
  }
  for (const RequiredRule& req : kRequiredRules) {
    const RuleFile* r = law.FindRule(req.id);
    if (r == nullptr) {
      out->Add("missing rule file " + std::string(req.id) + ".toml");
    } else if (r->kind != req.kind) {
      out->Add(r->source + ": rule.kind: expected " + std::string(req.kind) + ", got " + r->kind);
    }
  }
}

void CheckRequiredParams(const LawData& law, Problems* out) {
  for (const RequiredParam& req : kRequiredParams) {
    const RuleFile* r = law.FindRule(req.rule);
    if (r == nullptr) continue;  // reported by CheckRules
    const Param* p = r->Find(req.name);
    if (p == nullptr) {
      out->Add(Where(*r, req.name) + ": missing (the engine reads it, unit " +
               std::string(UnitName(req.unit)) + ")");
    } else if (p->unit != req.unit) {
      out->Add(Where(*r, req.name) + ": unit is " + std::string(UnitName(p->unit)) +
               ", the engine reads " + std::string(UnitName(req.unit)));
    }
  }
  // The transition regime (D3) must name a regime.
  const RuleFile* defaults = law.FindRule("defaults");
  const Param* transition = defaults ? defaults->Find("transition_regime") : nullptr;
  if (transition == nullptr || transition->unit != Unit::kText) return;
  for (const DatedValue& v : transition->values) {
    const auto* id = std::get_if<std::string>(&v.value);
    const RuleFile* target = id ? law.FindRule(*id) : nullptr;
    if (target == nullptr || target->kind != "regime") {
      out->Add(Where(*defaults, "transition_regime") + ": " + (id ? *id : std::string("?")) +
               " names no regime file");
    }
  }
}

void CheckCountries(const LawData& law, Problems* out) {
  for (size_t i = 0; i < law.countries.size(); ++i) {
    const Country& c = law.countries[i];
    if (!c.code.valid() || c.name.empty()) out->Add("countries.toml: an entry is incomplete");
    if (i > 0 && !(law.countries[i - 1].code < c.code)) {
      out->Add("countries.toml: " + std::string(c.code.str()) + " is duplicated or unsorted");
    }
  }
  std::string_view codes = AssignedCountryCodes();
  for (size_t i = 0; i + 1 < codes.size(); i += 3) {
    CountryCode code = *CountryCode::Parse(codes.substr(i, 2));
    auto it = std::lower_bound(law.countries.begin(), law.countries.end(), code,
                               [](const Country& c, CountryCode k) { return c.code < k; });
    if (it == law.countries.end() || it->code != code) {
      out->Add("countries.toml: countries." + std::string(code.str()) + ": missing");
    }
  }
}

}  // namespace
}  // namespace highfence::law

namespace highfence::law {
namespace {

std::string GroupWhere(const CountryGroup& g, CountryCode code) {
  return "country-groups.toml: group \"" + g.id + "\" (" +
         std::string(code.valid() ? code.str() : "??") + ")";
}

bool KnownCountry(const LawData& law, CountryCode code) {
  auto it = std::lower_bound(law.countries.begin(), law.countries.end(), code,
                             [](const Country& c, CountryCode k) { return c.code < k; });
  return it != law.countries.end() && it->code == code;
}

// A membership's `change` names a change file whose effective date is the
// boundary the membership draws (its `from`, or the day after its `until`).
void CheckChange(const LawData& law, const CountryGroup& g, const Membership& m, Problems* out) {
  const RuleFile* r = law.FindRule(m.change);
  if (r == nullptr || r->kind != "change") {
    out->Add(GroupWhere(g, m.code) + ".change: " + m.change + " names no change file");
    return;
  }
  if (!r->effective_on) return;  // reported by CheckRules
  const Date eff = *r->effective_on;
  const bool starts = m.from && *m.from == eff;
  const bool ends = m.until && m.until->AddDays(1) == eff;
  if (!starts && !ends) {
    out->Add(GroupWhere(g, m.code) + ".change: " + m.change + " takes effect on " + eff.ToString() +
             ", but the membership " + DescribeInterval(m) + " has no boundary there");
  }
}

void CheckMembers(const LawData& law, const CountryGroup& g, Problems* out) {
  std::vector<Membership> sorted = g.members;
  std::sort(sorted.begin(), sorted.end(), [](const Membership& a, const Membership& b) {
    if (a.code != b.code) return a.code < b.code;
    if (!a.from || !b.from) return !a.from && b.from.has_value();
    return *a.from < *b.from;
  });
  for (size_t i = 0; i < sorted.size(); ++i) {
    const Membership& m = sorted[i];
    if (!m.code.valid() || !KnownCountry(law, m.code)) {
      out->Add(GroupWhere(g, m.code) + ": not a country in countries.toml");
    }
    if ((m.from || m.until) && m.citation.empty()) {
      out->Add(GroupWhere(g, m.code) + ".citation: a dated membership needs a citation");
    }
    if (m.from && m.until && *m.until < *m.from) {
      out->Add(GroupWhere(g, m.code) + ": `until` is before `from`");
    }
    if (!m.change.empty()) CheckChange(law, g, m, out);
    if (i > 0 && sorted[i - 1].code == m.code && Overlaps(sorted[i - 1], m)) {
      out->Add(GroupWhere(g, m.code) + ": membership " + DescribeInterval(m) + " overlaps " +
               DescribeInterval(sorted[i - 1]));
    }
  }
}

void CheckGroups(const LawData& law, Problems* out) {
  for (size_t i = 0; i < law.groups.size(); ++i) {
    if (i > 0 && !(law.groups[i - 1].id < law.groups[i].id)) {
      out->Add("country-groups.toml: group \"" + law.groups[i].id + "\" is duplicated or unsorted");
    }
    if (law.groups[i].citation.empty()) {
      out->Add("country-groups.toml: group \"" + law.groups[i].id + "\": missing citation");
    }
    CheckMembers(law, law.groups[i], out);
  }
  for (std::string_view id : kRequiredGroups) {
    if (law.FindGroup(id) == nullptr) {
      out->Add("country-groups.toml: missing group \"" + std::string(id) + "\"");
    }
  }
}

// Tier 1 (Supp. No. 5 para (a)), Supp. No. 5 para (b) and Tier 3 (Macau + D:5)
// are disjoint on every date on which any of them changes.
void CheckTiers(const LawData& law, Problems* out) {
  const CountryGroup* tier1 = law.FindGroup("tier1");
  const CountryGroup* supp5b = law.FindGroup("supp5b");
  const CountryGroup* d5 = law.FindGroup("D:5");
  if (tier1 == nullptr || supp5b == nullptr || d5 == nullptr) return;  // reported above
  std::set<Date> dates = {kBeginning};
  for (const CountryGroup* g : {tier1, supp5b, d5}) {
    for (const Membership& m : g->members) {
      if (m.from) dates.insert(*m.from);
      if (m.until) dates.insert(m.until->AddDays(1));
    }
  }
  const CountryCode macau = *CountryCode::Parse("MO");
  std::set<std::string> seen;  // one line per country and clash
  auto tier3 = [&](CountryCode c, Date on) { return c == macau || InGroupOn(*d5, c, on); };
  for (Date on : dates) {
    for (const Membership& m : tier1->members) {
      if (!Covers(m, on) || !tier3(m.code, on)) continue;
      seen.insert("country-groups.toml: " + std::string(m.code.str()) +
                  " is in tier1 and in Tier 3 (Macau or D:5) on " + on.ToString());
    }
    for (const Membership& m : supp5b->members) {
      if (!Covers(m, on)) continue;
      if (tier3(m.code, on) || InGroupOn(*tier1, m.code, on)) {
        seen.insert("country-groups.toml: " + std::string(m.code.str()) +
                    " is in supp5b and in tier1 or Tier 3 on " + on.ToString());
      }
    }
  }
  for (const std::string& line : seen) out->Add(line);
}

}  // namespace

Status CheckLaw(const LawData& law) {
  Problems problems;
  CheckRules(law, &problems);
  CheckRequiredParams(law, &problems);
  CheckCountries(law, &problems);
  CheckGroups(law, &problems);
  CheckTiers(law, &problems);
  return problems.ToStatus();
}

}  // namespace highfence::law
