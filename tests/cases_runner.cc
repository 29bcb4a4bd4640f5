// The legal-case runner: every tests/cases/**/*.yaml file holds cases, each a
// sequence of shipments evaluated in order on one fresh in-memory ledger, with
// what each determination must be. Fields not named in `expect` are not checked;
// every named one is, so a case states exactly the facts it defends.
//
// Usage: highfence_cases DIR [FILTER]   (FILTER: substring of case names)
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "highfence/engine.h"
#include "io/determination_writer.h"
#include "io/shipment_parser.h"
#include "ledger/memory_ledger.h"

namespace hf = highfence;

namespace {

bool IsPlainJsonScalar(const std::string& s) {
  static const std::regex kNumber(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)");
  return s == "true" || s == "false" || s == "null" || std::regex_match(s, kNumber);
}

// YAML -> JSON text. Quoted scalars are strings; plain ones that read as JSON
// literals are written as such. Depth is bounded by the YAML file itself.
void ToJson(const YAML::Node& n, std::string* out) {
  switch (n.Type()) {
    case YAML::NodeType::Map: {
      out->push_back('{');
      bool first = true;
      for (const auto& kv : n) {
        if (!first) out->push_back(',');
        first = false;
        hf::io::AppendJsonString(kv.first.as<std::string>(), out);
        out->push_back(':');
        ToJson(kv.second, out);
      }
      out->push_back('}');
      return;
    }
    case YAML::NodeType::Sequence: {
      out->push_back('[');
      for (size_t i = 0; i < n.size(); ++i) {
        if (i) out->push_back(',');
        ToJson(n[i], out);
      }
      out->push_back(']');
      return;
    }
    case YAML::NodeType::Scalar: {
      std::string s = n.as<std::string>();
      if (n.Tag() != "!" && IsPlainJsonScalar(s))
        out->append(s);
      else
        hf::io::AppendJsonString(s, out);
      return;
    }
    default:
      out->append("null");
  }
}

std::string Str(const YAML::Node& n) {
  if (!n || n.IsNull()) return "";
  return n.as<std::string>();
}

std::string FixedOrEmpty(const std::optional<hf::Fixed>& v) { return v ? v->ToString() : ""; }

// Compares one determination with its expectation; appends failures.
class Checker {
 public:
  Checker(const hf::Determination& d, std::vector<std::string>* failures)
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
    Field(e, "tier", d_.tier ? std::to_string(d_.tier) : "");
    Field(e, "tpp", FixedOrEmpty(d_.tpp));
    Field(e, "tpp_total", FixedOrEmpty(d_.tpp_total));
    Field(e, "performance_density", FixedOrEmpty(d_.performance_density));
    Notices(e);
    Debits(e);
    Rules(e);
    Errors(e);
    Texts(e);
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
      const hf::Debit& x = d_.debits[i];
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
    for (const hf::Reason& r : d_.reasons) {
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
      for (const hf::DeterminationError& have : d_.errors) {
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

  void Texts(const YAML::Node& e) {
    std::string all;
    for (const hf::Reason& r : d_.reasons) all += std::string(d_.ReasonText(r)) + "\n";
    for (const auto& t : e["text_contains"]) {
      if (all.find(t.as<std::string>()) == std::string::npos) {
        Fail("text: no reason contains `" + t.as<std::string>() + "`");
      }
    }
  }

  const hf::Determination& d_;
  std::vector<std::string>* failures_;
};

struct Totals {
  int passed = 0, failed = 0;
};

hf::RegimeChoice ChoiceOf(const YAML::Node& c) {
  hf::RegimeChoice choice;
  if (Str(c["mode"]) == "as_enforced") choice.mode = hf::Mode::kAsEnforced;
  if (c["regime"]) choice.forced = hf::ParseRegime(Str(c["regime"]));
  return choice;
}

void RunCase(const hf::Engine& engine, const YAML::Node& c, const std::string& where,
             Totals* totals) {
  std::vector<std::string> failures;
  const YAML::Node& shipments = c["shipments"];
  const YAML::Node& expect = c["expect"];
  if (!shipments || !expect || shipments.size() != expect.size() || shipments.size() == 0) {
    failures.push_back("a case needs `shipments` and `expect` lists of the same non-zero length");
  } else {
    hf::ledger::MemoryLedger ledger;
    hf::io::ShipmentParser parser(&engine.catalog());
    hf::Shipment s;
    hf::Determination d;
    hf::RegimeChoice choice = ChoiceOf(c);
    for (size_t i = 0; i < shipments.size(); ++i) {
      std::string line;
      if (shipments[i].IsMap() && shipments[i]["raw"])
        line = Str(shipments[i]["raw"]);
      else
        ToJson(shipments[i], &line);
      parser.ParseJson(line, &s);
      engine.Evaluate(s, choice, &ledger, &d);
      std::vector<std::string> step;
      Checker(d, &step).Run(expect[i]);
      for (std::string& f : step) failures.push_back(fmt::format("shipment {}: {}", i + 1, f));
    }
  }
  if (failures.empty()) {
    ++totals->passed;
    return;
  }
  ++totals->failed;
  std::printf("FAIL %s: %s\n", where.c_str(), Str(c["name"]).c_str());
  for (const std::string& f : failures) std::printf("     %s\n", f.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: highfence_cases DIR [FILTER]\n");
    return 1;
  }
  std::string filter = argc > 2 ? argv[2] : "";
  auto engine = hf::Engine::Create({});
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
    return 1;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  Totals totals;
  for (const auto& path : files) {
    YAML::Node doc;
    try {
      doc = YAML::LoadFile(path.string());
    } catch (const YAML::Exception& e) {
      std::printf("FAIL %s: cannot parse: %s\n", path.c_str(), e.what());
      ++totals.failed;
      continue;
    }
    for (const auto& c : doc["cases"]) {
      if (!filter.empty() && Str(c["name"]).find(filter) == std::string::npos) continue;
      RunCase(**engine, c, std::filesystem::relative(path, argv[1]).string(), &totals);
    }
  }
  std::printf("cases: %d passed, %d failed\n", totals.passed, totals.failed);
  return totals.failed == 0 && totals.passed > 0 ? 0 : 1;
}
