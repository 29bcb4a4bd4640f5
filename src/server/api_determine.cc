// POST /v1/determinations and POST /v1/explain: shipments through the group
// committer, each determination logged before it is answered.
#include <fmt/format.h>

#include "base/clock.h"
#include "decisions/decision_record.h"
#include "server/api_internal.h"
#include "server/body_split.h"
#include "server/limits.h"

namespace highfence::server {
namespace {

struct Options {
  LawChoice choice;
  bool dry_run = false;
  ReasonsDetail reasons = ReasonsDetail::kFull;
};

// Reads mode, regime, dry_run and reasons; an answer naming the bad one.
std::optional<HttpResponse> ReadOptions(const ApiContext& ctx, const Call& c, Options* o) {
  o->choice.mode = QueryOr(c, "mode");
  o->choice.regime = QueryOr(c, "regime");
  Status st = ctx.adapter->CheckChoice(o->choice);
  if (!st.ok()) {
    return BadField(st.message().starts_with("mode") ? "mode" : "regime", "invalid_value",
                    st.message());
  }
  std::string dry = QueryOr(c, "dry_run", "false");
  if (dry != "true" && dry != "false") {
    return BadField("dry_run", "invalid_value", "dry_run must be true or false, not `" + dry + "`");
  }
  o->dry_run = dry == "true";
  std::string reasons = QueryOr(c, "reasons", "full");
  if (reasons == "codes") {
    o->reasons = ReasonsDetail::kCodes;
  } else if (reasons == "none") {
    o->reasons = ReasonsDetail::kNone;
  } else if (reasons != "full") {
    return BadField("reasons", "invalid_value",
                    "reasons must be full, codes or none, not `" + reasons + "`");
  }
  return std::nullopt;
}

// The log's record of `d`; takes d's full JSON (the caller is done with it).
decisions::DecisionRecord Record(const ApiContext& ctx, const Call& c, std::string_view input,
                                 Determined& d, bool dry_run, const std::string& id,
                                 int64_t now_ns) {
  decisions::DecisionRecord r;
  r.decision_id = id;
  r.recorded_ns = now_ns;
  r.key_id = c.caller.key_id;
  r.shipment_id = d.shipment_id;
  r.party = d.party;
  r.decision = d.decision;
  r.input = input;
  decisions::DigestInput(&r);
  r.determination = std::move(d.full_json);
  r.law_hash = ctx.adapter->law().hash;
  r.law_reviewed_on = ctx.adapter->law().reviewed_on;
  r.mode = d.mode;
  r.regime = d.regime;
  r.dry_run = dry_run;
  return r;
}

// Appends `{...,"decision_id":"ID"}` and a newline: the determination as answered.
void AppendAnswer(const Determined& d, std::string_view id, std::string* out) {
  const std::string& json = d.answer();
  out->append(json.data(), json.size() - 1);
  out->append(",\"decision_id\":\"").append(id).append("\"}\n");
}

struct Batch {
  std::vector<std::string_view> lines;  // views into the call's body
  std::string answer;                   // the JSONL (or one object) to send
  std::vector<std::string_view> decisions;
};

// The decision's wire name as a view of static storage, for the metrics.
std::string_view DecisionName(std::string_view d) {
  static constexpr std::string_view kNames[] = {"not_controlled", "no_license_required",
                                                "authorized", "license_required", "needs_review"};
  for (std::string_view n : kNames) {
    if (n == d) return n;
  }
  return "needs_review";
}

}  // namespace

void HandleDeterminations(ApiContext& ctx, const CallPtr& c) {
  Options o;
  if (auto bad = ReadOptions(ctx, *c, &o)) return c->reply(std::move(*bad));
  auto batch = std::make_shared<Batch>();
  bool single = false;
  if (auto bad = SplitBody(*c, "shipment", &batch->lines, &single)) {
    return c->reply(std::move(*bad));
  }
  GroupCommitter::Work work;
  work.shipments = static_cast<int64_t>(batch->lines.size());
  work.run = [&ctx, c, batch, o](LedgerWriter* writer,
                                 std::vector<decisions::DecisionRecord>* log) {
    writer->StartInput(o.choice, o.dry_run);
    Determined d;
    const int64_t now = NowNs();
    log->reserve(log->size() + batch->lines.size());
    batch->decisions.reserve(batch->lines.size());
    for (size_t i = 0; i < batch->lines.size(); ++i) {
      writer->Determine(batch->lines[i], static_cast<int64_t>(i) + 1, o.reasons, &d);
      std::string id = decisions::NewDecisionId(now);
      if (i == 0) batch->answer.reserve((d.answer().size() + 64) * batch->lines.size() * 5 / 4);
      AppendAnswer(d, id, &batch->answer);
      batch->decisions.push_back(DecisionName(d.decision));
      log->push_back(Record(ctx, *c, batch->lines[i], d, o.dry_run, id, now));
    }
    writer->EndInput();
  };
  work.done = [&ctx, c, batch, single](const Status& st) {
    if (!st.ok())
      return c->reply(
          ProblemOf(st.code() == Status::Code::kIOError ? st : Status::IOError(st.message())));
    ctx.metrics->Determinations(batch->decisions);
    HttpResponse r;
    if (!single) r.content_type = "application/x-ndjson";
    r.body = std::move(batch->answer);
    c->reply(std::move(r));
  };
  Status st = ctx.committer->Submit(std::move(work));
  if (!st.ok()) c->reply(Problem(503, "busy", st.message()));
}

void HandleExplain(ApiContext& ctx, const CallPtr& c) {
  Options o;
  if (auto bad = ReadOptions(ctx, *c, &o)) return c->reply(std::move(*bad));
  std::string_view body = TrimJsonSpace(c->request.body);
  if (!body.starts_with('{')) {
    return c->reply(Problem(400, "invalid-body", "the body must be one shipment object", "body"));
  }
  auto answer = std::make_shared<std::string>();
  auto failure = std::make_shared<Status>();
  auto decision = std::make_shared<std::string>();
  GroupCommitter::Work work;
  work.run = [&ctx, c, body, o, answer, failure, decision](
                 LedgerWriter* writer, std::vector<decisions::DecisionRecord>* log) {
    writer->StartInput(o.choice, /*dry_run=*/true);  // an explanation never draws
    Determined d;
    writer->Determine(body, 1, ReasonsDetail::kFull, &d);
    Result<std::string> parts = writer->ExplainJson();
    writer->EndInput();
    if (!parts.ok()) {
      *failure = parts.status();
      return;
    }
    const int64_t now = NowNs();
    std::string id = decisions::NewDecisionId(now);
    std::string determination;
    AppendAnswer(d, id, &determination);
    determination.pop_back();  // the newline
    log->push_back(Record(ctx, *c, body, d, /*dry_run=*/true, id, now));
    *answer = "{\"determination\":" + determination + "," + *parts + "}";
    *decision = d.decision;
  };
  work.done = [&ctx, c, answer, failure, decision](const Status& st) {
    if (!st.ok()) return c->reply(ProblemOf(Status::IOError(st.message())));
    if (!failure->ok()) return c->reply(ProblemOf(*failure));
    ctx.metrics->Determination(*decision);
    c->reply(Json(std::move(*answer)));
  };
  Status st = ctx.committer->Submit(std::move(work));
  if (!st.ok()) c->reply(Problem(503, "busy", st.message()));
}

}  // namespace highfence::server
