// The decision log's routes (search, one decision, export) and the API keys'.
#include <fmt/format.h>
#include <simdjson.h>

#include <charconv>

#include "base/clock.h"
#include "decisions/decision_export.h"
#include "server/api_internal.h"
#include "server/json_writer.h"
#include "server/limits.h"

namespace highfence::server {
namespace {

constexpr std::string_view kDecisionNames[] = {"not_controlled", "no_license_required",
                                               "authorized", "license_required", "needs_review"};

// The filters of a search or an export; an answer naming the bad parameter.
std::optional<HttpResponse> ReadQuery(ApiContext& ctx, const Call& c, decisions::DecisionQuery* q) {
  q->shipment_id = QueryOr(c, "shipment_id");
  std::string party = QueryOr(c, "party");
  if (!party.empty()) q->party = ctx.adapter->PartyKey(party);
  q->decision = QueryOr(c, "decision");
  if (!q->decision.empty() && std::find(std::begin(kDecisionNames), std::end(kDecisionNames),
                                        q->decision) == std::end(kDecisionNames)) {
    return BadField("decision", "invalid_value", "unknown decision `" + q->decision + "`");
  }
  for (const char* name : {"from", "to"}) {
    std::string v = QueryOr(c, name);
    if (v.empty()) continue;
    std::optional<int64_t> ns = decisions::ParseIsoTime(v);
    if (!ns) {
      return BadField(
          name, "invalid_value",
          fmt::format("{} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not `{}`", name, v));
    }
    (std::string_view(name) == "from" ? q->from_ns : q->to_ns) = *ns;
  }
  auto integer = [&](const char* name, int64_t max, int64_t* out) -> std::optional<HttpResponse> {
    std::string v = QueryOr(c, name);
    if (v.empty()) return std::nullopt;
    int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < 1 || n > max) {
      return BadField(name, "invalid_value",
                      fmt::format("{} must be a whole number from 1 to {}", name, max));
    }
    *out = n;
    return std::nullopt;
  };
  if (auto bad = integer("limit", limits::decisions_page_max, &q->limit)) return bad;
  return integer("cursor", INT64_MAX, &q->cursor);
}

void WriteSummary(const decisions::DecisionRecord& r, JsonWriter& w) {
  w.BeginObject().Key("decision_id").String(r.decision_id);
  w.Key("recorded_at").String(decisions::IsoTime(r.recorded_ns)).Key("key_id").String(r.key_id);
  w.Key("shipment_id").String(r.shipment_id).Key("party").String(r.party);
  w.Key("decision").String(r.decision).Key("law_hash").String(r.law_hash);
  w.Key("law_reviewed_on").String(r.law_reviewed_on).Key("mode").String(r.mode);
  w.Key("regime").String(r.regime).Key("dry_run").Bool(r.dry_run).Key("seq").Int(r.seq);
  w.EndObject();
}

HttpResponse Search(ApiContext& ctx, const Call& c) {
  decisions::DecisionQuery q;
  if (auto bad = ReadQuery(ctx, c, &q)) return std::move(*bad);
  Result<std::vector<decisions::DecisionRecord>> rows = [&] {
    std::lock_guard lock(*ctx.log_reader_mu);
    return ctx.log_reader->Search(q);
  }();
  if (!rows.ok()) return ProblemOf(rows.status());
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("decisions").BeginArray();
  for (const decisions::DecisionRecord& r : *rows) WriteSummary(r, w);
  w.EndArray().Key("next");
  if (static_cast<int64_t>(rows->size()) == q.limit && !rows->empty()) {
    w.String(std::to_string(rows->back().seq));
  } else {
    w.Null();
  }
  w.EndObject();
  return Json(std::move(out));
}

HttpResponse Export(ApiContext& ctx, const Call& c) {
  decisions::DecisionQuery q;
  if (auto bad = ReadQuery(ctx, c, &q)) return std::move(*bad);
  std::string format = QueryOr(c, "format", "jsonl");
  if (format != "jsonl" && format != "csv") {
    return BadField("format", "invalid_value", "format must be jsonl or csv, not `" + format + "`");
  }
  q.newest_first = false;
  q.limit = limits::decisions_page_max;
  HttpResponse r;
  r.content_type = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"decisions." + format + "\"");
  if (format == "csv") {
    r.body =
        "decision_id,recorded_at,key_id,shipment_id,party,decision,mode,regime,law_hash,"
        "law_reviewed_on,input_sha256,dry_run\n";
  }
  for (int64_t rows_out = 0; rows_out < limits::decisions_export_max;) {
    Result<std::vector<decisions::DecisionRecord>> rows = [&] {
      std::lock_guard lock(*ctx.log_reader_mu);
      return ctx.log_reader->Search(q);
    }();
    if (!rows.ok()) return ProblemOf(rows.status());
    for (const decisions::DecisionRecord& d : *rows) {
      if (format == "csv") {
        decisions::AppendDecisionCsv(d, &r.body);
      } else {
        decisions::AppendDecisionJson(d, &r.body);
        r.body.push_back('\n');
      }
    }
    rows_out += static_cast<int64_t>(rows->size());
    if (static_cast<int64_t>(rows->size()) < q.limit) break;
    q.cursor = rows->back().seq;
  }
  return r;
}

HttpResponse One(ApiContext& ctx, const Call& c) {
  Result<decisions::DecisionRecord> r = [&] {
    std::lock_guard lock(*ctx.log_reader_mu);
    return ctx.log_reader->Get(c.match.params.front());
  }();
  if (!r.ok()) return ProblemOf(r.status(), "id");
  std::string out;
  decisions::AppendDecisionJson(*r, &out);
  return Json(std::move(out));
}

}  // namespace

void HandleDecisions(ApiContext& ctx, const CallPtr& c) {
  switch (c->match.route->id) {
    case RouteId::kDecisions:
      return c->reply(Search(ctx, *c));
    case RouteId::kDecisionsExport:
      return c->reply(Export(ctx, *c));
    default:
      return c->reply(One(ctx, *c));
  }
}

namespace {

HttpResponse KeysJson(ApiContext& ctx) {
  Result<std::vector<decisions::ApiKeyRecord>> keys = ctx.log_reader->Keys();
  if (!keys.ok()) return ProblemOf(keys.status());
  ctx.keys->Load(*keys);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("keys").BeginArray();
  for (const decisions::ApiKeyRecord& k : *keys) {
    w.BeginObject().Key("key_id").String(k.key_id).Key("role").String(k.role);
    w.Key("label").String(k.label).Key("created_at").String(decisions::IsoTime(k.created_ns));
    w.Key("revoked_at");
    if (k.revoked_ns) {
      w.String(decisions::IsoTime(k.revoked_ns));
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray().EndObject();
  return Json(std::move(out));
}

HttpResponse Create(ApiContext& ctx, const Call& c) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object body;
  if (parser.parse(c.request.body).get(body)) {
    return Problem(400, "invalid-body", "the body must be a JSON object {role, label}", "body");
  }
  std::string_view role, label;
  for (auto field : body) {
    if (field.key != "role" && field.key != "label") {
      return BadField(field.key, "unknown_field", "unknown field `" + std::string(field.key) + "`");
    }
  }
  if (body["role"].get(role)) return BadField("role", "missing_field", "role is required");
  simdjson::dom::element label_el;
  if (!body["label"].get(label_el) && label_el.get(label)) {
    return BadField("label", "wrong_type", "label must be a string");
  }
  Result<NewKey> k = CreateKey(ctx.log_reader, role, label);
  if (!k.ok()) {
    bool about_role = k.status().message().starts_with("role");
    return ProblemOf(k.status(), about_role ? "role" : "label");
  }
  (void)KeysJson(ctx);  // reloads the ring
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("key_id").String(k->record.key_id).Key("key").String(k->token);
  w.Key("role").String(k->record.role).Key("label").String(k->record.label).EndObject();
  return Json(std::move(out), 201);
}

HttpResponse Revoke(ApiContext& ctx, const Call& c) {
  const std::string& id = c.match.params.front();
  Status st = ctx.log_reader->RevokeKey(id, NowNs());
  if (!st.ok()) return ProblemOf(st, "key_id");
  (void)KeysJson(ctx);
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("key_id").String(id).Key("revoked").Bool(true).EndObject();
  return Json(std::move(out));
}

}  // namespace

void HandleKeys(ApiContext& ctx, const CallPtr& c) {
  std::lock_guard lock(*ctx.log_reader_mu);
  switch (c->match.route->id) {
    case RouteId::kKeysList:
      return c->reply(KeysJson(ctx));
    case RouteId::kKeysCreate:
      return c->reply(Create(ctx, *c));
    default:
      return c->reply(Revoke(ctx, *c));
  }
}

}  // namespace highfence::server
