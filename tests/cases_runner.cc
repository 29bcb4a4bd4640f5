// The legal-case runner. Every tests/cases/**/*.yaml file holds cases (the
// format is in case_set.h), each a sequence of shipments evaluated in order on
// one fresh in-memory ledger, with what each determination must be. Fields not
// named in `expect` are not checked; every named one is, so a case states
// exactly the facts it defends, and a key the runner does not know fails the
// run.
//
// Usage:
//   highfence_cases DIR [FILTER]   check every case (FILTER: part of case names)
//   highfence_cases --dump DIR     print every determination, one JSON line each
//   highfence_cases --mutate DIR   the law mutation test (law_mutation.cc)
#include <fmt/format.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "case_set.h"

namespace highfence::cases {
namespace {

std::string Str(const YAML::Node& n) { return n && !n.IsNull() ? n.as<std::string>() : ""; }

std::string FixedOrEmpty(const std::optional<Fixed>& v) { return v ? v->ToString() : ""; }

// Compares one determination with its expectation; appends failures.
class Checker {
 public:
  Checker(const Determination& d, std::vector<std::string>* failures)
      : d_(d), failures_(failures) {}

  void Field(const YAML::Node& expect, const char* key, const std::string& actual) {
    if (!expect[key]) return;
    std::string want = Str(expect[key]);
    if (want == "null") want = "";
    if (want != actual) Fail(fmt::format("{}: expected `{}`, got `{}`", key, want, actual));
  }

  void Run(const YAML::Node& e) {
    Field(e, "decision", std::string(WireName(d_.decision)));
    Field(e, "authorization", std::string(WireName(d_.authorization)));
    Field(e, "license_policy", std::string(WireName(d_.license_policy)));
    Field(e, "eccn", std::string(WireName(d_.eccn)));
    Field(e, "regime", std::string(d_.regime));
    Field(e, "mode", std::string(WireName(d_.mode)));
    Field(e, "tier", d_.tier ? std::to_string(d_.tier) : "");
    Field(e, "tpp", FixedOrEmpty(d_.tpp));
    Field(e, "tpp_total", FixedOrEmpty(d_.tpp_total));
    Field(e, "performance_density", FixedOrEmpty(d_.performance_density));
    Notices(e);
    Debits(e);
    Rules(e);
    Errors(e);
    Texts(e);
    Assumed(e);
    OtherModeField(e);
    Screening(e);
  }

 private:
  void Fail(std::string msg) { failures_->push_back(std::move(msg)); }

  std::set<std::string> NoticeSet() const {
    std::set<std::string> s;
    for (std::string_view n : d_.notices) s.emplace(n);
    return s;
  }

  void Notices(const YAML::Node& e) {
    std::set<std::string> have = NoticeSet();
    if (e["notices"]) {
      std::set<std::string> want;
      for (const auto& n : e["notices"]) want.insert(n.as<std::string>());
      if (want != have) {
        Fail(fmt::format("notices: expected [{}], got [{}]", fmt::join(want, ", "),
                         fmt::join(have, ", ")));
      }
    }
    for (const auto& n : e["notices_include"]) {
      if (!have.count(n.as<std::string>())) Fail("notices: missing " + n.as<std::string>());
    }
    for (const auto& n : e["notices_exclude"]) {
      if (have.count(n.as<std::string>())) Fail("notices: unexpected " + n.as<std::string>());
    }
  }

  void Debits(const YAML::Node& e) {
    if (!e["debits"]) return;
    std::vector<std::string> want, have;
    for (const auto& x : e["debits"]) {
      std::string state = x["state"] ? Str(x["state"]) : "";
      want.push_back(Str(x["account"]) + "=" + Str(x["tpp"]) + (state.empty() ? "" : "/" + state));
      (void)state;
    }
    for (size_t i = 0; i < d_.debits.size(); ++i) {
      const Debit& x = d_.debits[i];
      bool with_state = i < e["debits"].size() && e["debits"][i]["state"];
      have.push_back(x.account + "=" + x.tpp.ToString() +
                     (with_state ? "/" + std::string(WireName(x.state)) : ""));
    }
    if (want != have) {
      Fail(fmt::format("debits: expected [{}], got [{}]", fmt::join(want, ", "),
                       fmt::join(have, ", ")));
    }
  }

  void Rules(const YAML::Node& e) {
    std::set<std::string> rules, citations;
    for (const Reason& r : d_.reasons) {
      rules.emplace(r.rule);
      citations.emplace(r.citation);
    }
    for (const auto& r : e["rules"]) {
      if (!rules.count(r.as<std::string>())) {
        Fail(fmt::format("rules: missing `{}` (have {})", r.as<std::string>(),
                         fmt::join(rules, ", ")));
      }
    }
    for (const auto& r : e["rules_exclude"]) {
      if (rules.count(r.as<std::string>())) Fail("rules: unexpected " + r.as<std::string>());
    }
    for (const auto& c : e["citations"]) {
      bool found = false;
      for (const std::string& have : citations)
        found = found || have.find(c.as<std::string>()) != std::string::npos;
      if (!found) Fail("citations: none contains " + c.as<std::string>());
    }
  }

  void Errors(const YAML::Node& e) {
    if (!e["errors"]) return;
    for (const auto& want : e["errors"]) {
      bool found = false;
      for (const DeterminationError& have : d_.errors) {
        bool field_ok = !want["field"] || Str(want["field"]) == have.field;
        bool code_ok = !want["code"] || Str(want["code"]) == have.code;
        found = found || (field_ok && code_ok);
      }
      if (!found) {
        std::string have;
        for (const auto& x : d_.errors) have += x.code + "@" + x.field + " ";
        Fail(
            fmt::format("errors: no {}@{} (have {})", Str(want["code"]), Str(want["field"]), have));
      }
    }
    if (e["errors"].size() == 0 && !d_.errors.empty()) Fail("errors: expected none");
  }

  // `assumed`: exactly these {field, value} pairs; `assumed_include`: at least
  // these (a pair without `value` matches the field alone).
  void Assumed(const YAML::Node& e) {
    std::set<std::string> have, fields;
    for (const Assumption& a : d_.assumed) {
      have.insert(std::string(a.field) + "=" + a.value);
      fields.insert(std::string(a.field));
    }
    if (e["assumed"]) {
      std::set<std::string> want;
      for (const auto& a : e["assumed"]) want.insert(Str(a["field"]) + "=" + Str(a["value"]));
      if (want != have) {
        Fail(fmt::format("assumed: expected [{}], got [{}]", fmt::join(want, ", "),
                         fmt::join(have, ", ")));
      }
    }
    for (const auto& a : e["assumed_include"]) {
      bool ok = a["value"] ? have.count(Str(a["field"]) + "=" + Str(a["value"])) > 0
                           : fields.count(Str(a["field"])) > 0;
      if (!ok) Fail("assumed: missing " + Str(a["field"]));
    }
  }

  // `other_mode: null` says there is none; a map names the fields to compare.
  void OtherModeField(const YAML::Node& e) {
    if (!e["other_mode"]) return;
    const YAML::Node& want = e["other_mode"];
    if (want.IsNull()) {
      if (d_.other_mode) Fail("other_mode: expected none");
      return;
    }
    if (!d_.other_mode) {
      Fail("other_mode: expected one, got none");
      return;
    }
    const OtherMode& o = *d_.other_mode;
    auto check = [&](const char* key, std::string_view actual) {
      if (!want[key]) return;
      std::string w = Str(want[key]);
      if (w == "null") w = "";
      if (w != actual) Fail(fmt::format("other_mode.{}: expected `{}`, got `{}`", key, w, actual));
    };
    check("mode", WireName(o.mode));
    check("decision", WireName(o.decision));
    check("authorization", WireName(o.authorization));
    check("license_policy", WireName(o.license_policy));
  }

  // Each hit named must be on the determination (party, list, band, and the
  // row's name when given); `screening: []` says there are none.
  void Screening(const YAML::Node& e) {
    if (!e["screening"]) return;
    const PartyScreening* sc = d_.screening.get();
    if (sc == nullptr) return Fail("screening: expected the field, got none");
    if (e["screening"].size() == 0 && !sc->hits.empty()) {
      return Fail(fmt::format("screening: expected no hits, got {}", sc->hits.size()));
    }
    for (const auto& want : e["screening"]) {
      bool found = false;
      for (const PartyListHit& h : sc->hits) {
        found = found || (Str(want["party"]) == WireName(h.role) && Str(want["list"]) == h.list &&
                          Str(want["band"]) == (h.match ? "match" : "review") &&
                          (!want["name"] || Str(want["name"]) == h.name));
      }
      if (!found) {
        Fail(fmt::format("screening: no {} hit on {} in the {} band{}", Str(want["party"]),
                         Str(want["list"]), Str(want["band"]),
                         want["name"] ? " named " + Str(want["name"]) : std::string()));
      }
    }
  }

  void Texts(const YAML::Node& e) {
    std::string all;
    for (const Reason& r : d_.reasons) all += std::string(d_.ReasonText(r)) + "\n";
    for (const auto& t : e["text_contains"]) {
      if (all.find(t.as<std::string>()) == std::string::npos) {
        Fail("text: no reason contains `" + t.as<std::string>() + "`");
      }
    }
  }

  const Determination& d_;
  std::vector<std::string>* failures_;
};

}  // namespace

namespace {

int Check(const Engine& engine, const std::vector<Case>& cases, const std::string& filter) {
  int passed = 0, failed = 0;
  for (const Case& c : cases) {
    if (!filter.empty() && c.name.find(filter) == std::string::npos) continue;
    std::vector<std::string> failures;
    std::vector<Determination> ds = EvaluateCase(engine, c, &failures);
    for (size_t i = 0; i < ds.size(); ++i) {
      std::vector<std::string> step;
      Checker(ds[i], &step).Run(c.expect[i]);
      for (std::string& f : step) failures.push_back(fmt::format("shipment {}: {}", i + 1, f));
    }
    if (failures.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    std::printf("FAIL %s: %s\n", c.file.c_str(), c.name.c_str());
    for (const std::string& f : failures) std::printf("     %s\n", f.c_str());
  }
  std::printf("cases: %d passed, %d failed\n", passed, failed);
  return failed == 0 && passed > 0 ? 0 : 1;
}

int Dump(const Engine& engine, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::vector<std::string> failures;
    std::vector<Determination> ds = EvaluateCase(engine, c, &failures);
    for (size_t i = 0; i < ds.size(); ++i) {
      std::printf("%s#%s#%zu %s", c.file.c_str(), c.name.c_str(), i,
                  DeterminationJson(ds[i]).c_str());
    }
  }
  return 0;
}

}  // namespace
}  // namespace highfence::cases

int main(int argc, char** argv) {
  namespace hc = highfence::cases;
  std::string mode = argc > 1 && std::string(argv[1]).starts_with("--") ? argv[1] : "";
  int first = mode.empty() ? 1 : 2;
  if (argc <= first) {
    std::fprintf(stderr, "usage: highfence_cases [--dump|--mutate] DIR [FILTER]\n");
    return 1;
  }
  std::vector<std::string> problems;
  std::vector<hc::Case> cases = hc::ReadCases(argv[first], &problems);
  for (const std::string& p : problems) std::printf("FAIL %s\n", p.c_str());
  if (!problems.empty()) {
    std::printf("cases: %zu problems in the case files\n", problems.size());
    return 1;
  }
  if (mode == "--mutate") return hc::RunLawMutation(cases);
  auto engine = highfence::Engine::Create({});
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
    return 1;
  }
  if (mode == "--dump") return hc::Dump(**engine, cases);
  if (!mode.empty()) {
    std::fprintf(stderr, "unknown option %s\n", mode.c_str());
    return 1;
  }
  return hc::Check(**engine, cases, argc > first + 1 ? argv[first + 1] : "");
}
