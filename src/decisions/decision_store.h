// DecisionStore: the decision log and the API keys, in the ledger's database.
// One interface, three stores (memory for tests, SQLite, PostgreSQL), checked by
// one contract suite (decision_store_contract_test.cc).
//
// Tables, beside the ledger's (which they never touch):
//   decisions(seq, decision_id, recorded_ns, key_id, shipment_id, party,
//             decision, input, input_sha256, determination, law_hash,
//             law_reviewed_on, mode, regime, dry_run, prev_hash, hash)
//   api_keys(key_id, role, label, secret_sha256, created_ns, revoked_ns)
//   decision_meta(key, value): schema_version; on PostgreSQL also the
//             `chain_head` row every append locks first, so servers sharing
//             one database append to one linear chain.
//
// Thread safety: one thread at a time per object; any number of objects (in
// threads, processes or servers) per database.
#ifndef HIGHFENCE_DECISIONS_DECISION_STORE_H_
#define HIGHFENCE_DECISIONS_DECISION_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "highfence/status.h"
#include "decisions/decision_record.h"

namespace highfence::decisions {

struct DecisionQuery {
  std::string shipment_id;                // exact; "" for any
  std::string party;                      // party key, exact; "" for any
  std::string decision;                   // wire name; "" for any
  std::optional<int64_t> from_ns, to_ns;  // recorded_ns in [from, to)
  int64_t cursor = 0;                     // > 0: continue after (newest first: before) this seq
  int64_t limit = 100;
  bool newest_first = true;
};

struct ApiKeyRecord {
  std::string key_id;  // 16 hex digits, public: names the key in logs
  std::string role;    // viewer | officer | admin
  std::string label;
  std::string secret_sha256;  // hex SHA-256 of the secret part of the key
  int64_t created_ns = 0;
  int64_t revoked_ns = 0;  // 0 while valid
};

class DecisionStore {
 public:
  virtual ~DecisionStore() = default;

  // Opens the decision tables in `target` ("memory:", a SQLite file, or a
  // postgres:// URL), creating them unless `read_only`. Open the ledger first:
  // on a new SQLite file the ledger's own tables must come first.
  static Result<std::unique_ptr<DecisionStore>> Open(const std::string& target, bool read_only);

  // Appends `records` in order, in one transaction: sets each one's seq,
  // prev_hash and hash. Durable when it returns OK; on error nothing is kept.
  virtual Status Append(std::span<DecisionRecord> records) = 0;
  // kNotFound for an unknown id.
  virtual Result<DecisionRecord> Get(std::string_view decision_id) = 0;
  // Matching records, by seq (newest first unless asked otherwise), at most
  // query.limit of them.
  virtual Result<std::vector<DecisionRecord>> Search(const DecisionQuery& query) = 0;
  // Reads the whole log in one snapshot and checks the chain.
  virtual Result<DecisionVerifyReport> Verify() = 0;

  // kConflict when the key id exists.
  virtual Status PutKey(const ApiKeyRecord& key) = 0;
  // Every key, revoked ones included, by creation.
  virtual Result<std::vector<ApiKeyRecord>> Keys() = 0;
  // kNotFound for an unknown id; revoking twice keeps the first time.
  virtual Status RevokeKey(std::string_view key_id, int64_t now_ns) = 0;
};

}  // namespace highfence::decisions

#endif  // HIGHFENCE_DECISIONS_DECISION_STORE_H_
