// The ledger routes: accounts and their history (reads), and settling a
// pending transfer (post, void) through the committer, in ledger order.
#include <simdjson.h>

#include "highfence/date.h"
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

enum class Settlement : uint8_t { kPost, kVoid, kReverse };

// The body's fields for a settlement; a problem when one is unknown or bad.
std::optional<HttpResponse> ReadSettlement(const Call& c, Settlement kind, LicenceGrant* grant,
                                           std::string* text) {
  std::vector<std::pair<std::string, std::string>> fields;
  auto bad = kind == Settlement::kPost ? ReadStrings(c.request.body, {"licence", "granted", "note"},
                                                     &fields)
             : kind == Settlement::kVoid ? ReadStrings(c.request.body, {"note"}, &fields)
                                         : ReadStrings(c.request.body, {"reason"}, &fields);
  if (bad) return bad;
  *text = kind == Settlement::kVoid ? "denied" : "";
  for (const auto& [k, v] : fields) {
    if (k == "licence") grant->licence = v;
    if (k == "granted") grant->granted = v;
    if (k == "note" && kind == Settlement::kPost) grant->note = v;
    if (k == "note" || k == "reason") *text = v;
  }
  if (!grant->granted.empty() && !Date::Parse(grant->granted)) {
    return BadField("granted", "invalid_value", "granted must be a date YYYY-MM-DD");
  }
  if (kind == Settlement::kReverse && text->empty()) {
    return BadField("reason", "missing_field", "a reversal needs a `reason` (why the draw is given back)");
  }
  return std::nullopt;
}

void Settle(ApiContext& ctx, const CallPtr& c, Settlement kind) {
  LicenceGrant grant;
  std::string text;
  if (auto bad = ReadSettlement(*c, kind, &grant, &text)) return c->reply(std::move(*bad));
  auto answer = std::make_shared<Result<std::string>>(Status::Internal("not run"));
  GroupCommitter::Work work;
  work.alone = true;
  std::string id = c->match.params.front();
  work.run = [answer, id, grant, text, kind](LedgerWriter* w,
                                             std::vector<decisions::DecisionRecord>*) {
    *answer = kind == Settlement::kPost   ? w->Post(id, grant)
              : kind == Settlement::kVoid ? w->Void(id, text)
                                          : w->Reverse(id, text);
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
      return Settle(ctx, c, Settlement::kPost);
    case RouteId::kTransferVoid:
      return Settle(ctx, c, Settlement::kVoid);
    case RouteId::kTransferReverse:
      return Settle(ctx, c, Settlement::kReverse);
    default:
      return c->reply(Problem(404, "not-found", "no such ledger route", "path"));
  }
}

}  // namespace highfence::server
