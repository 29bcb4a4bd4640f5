// Health, metrics, the OpenAPI document, and the reference routes: catalog,
// regimes, countries, party keys, classification.
#include <simdjson.h>

#include "server/api_internal.h"
#include "server/json_writer.h"
#include "server/limits.h"

namespace highfence::server {
namespace {

// Answers without a key; with a valid one it also names the key's role and id,
// so a client (the web UI) knows what it may do without trying.
HttpResponse Health(const ApiContext& ctx, const HttpRequest& req) {
  std::optional<Caller> caller;
  if (!req.Header("authorization").empty()) {
    Result<Caller> c = ctx.keys->Authenticate(req.Header("authorization"));
    if (c.ok()) caller = *c;
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("status").String("ok").Key("version").String(ctx.version);
  w.Key("law_hash").String(ctx.adapter->law().hash);
  w.Key("law_reviewed_on").String(ctx.adapter->law().reviewed_on);
  w.Key("ledger").String(ctx.adapter->ledger_kind());
  w.Key("default_mode").String(ctx.adapter->law().default_mode);
  w.Key("ui_hash").StringOrNull(ctx.web ? ctx.web->manifest_sha256() : "");
  w.Key("role").StringOrNull(caller ? RoleName(caller->role) : "");
  w.Key("key_id").StringOrNull(caller ? caller->key_id : "").EndObject();
  return Json(std::move(out));
}

HttpResponse MetricsText(const ApiContext& ctx) {
  Result<std::vector<std::pair<std::string, Fixed>>> allocations =
      ctx.adapter->AllocationsAvailable();
  HttpResponse r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = ctx.metrics->Render(
      allocations.ok() ? *allocations : std::vector<std::pair<std::string, Fixed>>{},
      ctx.committer->groups(), ctx.committer->grouped_works());
  return r;
}

HttpResponse PartyKeys(const ApiContext& ctx, const Call& c) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("keys").BeginArray();
  int64_t names = 0;
  for (const auto& [k, v] : c.query) {
    if (k != "name") continue;
    if (++names > limits::party_names_max) {
      return Problem(413, "limit-exceeded", "too many `name` parameters", "name");
    }
    w.BeginObject().Key("name").String(v).Key("key").StringOrNull(ctx.adapter->PartyKey(v));
    w.EndObject();
  }
  w.EndArray().EndObject();
  if (names == 0) return BadField("name", "missing_field", "give at least one `name`");
  return Json(std::move(out));
}

// {item: <catalog id or item object>, date?: "YYYY-MM-DD"}
HttpResponse Classify(const ApiContext& ctx, const Call& c) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object body;
  if (parser.parse(c.request.body).get(body)) {
    return Problem(400, "invalid-body", "the body must be a JSON object", "body");
  }
  simdjson::dom::element item;
  std::string_view date;
  for (auto field : body) {
    if (field.key != "item" && field.key != "date") {
      return BadField(field.key, "unknown_field", "unknown field `" + std::string(field.key) + "`");
    }
  }
  if (body["item"].get(item)) return BadField("item", "missing_field", "item is required");
  simdjson::dom::element date_el;
  if (!body["date"].get(date_el) && date_el.get(date)) {
    return BadField("date", "wrong_type", "date must be a string YYYY-MM-DD");
  }
  if (!item.is_string() && !item.is_object()) {
    return BadField("item", "wrong_type", "item must be a catalog id or an item object");
  }
  Result<std::string> out = ctx.adapter->ClassifyJson(simdjson::minify(item), date);
  if (!out.ok()) {
    std::string_view msg = out.status().message();
    bool dated = msg.starts_with("date");
    return BadField(dated ? "date" : "item", "invalid_value", msg);
  }
  return Json(std::move(*out));
}

HttpResponse Countries(const ApiContext& ctx, const Call& c) {
  Result<std::string> out = ctx.adapter->CountriesJson(QueryOr(c, "date"), QueryOr(c, "mode"));
  if (!out.ok()) {
    bool dated = out.status().message().starts_with("date");
    return BadField(dated ? "date" : "mode", "invalid_value", out.status().message());
  }
  return Json(std::move(*out));
}

}  // namespace

void HandleReference(ApiContext& ctx, const CallPtr& c) {
  switch (c->match.route->id) {
    case RouteId::kHealth:
      return c->reply(Health(ctx, c->request));
    case RouteId::kMetrics:
      return c->reply(MetricsText(ctx));
    case RouteId::kOpenApi:
      return c->reply(Json(std::string(OpenApiDocument())));
    case RouteId::kCatalog:
      return c->reply(Json(ctx.adapter->CatalogJson()));
    case RouteId::kRegimes:
      return c->reply(Json(ctx.adapter->RegimesJson()));
    case RouteId::kCountries:
      return c->reply(Countries(ctx, *c));
    case RouteId::kPartyKey:
      return c->reply(PartyKeys(ctx, *c));
    case RouteId::kClassify:
      return c->reply(Classify(ctx, *c));
    default:
      return c->reply(Problem(404, "not-found", "no route for this path", "path"));
  }
}

}  // namespace highfence::server
