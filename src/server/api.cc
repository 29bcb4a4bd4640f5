#include "server/api.h"

#include <fmt/format.h>

#include "base/clock.h"
#include "server/api_internal.h"
#include "server/body_split.h"
#include "server/limits.h"

namespace highfence::server {

HttpResponse Json(std::string body, int status) {
  HttpResponse r;
  r.status = status;
  body.push_back('\n');
  r.body = std::move(body);
  return r;
}

std::string QueryOr(const Call& c, std::string_view name, std::string_view fallback) {
  std::optional<std::string_view> v = QueryValue(c.query, name);
  return std::string(v ? *v : fallback);
}

namespace {

std::string MediaType(std::string_view content_type) {
  std::string out(content_type.substr(0, content_type.find(';')));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

}  // namespace

std::optional<HttpResponse> SplitBody(const Call& c, std::string_view what,
                                      std::vector<std::string_view>* lines, bool* single) {
  std::string media = MediaType(c.request.Header("content-type"));
  std::string_view body = TrimJsonSpace(c.request.body);
  Status st;
  *single = false;
  if (media == "application/x-ndjson" || media == "application/jsonl" ||
      media == "application/x-jsonlines") {
    st = SplitJsonLines(body, limits::batch_lines_max, lines);
  } else if (media.empty() || media == "application/json") {
    if (body.starts_with('[')) {
      st = SplitJsonArray(body, limits::batch_lines_max, lines);
    } else if (body.starts_with('{')) {
      *single = true;
      lines->assign(1, body);
    } else {
      return Problem(400, "invalid-body",
                     fmt::format("the body must be a {} object, a JSON array of them, or JSONL "
                                 "(Content-Type: application/x-ndjson)",
                                 what),
                     "body");
    }
  } else {
    return Problem(
        415, "unsupported-media-type",
        "Content-Type must be application/json or application/x-ndjson, not `" + media + "`",
        "Content-Type");
  }
  if (!st.ok()) return ProblemOf(st, "body");
  if (lines->empty()) {
    return Problem(400, "invalid-body", fmt::format("the body holds no {}", what), "body");
  }
  return std::nullopt;
}

namespace {

// The caller behind the request's key; an answer to send instead when there is
// none or its role is too low.
std::optional<HttpResponse> Authorize(const KeyRing& keys, const HttpRequest& req, Role needed,
                                      Caller* caller) {
  Result<Caller> c = keys.Authenticate(req.Header("authorization"));
  if (!c.ok()) {
    HttpResponse r = Problem(401, "unauthorized", c.status().message(), "Authorization");
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"highfence\"");
    return r;
  }
  if (static_cast<int>(c->role) < static_cast<int>(needed)) {
    return Problem(403, "forbidden",
                   "this route needs the " + std::string(RoleName(needed)) + " role; the key is " +
                       std::string(RoleName(c->role)),
                   "Authorization");
  }
  *caller = *c;
  return std::nullopt;
}

void Dispatch(ApiContext& ctx, const CallPtr& c) {
  switch (c->match.route->id) {
    case RouteId::kDeterminations:
      return HandleDeterminations(ctx, c);
    case RouteId::kExplain:
      return HandleExplain(ctx, c);
    case RouteId::kAccounts:
    case RouteId::kAccount:
    case RouteId::kAccountHistory:
    case RouteId::kTransferPost:
    case RouteId::kTransferVoid:
    case RouteId::kTransferReverse:
      return HandleLedger(ctx, c);
    case RouteId::kDecisions:
    case RouteId::kDecisionsExport:
    case RouteId::kDecision:
      return HandleDecisions(ctx, c);
    case RouteId::kKeysList:
    case RouteId::kKeysCreate:
    case RouteId::kKeyRevoke:
      return HandleKeys(ctx, c);
    case RouteId::kScreen:
      return HandleScreen(ctx, c);
    case RouteId::kSimulate:
      return HandleSimulate(ctx, c);
    default:
      return HandleReference(ctx, c);
  }
}

}  // namespace

void Api::Handle(HttpRequest&& request, Reply reply) {
  if (ctx_.web != nullptr) {
    if (std::optional<HttpResponse> file = ctx_.web->Serve(request)) {
      int64_t start = request.received_ns == 0 ? NowNs() : request.received_ns;
      ctx_.metrics->Request("ui", request.method, file->status, NowNs() - start);
      return reply(std::move(*file));
    }
  }
  auto c = std::make_shared<Call>();
  c->request = std::move(request);
  if (c->request.received_ns == 0) c->request.received_ns = NowNs();  // not from the transport
  std::string_view target = c->request.target;
  size_t q = target.find('?');
  std::string_view path = target.substr(0, q);
  std::string_view query = q == std::string_view::npos ? "" : target.substr(q + 1);
  Result<Match> m = MatchRoute(c->request.method, path);
  std::string_view route = m.ok() && m->route ? m->route->pattern : "unmatched";
  c->reply = [metrics = ctx_.metrics, route, method = c->request.method,
              start = c->request.received_ns, reply = std::move(reply)](HttpResponse r) {
    metrics->Request(route, method, r.status, NowNs() - start);
    reply(std::move(r));
  };
  if (!m.ok()) return c->reply(BadField("path", "invalid_value", m.status().message()));
  if (m->route == nullptr) {
    if (m->path_known) {
      return c->reply(
          Problem(405, "method-not-allowed", "this path does not take " + c->request.method));
    }
    return c->reply(Problem(404, "not-found", "no route for this path", "path"));
  }
  c->match = std::move(*m);
  if (c->match.route->role) {
    std::optional<HttpResponse> refused =
        Authorize(*ctx_.keys, c->request, *c->match.route->role, &c->caller);
    if (refused) return c->reply(std::move(*refused));
  }
  Result<QueryParams> params = ParseQuery(query);
  if (!params.ok()) return c->reply(ProblemOf(params.status(), "query"));
  c->query = std::move(*params);
  Dispatch(ctx_, c);
}

std::string_view HttpRequest::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

}  // namespace highfence::server
