// CheckLaw: cross-file checks on parsed law. ParseLaw already rejects malformed
// files; CheckLaw checks that the law is complete and consistent as a whole (and
// re-checks the per-file invariants, so a LawData built in code is held to the
// same rules). Every problem found is one line of the returned message.
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/mode.h"
#include "law/law_data.h"
#include "law/membership.h"
#include "law/params.h"

namespace highfence::law {
namespace {

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
    case Unit::kEccns:
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
  for (const RuleSpec& req : RuleSpecs()) {
    const RuleFile* r = law.FindRule(req.id);
    if (r == nullptr) {
      out->Add("missing rule file " + std::string(req.id) + ".toml");
    } else if (r->kind != req.kind) {
      out->Add(r->source + ": rule.kind: expected " + std::string(req.kind) + ", got " + r->kind);
    }
  }
}

// Every row of params.h names a parameter of its file with its unit; every
// parameter of the data is a row (a value nothing reads is an error: it would
// look like law while changing nothing).
void CheckParamTable(const LawData& law, Problems* out) {
  for (const ParamSpec& req : ParamSpecs()) {
    const RuleFile* r = law.FindRule(req.rule);
    if (r == nullptr) continue;  // reported by CheckRules
    const Param* p = r->Find(req.key);
    if (p == nullptr) {
      out->Add(Where(*r, req.key) + ": missing (the engine reads it, unit " +
               std::string(UnitName(req.unit)) + ")");
    } else if (p->unit != req.unit) {
      out->Add(Where(*r, req.key) + ": unit is " + std::string(UnitName(p->unit)) +
               ", the engine reads " + std::string(UnitName(req.unit)));
    }
  }
  for (const RuleFile& r : law.rules) {
    for (const Param& p : r.params) {
      auto read = std::find_if(ParamSpecs().begin(), ParamSpecs().end(), [&](const ParamSpec& s) {
        return s.rule == r.id && s.key == p.name;
      });
      if (read == ParamSpecs().end()) {
        out->Add(Where(r, p.name) +
                 ": nothing reads this parameter (it has no row in src/law/params.h): delete it, "
                 "or make the engine read it");
      }
    }
  }
}

// The same for the step citations of HF_LAW_CITATIONS.
void CheckCitationTable(const LawData& law, Problems* out) {
  for (const CitationSpec& req : CitationSpecs()) {
    const RuleFile* r = law.FindRule(req.rule);
    if (r != nullptr && r->FindCitation(req.key) == nullptr) {
      out->Add((r->source.empty() ? r->id : r->source) + ": citations." + std::string(req.key) +
               ": missing (the engine cites it)");
    }
  }
  for (const RuleFile& r : law.rules) {
    for (const StepCitation& c : r.citations) {
      auto read =
          std::find_if(CitationSpecs().begin(), CitationSpecs().end(),
                       [&](const CitationSpec& s) { return s.rule == r.id && s.key == c.name; });
      if (read == CitationSpecs().end()) {
        out->Add((r.source.empty() ? r.id : r.source) + ": citations." + c.name +
                 ": nothing cites this (it has no row in src/law/params.h)");
      }
    }
  }
}

// The earliest date a value bounded kInRegime may take in `r`.
Date RegimeStart(const LawData& law, const RuleFile& r) {
  if (r.effective_on) return *r.effective_on;
  const RuleFile* first = law.FindRule(kUs2022);
  return first != nullptr && first->effective_on ? *first->effective_on : kBeginning;
}

// Whether `v` keeps `b`; else what it breaks, for the message.
std::optional<std::string> BreaksBounds(const Value& v, Bounds b, Date regime_start) {
  static const Magnitude kOpsMax = *Magnitude::Parse("1e40");
  const Fixed amount_max = Fixed::FromUnits(kAmountUnitsMax);
  if (const auto* f = std::get_if<Fixed>(&v); f && b == Bounds::kPositive) {
    if (*f <= Fixed() || *f > amount_max) return "must be greater than 0 and at most 10^12";
  } else if (const auto* m = std::get_if<Magnitude>(&v); m && b == Bounds::kPositive) {
    if (m->is_zero() || *m > kOpsMax) return "must be greater than 0 and at most 1e40";
  } else if (const auto* n = std::get_if<int64_t>(&v); n && b == Bounds::kPercent) {
    if (*n < 0 || *n > 100) return "is a percent: 0 to 100";
  } else if (n && b == Bounds::kDays) {
    if (*n < 0 || *n > kDaysMax) return "is a count of days: 0 to " + std::to_string(kDaysMax);
  } else if (const auto* d = std::get_if<Date>(&v); d && b == Bounds::kInRegime) {
    if (*d < regime_start)
      return "lies before its file takes effect (" + regime_start.ToString() + ")";
  }
  return std::nullopt;
}

// Every value of every row keeps the bounds of its kind (params.h, Bounds).
void CheckBounds(const LawData& law, Problems* out) {
  for (const ParamSpec& spec : ParamSpecs()) {
    const RuleFile* r = law.FindRule(spec.rule);
    const Param* p = r ? r->Find(spec.key) : nullptr;
    if (p == nullptr || p->unit != spec.unit) continue;  // reported by CheckParamTable
    for (const DatedValue& v : p->values) {
      std::optional<std::string> broken = BreaksBounds(v.value, spec.bounds, RegimeStart(law, *r));
      if (!broken) continue;
      std::string when = v.from == kBeginning ? "" : " (from " + v.from.ToString() + ")";
      out->Add(Where(*r, spec.key) + when + ": value " + ValueText(v.value) + " " + *broken);
    }
  }
}

// defaults.transition_regime (D3) names a regime file the engine knows.
void CheckTransitionRegime(const LawData& law, Problems* out) {
  const RuleFile* defaults = law.FindRule(kDefaults);
  const Param* transition = defaults ? defaults->Find("transition_regime") : nullptr;
  if (transition == nullptr || transition->unit != Unit::kText) return;
  for (const DatedValue& v : transition->values) {
    const auto* id = std::get_if<std::string>(&v.value);
    const RuleFile* target = id ? law.FindRule(*id) : nullptr;
    std::optional<RegimeId> regime = id ? ParseRegime(*id) : std::nullopt;
    if (target == nullptr || target->kind != "regime" || !regime || *regime == RegimeId::kNone) {
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
  CheckParamTable(law, &problems);
  CheckCitationTable(law, &problems);
  CheckBounds(law, &problems);
  CheckTransitionRegime(law, &problems);
  CheckCountries(law, &problems);
  CheckGroups(law, &problems);
  CheckTiers(law, &problems);
  return problems.ToStatus();
}

}  // namespace highfence::law
