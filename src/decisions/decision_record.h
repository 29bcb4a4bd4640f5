// The decision log: what the server decided, for whom, under which law and why,
// kept in the ledger's database (the same SQLite file or PostgreSQL database)
// so a regulator's question years later has an answer that cannot have been
// edited since.
//
// Each DecisionRecord is appended, never changed. Records form one hash chain
// with the ledger's own chaining (ledger/event_log.h, ChainHash): a record's
// hash is SHA-256(prev_hash || payload), where the payload is the canonical JSON
//   {"decision_id","recorded_ns","key_id","shipment_id","party","decision",
//    "input_sha256","determination_sha256","law_hash","law_reviewed_on","mode",
//    "regime","dry_run"}
// (fixed key order, no whitespace). The input and the determination are stored
// as text beside it and enter the chain through their SHA-256, so Verify
// recomputes both digests and every hash. DO NOT CHANGE the payload layout:
// old logs would stop verifying.
//
// Thread safety: free functions over values.
#ifndef HIGHFENCE_DECISIONS_DECISION_RECORD_H_
#define HIGHFENCE_DECISIONS_DECISION_RECORD_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace highfence::decisions {

struct DecisionRecord {
  int64_t seq = 0;  // 1, 2, 3, ... in chain order; set by the store
  std::string decision_id;
  int64_t recorded_ns = 0;  // Unix epoch nanoseconds
  std::string key_id;       // the API key that asked
  std::string shipment_id;
  std::string party;     // the ultimate parent's party key, "" when none
  std::string decision;  // wire name
  std::string input;     // the shipment exactly as received
  std::string input_sha256;
  std::string determination;    // the determination as answered (one JSON object)
  std::string law_hash;         // the law data's content hash
  std::string law_reviewed_on;  // YYYY-MM-DD: the newest review date of the law files
  std::string mode;             // as_written | as_enforced
  std::string regime;           // the regime applied (the determination's)
  bool dry_run = false;         // determined without drawing on the ledger
  std::string prev_hash;        // set by the store
  std::string hash;             // set by the store
};

// A new decision id: 12 hex digits of milliseconds since the epoch, then 20
// random hex digits (80 bits), so ids sort by time and never collide between
// servers sharing one database.
std::string NewDecisionId(int64_t now_ns);

// Fills input_sha256 from input.
void DigestInput(DecisionRecord* r);

// The canonical payload of `r` (see above).
std::string DecisionPayload(const DecisionRecord& r);

// Sets r->seq, prev_hash and hash to follow the chain's tail (`tail_seq`,
// `tail_hash`; 0 and kGenesisHash for an empty log).
void ChainDecision(int64_t tail_seq, std::string_view tail_hash, DecisionRecord* r);

struct DecisionVerifyReport {
  bool ok = true;
  int64_t decisions = 0;
  std::string problem;    // the first broken record when !ok
  std::string head_hash;  // the newest record's hash (64 zeros when none)
};

// Checks records in seq order: seq runs 1, 2, 3 ...; each prev_hash is the
// previous hash; each digest and hash recomputes. Stops at the first problem.
class DecisionVerifier {
 public:
  // Feed records in seq order; false once a problem was found.
  bool Add(const DecisionRecord& r);
  DecisionVerifyReport Finish();

 private:
  DecisionVerifyReport report_;
  int64_t next_seq_ = 1;
  std::string prev_hash_;
};

// "YYYY-MM-DDTHH:MM:SS.mmmZ" for an instant, and back (nullopt when not one).
std::string IsoTime(int64_t ns);
std::optional<int64_t> ParseIsoTime(std::string_view text);

}  // namespace highfence::decisions

#endif  // HIGHFENCE_DECISIONS_DECISION_RECORD_H_
