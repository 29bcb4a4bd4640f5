// PostgresStore: the quota ledger in a PostgreSQL database, for several
// processes or servers drawing on one ledger (store.h; docs/ledger.md, "Several
// servers on one PostgreSQL ledger").
//
// Schema (version 2; amounts are BIGINT thousandths, never floating point): the
// SQLite store's tables (accounts, transfers, events; see ledger/postgres/sql.h) plus
// transfers.seq (creation order) and ledger_meta, whose `chain_head` row is the
// writers' lock.
//
// Writes. Every write (Record, Post, Void, Seed, ExpirePending) is one
// READ COMMITTED transaction that
//   1. locks the chain head row (writers on every server queue here, so events
//      append to one linear hash chain and no two writers ever hold locks the
//      other wants: no deadlock, even across batches);
//   2. locks the account rows it touches, SELECT ... FOR UPDATE in id order,
//      and reads them and any transfers with the requested ids, committed by
//      anyone before step 1;
//   3. plans with the shared rules (record_plan.h): caps are re-checked here,
//      under the locks, and an id that exists is an idempotent retry;
//   4. writes transfers, events and accounts in one statement, and commits.
// A serialization failure or deadlock (possible only if something else locks
// these rows) is retried up to kWriteAttemptsMax times.
//
// Batches. BeginBatch opens one transaction and takes the chain head at once
// (as SQLite's BEGIN IMMEDIATE), keeping it until CommitBatch. As no one else
// can write meanwhile, Balance and Record inside the batch work from memory:
// each account row and each shipment's transfers are read (and the accounts
// locked) once, the caps are checked by the same rules against those rows plus
// the batch's own draws, and the batch's transfers, events and account totals
// are written by one statement at CommitBatch (or every kFlushEventsMax
// events). What was read stays valid into the next batch while the chain's
// tail is still the one this store wrote last.
//
// Failures. A connection lost mid-transaction is rolled back by the server: the
// call returns kIOError saying so and nothing of it is kept; the next call
// reconnects. A connection found lost before a call starts writing (an idle
// connection the server dropped) is reconnected at once. A connection lost while
// committing leaves the outcome unknown, and the error says so: repeating the
// call is safe for Record (idempotent on transfer ids).
//
// Thread safety: one thread at a time per object (one object, one connection);
// any number of objects, threads, processes and servers per database.
#ifndef HIGHFENCE_LEDGER_POSTGRES_STORE_H_
#define HIGHFENCE_LEDGER_POSTGRES_STORE_H_

#include <functional>
#include <initializer_list>
#include <memory>
#include <string>

#include "highfence/status.h"
#include "ledger/postgres/db.h"
#include "ledger/record_plan.h"
#include "ledger/store.h"

namespace highfence::ledger {

// Opens the ledger in the database named by `url` (postgres:// or
// postgresql://, any libpq connection URI; `?options=-csearch_path%3DNAME`
// keeps it in schema NAME). Creates the tables when missing, unless
// `read_only`: then a database without them is kInvalidArgument. kIOError when
// the server cannot be reached.
Result<std::unique_ptr<LedgerStore>> OpenPostgresStore(const std::string& url, bool read_only);

class PostgresStore : public LedgerStore {
 public:
  // Attempts of one write transaction that keeps failing with a serialization
  // failure or a deadlock before it reports kIOError.
  static constexpr int kWriteAttemptsMax = 5;
  // Events a batch keeps in memory before it writes them (before CommitBatch):
  // bounds the memory and the size of one statement.
  static constexpr size_t kFlushEventsMax = 10'000;
  // Entries (accounts, transfers, shipments) the batch cache may hold when a
  // batch begins; past it the cache starts empty again.
  static constexpr size_t kCacheEntriesMax = 500'000;

  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& url,
                                                     const PgOptions& options);

  Result<AccountBalance> Balance(std::string_view account, std::string_view shipment_id) override;
  RecordResult Record(std::span<const TransferRequest> transfers) override;
  Result<std::optional<std::string>> RecordedShipment(std::string_view shipment_id) override;
  Result<bool> HoldsShipments() override;
  Status PrepareShipments(std::span<const std::string_view> shipment_ids) override;
  Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) override;
  Result<Settled> Post(std::string_view transfer_id, const Grant& grant) override;
  Result<Settled> Void(std::string_view transfer_id, std::string_view note) override;
  Result<Settled> Reverse(std::string_view transfer_id, std::string_view reason) override;
  // Refused, naming the tool that does it: pg_dump (docs/ledger.md).
  Result<VerifyReport> Backup(const std::string& dest) override;
  Result<int64_t> ExpirePending(int64_t cutoff_ns) override;
  Result<AccountState> Show(std::string_view account) override;
  Result<std::vector<AccountState>> List(std::string_view prefix) override;
  Result<bool> HasTransferWithPrefix(std::string_view prefix) override;
  Result<std::vector<TransferRecord>> History(std::string_view account) override;
  Result<std::vector<TransferRecord>> Transfers() override;
  Status Seed(std::string_view account, Fixed amount, std::string_view note) override;
  Result<VerifyReport> Verify() override;
  Status BeginBatch() override;
  Status CommitBatch() override;

  ~PostgresStore() override;

  // Test hook: the server process serving this store (0 when not connected),
  // so a test can end it with pg_terminate_backend.
  int backend_pid_for_test() const { return db_->backend_pid(); }

 private:
  class Lookup;
  class CacheLookup;
  struct BatchCache;
  using Work = std::function<Status()>;
  explicit PostgresStore(std::unique_ptr<PgDb> db);

  // Opening.
  Status CheckSchema();
  Status CreateSchema();
  Status CheckCaps();
  // Transactions.
  Status Write(const Work& work);
  Status WriteOnce(const Work& work);
  Status WriteInBatch(const Work& work);
  Status BeginWrite();
  Status LockHead();
  Status SetTail(const PgRows& tail);
  Status Commit();
  void Rollback();
  Status AbandonBatch(const Status& why);
  Status Read(const Work& work);
  // Writes, inside a transaction that holds the chain head.
  Status RecordIn(std::span<const TransferRequest> transfers, RecordOutcome* outcome);
  Status SettleIn(std::string_view id, TransferState to, std::string_view note, int64_t settled_ns,
                  Settled* settled);
  Status ReverseIn(std::string_view id, std::string_view reason, Settled* settled);
  Result<Lookup> PrefetchTransfers(std::initializer_list<std::string_view> ids);
  Status ExpireIn(int64_t cutoff_ns, int64_t* count);
  Status SeedIn(std::string_view account, Fixed amount, std::string_view note);
  Status WriteCreate(const RecordPlan& plan, std::string_view kind);
  Status WriteRows(const std::vector<const TransferRecord*>& transfers,
                   const std::vector<Event>& events,
                   const std::vector<const AccountState*>& accounts);
  Status WriteSettles(const std::vector<SettlePlan>& plans);
  Status CheckCounts(const PgRows& counts, int64_t transfers, int64_t events, int64_t accounts);
  // The batch's fast path (ledger/postgres/batch_cache.cc): Balance and Record
  // served from memory and written at CommitBatch.
  Result<AccountBalance> CommittedBalanceBefore(std::string_view account,
                                                std::string_view shipment_id);
  Result<AccountBalance> CachedBalance(std::string_view account, std::string_view shipment_id);
  Status CachedRecord(std::span<const TransferRequest> transfers, RecordOutcome* outcome);
  Result<std::optional<std::string>> CachedRecordedShipment(std::string_view shipment_id);
  Status LoadShipments(std::span<const std::string_view> shipment_ids);
  Status LoadFor(std::span<const TransferRequest> transfers);
  Status LoadShipment(std::string_view shipment, const std::vector<std::string_view>& accounts);
  Status LoadRows(const PgRows& rows, const std::string* shipment);
  void ApplyCreate(const RecordPlan& plan, std::string_view kind);
  Status Flush();
  void KeepOrDropCache();
  void DropCache();
  // Reads.
  Result<std::vector<TransferRecord>> ReadTransfers(const PgSql& sql, std::string_view arg);
  Result<VerifyReport> VerifyIn();

  std::unique_ptr<PgDb> db_;
  bool in_batch_ = false;
  bool head_locked_ = false;  // this transaction holds the chain head
  bool dirty_ = false;        // a write statement ran but its result was refused
  Status batch_error_;        // set when an error abandoned the open batch
  int64_t tail_seq_ = 0;      // the newest event, valid while head_locked_
  std::string tail_hash_;
  // What the open batch knows of the ledger. It outlives a batch while the
  // chain's tail is still the one it last wrote (no one else wrote since).
  std::unique_ptr<BatchCache> cache_;
  int64_t cache_seq_ = -1;  // the tail the cache agrees with, after CommitBatch
  std::string cache_hash_;
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_POSTGRES_STORE_H_
