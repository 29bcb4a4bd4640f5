// The adapter's reference side: catalog, regimes, countries, classification.
// Each reads the immutable engine, so any thread may call it.
#include <fmt/format.h>
#include <simdjson.h>

#include "base/clock.h"
#include "classify/classify.h"
#include "io/determination_writer.h"
#include "ledger/memory_ledger.h"
#include "server/adapter_impl.h"
#include "server/json_writer.h"

namespace highfence::server {
namespace {

// The 3A090 chip that probes whether a destination needs a licence for 3A090.
constexpr std::string_view kProbeChip = "nvidia-h100-sxm";

constexpr std::pair<std::string_view, uint16_t> kGroups[] = {
    {"A:5", law::kA5}, {"A:6", law::kA6}, {"D:1", law::kD1}, {"D:4", law::kD4},
    {"D:5", law::kD5}, {"E:1", law::kE1}, {"E:2", law::kE2}};

Date Today() { return DateOfNs(NowNs()); }

Result<Date> DateParam(std::string_view text) {
  if (text.empty()) return Today();
  std::optional<Date> d = Date::Parse(text);
  if (!d) return Status::InvalidArgument(fmt::format("date must be YYYY-MM-DD, not `{}`", text));
  return *d;
}

void WriteReasons(const Determination& d, JsonWriter& w) {
  w.BeginArray();
  for (const Reason& r : d.reasons) {
    w.BeginObject().Key("rule").String(r.rule).Key("citation").String(r.citation);
    w.Key("text").String(d.ReasonText(r)).EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string AdapterImpl::CatalogJson() const {
  // The 2023 rule's class of each chip, on a date that rule governs.
  const law::Snapshot& law2023 =
      engine_->law().At(Date::FromCivil(2024, 6, 1), RegimeChoice{});
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("items").BeginArray();
  for (const catalog::Accelerator& a : engine_->catalog().all()) {
    Shipment s;
    s.Clear();
    s.units = 1;
    s.item.catalog_id = a.id;
    s.item.ic = {a.tpp, a.die_area_mm2, a.datacenter, a.interconnect_gbs, a.dram_bandwidth_gbs, &a};
    Determination d;
    d.Clear();
    classify::Classification c = classify::Classify(s, law2023, &d);
    w.BeginObject().Key("id").String(a.id).Key("vendor").String(a.vendor);
    w.Key("name").String(a.model).Key("tpp").Fixed(a.tpp);
    w.Key("die_area_mm2").OptionalFixed(a.die_area_mm2).Key("datacenter").Bool(a.datacenter);
    w.Key("interconnect_gbs").OptionalFixed(a.interconnect_gbs);
    w.Key("dram_bandwidth_gbs").OptionalFixed(a.dram_bandwidth_gbs);
    w.Key("eccn_2023").StringOrNull(c.controlled() ? WireName(c.eccn) : "");
    w.Key("source").StringOrNull(a.sources.empty() ? "" : a.sources.front());
    w.Key("year").Int(a.year).EndObject();
  }
  w.EndArray().EndObject();
  return out;
}

std::string AdapterImpl::RegimesJson() const {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("regimes").BeginArray();
  for (const law::RuleFile& r : engine_->law().data().rules) {
    if (r.kind == "defaults") continue;
    w.BeginObject().Key("id").String(r.id).Key("kind").String(r.kind);
    w.Key("title").String(r.title).Key("citation").String(r.citation);
    w.Key("url").StringOrNull(r.url);
    w.Key("effective_on").StringOrNull(r.effective_on ? r.effective_on->ToString() : "");
    const law::Param* compliance = r.Find("compliance_on");
    if (compliance != nullptr && !compliance->values.empty()) {
      if (const Date* d = std::get_if<Date>(&compliance->values.front().value)) {
        w.Key("compliance_on").String(d->ToString());
      }
    }
    w.Key("last_reviewed_on").String(r.last_reviewed_on.ToString()).EndObject();
  }
  w.EndArray().EndObject();
  return out;
}

Result<std::string> AdapterImpl::CountriesJson(std::string_view date_text,
                                               std::string_view mode) const {
  Result<Date> on = DateParam(date_text);
  if (!on.ok()) return on.status();
  LawChoice lc{std::string(mode), ""};
  HF_RETURN_IF_ERROR(CheckChoice(lc));
  RegimeChoice choice = Choice(lc);
  const law::Snapshot& snap = engine_->law().At(*on, choice);
  io::ShipmentParser parser(&engine_->catalog());
  Shipment s;
  Determination d;
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("date").String(on->ToString()).Key("mode").String(WireName(choice.mode));
  w.Key("regime").String(WireName(snap.regime)).Key("countries").BeginArray();
  for (const law::Country& c : engine_->law().data().countries) {
    ledger::MemoryLedger ledger;
    parser.ParseJson(fmt::format(R"({{"id":"probe","date":"{}","destination":"{}","units":1,)"
                                 R"("item":"{}"}})",
                                 on->ToString(), c.code.str(), kProbeChip),
                     &s);
    engine_->Determine(s, choice, &ledger, &d);
    w.BeginObject().Key("code").String(c.code.str()).Key("name").String(c.name);
    w.Key("tier");
    if (snap.regime == RegimeId::kUs2025) {
      w.Int(snap.Tier(c.code));
    } else {
      w.Null();
    }
    w.Key("groups").BeginArray();
    for (const auto& [name, bit] : kGroups) {
      if (snap.In(c.code, bit)) w.String(name);
    }
    w.EndArray();
    bool required = d.decision == Decision::kLicenseRequired || d.decision == Decision::kAuthorized;
    w.Key("license_required_3a090").Bool(required).Key("embargo").Null();
    w.Key("why");
    WriteReasons(d, w);
    w.EndObject();
  }
  w.EndArray().EndObject();
  return out;
}

Result<std::string> AdapterImpl::ClassifyJson(std::string_view item_json,
                                              std::string_view date_text) const {
  Result<Date> on = DateParam(date_text);
  if (!on.ok()) return on.status();
  std::string line = fmt::format(R"({{"id":"classify","date":"{}","destination":"US",)"
                                 R"("units":1,"item":{}}})",
                                 on->ToString(), item_json);
  io::ShipmentParser parser(&engine_->catalog());
  Shipment s;
  parser.ParseJson(line, &s);
  if (!s.errors.empty()) {
    const FieldError& e = s.errors.front();
    return Status::InvalidArgument(fmt::format("{}: {}", e.field, e.message));
  }
  const law::Snapshot& snap = engine_->law().At(*on, RegimeChoice{});
  Determination d;
  d.Clear();
  classify::Classification c = classify::Classify(s, snap, &d);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("date").String(on->ToString());
  w.Key("regime").String(WireName(snap.regime));
  w.Key("eccn").StringOrNull(c.controlled() ? WireName(c.eccn) : "");
  w.Key("tpp").OptionalFixed(c.tpp).Key("performance_density").OptionalFixed(c.performance_density);
  w.Key("missing_figure").Bool(c.missing_figure).Key("reasons");
  WriteReasons(d, w);
  w.Key("errors").BeginArray();
  for (const DeterminationError& e : d.errors) {
    w.BeginObject().Key("code").String(e.code).Key("field").String(e.field);
    w.Key("message").String(e.message).EndObject();
  }
  w.EndArray().EndObject();
  return out;
}

}  // namespace highfence::server
