// `highfence classify`, `regimes`, `law check`, and the helpers the commands share.
#include "cli/commands.h"

#include <fmt/format.h>

#include <cstdio>
#include <ctime>

#include "base/format.h"
#include "catalog/catalog.h"
#include "classify/classify.h"
#include "cli/cli.h"
#include "io/determination_writer.h"
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
  fmt::format_to(std::back_inserter(out), ",\"units\":{}", f.units);
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
    const catalog::Accelerator* a = engine.catalog().Find(o.id);
    if (a == nullptr) {
      std::fprintf(stderr, "highfence: `%s` is not in the catalog (see `classify --list`)\n",
                   o.id.c_str());
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

int RunRegimes(const CommonOptions& common) {
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return kExitFailed;
  std::string out = fmt::format("{:<28} {:<9} {:<11} {}\n", "ID", "KIND", "EFFECTIVE", "TITLE");
  const law::LawData& data = engine->law().data();
  for (const law::RuleFile& r : data.rules) {
    if (r.kind == "defaults") continue;
    out += fmt::format("{:<28} {:<9} {:<11} {}\n    {}{}{}\n", r.id, r.kind,
                       r.effective_on ? r.effective_on->ToString() : "-", r.title, r.citation,
                       r.url.empty() ? "" : "\n    ", r.url);
  }
  out +=
      "\nBy date (both modes): none before 2022-10-07; us-2022-10 to 2023-11-16; us-2023-11\n"
      "to 2025-05-14; from 2025-05-15 us-2025-01 as written, us-2023-11 as enforced.\n";
  out += fmt::format("Law content hash: {}\n", data.content_hash);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

namespace {

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
