// SqliteDecisionStore: the decision log and API keys in the ledger's SQLite
// file (decision_store.h), on its own connection with the ledger's settings
// (WAL, synchronous=FULL, busy timeout: ledger/sqlite_db.h). An append is one
// BEGIN IMMEDIATE transaction, so writers in several processes queue on the
// file's write lock and the chain stays linear.
#ifndef HIGHFENCE_DECISIONS_SQLITE_DECISION_STORE_H_
#define HIGHFENCE_DECISIONS_SQLITE_DECISION_STORE_H_

#include <memory>
#include <string>

#include "decisions/decision_store.h"
#include "ledger/sqlite/db.h"

namespace highfence::decisions {

class SqliteDecisionStore : public DecisionStore {
 public:
  static Result<std::unique_ptr<SqliteDecisionStore>> Open(const std::string& path, bool read_only);

  Status Append(std::span<DecisionRecord> records) override;
  Result<DecisionRecord> Get(std::string_view decision_id) override;
  Result<std::vector<DecisionRecord>> Search(const DecisionQuery& query) override;
  Result<DecisionVerifyReport> Verify() override;
  Status PutKey(const ApiKeyRecord& key) override;
  Result<std::vector<ApiKeyRecord>> Keys() override;
  Status RevokeKey(std::string_view key_id, int64_t now_ns) override;

 private:
  explicit SqliteDecisionStore(std::unique_ptr<ledger::SqliteDb> db) : db_(std::move(db)) {}
  Status CreateTables();
  Status AppendIn(std::span<DecisionRecord> records);
  Status Finish(Status st);

  std::unique_ptr<ledger::SqliteDb> db_;
};

}  // namespace highfence::decisions

#endif  // HIGHFENCE_DECISIONS_SQLITE_DECISION_STORE_H_
