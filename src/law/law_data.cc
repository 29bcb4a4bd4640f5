#include "law/law_data.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "highfence/assert.h"

namespace highfence::law {
namespace {

// Wire names of the units, in enum order. DO NOT CHANGE: law files use them.
constexpr std::array<std::pair<Unit, std::string_view>, 15> kUnitNames = {{
    {Unit::kTpp, "tpp"},
    {Unit::kTppPerMm2, "tpp_per_mm2"},
    {Unit::kGbs, "gbs"},
    {Unit::kGbsPerMm2, "gbs_per_mm2"},
    {Unit::kOps, "ops"},
    {Unit::kDate, "date"},
    {Unit::kBool, "bool"},
    {Unit::kCount, "count"},
    {Unit::kPercent, "percent"},
    {Unit::kPolicy, "policy"},
    {Unit::kCountries, "countries"},
    {Unit::kParties, "parties"},
    {Unit::kEndUses, "end_uses"},
    {Unit::kEccns, "eccns"},
    {Unit::kText, "text"},
}};

// Binary search in a vector sorted by `key(element)`.
template <typename T, typename Key>
const T* FindSorted(const std::vector<T>& items, std::string_view wanted, Key key) {
  auto it = std::lower_bound(items.begin(), items.end(), wanted,
                             [&](const T& item, std::string_view w) { return key(item) < w; });
  if (it == items.end() || key(*it) != wanted) return nullptr;
  return &*it;
}

}  // namespace

std::string_view UnitName(Unit u) {
  for (const auto& [unit, name] : kUnitNames) {
    if (unit == u) return name;
  }
  HF_ASSERT(false && "every Unit has a name");
  return "";
}

std::optional<Unit> ParseUnit(std::string_view name) {
  for (const auto& [unit, unit_name] : kUnitNames) {
    if (unit_name == name) return unit;
  }
  return std::nullopt;
}

std::string ValueText(const Value& v) {
  struct Visitor {
    std::string operator()(Fixed f) const { return f.ToString(); }
    std::string operator()(const Magnitude& m) const { return m.ToString(); }
    std::string operator()(Date d) const { return d.ToString(); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(int64_t n) const { return std::to_string(n); }
    std::string operator()(const std::string& t) const { return t; }
    std::string operator()(const CountryList& list) const {
      std::string out;
      for (CountryCode c : list) out += (out.empty() ? "" : ", ") + std::string(c.str());
      return out.empty() ? "(none)" : out;
    }
    std::string operator()(const std::vector<std::string>& list) const {
      std::string out;
      for (const std::string& t : list) out += (out.empty() ? "" : ", ") + t;
      return out.empty() ? "(none)" : out;
    }
  };
  return std::visit(Visitor{}, v);
}

const DatedValue* Param::At(Date on) const {
  // values are ascending by `from`: the one in force is the last with from <= on.
  auto it = std::upper_bound(values.begin(), values.end(), on,
                             [](Date d, const DatedValue& v) { return d < v.from; });
  if (it == values.begin()) return nullptr;
  return &*std::prev(it);
}

const Param* RuleFile::Find(std::string_view wanted) const {
  return FindSorted(params, wanted, [](const Param& p) -> std::string_view { return p.name; });
}

const StepCitation* RuleFile::FindCitation(std::string_view wanted) const {
  return FindSorted(citations, wanted,
                    [](const StepCitation& c) -> std::string_view { return c.name; });
}

const RuleFile* LawData::FindRule(std::string_view id) const {
  return FindSorted(rules, id, [](const RuleFile& r) -> std::string_view { return r.id; });
}

const CountryGroup* LawData::FindGroup(std::string_view id) const {
  return FindSorted(groups, id, [](const CountryGroup& g) -> std::string_view { return g.id; });
}

Date LawData::LastReviewed() const {
  Date newest = Date::FromDays(0);
  for (const RuleFile& r : rules) newest = std::max(newest, r.last_reviewed_on);
  return newest;
}

}  // namespace highfence::law
