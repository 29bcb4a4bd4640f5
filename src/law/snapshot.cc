#include "law/snapshot.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "base/end_use.h"
#include "highfence/assert.h"

namespace highfence::law {
namespace {

std::optional<LicensePolicy> PolicyFromName(std::string_view s) {
  for (LicensePolicy p :
       {LicensePolicy::kNone, LicensePolicy::kPresumptionOfApproval, LicensePolicy::kCaseByCase,
        LicensePolicy::kPresumptionOfDenial, LicensePolicy::kPolicyOfDenial}) {
    if (WireName(p) == s || (p == LicensePolicy::kNone && s == "none")) return p;
  }
  return std::nullopt;
}

std::optional<EndUseBits> EndUsesFromTags(const std::vector<std::string>& tags) {
  EndUseBits bits = 0;
  for (const std::string& t : tags) {
    std::optional<uint8_t> bit = EndUseBit(t);
    if (!bit) return std::nullopt;
    bits |= *bit;
  }
  return bits;
}

// A value of the variant as the snapshot's type: the unit's own type, or a
// policy or end-use bits read from their text. False when it does not convert
// (the checks of CheckLaw make that unreachable for law that passed them).
template <typename T>
bool Convert(const Value& v, T* out) {
  const T* held = std::get_if<T>(&v);
  if (held != nullptr) *out = *held;
  return held != nullptr;
}
bool Convert(const Value& v, LicensePolicy* out) {
  const auto* s = std::get_if<std::string>(&v);
  std::optional<LicensePolicy> p = s ? PolicyFromName(*s) : std::nullopt;
  if (p) *out = *p;
  return p.has_value();
}
bool Convert(const Value& v, EndUseBits* out) {
  const auto* tags = std::get_if<std::vector<std::string>>(&v);
  std::optional<EndUseBits> bits = tags ? EndUsesFromTags(*tags) : std::nullopt;
  if (bits) *out = *bits;
  return bits.has_value();
}

// Reads typed parameter values on one date, collecting the first problem.
class Resolver {
 public:
  Resolver(const LawData& law, Date on,
           const std::unordered_map<const DatedValue*, const ParamRead*>& reads)
      : law_(law), on_(on), reads_(reads) {}

  template <typename T>
  Cited<T> Get(std::string_view rule, std::string_view name) {
    Cited<T> out;
    const DatedValue* v = Find(rule, name);
    if (v == nullptr) return out;
    auto read = reads_.find(v);
    HF_ASSERT(read != reads_.end());  // every dated value has its read (Law::BuildReads)
    out.read = read->second;
    if (!Convert(v->value, &out.value)) {
      Fail(fmt::format("law parameter `{}.{}` has the wrong unit", rule, name));
    }
    return out;
  }

  const RuleFile* Rule(std::string_view id) {
    const RuleFile* r = law_.FindRule(id);
    if (r == nullptr) Fail(fmt::format("law file `{}` is missing", id));
    return r;
  }

  const Status& status() const { return status_; }

 private:
  // The value in force on the date; before a parameter's first value (only
  // reachable under --regime), its first value.
  const DatedValue* Find(std::string_view rule, std::string_view name) {
    const RuleFile* r = Rule(rule);
    if (r == nullptr) return nullptr;
    const Param* p = r->Find(name);
    if (p == nullptr || p->values.empty()) {
      Fail(fmt::format("law parameter `{}.{}` is missing", rule, name));
      return nullptr;
    }
    const DatedValue* v = p->At(on_);
    return v != nullptr ? v : &p->values.front();
  }

  void Fail(std::string msg) {
    if (status_.ok()) status_ = Status::InvalidArgument(msg);
  }

  const LawData& law_;
  Date on_;
  const std::unordered_map<const DatedValue*, const ParamRead*>& reads_;
  Status status_;
};

// Every row of params.h into its snapshot field.
void ResolveParams(Resolver& r, Snapshot* s) {
#define HF_RESOLVE(rule, key, unit, type, bounds) s->key = r.Get<type>(rule, #key);
  HF_LAW_PARAMS(HF_RESOLVE)
#undef HF_RESOLVE
}

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

// The per-country bits that combine groups and destination lists.
void DeriveDestinationBits(Snapshot* s) {
  CountryCode macau = *CountryCode::Parse("MO");  // a constant: always parses
  for (CountryCode c : s->license_destinations.value) {
    s->groups[static_cast<size_t>(c.index())] |= kDest2022;
  }
  for (CountryCode c : s->band_destinations.value) {
    s->groups[static_cast<size_t>(c.index())] |= kBandDest;
  }
  for (CountryCode c : s->uae_destinations.value) {
    s->groups[static_cast<size_t>(c.index())] |= kUaeDest;
  }
  s->groups[static_cast<size_t>(macau.index())] |= kMacauOrD5;
  for (uint16_t& g : s->groups) {
    if (g & kD5) g |= kMacauOrD5;
    bool listed = (g & (kD1 | kD4 | kD5)) && !(g & (kA5 | kA6));
    if (listed || (g & kMacauOrD5)) g |= kDest2023;
    if (s->uae_change && (g & kUaeDest)) g |= kDest2023;
  }
}

RegimeId RegimeByDate(const Snapshot& s, Date on) {
  if (on < s.us_2022_10_effective_on.value) return RegimeId::kNone;
  if (on < s.us_2023_11_effective_on.value) return RegimeId::kUs2022;
  if (on < s.us_2025_01_effective_on.value) return RegimeId::kUs2023;
  if (on < s.compliance_on.value) return s.transition_regime_id;  // D3
  if (s.non_enforced) return RegimeId::kUs2023;
  return RegimeId::kUs2025;
}

// The facts derived from the values for one interval starting on `from`.
// REQUIRES: s->regime and s->non_enforced set.
void DeriveFacts(Date from, bool by_date, Snapshot* s) {
  RegimeId regime = s->regime;
  bool diffusion = regime == RegimeId::kUs2025;
  bool at_least_2023 = regime == RegimeId::kUs2023 || diffusion;
  s->nac_aca_split = diffusion || (at_least_2023 && from >= s->nac_aca_split_on.value);
  s->hbm_controlled = diffusion || (at_least_2023 && from >= s->hbm_control_on.value);
  s->hq_rule = at_least_2023 && (!by_date || from >= s->hq_rule_on.value) &&
               (!s->non_enforced || s->hq_rule_enforced.value);
  s->model_weights_codified = diffusion || (by_date && from >= s->us_2025_01_effective_on.value);
  s->storage_certification_required = from >= s->storage_certification_on.value;
  s->gp10 = by_date && from >= s->gp10_guidance_on.value;
  s->is_informed = by_date && from >= s->is_informed_notice_on.value;
  s->china_band = by_date && from >= s->china_band_on.value;
  s->uae_change = by_date && from >= s->uae_on.value;
}

}  // namespace

void Law::BuildReads() {
  for (const RuleFile& rule : data_.rules) {
    for (const Param& p : rule.params) {
      const std::string& name = read_texts_.emplace_back(rule.id + "." + p.name);
      for (const DatedValue& v : p.values) {
        const std::string& text = read_texts_.emplace_back(ValueText(v.value));
        std::optional<Date> effective = rule.effective_on;
        if (v.from != kBeginning) effective = v.from;
        reads_.push_back(ParamRead{name, text, effective, v.citation, p.decision});
        value_reads_[&v] = &reads_.back();
      }
    }
    if (!rule.effective_on) continue;
    const std::string& name = read_texts_.emplace_back(rule.id + ".effective_on");
    const std::string& text = read_texts_.emplace_back(rule.effective_on->ToString());
    reads_.push_back(ParamRead{name, text, rule.effective_on, rule.citation, ""});
    effective_reads_[rule.id] = &reads_.back();
  }
  for (const CitationSpec& spec : CitationSpecs()) {
    const RuleFile* rule = data_.FindRule(spec.rule);
    const StepCitation* c = rule ? rule->FindCitation(spec.key) : nullptr;
    HF_ASSERT(c != nullptr);  // CheckLaw ran first
#define HF_SET_CITATION(file, name) \
  if (spec.key == #name) citations_.name = c->text;
    HF_LAW_CITATIONS(HF_SET_CITATION)
#undef HF_SET_CITATION
  }
}

// The effective date of a rule file, read as "FILE.effective_on".
Cited<Date> Law::Effective(std::string_view rule) const {
  auto it = effective_reads_.find(std::string(rule));
  HF_ASSERT(it != effective_reads_.end());  // CheckLaw: regimes and changes have effective_on
  return Cited<Date>{*it->second->effective_on, it->second};
}

Status Law::Build() {
  BuildReads();
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
    RegimeChoice c;
    c.mode = choice < 5 ? Mode::kAsWritten : Mode::kAsEnforced;
    if (choice % 5 > 0) c.forced = static_cast<RegimeId>(choice % 5 - 1);
    for (size_t seg = 0; seg <= boundaries_.size(); ++seg) {
      Result<Snapshot> s = BuildSnapshot(c, seg);
      if (!s.ok()) return s.status();
      s->index = static_cast<uint32_t>(snapshot_count_++);
      snapshots_[choice].push_back(std::move(s).value());
    }
  }
  return Status::Ok();
}

Result<Snapshot> Law::BuildSnapshot(const RegimeChoice& choice, size_t segment) const {
  Snapshot s;
  s.from = segment == 0 ? Date::FromCivil(1900, 1, 1) : boundaries_[segment - 1];
  s.until = segment == boundaries_.size() ? Date::FromCivil(2199, 12, 31)
                                          : boundaries_[segment].AddDays(-1);
  s.mode = choice.mode;
  s.forced = choice.forced.has_value();
  s.cite = &citations_;
  Resolver r(data_, s.from, value_reads_);
  ResolveParams(r, &s);
  HF_RETURN_IF_ERROR(r.status());
  s.us_2022_10_effective_on = Effective(kUs2022);
  s.us_2023_11_effective_on = Effective(kUs2023);
  s.us_2025_01_effective_on = Effective(kUs2025);
  s.non_enforcement_on = Effective(kNonEnforcement);
  s.china_band_on = Effective(kChinaBand);
  s.uae_on = Effective(kUae);
  std::optional<RegimeId> transition = ParseRegime(s.transition_regime.value);
  HF_ASSERT(transition.has_value());  // CheckLaw: transition_regime names a regime
  s.transition_regime_id = *transition;
  const bool by_date = !choice.forced;
  s.non_enforced = by_date && s.mode == Mode::kAsEnforced && s.from >= s.non_enforcement_on.value &&
                   !s.ai_diffusion_enforced.value;
  s.regime = choice.forced ? *choice.forced : RegimeByDate(s, s.from);
  if (const RuleFile* regime = s.regime == RegimeId::kNone ? nullptr : r.Rule(WireName(s.regime))) {
    s.regime_citation = regime->citation;
    s.regime_title = regime->title;
  }
  DeriveFacts(s.from, by_date, &s);
  FillGroups(data_, s.from, choice.forced.has_value(), &s);
  DeriveDestinationBits(&s);
  return s;
}

Result<std::unique_ptr<Law>> Law::Create(LawData data) {
  HF_RETURN_IF_ERROR(CheckLaw(data));
  std::unique_ptr<Law> law(new Law());
  law->data_ = std::move(data);
  HF_RETURN_IF_ERROR(law->Build());
  return law;
}

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

}  // namespace highfence::law
