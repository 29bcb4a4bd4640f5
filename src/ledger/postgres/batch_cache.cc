// PostgresStore: the batch's fast path. A batch holds the chain head from
// BeginBatch to CommitBatch, so no one else writes meanwhile and what it read
// stays true: Balance and Record are served from memory after one read per
// shipment and per account, and the batch's rows are written in one statement
// at CommitBatch. A round trip to the server costs far more than the work of a
// shipment; this is what makes `check --ledger postgres://` fast.
//
// Invariant: while a batch is open and its cache is in use, every transfer
// whose shipment is in `shipments`, or whose id starts with "S/" for such a
// shipment S, is in `transfers`; every account in `accounts` holds its row as
// it stands with the batch's own draws (nullopt: no row).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "ledger/event_log.h"
#include "ledger/postgres/rows.h"
#include "ledger/postgres/sql.h"
#include "ledger/postgres/store.h"

namespace highfence::ledger {

struct PostgresStore::BatchCache {
  struct Entry {
    TransferRecord transfer;
    int64_t seq = 0;     // the event that created it
    bool in_db = false;  // false until Flush writes it
  };
  std::unordered_map<std::string, std::optional<AccountState>> accounts;
  std::unordered_map<std::string, Entry> transfers;
  std::unordered_set<std::string> shipments;  // loaded in full (see the invariant)
  std::unordered_map<std::string, std::vector<std::string>> by_shipment;  // ids, loaded ones
  // Not yet in the database: transfer ids in creation order, their events, and
  // the accounts they changed.
  std::vector<std::string> created;
  std::vector<Event> events;
  std::set<std::string> dirty_accounts;

  size_t size() const { return accounts.size() + transfers.size() + shipments.size(); }

  // True when `id` is "S/..." for a loaded shipment S: then the cache knows
  // whether it exists.
  bool Covered(std::string_view id) const {
    for (size_t slash = id.find('/'); slash != std::string_view::npos;
         slash = id.find('/', slash + 1)) {
      if (shipments.contains(std::string(id.substr(0, slash)))) return true;
    }
    return false;
  }
};

// RecordLookup over the cache. REQUIRES: LoadFor ran for the request, so every
// id it asks for is in the cache or known not to exist, and every account is in
// the cache.
class PostgresStore::CacheLookup : public RecordLookup {
 public:
  explicit CacheLookup(BatchCache* cache) : cache_(cache) {}
  Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) override {
    auto it = cache_->transfers.find(std::string(id));
    if (it == cache_->transfers.end()) return std::optional<TransferRecord>();
    return std::optional<TransferRecord>(it->second.transfer);
  }
  Result<std::optional<AccountState>> FindAccount(std::string_view account) override {
    auto it = cache_->accounts.find(std::string(account));
    HF_ASSERT(it != cache_->accounts.end());
    return it->second;
  }

 private:
  BatchCache* cache_;
};

PostgresStore::PostgresStore(std::unique_ptr<PgDb> db) : db_(std::move(db)) {}
PostgresStore::~PostgresStore() = default;  // an open batch is rolled back by the server

void PostgresStore::DropCache() {
  cache_ = std::make_unique<BatchCache>();
  cache_seq_ = -1;
  cache_hash_.clear();
}

// At BeginBatch, once the chain head is held: the cache stays when no event
// was appended since this store last committed (so no one changed a row).
void PostgresStore::KeepOrDropCache() {
  HF_ASSERT(head_locked_);
  bool same_tail = tail_seq_ == cache_seq_ && tail_hash_ == cache_hash_;
  if (cache_ == nullptr || !same_tail || cache_->size() > kCacheEntriesMax) DropCache();
  HF_ASSERT(cache_->events.empty());
  HF_ASSERT(cache_->created.empty());
}

// Loads the rows of a kPrefetch* or kLoadShipment statement. A row never
// replaces one the cache holds: the cache's may carry the batch's own draws.
Status PostgresStore::LoadRows(const PgRows& rows, const std::string* shipment) {
  BatchCache& c = *cache_;
  for (int r = 0; r < rows.size(); ++r) {
    if (rows.Text(r, 0) == "a") {
      AccountState a = PgAccountFromRow(rows, r, 1);
      std::string id = a.account;
      c.accounts.try_emplace(std::move(id), std::move(a));
      continue;
    }
    HF_ASSERT(rows.Text(r, 0) == "t");
    Result<TransferRecord> t = PgTransferFromRow(rows, r, 1);
    if (!t.ok()) return t.status();
    if (shipment != nullptr && t->shipment_id == *shipment)
      c.by_shipment[*shipment].push_back(t->id);
    std::string id = t->id;
    c.transfers.try_emplace(std::move(id), BatchCache::Entry{std::move(*t), rows.Int(r, 11), true});
  }
  return Status::Ok();
}

Status PostgresStore::LoadShipment(std::string_view shipment,
                                   const std::vector<std::string_view>& accounts) {
  HF_ASSERT(!shipment.empty());
  HF_ASSERT(!cache_->shipments.contains(std::string(shipment)));
  PgArray names;
  for (std::string_view a : accounts) names.Add(a);
  PgParams params;
  params.Add(shipment).Add(fmt::format("{}/", shipment)).Add(fmt::format("{}0", shipment));
  params.Add(names.literal());
  Result<PgRows> rows = db_->Run(pgsql::kLoadShipment, params, "reading a shipment's transfers");
  if (!rows.ok()) return rows.status();
  std::string name(shipment);
  cache_->by_shipment[name];  // loaded, even when it has no transfers
  HF_RETURN_IF_ERROR(LoadRows(*rows, &name));
  cache_->shipments.insert(std::move(name));
  for (std::string_view a : accounts) cache_->accounts.try_emplace(std::string(a), std::nullopt);
  return Status::Ok();
}

// Loads, in one round trip, every shipment of `shipment_ids` the cache has not
// loaded. (Unlike LoadShipment it does not look for ids "S/..." recorded under
// another shipment id: only callers other than the engine write such ids.)
Status PostgresStore::LoadShipments(std::span<const std::string_view> shipment_ids) {
  PgArray names;
  std::vector<std::string> loading;
  for (std::string_view s : shipment_ids) {
    std::string name(s);
    if (name.empty() || cache_->shipments.contains(name)) continue;
    if (std::find(loading.begin(), loading.end(), name) != loading.end()) continue;
    names.Add(s);
    loading.push_back(std::move(name));
  }
  if (loading.empty()) return Status::Ok();
  PgParams params;
  params.Add(names.literal());
  Result<PgRows> rows = db_->Run(pgsql::kLoadShipments, params, "reading shipments' transfers");
  if (!rows.ok()) return rows.status();
  for (const std::string& name : loading) cache_->by_shipment[name];
  for (int r = 0; r < rows->size(); ++r) {
    HF_ASSERT(rows->Text(r, 0) == "t");
    Result<TransferRecord> t = PgTransferFromRow(*rows, r, 1);
    if (!t.ok()) return t.status();
    std::string id = t->id;
    cache_->by_shipment[t->shipment_id].push_back(id);
    cache_->transfers.try_emplace(std::move(id),
                                  BatchCache::Entry{std::move(*t), rows->Int(r, 11), true});
  }
  for (std::string& name : loading) cache_->shipments.insert(std::move(name));
  return Status::Ok();
}

Result<std::optional<std::string>> PostgresStore::CachedRecordedShipment(
    std::string_view shipment_id) {
  HF_ASSERT(in_batch_);
  std::string name(shipment_id);
  if (!cache_->shipments.contains(name)) {
    Status st = LoadShipment(shipment_id, {});
    if (!st.ok()) return db_->failure() == PgDb::Failure::kNone ? st : AbandonBatch(st);
  }
  for (const std::string& id : cache_->by_shipment.at(name)) {
    const TransferRecord& t = cache_->transfers.at(id).transfer;
    if (t.shipment_id == shipment_id) return std::optional<std::string>(t.shipment_hash);
  }
  return std::optional<std::string>();
}

// Reads what a Record needs that the cache lacks: its shipments, then any id
// the shipments do not cover and any account not yet read (one round trip
// each, usually one in all, and none for a shipment Balance already read).
Status PostgresStore::LoadFor(std::span<const TransferRequest> transfers) {
  BatchCache& c = *cache_;
  auto missing_accounts = [&] {
    std::vector<std::string_view> out;
    for (const TransferRequest& t : transfers) {
      if (!c.accounts.contains(t.account) &&
          std::find(out.begin(), out.end(), t.account) == out.end()) {
        out.push_back(t.account);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  for (const TransferRequest& t : transfers) {
    if (t.shipment_id.empty() || c.shipments.contains(t.shipment_id)) continue;
    HF_RETURN_IF_ERROR(LoadShipment(t.shipment_id, missing_accounts()));
  }
  std::vector<std::string_view> accounts = missing_accounts();
  PgArray ids, names;
  bool any = !accounts.empty();
  for (std::string_view a : accounts) names.Add(a);
  for (const TransferRequest& t : transfers) {
    if (c.transfers.contains(t.id) || c.Covered(t.id)) continue;
    ids.Add(t.id);
    any = true;
  }
  if (!any) return Status::Ok();
  PgParams params;
  params.Add(names.literal()).Add(ids.literal());
  Result<PgRows> rows = db_->Run(pgsql::kPrefetchRecord, params, "locking accounts");
  if (!rows.ok()) return rows.status();
  HF_RETURN_IF_ERROR(LoadRows(*rows, nullptr));
  for (std::string_view a : accounts) c.accounts.try_emplace(std::string(a), std::nullopt);
  return Status::Ok();
}

// Puts a plan's transfers, events and accounts into the cache, for Flush.
void PostgresStore::ApplyCreate(const RecordPlan& plan, std::string_view kind) {
  BatchCache& c = *cache_;
  for (size_t i = 0; i < plan.fresh.size(); ++i) {
    const TransferRecord& t = plan.fresh[i];
    c.events.push_back(
        ChainEvent(tail_seq_ + 1, kind, CreatePayload(kind, t, plan.caps[i]), tail_hash_));
    tail_seq_ = c.events.back().seq;
    tail_hash_ = c.events.back().hash;
    // LoadFor loaded the shipment, so a later load cannot miss this unwritten row.
    HF_ASSERT(t.shipment_id.empty() || c.shipments.contains(t.shipment_id));
    if (!t.shipment_id.empty()) c.by_shipment[t.shipment_id].push_back(t.id);
    c.created.push_back(t.id);
    bool fresh = c.transfers.try_emplace(t.id, BatchCache::Entry{t, tail_seq_, false}).second;
    HF_ASSERT(fresh);
  }
  for (const AccountState& a : plan.accounts) {
    c.accounts.insert_or_assign(a.account, a);
    c.dirty_accounts.insert(a.account);
  }
}

Status PostgresStore::Flush() {
  HF_ASSERT(in_batch_);
  BatchCache& c = *cache_;
  HF_ASSERT(c.created.size() == c.events.size());
  if (c.events.empty()) return Status::Ok();
  std::vector<const TransferRecord*> transfers;
  transfers.reserve(c.created.size());
  for (const std::string& id : c.created) transfers.push_back(&c.transfers.at(id).transfer);
  std::vector<const AccountState*> accounts;
  for (const std::string& name : c.dirty_accounts) {
    const std::optional<AccountState>& a = c.accounts.at(name);
    HF_ASSERT(a.has_value());
    accounts.push_back(&*a);
  }
  HF_RETURN_IF_ERROR(WriteRows(transfers, c.events, accounts));
  for (const std::string& id : c.created) c.transfers.at(id).in_db = true;
  c.created.clear();
  c.events.clear();
  c.dirty_accounts.clear();
  return Status::Ok();
}

Status PostgresStore::CachedRecord(std::span<const TransferRequest> transfers,
                                   RecordOutcome* outcome) {
  HF_ASSERT(in_batch_);
  HF_ASSERT(head_locked_);
  dirty_ = false;
  Status loaded = LoadFor(transfers);
  if (!loaded.ok()) {
    // A database error has aborted the batch's transaction; a row highfence
    // cannot read (kCorruption) fails only this call.
    return db_->failure() == PgDb::Failure::kNone ? loaded : AbandonBatch(loaded);
  }
  CacheLookup lookup(cache_.get());
  Result<RecordPlan> plan = PlanRecord(transfers, NowNs(), &lookup);
  if (!plan.ok()) return plan.status();  // nothing was applied: only this call fails
  *outcome = plan->outcome;
  if (plan->outcome == RecordOutcome::kExists) return Status::Ok();
  if (plan->outcome != RecordOutcome::kOk) return plan->refusal;
  ApplyCreate(*plan, kEventTransfer);
  if (cache_->events.size() < kFlushEventsMax) return Status::Ok();
  Status flushed = Flush();
  return flushed.ok() ? flushed : AbandonBatch(flushed);
}

Result<AccountBalance> PostgresStore::CachedBalance(std::string_view account,
                                                    std::string_view shipment_id) {
  HF_ASSERT(in_batch_);
  BatchCache& c = *cache_;
  std::string name(account);
  bool have_account = c.accounts.contains(name);
  Status st;
  if (!shipment_id.empty() && !c.shipments.contains(std::string(shipment_id))) {
    std::vector<std::string_view> accounts;
    if (!have_account) accounts.push_back(account);
    st = LoadShipment(shipment_id, accounts);
  } else if (!have_account) {
    PgArray names, ids;  // reads and locks the one account
    names.Add(account);
    PgParams params;
    params.Add(names.literal()).Add(ids.literal());
    Result<PgRows> rows = db_->Run(pgsql::kPrefetchRecord, params, "reading an account");
    st = rows.ok() ? LoadRows(*rows, nullptr) : rows.status();
    if (st.ok()) c.accounts.try_emplace(name, std::nullopt);
  }
  if (!st.ok()) return db_->failure() == PgDb::Failure::kNone ? st : AbandonBatch(st);
  const std::optional<AccountState>& row = c.accounts.at(name);
  if (!row) return AccountBalance{};
  if (!shipment_id.empty()) {
    for (const std::string& id : c.by_shipment.at(std::string(shipment_id))) {
      if (c.transfers.at(id).transfer.account != account) continue;
      // A re-run: the account as the shipment first saw it. Everything before
      // its first draw was committed before this batch, so the committed rows
      // answer it (the batch's own unflushed rows all come after).
      return CommittedBalanceBefore(account, shipment_id);
    }
  }
  return BalanceOf(*row, AccountBalance{});
}

Result<AccountBalance> PostgresStore::CommittedBalanceBefore(std::string_view account,
                                                             std::string_view shipment_id) {
  PgParams params;
  params.Add(account).Add(shipment_id);
  Result<PgRows> rows = db_->Run(pgsql::kBalance, params, "reading a balance");
  if (!rows.ok()) return rows.status();
  if (rows->size() == 0) return AccountBalance{};
  AccountBalance later{Fixed::FromMilli(rows->Int(0, 4)), Fixed::FromMilli(rows->Int(0, 5))};
  return BalanceOf(PgAccountFromRow(*rows, 0, 0), later);
}

}  // namespace highfence::ledger
