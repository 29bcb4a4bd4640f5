// The law mutation test: for every parameter of src/law/params.h, a copy of the
// law with that parameter's values changed must change at least one
// determination or reason of the legal cases. A parameter no case can feel is
// either inert (nothing really reads it) or untested; either way this test
// names it and fails.
//
// The copy is made on the TOML text (parsed and written back with toml++), so
// it goes through the loader and `law check` exactly as an edited law/ folder
// would, and must pass them: a change keeps each value within its bounds.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "case_set.h"
#include "law/law_data.h"
#include "law/params.h"

namespace highfence::cases {
namespace {

using LawFiles = std::vector<std::pair<std::string, std::string>>;

// The next policy in a fixed round, so every policy changes.
std::string NextPolicy(const std::string& p) {
  static const char* kRound[] = {"presumption_of_approval", "case_by_case", "presumption_of_denial",
                                 "policy_of_denial", "none"};
  for (size_t i = 0; i < std::size(kRound); ++i) {
    if (p == kRound[i]) return kRound[(i + 1) % std::size(kRound)];
  }
  return kRound[0];
}

// A changed value for one node of unit `unit`; false when the node is not one
// the unit allows (the loader would refuse it anyway).
bool Mutate(toml::node& n, law::Unit unit) {
  using law::Unit;
  switch (unit) {
    case Unit::kTpp:
    case Unit::kTppPerMm2:
    case Unit::kGbs:
    case Unit::kGbsPerMm2:
      if (auto* i = n.as_integer()) return (*i = i->get() + 1), true;
      if (auto* s = n.as_string()) {
        std::optional<Fixed> v = Fixed::Parse(s->get());
        std::optional<Fixed> more = v ? Fixed::Add(*v, Fixed::FromMilli(1)) : std::nullopt;
        return more && ((*s = more->ToString()), true);
      }
      return false;
    case Unit::kOps:
      if (auto* s = n.as_string()) {
        std::optional<Magnitude> m = Magnitude::Parse(s->get());
        return m && ((*s = m->ScaledBy(2, 1).ToString()), true);
      }
      return false;
    case Unit::kDate:
      if (auto* d = n.as_date()) {
        const toml::date& v = d->get();
        Date next = Date::FromCivil(v.year, v.month, v.day).AddDays(1);
        *d = toml::date{next.year(), next.month(), next.day()};
        return true;
      }
      return false;
    case Unit::kBool:
      if (auto* b = n.as_boolean()) return (*b = !b->get()), true;
      return false;
    case Unit::kCount:
    case Unit::kPercent:
      if (auto* i = n.as_integer()) return (*i = i->get() == 100 ? 99 : i->get() + 1), true;
      return false;
    case Unit::kPolicy:
      if (auto* s = n.as_string()) return (*s = NextPolicy(s->get())), true;
      return false;
    case Unit::kCountries:
    case Unit::kParties:
    case Unit::kEndUses:
    case Unit::kEccns:
      if (auto* a = n.as_array()) {
        if (!a->empty()) {
          a->clear();
        } else {
          a->push_back(unit == Unit::kCountries ? "DE"
                       : unit == Unit::kParties ? "acme"
                       : unit == Unit::kEccns   ? "5A992"
                                                : "wmd");
        }
        return true;
      }
      return false;
    case Unit::kText:
      if (auto* s = n.as_string()) {
        return (*s = s->get() == "us-2022-10" ? "us-2023-11" : "us-2022-10"), true;
      }
      return false;
  }
  return false;
}

// `files` with every value of parameter `spec` changed; an error line when it
// cannot be.
std::optional<std::string> MutateParam(const law::ParamSpec& spec, LawFiles* files) {
  std::string name = std::string(spec.rule) + ".toml";
  for (auto& [file, text] : *files) {
    if (file != name) continue;
    toml::table root;
    try {  // toml++ throws; the law's own loader is tested elsewhere
      root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
      return fmt::format("{}: {}", file, e.description());
    }
    toml::table* param = root["params"][spec.key].as_table();
    if (param == nullptr) return fmt::format("{}: no params.{}", file, spec.key);
    bool changed = false;
    if (toml::node* v = param->get("value")) changed = Mutate(*v, spec.unit);
    if (toml::array* values = param->get_as<toml::array>("values")) {
      for (toml::node& entry : *values) {
        toml::node* v = entry.as_table() ? entry.as_table()->get("value") : nullptr;
        changed = (v != nullptr && Mutate(*v, spec.unit)) || changed;
      }
    }
    if (!changed) return fmt::format("{}: params.{} has no value to change", file, spec.key);
    std::ostringstream out;
    out << root;
    text = out.str();
    return std::nullopt;
  }
  return fmt::format("no file {}", name);
}

// Every determination of every case, as JSON lines.
std::optional<std::vector<std::string>> Outcomes(const LawFiles& files,
                                                 const std::vector<Case>& cases, std::string* why) {
  EngineOptions options;
  options.law_files = files;
  Result<std::unique_ptr<Engine>> engine = Engine::Create(options);
  if (!engine.ok()) {
    *why = engine.status().ToString();
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const Case& c : cases) {
    std::vector<std::string> failures;
    for (const Determination& d : EvaluateCase(**engine, c, &failures)) {
      out.push_back(DeterminationJson(d));
    }
  }
  return out;
}

}  // namespace

int RunLawMutation(const std::vector<Case>& cases) {
  LawFiles base;
  for (law::LawSource& s : law::EmbeddedLawSources()) base.emplace_back(s.name, s.text);
  std::string why;
  std::optional<std::vector<std::string>> baseline = Outcomes(base, cases, &why);
  if (!baseline) {
    std::printf("FAIL the law itself: %s\n", why.c_str());
    return 1;
  }
  int felt = 0;
  std::vector<std::string> failures;
  for (const law::ParamSpec& spec : law::ParamSpecs()) {
    LawFiles files = base;
    std::string key = fmt::format("{}.{}", spec.rule, spec.key);
    if (std::optional<std::string> problem = MutateParam(spec, &files)) {
      failures.push_back(fmt::format("{}: cannot change it: {}", key, *problem));
      continue;
    }
    std::optional<std::vector<std::string>> changed = Outcomes(files, cases, &why);
    if (!changed) {
      failures.push_back(fmt::format("{}: the changed law is refused: {}", key, why));
      continue;
    }
    size_t differ = 0;
    for (size_t i = 0; i < changed->size(); ++i) differ += (*changed)[i] != (*baseline)[i];
    if (differ == 0) {
      failures.push_back(fmt::format(
          "{}: changing it changes no determination or reason of the legal cases: it is inert "
          "or untested",
          key));
      continue;
    }
    ++felt;
    std::printf("ok   %-60s changes %zu of %zu determinations\n", key.c_str(), differ,
                changed->size());
  }
  for (const std::string& f : failures) std::printf("FAIL %s\n", f.c_str());
  std::printf("law mutation: %d parameters felt by the legal cases, %zu not\n", felt,
              failures.size());
  return failures.empty() ? 0 : 1;
}

}  // namespace highfence::cases
