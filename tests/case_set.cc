#include "case_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <regex>

#include "io/determination_writer.h"
#include "io/shipment_parser.h"
#include "ledger/memory_ledger.h"
#include "screen/snapshot.h"

namespace highfence::cases {
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
        io::AppendJsonString(kv.first.as<std::string>(), out);
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
        io::AppendJsonString(s, out);
      return;
    }
    default:
      out->append("null");
  }
}

std::string Str(const YAML::Node& n) { return n && !n.IsNull() ? n.as<std::string>() : ""; }

// Reports every key of map `n` not in `allowed`.
void CheckKeys(const YAML::Node& n, std::initializer_list<std::string_view> allowed,
               const std::string& where, std::vector<std::string>* problems) {
  if (!n.IsMap()) {
    problems->push_back(fmt::format("{}: expected a map", where));
    return;
  }
  for (const auto& kv : n) {
    std::string key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    problems->push_back(fmt::format("{}: unknown key `{}`", where, key));
  }
}

// Every key an expectation may hold, and the keys of its list entries.
void CheckExpectation(const YAML::Node& e, const std::string& where,
                      std::vector<std::string>* problems) {
  CheckKeys(e,
            {"decision",
             "authorization",
             "license_policy",
             "eccn",
             "regime",
             "mode",
             "tier",
             "tpp",
             "tpp_total",
             "performance_density",
             "notices",
             "notices_include",
             "notices_exclude",
             "debits",
             "rules",
             "rules_exclude",
             "citations",
             "errors",
             "text_contains",
             "assumed",
             "assumed_include",
             "other_mode",
             "screening"},
            where, problems);
  for (const auto& h : e["screening"])
    CheckKeys(h, {"party", "list", "band", "name"}, where + ".screening", problems);
  for (const auto& d : e["debits"])
    CheckKeys(d, {"account", "tpp", "state"}, where + ".debits", problems);
  for (const auto& x : e["errors"]) CheckKeys(x, {"code", "field"}, where + ".errors", problems);
  for (const char* key : {"assumed", "assumed_include"}) {
    for (const auto& x : e[key]) CheckKeys(x, {"field", "value"}, where + "." + key, problems);
  }
  if (e["other_mode"] && !e["other_mode"].IsNull()) {
    CheckKeys(e["other_mode"], {"mode", "decision", "authorization", "license_policy"},
              where + ".other_mode", problems);
  }
}

std::optional<Case> ReadCase(const YAML::Node& c, const std::string& file,
                             std::vector<std::string>* problems) {
  const std::string where = fmt::format("{}: case `{}`", file, Str(c["name"]));
  size_t before = problems->size();
  CheckKeys(c, {"name", "description", "mode", "regime", "shipments", "expect"}, where, problems);
  Case out;
  out.file = file;
  out.name = Str(c["name"]);
  if (c["mode"]) {
    std::optional<Mode> mode = ParseMode(Str(c["mode"]));
    if (mode) out.choice.mode = *mode;
    if (!mode) problems->push_back(fmt::format("{}: bad mode `{}`", where, Str(c["mode"])));
  }
  if (c["regime"]) {
    out.choice.forced = ParseRegime(Str(c["regime"]));
    if (!out.choice.forced) problems->push_back(fmt::format("{}: bad regime", where));
  }
  const YAML::Node& shipments = c["shipments"];
  out.expect = c["expect"];
  if (out.name.empty() || !shipments.IsSequence() || !out.expect.IsSequence() ||
      shipments.size() != out.expect.size() || shipments.size() == 0) {
    problems->push_back(fmt::format(
        "{}: a case needs a `name` and `shipments` and `expect` lists of one non-zero length",
        where));
    return std::nullopt;
  }
  for (size_t i = 0; i < shipments.size(); ++i) {
    std::string line;
    if (shipments[i].IsMap() && shipments[i]["raw"])
      line = Str(shipments[i]["raw"]);
    else
      ToJson(shipments[i], &line);
    out.shipments.push_back(std::move(line));
    CheckExpectation(out.expect[i], fmt::format("{}: expect[{}]", where, i), problems);
  }
  if (problems->size() != before) return std::nullopt;
  return out;
}

// The party screener of a file's `lists`, or null (a problem said why).
std::shared_ptr<screen::PartyScreener> ReadLists(const std::string& path, const std::string& file,
                                                 std::vector<std::string>* problems) {
  Result<screen::ListSnapshot> snapshot = screen::LoadSnapshotFile(path);
  if (!snapshot.ok()) {
    problems->push_back(fmt::format("{}: lists: {}", file, snapshot.status().ToString()));
    return nullptr;
  }
  Result<std::unique_ptr<screen::Screener>> built =
      screen::Screener::Build(std::move(snapshot).value());
  if (!built.ok()) {
    problems->push_back(fmt::format("{}: lists: {}", file, built.status().ToString()));
    return nullptr;
  }
  return std::make_shared<screen::PartyScreener>(
      std::shared_ptr<const screen::Screener>(std::move(built).value()));
}

}  // namespace

std::vector<Case> ReadCases(const std::string& dir, std::vector<std::string>* problems) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Case> out;
  for (const auto& path : files) {
    std::string file = std::filesystem::relative(path, dir).string();
    YAML::Node doc;
    try {  // yaml-cpp throws; this is its one adapter here
      doc = YAML::LoadFile(path.string());
    } catch (const YAML::Exception& e) {
      problems->push_back(fmt::format("{}: cannot parse: {}", file, e.what()));
      continue;
    }
    CheckKeys(doc, {"cases", "lists"}, file, problems);
    std::shared_ptr<screen::PartyScreener> parties;
    if (doc["lists"]) {
      std::filesystem::path lists = path.parent_path() / Str(doc["lists"]);
      parties = ReadLists(lists.string(), file, problems);
      if (!parties) continue;
    }
    for (const auto& c : doc["cases"]) {
      if (std::optional<Case> read = ReadCase(c, file, problems)) {
        read->parties = parties;
        out.push_back(std::move(*read));
      }
    }
  }
  return out;
}

std::vector<Determination> EvaluateCase(const Engine& engine, const Case& c,
                                        std::vector<std::string>* ledger_failures) {
  ledger::MemoryLedger ledger;
  Sequence sequence(engine, c.choice, &ledger);
  io::ShipmentParser parser(&engine.catalog());
  std::vector<Determination> out(c.shipments.size());
  Shipment s;
  for (size_t i = 0; i < c.shipments.size(); ++i) {
    parser.ParseJson(c.shipments[i], &s);
    if (c.parties) c.parties->Screen(&s);
    Status st = sequence.Evaluate(s, &out[i]);
    if (!st.ok()) ledger_failures->push_back(fmt::format("shipment {}: {}", i + 1, st.ToString()));
  }
  return out;
}

std::string DeterminationJson(const Determination& d) {
  std::string out;
  io::AppendJson(d, 0, &out);
  return out;
}

}  // namespace highfence::cases
