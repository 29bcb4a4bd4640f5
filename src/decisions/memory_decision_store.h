// MemoryDecisionStore: the decision log and keys in memory, for tests and the
// fuzzer. Same contract as the durable stores (decision_store.h), nothing kept.
#ifndef HIGHFENCE_DECISIONS_MEMORY_DECISION_STORE_H_
#define HIGHFENCE_DECISIONS_MEMORY_DECISION_STORE_H_

#include <vector>

#include "decisions/decision_store.h"

namespace highfence::decisions {

class MemoryDecisionStore : public DecisionStore {
 public:
  Status Append(std::span<DecisionRecord> records) override;
  Result<DecisionRecord> Get(std::string_view decision_id) override;
  Result<std::vector<DecisionRecord>> Search(const DecisionQuery& query) override;
  Result<DecisionVerifyReport> Verify() override;
  Status PutKey(const ApiKeyRecord& key) override;
  Result<std::vector<ApiKeyRecord>> Keys() override;
  Status RevokeKey(std::string_view key_id, int64_t now_ns) override;

  // For tests and the fuzzer: the stored records and keys, to tamper with or trim.
  std::vector<DecisionRecord>& records() { return records_; }
  std::vector<ApiKeyRecord>& keys() { return keys_; }

 private:
  std::vector<DecisionRecord> records_;
  std::vector<ApiKeyRecord> keys_;
};

// True when `r` passes every filter of `q` but the cursor and limit.
bool Matches(const DecisionQuery& q, const DecisionRecord& r);

}  // namespace highfence::decisions

#endif  // HIGHFENCE_DECISIONS_MEMORY_DECISION_STORE_H_
