#include "law/snapshot.h"

#include <fmt/format.h>

#include <algorithm>

#include "highfence/assert.h"

namespace highfence::law {

namespace {

constexpr std::string_view kRule2022 = "us-2022-10";
constexpr std::string_view kRule2023 = "us-2023-11";
constexpr std::string_view kRule2025 = "us-2025-01";
constexpr std::string_view kRuleNonEnforcement = "us-2025-05-non-enforcement";
constexpr std::string_view kRuleBand = "us-2026-01-china-band";
constexpr std::string_view kRuleUae = "us-2026-07-uae";
constexpr std::string_view kRuleDefaults = "defaults";

std::optional<LicensePolicy> PolicyFromName(std::string_view s) {
  for (LicensePolicy p :
       {LicensePolicy::kNone, LicensePolicy::kPresumptionOfApproval, LicensePolicy::kCaseByCase,
        LicensePolicy::kPresumptionOfDenial, LicensePolicy::kPolicyOfDenial}) {
    if (WireName(p) == s || (p == LicensePolicy::kNone && s == "none")) return p;
  }
  return std::nullopt;
}

// Reads typed parameter values on one date, collecting the first problem.
class Resolver {
 public:
  Resolver(const LawData& law, Date on) : law_(law), on_(on) {}

  template <typename T>
  Cited<T> Get(std::string_view rule, std::string_view name) {
    Cited<T> out;
    const DatedValue* v = Find(rule, name, &out.decision);
    if (v == nullptr) return out;
    out.citation = v->citation;
    if (const T* value = std::get_if<T>(&v->value)) {
      out.value = *value;
    } else {
      Fail(fmt::format("law parameter `{}.{}` has the wrong unit", rule, name));
    }
    return out;
  }

  Cited<LicensePolicy> Policy(std::string_view rule, std::string_view name) {
    Cited<std::string> s = Get<std::string>(rule, name);
    Cited<LicensePolicy> out{LicensePolicy::kNone, s.citation, s.decision};
    if (auto p = PolicyFromName(s.value))
      out.value = *p;
    else if (status_.ok())
      Fail(fmt::format("law parameter `{}.{}` is not a policy", rule, name));
    return out;
  }

  Cited<uint8_t> EndUses(std::string_view rule, std::string_view name) {
    Cited<std::vector<std::string>> tags = Get<std::vector<std::string>>(rule, name);
    Cited<uint8_t> out{0, tags.citation, tags.decision};
    for (const std::string& t : tags.value) {
      if (t == "military")
        out.value |= kEndUseMilitary;
      else if (t == "wmd")
        out.value |= kEndUseWmd;
      else if (t == "frontier_training")
        out.value |= kEndUseFrontierTraining;
      else if (t == "development")
        out.value |= kEndUseDevelopment;
      else if (t == "production")
        out.value |= kEndUseProduction;
      else if (t == "storage")
        out.value |= kEndUseStorage;
      else
        Fail(fmt::format("law parameter `{}.{}`: unknown end use `{}`", rule, name, t));
    }
    return out;
  }

  const RuleFile* Rule(std::string_view id) {
    const RuleFile* r = law_.FindRule(id);
    if (r == nullptr) Fail(fmt::format("law file `{}` is missing", id));
    return r;
  }

  Date Effective(std::string_view id) {
    const RuleFile* r = Rule(id);
    if (r == nullptr || !r->effective_on) {
      Fail(fmt::format("law file `{}` has no effective_on", id));
      return Date();
    }
    return *r->effective_on;
  }

  const Status& status() const { return status_; }

 private:
  // The value in force on the date; before a parameter's first value (only
  // reachable under --regime), its first value.
  const DatedValue* Find(std::string_view rule, std::string_view name, std::string_view* decision) {
    const RuleFile* r = Rule(rule);
    if (r == nullptr) return nullptr;
    const Param* p = r->Find(name);
    if (p == nullptr || p->values.empty()) {
      Fail(fmt::format("law parameter `{}.{}` is missing", rule, name));
      return nullptr;
    }
    *decision = p->decision;
    const DatedValue* v = p->At(on_);
    return v != nullptr ? v : &p->values.front();
  }

  void Fail(std::string msg) {
    if (status_.ok()) status_ = Status::InvalidArgument(msg);
  }

  const LawData& law_;
  Date on_;
  Status status_;
};

// Fills the per-country group bits on `on`. With `forced`, boundaries that a
// dated change (a kind-"change" law file) introduced are ignored.
void FillGroups(const LawData& law, Date on, bool forced, Snapshot* s) {
  static constexpr std::pair<std::string_view, uint16_t> kGroups[] = {
      {"A:5", kA5}, {"A:6", kA6}, {"D:1", kD1},      {"D:4", kD4},       {"D:5", kD5},
      {"E:1", kE1}, {"E:2", kE2}, {"tier1", kTier1}, {"supp5b", kSupp5b}};
  s->groups.fill(0);
  for (const auto& [id, bit] : kGroups) {
    const CountryGroup* g = law.FindGroup(id);
    if (g == nullptr) continue;
    for (const Membership& m : g->members) {
      bool by_change = !m.change.empty();
      if (forced && by_change && m.from) continue;  // added by a later change
      bool started = !m.from || *m.from <= on;
      bool ended = m.until && *m.until < on && !(forced && by_change);
      if (started && !ended) s->groups[static_cast<size_t>(m.code.index())] |= bit;
    }
  }
}

}  // namespace

size_t Law::ChoiceIndex(const RegimeChoice& c) {
  size_t regime = 0;
  if (c.forced) regime = 1 + static_cast<size_t>(*c.forced);
  return (c.mode == Mode::kAsWritten ? 0 : 5) + regime;
}

const Snapshot& Law::At(Date on, const RegimeChoice& choice) const {
  size_t segment = static_cast<size_t>(
      std::upper_bound(boundaries_.begin(), boundaries_.end(), on) - boundaries_.begin());
  const std::vector<Snapshot>& row = snapshots_[ChoiceIndex(choice)];
  HF_ASSERT(segment < row.size());
  return row[segment];
}

namespace {

RegimeId RegimeByDate(Resolver& r, Date on, Mode mode, Cited<Date> compliance_on) {
  if (on < r.Effective(kRule2022)) return RegimeId::kNone;
  if (on < r.Effective(kRule2023)) return RegimeId::kUs2022;
  if (on < compliance_on.value) return RegimeId::kUs2023;
  if (mode == Mode::kAsEnforced && on >= r.Effective(kRuleNonEnforcement)) {
    return RegimeId::kUs2023;
  }
  return RegimeId::kUs2025;
}

void ResolveThresholds(Resolver& r, Snapshot* s) {
  s->ic_tpp_min_2022 = r.Get<Fixed>(kRule2022, "ic_tpp_min");
  s->ic_interconnect_min_2022 = r.Get<Fixed>(kRule2022, "ic_interconnect_gbs_min");
  s->policy_2022 = r.Policy(kRule2022, "license_policy");
  s->a1_tpp_min = r.Get<Fixed>(kRule2023, "a1_tpp_min");
  s->a2_tpp_min = r.Get<Fixed>(kRule2023, "a2_tpp_min");
  s->a2_pd_min = r.Get<Fixed>(kRule2023, "a2_pd_min");
  s->b1_tpp_min = r.Get<Fixed>(kRule2023, "b1_tpp_min");
  s->b1_pd_min = r.Get<Fixed>(kRule2023, "b1_pd_min");
  s->b2_tpp_min = r.Get<Fixed>(kRule2023, "b2_tpp_min");
  s->b2_pd_min = r.Get<Fixed>(kRule2023, "b2_pd_min");
  s->note2_tpp_min = r.Get<Fixed>(kRule2023, "note2_tpp_min");
  s->nac_notice_days = r.Get<int64_t>(kRule2023, "nac_notice_days");
  s->nac_aca_split_on = r.Get<Date>(kRule2023, "nac_aca_split_on");
  s->hbm_control_on = r.Get<Date>(kRule2023, "hbm_control_on");
  s->hbm_density_min = r.Get<Fixed>(kRule2023, "hbm_density_min");
  s->hbm_exception_density_max = r.Get<Fixed>(kRule2023, "hbm_exception_density_max");
  s->hq_rule_on = r.Get<Date>(kRule2023, "hq_rule_on");
}

void ResolveDiffusion(Resolver& r, Snapshot* s) {
  s->compliance_on = r.Get<Date>(kRule2025, "compliance_on");
  s->allocation_tpp = r.Get<Fixed>(kRule2025, "allocation_tpp");
  s->allocation_g2g_percent_max = r.Get<int64_t>(kRule2025, "allocation_g2g_increase_percent_max");
  s->lpp_cap_tpp = r.Get<Fixed>(kRule2025, "lpp_annual_cap_tpp");
  s->lpp_prior_notice_tpp = r.Get<Fixed>(kRule2025, "lpp_prior_notice_tpp");
  s->lpp_certification_days = r.Get<int64_t>(kRule2025, "lpp_certification_days");
  s->aia_filing_tpp = r.Get<Fixed>(kRule2025, "aia_filing_tpp");
  s->nveu_cap_tpp = r.Get<Fixed>(kRule2025, "nveu_cap_tpp");
  s->uveu_outside_tier1_percent_max = r.Get<int64_t>(kRule2025, "uveu_outside_tier1_percent_max");
  s->uveu_per_country_percent_max = r.Get<int64_t>(kRule2025, "uveu_per_country_percent_max");
  s->uveu_outside_us_percent_max = r.Get<int64_t>(kRule2025, "uveu_outside_us_percent_max");
  s->model_ops_min = r.Get<Magnitude>(kRule2025, "model_ops_min");
  s->model_derived_ops_min = r.Get<Magnitude>(kRule2025, "model_derived_ops_min");
  s->model_derived_percent_min = r.Get<int64_t>(kRule2025, "model_derived_percent_min");
  s->storage_certification_on = r.Get<Date>(kRule2025, "storage_certification_on");
}

void ResolveChangesAndDefaults(Resolver& r, Snapshot* s) {
  s->gp10_policy = r.Policy(kRuleDefaults, "gp10_policy");
  s->non_enforcement_on = {
      r.Effective(kRuleNonEnforcement),
      r.Rule(kRuleNonEnforcement) ? r.Rule(kRuleNonEnforcement)->citation : std::string_view(),
      {}};
  s->band_tpp_max = r.Get<Fixed>(kRuleBand, "band_tpp_max");
  s->band_dram_gbs_max = r.Get<Fixed>(kRuleBand, "band_dram_gbs_max");
  s->band_policy = r.Policy(kRuleBand, "band_policy");
  s->band_missing_bandwidth_policy = r.Policy(kRuleDefaults, "china_band_missing_bandwidth_policy");
  s->uae_approved_parties = r.Get<std::vector<std::string>>(kRuleUae, "approved_parties");
  s->uae_us_ai_parties = r.Get<std::vector<std::string>>(kRuleUae, "us_ai_parties");
  s->uae_policy = r.Policy(kRuleUae, "uae_policy");
  s->uae_citation = r.Rule(kRuleUae) ? std::string_view(r.Rule(kRuleUae)->citation) : "";
  s->lpp_in_d1_d4 = r.Get<bool>(kRuleDefaults, "lpp_in_d1_d4_destinations");
  s->tier1_hq_draws_allocation = r.Get<bool>(kRuleDefaults, "tier1_hq_draws_allocation");
  s->model_weights_enforced_after_ne =
      r.Get<bool>(kRuleDefaults, "model_weights_enforced_after_non_enforcement");
  s->ledger_needs_consignee = r.Get<bool>(kRuleDefaults, "ledger_authorization_needs_consignee");
  s->us_is_export = r.Get<bool>(kRuleDefaults, "united_states_is_export");
  s->missing_figure_needs_review = r.Get<bool>(kRuleDefaults, "missing_figure_needs_review");
  s->model_tier1_hq_policy = r.Policy(kRuleDefaults, "model_weights_tier1_hq_policy");
  s->part744_policy = r.Policy(kRuleDefaults, "part744_policy");
  s->part744_end_uses = r.EndUses(kRuleDefaults, "part744_end_uses");
  s->pending_expiry_days = r.Get<int64_t>(kRuleDefaults, "pending_reservation_expiry_days");
  s->is_informed_on = r.Get<Date>(kRuleDefaults, "is_informed_notice_on");
}

// The per-country bits that combine groups, on the snapshot's date.
void DeriveDestinationBits(Resolver& r, Date on, Snapshot* s) {
  Cited<std::vector<CountryCode>> dest2022 =
      r.Get<std::vector<CountryCode>>(kRule2022, "license_destinations");
  Cited<std::vector<CountryCode>> band =
      r.Get<std::vector<CountryCode>>(kRuleBand, "band_destinations");
  Cited<std::vector<CountryCode>> uae =
      r.Get<std::vector<CountryCode>>(kRuleUae, "uae_destinations");
  CountryCode macau = *CountryCode::Parse("MO");
  for (CountryCode c : dest2022.value) s->groups[static_cast<size_t>(c.index())] |= kDest2022;
  for (CountryCode c : band.value) s->groups[static_cast<size_t>(c.index())] |= kBandDest;
  for (CountryCode c : uae.value) s->groups[static_cast<size_t>(c.index())] |= kUaeDest;
  s->groups[static_cast<size_t>(macau.index())] |= kMacauOrD5;
  for (uint16_t& g : s->groups) {
    if (g & kD5) g |= kMacauOrD5;
    bool listed = (g & (kD1 | kD4 | kD5)) && !(g & (kA5 | kA6));
    if (listed || (g & kMacauOrD5)) g |= kDest2023;
    if (s->uae_change && (g & kUaeDest)) g |= kDest2023;
  }
  (void)on;
}

}  // namespace

Status Law::Build() {
  // Every date on which something changes starts a new snapshot.
  std::vector<Date> dates;
  for (const RuleFile& rule : data_.rules) {
    if (rule.effective_on) dates.push_back(*rule.effective_on);
    for (const Param& p : rule.params) {
      for (const DatedValue& v : p.values) {
        if (v.from != kBeginning) dates.push_back(v.from);
        if (const Date* d = std::get_if<Date>(&v.value)) dates.push_back(*d);
      }
    }
  }
  for (const CountryGroup& g : data_.groups) {
    for (const Membership& m : g.members) {
      if (m.from) dates.push_back(*m.from);
      if (m.until) dates.push_back(m.until->AddDays(1));
    }
  }
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  boundaries_ = dates;

  snapshots_.assign(10, {});
  for (size_t choice = 0; choice < 10; ++choice) {
    Mode mode = choice < 5 ? Mode::kAsWritten : Mode::kAsEnforced;
    size_t regime_slot = choice % 5;
    std::optional<RegimeId> forced;
    if (regime_slot > 0) forced = static_cast<RegimeId>(regime_slot - 1);
    for (size_t seg = 0; seg <= boundaries_.size(); ++seg) {
      Date from = seg == 0 ? Date::FromCivil(1900, 1, 1) : boundaries_[seg - 1];
      Date until =
          seg == boundaries_.size() ? Date::FromCivil(2199, 12, 31) : boundaries_[seg].AddDays(-1);
      Snapshot s;
      s.from = from;
      s.until = until;
      s.mode = mode;
      s.forced = forced.has_value();
      Resolver r(data_, from);
      ResolveThresholds(r, &s);
      ResolveDiffusion(r, &s);
      ResolveChangesAndDefaults(r, &s);
      s.regime = forced ? *forced : RegimeByDate(r, from, mode, s.compliance_on);
      const RuleFile* regime_rule =
          s.regime == RegimeId::kNone ? nullptr : r.Rule(WireName(s.regime));
      if (regime_rule) {
        s.regime_citation = regime_rule->citation;
        s.regime_title = regime_rule->title;
      }
      bool by_date = !forced;
      s.diffusion_effective_on = {r.Effective(kRule2025), s.compliance_on.citation, {}};
      s.nac_aca_split = s.regime == RegimeId::kUs2025 ||
                        (s.regime == RegimeId::kUs2023 && from >= s.nac_aca_split_on.value);
      s.hbm_controlled = s.regime == RegimeId::kUs2025 ||
                         (s.regime == RegimeId::kUs2023 && from >= s.hbm_control_on.value);
      s.model_weights_codified =
          s.regime == RegimeId::kUs2025 || (by_date && from >= s.diffusion_effective_on.value);
      s.storage_certification_required = from >= s.storage_certification_on.value;
      s.non_enforced = by_date && mode == Mode::kAsEnforced && from >= s.non_enforcement_on.value;
      s.gp10_on = r.Get<Date>(kRuleNonEnforcement, "gp10_guidance_on");
      s.gp10 = by_date && from >= s.gp10_on.value;
      s.is_informed = by_date && from >= s.is_informed_on.value;
      s.china_band = by_date && from >= r.Effective(kRuleBand);
      s.uae_change = by_date && from >= r.Effective(kRuleUae);
      FillGroups(data_, from, forced.has_value(), &s);
      DeriveDestinationBits(r, from, &s);
      HF_RETURN_IF_ERROR(r.status());
      s.index = static_cast<uint32_t>(snapshot_count_++);
      snapshots_[choice].push_back(std::move(s));
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<Law>> Law::Create(LawData data) {
  std::unique_ptr<Law> law(new Law());
  law->data_ = std::move(data);
  HF_RETURN_IF_ERROR(law->Build());
  return law;
}

}  // namespace highfence::law
