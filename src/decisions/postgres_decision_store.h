// PostgresDecisionStore: the decision log and API keys in the ledger's
// PostgreSQL database (decision_store.h), on a connection of its own. An append
// is one READ COMMITTED transaction that first locks decision_meta's
// `chain_head` row, so appends from every server queue there and the chain stays
// linear; the records are written by one statement. A lost connection rolls the
// append back (kIOError; nothing kept) and the next call reconnects.
#ifndef HIGHFENCE_DECISIONS_POSTGRES_DECISION_STORE_H_
#define HIGHFENCE_DECISIONS_POSTGRES_DECISION_STORE_H_

#include <memory>
#include <string>

#include "decisions/decision_store.h"
#include "ledger/postgres/db.h"

namespace highfence::decisions {

class PostgresDecisionStore : public DecisionStore {
 public:
  static Result<std::unique_ptr<PostgresDecisionStore>> Open(const std::string& url,
                                                             bool read_only);

  Status Append(std::span<DecisionRecord> records) override;
  Result<DecisionRecord> Get(std::string_view decision_id) override;
  Result<std::vector<DecisionRecord>> Search(const DecisionQuery& query) override;
  Result<DecisionVerifyReport> Verify() override;
  Status PutKey(const ApiKeyRecord& key) override;
  Result<std::vector<ApiKeyRecord>> Keys() override;
  Status RevokeKey(std::string_view key_id, int64_t now_ns) override;

 private:
  explicit PostgresDecisionStore(std::unique_ptr<ledger::PgDb> db) : db_(std::move(db)) {}
  Status CreateTables();
  Status Ready();
  Status AppendIn(std::span<DecisionRecord> records);
  // Commits after `st` succeeded, rolls back otherwise.
  Status Finish(Status st);

  std::unique_ptr<ledger::PgDb> db_;
};

}  // namespace highfence::decisions

#endif  // HIGHFENCE_DECISIONS_POSTGRES_DECISION_STORE_H_
