// The ledger routes: accounts and their history (reads), and settling a
// pending transfer (post, void) through the committer, in ledger order.
#include <simdjson.h>

#include "server/api_internal.h"
#include "server/limits.h"

namespace highfence::server {
namespace {

constexpr std::string_view kKinds[] = {"allocation", "lpp", "nveu", "uveu", "aia"};

HttpResponse FromResult(Result<std::string> r, std::string_view field = {}) {
  if (!r.ok()) return ProblemOf(r.status(), field);
  return Json(std::move(*r));
}

// Reads the optional string fields `allowed` of a JSON object body into
// `values`; an answer naming the field when the body is not such an object.
std::optional<HttpResponse> ReadStrings(std::string_view text,
                                        std::initializer_list<std::string_view> allowed,
                                        std::vector<std::pair<std::string, std::string>>* values) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return std::nullopt;
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object body;
  if (parser.parse(text).get(body)) {
    return Problem(400, "invalid-body", "the body must be a JSON object", "body");
  }
  for (auto field : body) {
    if (std::find(allowed.begin(), allowed.end(), field.key) == allowed.end()) {
      return BadField(field.key, "unknown_field", "unknown field `" + std::string(field.key) + "`");
    }
    std::string_view v;
    if (field.value.get(v)) {
      return BadField(field.key, "wrong_type", std::string(field.key) + " must be a string");
    }
    if (static_cast<int64_t>(v.size()) > limits::note_bytes_max) {
      return BadField(field.key, "too_long", std::string(field.key) + " is too long");
    }
    values->emplace_back(std::string(field.key), std::string(v));
  }
  return std::nullopt;
}

void Settle(ApiContext& ctx, const CallPtr& c, bool post) {
  std::vector<std::pair<std::string, std::string>> fields;
  auto bad = post ? ReadStrings(c->request.body, {"licence", "granted", "note"}, &fields)
                  : ReadStrings(c->request.body, {"note"}, &fields);
  if (bad) return c->reply(std::move(*bad));
  std::string note = post ? "" : "denied";
  for (const auto& [k, v] : fields) {
    if (k == "note") note = v;
    if (k == "licence" || k == "granted") {
      return c->reply(Problem(501, "not-implemented",
                              "the ledger does not record licence numbers or grant dates yet; "
                              "post without `" +
                                  k + "`",
                              k));
    }
  }
  auto answer = std::make_shared<Result<std::string>>(Status::Internal("not run"));
  GroupCommitter::Work work;
  work.alone = true;
  std::string id = c->match.params.front();
  work.run = [answer, id, note, post](LedgerWriter* w, std::vector<decisions::DecisionRecord>*) {
    *answer = post ? w->Post(id) : w->Void(id, note);
  };
  work.done = [c, answer](const Status& st) {
    if (!st.ok()) return c->reply(ProblemOf(Status::IOError(st.message())));
    c->reply(FromResult(std::move(*answer), "id"));
  };
  Status st = ctx.committer->Submit(std::move(work));
  if (!st.ok()) c->reply(Problem(503, "busy", st.message()));
}

HttpResponse Accounts(ApiContext& ctx, const Call& c) {
  std::string kind = QueryOr(c, "kind");
  if (!kind.empty() && std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds)) {
    return BadField("kind", "invalid_value",
                    "kind must be allocation, lpp, nveu, uveu or aia, not `" + kind + "`");
  }
  return FromResult(ctx.adapter->AccountsJson(kind, QueryOr(c, "prefix")));
}

}  // namespace

void HandleLedger(ApiContext& ctx, const CallPtr& c) {
  switch (c->match.route->id) {
    case RouteId::kAccounts:
      return c->reply(Accounts(ctx, *c));
    case RouteId::kAccount:
      return c->reply(FromResult(ctx.adapter->AccountJson(c->match.params.front()), "id"));
    case RouteId::kAccountHistory:
      return c->reply(FromResult(ctx.adapter->HistoryJson(c->match.params.front()), "id"));
    case RouteId::kTransferPost:
      return Settle(ctx, c, true);
    case RouteId::kTransferVoid:
      return Settle(ctx, c, false);
    default:
      return c->reply(Problem(501, "not-implemented",
                              "reversing a posted transfer needs compensating transfers, which "
                              "the ledger does not record yet",
                              "id"));
  }
}

}  // namespace highfence::server
