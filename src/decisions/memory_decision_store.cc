#include "decisions/memory_decision_store.h"

#include "ledger/event_log.h"

namespace highfence::decisions {

bool Matches(const DecisionQuery& q, const DecisionRecord& r) {
  if (!q.shipment_id.empty() && r.shipment_id != q.shipment_id) return false;
  if (!q.party.empty() && r.party != q.party) return false;
  if (!q.decision.empty() && r.decision != q.decision) return false;
  if (q.from_ns && r.recorded_ns < *q.from_ns) return false;
  if (q.to_ns && r.recorded_ns >= *q.to_ns) return false;
  return true;
}

Status MemoryDecisionStore::Append(std::span<DecisionRecord> records) {
  int64_t seq = records_.empty() ? 0 : records_.back().seq;
  std::string hash = records_.empty() ? std::string(ledger::kGenesisHash) : records_.back().hash;
  for (DecisionRecord& r : records) {
    ChainDecision(seq, hash, &r);
    seq = r.seq;
    hash = r.hash;
  }
  records_.insert(records_.end(), records.begin(), records.end());
  return Status::Ok();
}

Result<DecisionRecord> MemoryDecisionStore::Get(std::string_view decision_id) {
  for (const DecisionRecord& r : records_) {
    if (r.decision_id == decision_id) return r;
  }
  return Status::NotFound("no decision with id `" + std::string(decision_id) + "`");
}

Result<std::vector<DecisionRecord>> MemoryDecisionStore::Search(const DecisionQuery& q) {
  std::vector<DecisionRecord> out;
  auto take = [&](const DecisionRecord& r) {
    if (static_cast<int64_t>(out.size()) >= q.limit) return false;
    if (Matches(q, r)) out.push_back(r);
    return true;
  };
  if (q.newest_first) {
    for (auto it = records_.rbegin(); it != records_.rend(); ++it) {
      if (q.cursor > 0 && it->seq >= q.cursor) continue;
      if (!take(*it)) break;
    }
  } else {
    for (const DecisionRecord& r : records_) {
      if (r.seq <= q.cursor) continue;
      if (!take(r)) break;
    }
  }
  return out;
}

Result<DecisionVerifyReport> MemoryDecisionStore::Verify() {
  DecisionVerifier v;
  for (const DecisionRecord& r : records_) {
    if (!v.Add(r)) break;
  }
  return v.Finish();
}

Status MemoryDecisionStore::PutKey(const ApiKeyRecord& key) {
  for (const ApiKeyRecord& k : keys_) {
    if (k.key_id == key.key_id) return Status::Conflict("key `" + key.key_id + "` exists");
  }
  keys_.push_back(key);
  return Status::Ok();
}

Result<std::vector<ApiKeyRecord>> MemoryDecisionStore::Keys() { return keys_; }

Status MemoryDecisionStore::RevokeKey(std::string_view key_id, int64_t now_ns) {
  for (ApiKeyRecord& k : keys_) {
    if (k.key_id != key_id) continue;
    if (k.revoked_ns == 0) k.revoked_ns = now_ns;
    return Status::Ok();
  }
  return Status::NotFound("no API key with id `" + std::string(key_id) + "`");
}

}  // namespace highfence::decisions
