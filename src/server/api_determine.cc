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

std::string MediaType(std::string_view content_type) {
  std::string out(content_type.substr(0, content_type.find(';')));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// The shipments' texts and whether the body held one object alone.
std::optional<HttpResponse> SplitBody(const Call& c, std::vector<std::string_view>* lines,
                                      bool* single) {
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
                     "the body must be a shipment object, a JSON array of them, or JSONL "
                     "(Content-Type: application/x-ndjson)",
                     "body");
    }
  } else {
    return Problem(415, "unsupported-media-type",
                   "Content-Type must be application/json or application/x-ndjson, not `" +
                       media + "`",
                   "Content-Type");
  }
  if (!st.ok()) return ProblemOf(st, "body");
  if (lines->empty()) return Problem(400, "invalid-body", "the body holds no shipment", "body");
  return std::nullopt;
}

decisions::DecisionRecord Record(const ApiContext& ctx, const Call& c, std::string_view input,
                                 const Determined& d, bool dry_run, const std::string& id,
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
  r.determination = d.full_json;
  r.law_hash = ctx.adapter->law().hash;
  r.law_reviewed_on = ctx.adapter->law().reviewed_on;
  r.mode = d.mode;
  r.regime = d.regime;
  r.dry_run = dry_run;
  return r;
}

// `{...}` -> `{...,"decision_id":"ID"}`
void AddDecisionId(std::string* json, std::string_view id) {
  json->insert(json->size() - 1, fmt::format(",\"decision_id\":\"{}\"", id));
}

struct Batch {
  std::vector<std::string_view> lines;  // views into the call's body
  std::vector<std::string> answers;
  std::vector<std::string> decisions;
};

}  // namespace

void HandleDeterminations(ApiContext& ctx, const CallPtr& c) {
  Options o;
  if (auto bad = ReadOptions(ctx, *c, &o)) return c->reply(std::move(*bad));
  auto batch = std::make_shared<Batch>();
  bool single = false;
  if (auto bad = SplitBody(*c, &batch->lines, &single)) return c->reply(std::move(*bad));
  GroupCommitter::Work work;
  work.shipments = static_cast<int64_t>(batch->lines.size());
  work.run = [&ctx, c, batch, o](LedgerWriter* writer, std::vector<decisions::DecisionRecord>* log) {
    if (o.dry_run) writer->StartDryRun();
    Determined d;
    const int64_t now = NowNs();
    for (size_t i = 0; i < batch->lines.size(); ++i) {
      writer->Determine(batch->lines[i], static_cast<int64_t>(i) + 1, o.choice, o.reasons, &d);
      std::string id = decisions::NewDecisionId(now);
      log->push_back(Record(ctx, *c, batch->lines[i], d, o.dry_run, id, now));
      AddDecisionId(&d.json, id);
      batch->answers.push_back(std::move(d.json));
      batch->decisions.push_back(d.decision);
    }
    if (o.dry_run) writer->EndDryRun();
  };
  work.done = [&ctx, c, batch, single](const Status& st) {
    if (!st.ok()) return c->reply(ProblemOf(st.code() == Status::Code::kIOError ? st
                                            : Status::IOError(st.message())));
    for (const std::string& decision : batch->decisions) ctx.metrics->Determination(decision);
    if (single) return c->reply(Json(std::move(batch->answers.front())));
    HttpResponse r;
    r.content_type = "application/x-ndjson";
    size_t size = 0;
    for (const std::string& a : batch->answers) size += a.size() + 1;
    r.body.reserve(size);
    for (const std::string& a : batch->answers) r.body.append(a).push_back('\n');
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
    writer->StartDryRun();  // an explanation never draws
    Determined d;
    writer->Determine(body, 1, o.choice, ReasonsDetail::kFull, &d);
    Result<std::string> parts = writer->ExplainJson();
    writer->EndDryRun();
    if (!parts.ok()) {
      *failure = parts.status();
      return;
    }
    const int64_t now = NowNs();
    std::string id = decisions::NewDecisionId(now);
    log->push_back(Record(ctx, *c, body, d, /*dry_run=*/true, id, now));
    AddDecisionId(&d.json, id);
    *answer = "{\"determination\":" + d.json + "," + *parts + "}";
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
