// DecisionStore::Open: picks the store from the target's form, as the ledger's
// LedgerStore::Open does.
#include "decisions/decision_store.h"

#include "decisions/memory_decision_store.h"
#include "decisions/postgres_decision_store.h"
#include "decisions/sqlite_decision_store.h"

namespace highfence::decisions {

Result<std::unique_ptr<DecisionStore>> DecisionStore::Open(const std::string& target,
                                                           bool read_only) {
  if (target.empty()) return Status::InvalidArgument("the decision log target is empty");
  if (target == "memory:") return std::unique_ptr<DecisionStore>(new MemoryDecisionStore());
  if (target.starts_with("postgres://") || target.starts_with("postgresql://")) {
    Result<std::unique_ptr<PostgresDecisionStore>> s =
        PostgresDecisionStore::Open(target, read_only);
    if (!s.ok()) return s.status();
    return std::unique_ptr<DecisionStore>(std::move(*s));
  }
  Result<std::unique_ptr<SqliteDecisionStore>> s = SqliteDecisionStore::Open(target, read_only);
  if (!s.ok()) return s.status();
  return std::unique_ptr<DecisionStore>(std::move(*s));
}

}  // namespace highfence::decisions
