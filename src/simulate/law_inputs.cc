// The one adapter between the simulator and the law layer (law_inputs.h).
#include "simulate/law_inputs.h"

#include <fmt/format.h>

#include "law/law_data.h"

namespace highfence::simulate {
namespace {

double ToDouble(Fixed f) { return static_cast<double>(f.milli()) / 1000.0; }

class FactCollector {
 public:
  explicit FactCollector(const law::Law& law) : law_(law) {}

  // The effective_on of the law file `rule_id`.
  void RuleDate(std::string name, std::string_view rule_id) {
    const law::RuleFile* rule = law_.data().FindRule(rule_id);
    if (rule == nullptr || !rule->effective_on) {
      Fail(fmt::format("law file `{}` (fact `{}`) is missing or has no effective_on", rule_id,
                       name));
      return;
    }
    facts_.push_back(
        {std::move(name), *rule->effective_on, 0, "date",
         fmt::format("{}, effective {}", rule->citation, rule->effective_on->ToString())});
  }
  void DateFact(std::string name, const Cited<Date>& d) {
    if (d.citation().empty()) return Fail(fmt::format("law fact `{}` has no citation", name));
    facts_.push_back({std::move(name), d.value, 0, "date", std::string(d.citation())});
  }
  void Number(std::string name, double value, std::string unit, std::string_view citation) {
    if (citation.empty()) return Fail(fmt::format("law fact `{}` has no citation", name));
    facts_.push_back(
        {std::move(name), std::nullopt, value, std::move(unit), std::string(citation)});
  }
  void Fail(std::string msg) {
    if (status_.ok()) status_ = Status::InvalidArgument(msg);
  }
  std::vector<LawFact> Take() { return std::move(facts_); }
  const Status& status() const { return status_; }

 private:
  const law::Law& law_;
  std::vector<LawFact> facts_;
  Status status_;
};

void CollectFacts(const law::Snapshot& s, FactCollector* f) {
  f->RuleDate("chip_rule_2022", "us-2022-10");
  f->RuleDate("chip_rule_2023", "us-2023-11");
  f->DateFact("hbm_rule", s.hbm_control_on);
  f->RuleDate("ai_diffusion", "us-2025-01");
  f->DateFact("ai_diffusion_compliance", s.compliance_on);
  f->DateFact("h20_is_informed", s.is_informed_notice_on);
  f->DateFact("non_enforcement", s.non_enforcement_on);
  f->RuleDate("china_band", "us-2026-01-china-band");
  f->RuleDate("uae_change", "us-2026-07-uae");
  f->Number("chip_2022_tpp_min", ToDouble(s.ic_tpp_min.value), "tpp",
            s.ic_tpp_min.citation());
  f->Number("chip_2023_tpp_min", ToDouble(s.a1_tpp_min.value), "tpp", s.a1_tpp_min.citation());
  f->Number("chip_2023_b1_tpp_min", ToDouble(s.b1_tpp_min.value), "tpp", s.b1_tpp_min.citation());
  f->Number("band_tpp_max", ToDouble(s.band_tpp_max.value), "tpp", s.band_tpp_max.citation());
  f->Number("tier2_allocation_tpp", ToDouble(s.allocation_tpp.value), "tpp",
            s.allocation_tpp.citation());
  f->Number("tier2_allocation_h100e", ToDouble(s.allocation_tpp.value) / kTppPerH100e, "h100e",
            s.allocation_tpp.citation());
  f->Number("uveu_per_country_percent", double(s.uveu_per_country_percent_max.value), "percent",
            s.uveu_per_country_percent_max.citation());
  f->Number("uveu_outside_tier1_percent", double(s.uveu_outside_tier1_percent_max.value), "percent",
            s.uveu_outside_tier1_percent_max.citation());
}

}  // namespace

Result<LawInputs> LawInputs::FromLaw(const law::Law& law) {
  const RegimeChoice as_written{Mode::kAsWritten, std::nullopt};
  LawInputs out;
  // Parameters that do not change over time are read on a date when every
  // rule file is in force; the AI Diffusion values as written.
  FactCollector facts(law);
  CollectFacts(law.At(Date::FromCivil(2026, 12, 31), as_written), &facts);
  HF_RETURN_IF_ERROR(facts.status());
  out.facts_ = facts.Take();

  std::array<std::optional<CountryCode>, kTier2Slots> codes;
  for (int slot = 0; slot < kRestSlot; ++slot) codes[slot] = CountryCode::Parse(kTier2Codes[slot]);
  for (int q = 0; q < kQuarters; ++q) {
    const law::Snapshot& s = law.At(QuarterStart(q), as_written);
    int rest = 0;
    for (const law::Country& c : law.data().countries) {
      bool followed = false;
      for (int slot = 0; slot < kRestSlot; ++slot) followed |= codes[slot] == c.code;
      if (!followed && s.Tier(c.code) == 2) ++rest;
    }
    out.rest_count_[q] = rest;
    for (int slot = 0; slot < kTier2Slots; ++slot) {
      out.tier_[slot][q] = codes[slot] ? s.Tier(*codes[slot]) : 2;
      out.g2g_[slot][q] = codes[slot] && s.In(*codes[slot], law::kSupp5b);
    }
    const law::DatedValue* nveu = nullptr;
    if (const law::RuleFile* rule = law.data().FindRule("us-2025-01")) {
      if (const law::Param* p = rule->Find("nveu_cap_tpp")) nveu = p->At(QuarterStart(q));
    }
    const Fixed* cap = nveu ? std::get_if<Fixed>(&nveu->value) : nullptr;
    out.nveu_cap_h100e_[q] = cap ? ToDouble(*cap) / kTppPerH100e : 0;
  }
  out.content_hash_ = law.data().content_hash;
  return out;
}

const LawFact* LawInputs::Fact(std::string_view name) const {
  for (const LawFact& f : facts_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace highfence::simulate
