// `highfence countries [--date D] [--mode M] [--format json] [CC...]`: each
// country's tier, country groups and licence requirement on a date, the first
// question an officer asks of a new destination. The requirement is the
// engine's own answer for one 3A090.a chip (a catalog H100) shipped there to a
// consignee headquartered there, so it is never a second implementation of the
// rules.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "base/format.h"
#include "catalog/catalog.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "io/determination_writer.h"
#include "io/shipment_parser.h"
#include "io/suggest.h"
#include "law/membership.h"
#include "law/snapshot.h"
#include "ledger/memory_ledger.h"

namespace highfence::cli {
namespace {

// The chip the requirement column is determined for: 3A090.a under every regime.
constexpr char kProbeItem[] = "nvidia-h100-sxm";

struct CountryRow {
  explicit CountryRow(const law::Country* c) : country(c) {}
  const law::Country* country;
  int tier = 0;  // under us-2025-01 only
  std::vector<std::string_view> groups;
  Determination d;
};

std::string Requirement(const Determination& d) {
  switch (d.decision) {
    case Decision::kNotControlled:
    case Decision::kNoLicenseRequired:
      return "no licence";
    case Decision::kAuthorized:
      return fmt::format("licence; {} available", WireName(d.authorization));
    case Decision::kLicenseRequired:
      return fmt::format("licence, {}", WireName(d.license_policy));
    case Decision::kNeedsReview:
      return d.errors.empty() ? "needs review" : d.errors.front().message;
  }
  return "";
}

void Determine(const Engine& engine, const RegimeChoice& choice, Date on, CountryRow* row) {
  ShipmentFlags f;
  f.id = fmt::format("countries-{}", row->country->code.str());
  f.item = kProbeItem;
  f.units = 1;
  f.to = std::string(row->country->code.str());
  f.date = on.ToString();
  f.consignee = "Example Consignee";
  std::string json = ShipmentFlagsToJson(f);
  io::ShipmentParser parser(&engine.catalog());
  Shipment s;
  parser.ParseJson(std::string_view(json).substr(0, json.size() - 1), &s);
  ledger::MemoryLedger empty(nullptr);
  engine.Determine(s, choice, &empty, &row->d);
}

std::string RowsJson(const std::vector<CountryRow>& rows, Date on, Mode mode,
                     std::string_view regime) {
  std::string out;
  for (const CountryRow& r : rows) {
    out += fmt::format("{{\"code\":\"{}\",\"name\":", r.country->code.str());
    io::AppendJsonString(r.country->name, &out);
    out += fmt::format(",\"date\":\"{}\",\"mode\":\"{}\",\"regime\":\"{}\",\"tier\":{}", on,
                       WireName(mode), regime, r.tier ? std::to_string(r.tier) : "null");
    out += ",\"groups\":[";
    for (size_t i = 0; i < r.groups.size(); ++i) {
      out += i ? "," : "";
      io::AppendJsonString(r.groups[i], &out);
    }
    out += fmt::format("],\"item\":\"{}\",\"decision\":\"{}\",\"authorization\":", kProbeItem,
                       WireName(r.d.decision));
    std::string_view a = WireName(r.d.authorization), p = WireName(r.d.license_policy);
    out += a.empty() ? "null" : fmt::format("\"{}\"", a);
    out += ",\"license_policy\":";
    out += p.empty() ? "null" : fmt::format("\"{}\"", p);
    out += ",\"licence_required\":";
    out += r.d.decision == Decision::kAuthorized || r.d.decision == Decision::kLicenseRequired
               ? "true}\n"
               : "false}\n";
  }
  return out;
}

std::string RowsText(const std::vector<CountryRow>& rows, Date on, Mode mode,
                     std::string_view regime) {
  std::string out =
      fmt::format("Countries on {} (mode {}, regime {}); requirement for one {} (3A090.a)\n", on,
                  WireName(mode), regime, kProbeItem);
  out +=
      fmt::format("{:<3} {:<32} {:<4} {:<26} {}\n", "CC", "NAME", "TIER", "GROUPS", "REQUIREMENT");
  for (const CountryRow& r : rows) {
    std::string groups;
    for (std::string_view g : r.groups) groups += fmt::format("{}{}", groups.empty() ? "" : " ", g);
    std::string name =
        r.country->name.size() > 32 ? r.country->name.substr(0, 31) + "~" : r.country->name;
    out += fmt::format("{:<3} {:<32} {:<4} {:<26} {}\n", r.country->code.str(), name,
                       r.tier ? std::to_string(r.tier) : "-", groups.empty() ? "-" : groups,
                       Requirement(r.d));
  }
  return out;
}

}  // namespace

int RunCountries(const CommonOptions& common, const CountriesOptions& o) {
  std::optional<RegimeChoice> choice = ParseChoice(common);
  if (!choice) return kExitFailed;
  std::optional<Date> on = Date::Parse(o.date == "today" ? TodayText() : o.date);
  if (!on) {
    std::fprintf(stderr, "highfence: --date must be YYYY-MM-DD or today, not `%s`\n",
                 o.date.c_str());
    return kExitFailed;
  }
  std::unique_ptr<Engine> engine = LoadEngine(common);
  if (!engine) return kExitFailed;
  const law::LawData& data = engine->law().data();
  const law::Snapshot& law = engine->law().At(*on, *choice);
  std::vector<CountryRow> rows;
  for (const std::string& code : o.codes) {
    std::optional<CountryCode> c = CountryCode::Parse(code);
    const law::Country* found = nullptr;
    for (const law::Country& country : data.countries) {
      if (c && country.code == *c) found = &country;
    }
    if (found == nullptr) {
      std::fprintf(stderr, "highfence: `%s` is not a country the law data knows%s\n", code.c_str(),
                   io::CountryHint(code).c_str());
      return kExitFailed;
    }
    rows.emplace_back(found);
  }
  if (o.codes.empty()) {
    for (const law::Country& country : data.countries) rows.emplace_back(&country);
  }
  for (CountryRow& r : rows) {
    if (law.regime == RegimeId::kUs2025) r.tier = law.Tier(r.country->code);
    for (const law::CountryGroup& g : data.groups) {
      if (law::InGroupOn(g, r.country->code, *on)) r.groups.push_back(g.id);
    }
    Determine(*engine, *choice, *on, &r);
  }
  std::string_view regime = WireName(law.regime);
  std::string out = o.format == "json" ? RowsJson(rows, *on, choice->mode, regime)
                                       : RowsText(rows, *on, choice->mode, regime);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace highfence::cli
