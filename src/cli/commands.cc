// `highfence classify`, `regimes`, `law check`, and the helpers the commands share.
#include "cli/commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <variant>

#include "base/format.h"
#include "catalog/catalog.h"
#include "classify/classify.h"
#include "cli/cli.h"
#include "io/determination_writer.h"
#include "io/suggest.h"
#include "law/law_data.h"
#include "law/snapshot.h"
#include "law/reference.h"

namespace highfence::cli {

std::unique_ptr<Engine> LoadEngine(const CommonOptions& common) {
  EngineOptions options;
  options.law_dir = common.law_dir;
  options.catalog_path = common.catalog_path;
  Result<std::unique_ptr<Engine>> engine = Engine::Create(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "highfence: %s\n", engine.status().ToString().c_str());
    return nullptr;
  }
  return std::move(engine).value();
}

std::optional<RegimeChoice> ParseChoice(const CommonOptions& common) {
  RegimeChoice choice;
  if (common.mode == "as-written" || common.mode == "as_written") {
    choice.mode = Mode::kAsWritten;
  } else if (common.mode == "as-enforced" || common.mode == "as_enforced") {
    choice.mode = Mode::kAsEnforced;
  } else {
    std::fprintf(stderr, "highfence: --mode must be as-written or as-enforced, not `%s`\n",
                 common.mode.c_str());
    return std::nullopt;
  }
  if (!common.regime.empty()) {
    choice.forced = ParseRegime(common.regime);
    if (!choice.forced) {
      std::fprintf(stderr, "highfence: unknown regime `%s` (see `highfence regimes`)\n",
                   common.regime.c_str());
      return std::nullopt;
    }
  }
  return choice;
}

std::string ShipmentFlagsToJson(const ShipmentFlags& f) {
  std::string out = "{\"id\":";
  io::AppendJsonString(f.id, &out);
  auto field = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    fmt::format_to(std::back_inserter(out), ",\"{}\":", key);
    io::AppendJsonString(value, &out);
  };
  field("date", f.date);
  field("destination", f.to);
  field("item", f.item);
  field("type", f.type);
  field("from", f.from);
  if (f.units) fmt::format_to(std::back_inserter(out), ",\"units\":{}", *f.units);
  out += ",\"consignee\":{";
  std::string consignee;
  auto sub = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    if (!consignee.empty()) consignee += ",";
    consignee += fmt::format("\"{}\":", key);
    io::AppendJsonString(value, &consignee);
  };
  sub("name", f.consignee);
  sub("parent", f.parent);
  sub("hq", f.hq);
  sub("parent_hq", f.parent_hq);
  sub("veu", f.veu);
  sub("id", f.consignee_id);
  sub("parent_id", f.parent_id);
  out += consignee + "}";
  if (!f.end_use.empty()) {
    out += ",\"end_use\":[";
    for (size_t i = 0; i < f.end_use.size(); ++i) {
      if (i) out += ",";
      io::AppendJsonString(f.end_use[i], &out);
    }
    out += "]";
  }
  out += "}\n";
  return out;
}

namespace {

Date Today() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return Date::FromCivil(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

}  // namespace

std::string TodayText() { return Today().ToString(); }

bool CompleteShipmentFlags(ShipmentFlags* f) {
  struct Required {
    bool missing;
    const char* flag;
    const char* example;
  };
  const Required required[] = {
      {f->item.empty(), "--item", "--item nvidia-h100-sxm (see `highfence classify --list`)"},
      {!f->units, "--units", "--units 8"},
      {f->to.empty(), "--to", "--to DE (ISO 3166-1 alpha-2)"},
      {f->date.empty(), "--date", "--date 2025-06-01, or --date today"},
  };
  bool ok = true;
  for (const Required& r : required) {
    if (!r.missing) continue;
    std::fprintf(stderr, "highfence: %s is required for a shipment given by flags, e.g. %s\n",
                 r.flag, r.example);
    ok = false;
  }
  // Today only when asked for: a forgotten --date must not decide under
  // today's law without saying so.
  if (f->date == "today") f->date = Today().ToString();
  return ok;
}

namespace {

int ListCatalog(const Engine& engine) {
  std::string out =
      fmt::format("{:<36} {:<8} {:>10} {:>9} {}\n", "ID", "VENDOR", "TPP", "DIE mm2", "MODEL");
  for (const catalog::Accelerator& a : engine.catalog().all()) {
    out += fmt::format("{:<36} {:<8} {:>10} {:>9} {}{}\n", a.id, a.vendor, a.tpp.ToString(),
                       a.die_area_mm2 ? a.die_area_mm2->ToString() : "-", a.model,
                       a.datacenter ? "" : " (not datacenter)");
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

// Builds the IC to classify from a catalog id or from flags.
bool IcFromOptions(const Engine& engine, const ClassifyOptions& o, Shipment* s) {
  auto number = [](const std::optional<std::string>& text, const char* flag,
                   std::optional<Fixed>* out) {
    if (!text) return true;
    *out = Fixed::Parse(*text);
    if (!*out || (*out)->is_negative()) {
      std::fprintf(stderr, "highfence: %s must be a non-negative number, not `%s`\n", flag,
                   text->c_str());
      return false;
    }
    return true;
  };
  if (!o.id.empty()) {
    // A catalog chip's figures come from the catalog: a figure given beside it
    // would be silently ignored, so it is an error.
    const std::pair<bool, const char*> figures[] = {
        {o.tpp.has_value(), "--tpp"},
        {o.die_area.has_value(), "--die-area-mm2"},
        {o.interconnect.has_value(), "--interconnect-gbs"},
        {o.dram.has_value(), "--dram-bandwidth-gbs"},
        {o.consumer, "--consumer"}};
    bool clash = false;
    for (const auto& [given, flag] : figures) {
      if (!given) continue;
      std::fprintf(stderr,
                   "highfence: %s does not apply to catalog chip `%s`, whose figures come from "
                   "the catalog; classify by figures without an id instead\n",
                   flag, o.id.c_str());
      clash = true;
    }
    if (clash) return false;
    const catalog::Accelerator* a = engine.catalog().Find(o.id);
    if (a == nullptr) {
      std::fprintf(stderr, "highfence: `%s` is not in the catalog%s (see `classify --list`)\n",
                   o.id.c_str(), io::CatalogHint(o.id, engine.catalog()).c_str());
      return false;
    }
    s->item.catalog_id = a->id;
    s->item.ic = {
        a->tpp, a->die_area_mm2, a->datacenter, a->interconnect_gbs, a->dram_bandwidth_gbs, a};
    return true;
  }
  std::optional<Fixed> tpp;
  if (!number(o.tpp, "--tpp", &tpp)) return false;
  if (!tpp) {
    std::fprintf(stderr, "highfence: give a catalog id or --tpp\n");
    return false;
  }
  s->item.ic.tpp = *tpp;
  s->item.ic.datacenter = !o.consumer;
  return number(o.die_area, "--die-area-mm2", &s->item.ic.die_area_mm2) &&
         number(o.interconnect, "--interconnect-gbs", &s->item.ic.interconnect_gbs) &&
         number(o.dram, "--dram-bandwidth-gbs", &s->item.ic.dram_bandwidth_gbs);
}

}  // namespace

int RunClassify(const CommonOptions& common, const ClassifyOptions& o) {
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return kExitFailed;
  if (o.list) return ListCatalog(*engine);
  Shipment s;
  s.Clear();
  s.units = 1;
  s.id = o.id.empty() ? "inline" : o.id;
  s.date = Today();
  if (!o.date.empty()) {
    std::optional<Date> d = Date::Parse(o.date);
    if (!d) {
      std::fprintf(stderr, "highfence: --date must be YYYY-MM-DD, not `%s`\n", o.date.c_str());
      return kExitFailed;
    }
    s.date = *d;
  }
  if (!IcFromOptions(*engine, o, &s)) return kExitFailed;
  const law::Snapshot& law = engine->law().At(s.date, RegimeChoice{});
  Determination d;
  d.Clear();
  d.id = s.id;
  d.regime = WireName(law.regime);
  classify::Classification c = classify::Classify(s, law, &d);
  d.eccn = c.eccn;
  d.tpp = c.tpp;
  d.performance_density = c.performance_density;
  d.decision = c.missing_figure ? Decision::kNeedsReview
               : c.controlled() ? Decision::kLicenseRequired
                                : Decision::kNotControlled;
  std::string out;
  if (o.format == "json") {
    io::AppendJson(d, 0, &out);
  } else {
    out = fmt::format("{} under {} on {}: {}\n", s.id, d.regime, s.date,
                      c.missing_figure ? "needs a missing figure"
                      : c.controlled() ? std::string(WireName(c.eccn))
                                       : "not controlled by 3A090/4A090");
    out += fmt::format("  TPP {}{}\n", c.tpp ? c.tpp->ToString() : "-",
                       c.performance_density
                           ? fmt::format(", performance density {}", *c.performance_density)
                           : "");
    for (const Reason& r : d.reasons) {
      out += fmt::format("  - {}\n    ({})\n", d.ReasonText(r), r.citation);
    }
    for (const DeterminationError& e : d.errors) {
      out += fmt::format("  ! {}: {}\n", e.field, e.message);
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return c.missing_figure ? kExitNeedsReview : kExitOk;
}

namespace {

// A dated change the engine applies: a rule file taking effect, a date the law
// names inside a rule (the NAC/ACA split, the HBM control), or a parameter's
// new value.
struct Change {
  Date on;
  std::string rule, what, citation;
};

std::vector<Change> Timeline(const law::LawData& data) {
  std::vector<Change> out;
  for (const law::RuleFile& r : data.rules) {
    if (r.effective_on)
      out.push_back({*r.effective_on, r.id, "takes effect: " + r.title, r.citation});
    for (const law::Param& p : r.params) {
      for (size_t i = 0; i < p.values.size(); ++i) {
        const law::DatedValue& v = p.values[i];
        if (p.unit == law::Unit::kDate && std::holds_alternative<Date>(v.value)) {
          out.push_back({std::get<Date>(v.value), r.id,
                         fmt::format("{} ({})", p.name, p.description), v.citation});
        } else if (i > 0 || v.from != law::kBeginning) {
          out.push_back({v.from, r.id,
                         fmt::format("{} becomes {}", p.name, law::ValueText(v.value)),
                         v.citation});
        }
      }
    }
  }
  for (const law::CountryGroup& g : data.groups) {
    for (const law::Membership& m : g.members) {
      std::string rule = m.change.empty() ? "country-groups" : m.change;
      if (m.from) {
        out.push_back({*m.from, rule, fmt::format("{} joins {}", m.code.str(), g.id), m.citation});
      }
      if (m.until) {
        out.push_back({m.until->AddDays(1), rule, fmt::format("{} leaves {}", m.code.str(), g.id),
                       m.citation});
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Change& a, const Change& b) { return a.on < b.on; });
  return out;
}

std::string RegimesJson(const law::LawData& data) {
  std::string out = "{\"rules\":[";
  bool first = true;
  auto date = [](const std::optional<Date>& d) {
    return d ? fmt::format("\"{}\"", d->ToString()) : std::string("null");
  };
  for (const law::RuleFile& r : data.rules) {
    out += first ? "{\"id\":" : ",{\"id\":";
    first = false;
    io::AppendJsonString(r.id, &out);
    out += ",\"kind\":";
    io::AppendJsonString(r.kind, &out);
    out += ",\"title\":";
    io::AppendJsonString(r.title, &out);
    out += ",\"citation\":";
    io::AppendJsonString(r.citation, &out);
    out += ",\"url\":";
    io::AppendJsonString(r.url, &out);
    out += fmt::format(",\"published_on\":{},\"effective_on\":{},\"last_reviewed_on\":\"{}\"}}",
                       date(r.published_on), date(r.effective_on), r.last_reviewed_on.ToString());
  }
  out += "],\"changes\":[";
  first = true;
  for (const Change& c : Timeline(data)) {
    out += fmt::format("{}{{\"on\":\"{}\",\"rule\":", first ? "" : ",", c.on.ToString());
    first = false;
    io::AppendJsonString(c.rule, &out);
    out += ",\"change\":";
    io::AppendJsonString(c.what, &out);
    out += ",\"citation\":";
    io::AppendJsonString(c.citation, &out);
    out += "}";
  }
  out += "],\"content_hash\":";
  io::AppendJsonString(data.content_hash, &out);
  out += "}\n";
  return out;
}

}  // namespace

int RunRegimes(const CommonOptions& common, const std::string& format) {
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return kExitFailed;
  const law::LawData& data = engine->law().data();
  if (format == "json") {
    std::string out = RegimesJson(data);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  std::string out = fmt::format("{:<28} {:<9} {:<11} {}\n", "ID", "KIND", "EFFECTIVE", "TITLE");
  for (const law::RuleFile& r : data.rules) {
    if (r.kind == "defaults") continue;
    out += fmt::format("{:<28} {:<9} {:<11} {}\n    {}{}{}\n", r.id, r.kind,
                       r.effective_on ? r.effective_on->ToString() : "-", r.title, r.citation,
                       r.url.empty() ? "" : "\n    ", r.url);
  }
  out +=
      "\nBy date (both modes): none before 2022-10-07; us-2022-10 to 2023-11-16; us-2023-11\n"
      "to 2025-05-14; from 2025-05-15 us-2025-01 as written, us-2023-11 as enforced.\n"
      "\nDated changes the engine applies:\n";
  for (const Change& c : Timeline(data)) {
    out += fmt::format("  {}  [{}] {}\n              {}\n", c.on.ToString(), c.rule, c.what,
                       c.citation);
  }
  out += fmt::format("\nLaw content hash: {}\n", data.content_hash);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

namespace {

// `law check --catalog FILE`: the catalog parses with every check the engine
// applies when it loads one.
int CheckCatalogFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    std::fprintf(stderr, "highfence: cannot read catalog `%s`: %s\n", path.c_str(),
                 std::strerror(errno));
    return kExitFailed;
  }
  std::string text;
  char buf[1 << 16];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
  std::fclose(f);
  Result<catalog::Catalog> parsed = catalog::Catalog::Parse(text, path);
  if (!parsed.ok()) {
    std::fprintf(stderr, "highfence: catalog invalid:\n%s\n",
                 std::string(parsed.status().message()).c_str());
    return kExitFailed;
  }
  std::printf("catalog ok: %zu accelerators in %s\n", parsed->all().size(), path.c_str());
  return kExitOk;
}

// The law data of --law (or the embedded law), parsed, checked and built into
// a Law; the problem is printed and nullptr returned when any step fails.
std::unique_ptr<law::Law> LoadCheckedLaw(const CommonOptions& common, size_t* files) {
  std::vector<law::LawSource> sources;
  if (common.law_dir.empty()) {
    sources = law::EmbeddedLawSources();
  } else {
    Result<std::vector<law::LawSource>> read = law::ReadLawDir(common.law_dir);
    if (!read.ok()) {
      std::fprintf(stderr, "highfence: %s\n", read.status().ToString().c_str());
      return nullptr;
    }
    sources = std::move(read).value();
  }
  *files = sources.size();
  Result<law::LawData> data = law::ParseLaw(sources);
  if (!data.ok()) {
    std::fprintf(stderr, "highfence: law data invalid:\n%s\n",
                 std::string(data.status().message()).c_str());
    return nullptr;
  }
  Status checked = law::CheckLaw(*data);
  if (!checked.ok()) {
    std::fprintf(stderr, "highfence: law data invalid:\n%s\n",
                 std::string(checked.message()).c_str());
    return nullptr;
  }
  Result<std::unique_ptr<law::Law>> law = law::Law::Create(std::move(data).value());
  if (!law.ok()) {
    std::fprintf(stderr, "highfence: %s\n", law.status().ToString().c_str());
    return nullptr;
  }
  return std::move(law).value();
}

}  // namespace

int RunLawReference(const CommonOptions& common) {
  size_t files = 0;
  std::unique_ptr<law::Law> law = LoadCheckedLaw(common, &files);
  if (law == nullptr) return kExitFailed;
  std::fputs(law::ParameterReference(law->data()).c_str(), stdout);
  return kExitOk;
}

int RunLawCheck(const CommonOptions& common) {
  if (!common.catalog_path.empty() && CheckCatalogFile(common.catalog_path) != kExitOk) {
    return kExitFailed;
  }
  size_t files = 0;
  std::unique_ptr<law::Law> law = LoadCheckedLaw(common, &files);
  if (law == nullptr) return kExitFailed;
  const law::LawData& d = law->data();
  size_t params = 0;
  for (const law::RuleFile& r : d.rules) params += r.params.size();
  std::printf(
      "law ok: %zu files, %zu parameters, %zu country groups, %zu change dates\n"
      "content hash %s\n",
      files, params, d.groups.size(), law->change_dates().size(),
      d.content_hash.c_str());
  return kExitOk;
}

}  // namespace highfence::cli
