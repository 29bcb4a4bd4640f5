#include "decisions/decision_record.h"

#include <fmt/format.h>
#include <openssl/rand.h>

#include <ctime>

#include "highfence/date.h"
#include "io/determination_writer.h"
#include "base/sha256.h"
#include "ledger/event_log.h"

namespace highfence::decisions {
namespace {

void Field(std::string* out, std::string_view key, std::string_view value) {
  if (out->back() != '{') out->push_back(',');
  io::AppendJsonString(key, out);
  out->push_back(':');
  io::AppendJsonString(value, out);
}

}  // namespace

std::string NewDecisionId(int64_t now_ns) {
  unsigned char random[10];
  // RAND_bytes fails only when the system has no entropy source at all.
  HF_ASSERT(RAND_bytes(random, sizeof random) == 1);
  std::string id =
      fmt::format("{:012x}", static_cast<uint64_t>(now_ns / 1'000'000) & 0xffffffffffffULL);
  for (unsigned char c : random) id += fmt::format("{:02x}", c);
  return id;
}

void DigestInput(DecisionRecord* r) { r->input_sha256 = Sha256Hex(r->input); }

std::string DecisionPayload(const DecisionRecord& r) {
  std::string out = "{";
  Field(&out, "decision_id", r.decision_id);
  out += fmt::format(",\"recorded_ns\":{}", r.recorded_ns);
  Field(&out, "key_id", r.key_id);
  Field(&out, "shipment_id", r.shipment_id);
  Field(&out, "party", r.party);
  Field(&out, "decision", r.decision);
  Field(&out, "input_sha256", r.input_sha256);
  Field(&out, "determination_sha256", Sha256Hex(r.determination));
  Field(&out, "law_hash", r.law_hash);
  Field(&out, "law_reviewed_on", r.law_reviewed_on);
  Field(&out, "mode", r.mode);
  Field(&out, "regime", r.regime);
  out += r.dry_run ? ",\"dry_run\":true}" : ",\"dry_run\":false}";
  return out;
}

void ChainDecision(int64_t tail_seq, std::string_view tail_hash, DecisionRecord* r) {
  r->seq = tail_seq + 1;
  r->prev_hash = tail_hash;
  r->hash = ledger::ChainHash(tail_hash, DecisionPayload(*r));
}

bool DecisionVerifier::Add(const DecisionRecord& r) {
  if (!report_.ok) return false;
  if (prev_hash_.empty()) prev_hash_ = ledger::kGenesisHash;
  std::string problem;
  if (r.seq != next_seq_) {
    problem = fmt::format("decision seq {} where {} was expected (a record is missing)", r.seq,
                          next_seq_);
  } else if (r.prev_hash != prev_hash_) {
    problem = fmt::format("decision {} (seq {}): prev_hash does not match the previous record",
                          r.decision_id, r.seq);
  } else if (Sha256Hex(r.input) != r.input_sha256) {
    problem = fmt::format("decision {} (seq {}): the input does not match its digest",
                          r.decision_id, r.seq);
  } else if (ledger::ChainHash(r.prev_hash, DecisionPayload(r)) != r.hash) {
    problem = fmt::format("decision {} (seq {}): hash does not recompute (the record was edited)",
                          r.decision_id, r.seq);
  }
  if (!problem.empty()) {
    report_.ok = false;
    report_.problem = std::move(problem);
    return false;
  }
  ++report_.decisions;
  ++next_seq_;
  prev_hash_ = r.hash;
  return true;
}

DecisionVerifyReport DecisionVerifier::Finish() {
  report_.head_hash = prev_hash_.empty() ? std::string(ledger::kGenesisHash) : prev_hash_;
  return report_;
}

std::string IsoTime(int64_t ns) {
  std::time_t t = static_cast<std::time_t>(ns / 1'000'000'000);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900,
                     utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                     (ns / 1'000'000) % 1000);
}

// Accepts YYYY-MM-DD (midnight UTC) or YYYY-MM-DDTHH:MM:SS[.fff]Z.
std::optional<int64_t> ParseIsoTime(std::string_view text) {
  std::optional<Date> d = Date::Parse(text.substr(0, 10));
  if (!d) return std::nullopt;
  int64_t ns = static_cast<int64_t>(d->days()) * 86'400 * 1'000'000'000LL;
  if (text.size() == 10) return ns;
  int h = 0, m = 0, s = 0, ms = 0;
  std::string rest(text.substr(10));
  int used = 0;
  if (std::sscanf(rest.c_str(), "T%2d:%2d:%2d%n", &h, &m, &s, &used) != 3) return std::nullopt;
  std::string_view tail = std::string_view(rest).substr(static_cast<size_t>(used));
  if (tail.size() == 5 && tail[0] == '.') {
    if (std::sscanf(std::string(tail.substr(1, 3)).c_str(), "%3d", &ms) != 1) return std::nullopt;
    tail.remove_prefix(4);
  }
  if (tail != "Z" || h > 23 || m > 59 || s > 60 || h < 0 || m < 0 || s < 0) return std::nullopt;
  return ns + ((h * 60LL + m) * 60 + s) * 1'000'000'000LL + ms * 1'000'000LL;
}

}  // namespace highfence::decisions
