// SqliteStore: the embedded durable ledger, one SQLite file (created on first
// use). Several store objects, in threads or processes, may share one file:
// every write is one BEGIN IMMEDIATE transaction, so writers queue on SQLite's
// write lock (up to the busy timeout) and each re-reads the balances it checks
// inside its own transaction. A failed write rolls back and leaves nothing.
//
// Schema (version 2, PRAGMA user_version; amounts are INTEGER thousandths):
//   accounts(id, cap_milli NULL, posted_milli, pending_milli)
//   transfers(id PRIMARY KEY, account, amount_milli, state, shipment_id,
//             on_date, created_ns, settled_ns, note, shipment_hash), creation
//             order = rowid
//   events(seq PRIMARY KEY, kind, payload, prev_hash, hash)
// The events are the history (ledger/event_log.h); transfers and accounts are
// what it adds up to, kept in the same transaction, and Verify compares them.
//
// Thread safety: one thread at a time per object; any number of objects.
#ifndef HIGHFENCE_LEDGER_SQLITE_STORE_H_
#define HIGHFENCE_LEDGER_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "ledger/record_plan.h"
#include "ledger/sqlite/db.h"
#include "ledger/store.h"

namespace highfence::ledger {

class SqliteStore : public LedgerStore {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const SqliteOptions& options);

  Result<AccountBalance> Balance(std::string_view account, std::string_view shipment_id) override;
  RecordResult Record(std::span<const TransferRequest> transfers) override;
  Result<std::optional<std::string>> RecordedShipment(std::string_view shipment_id) override;
  Result<bool> HoldsShipments() override;
  Result<std::optional<TransferRecord>> FindTransfer(std::string_view id) override;
  Result<Settled> Post(std::string_view transfer_id, const Grant& grant) override;
  Result<Settled> Void(std::string_view transfer_id, std::string_view note) override;
  Result<Settled> Reverse(std::string_view transfer_id, std::string_view reason) override;
  Result<int64_t> ExpirePending(int64_t cutoff_ns) override;
  Result<AccountState> Show(std::string_view account) override;
  Result<std::vector<AccountState>> List(std::string_view prefix) override;
  Result<bool> HasTransferWithPrefix(std::string_view prefix) override;
  Result<std::vector<TransferRecord>> History(std::string_view account) override;
  Result<std::vector<TransferRecord>> Transfers() override;
  Status Seed(std::string_view account, Fixed amount, std::string_view note) override;
  Result<VerifyReport> Verify() override;
  Result<VerifyReport> Backup(const std::string& dest) override;
  Status BeginBatch() override;
  Status CommitBatch() override;

 private:
  class Lookup;
  class Write;
  explicit SqliteStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  Status CreateSchema();
  Status CheckSchema();
  Status LoadTail();
  Status Usable() const { return batch_error_; }
  Status AppendEvent(std::string_view kind, std::string payload);
  Status Apply(const RecordPlan& plan, std::string_view kind);
  Status PutAccount(const AccountState& a);
  // `settled`: kAlready when the transfer was settled (or reversed) so already.
  Status Settle(std::string_view id, TransferState to, std::string_view note, int64_t settled_ns,
                Settled* settled);
  Status ReverseIn(std::string_view id, std::string_view reason, Settled* settled);
  // Runs `work(&settled)` as one write.
  template <typename Work>
  Result<Settled> SettleWrite(Work work);
  Status RecordIn(std::span<const TransferRequest> transfers, RecordOutcome* outcome);
  Status ExpireIn(int64_t cutoff_ns, int64_t* count);
  Status SeedIn(std::string_view account, Fixed amount, std::string_view note);
  Result<std::vector<TransferRecord>> ReadTransfers(const char* sql, std::string_view arg);
  Result<VerifyReport> VerifyIn();

  std::unique_ptr<SqliteDb> db_;
  bool in_batch_ = false;
  Status batch_error_;    // set when an error abandoned the open batch
  int64_t tail_seq_ = 0;  // the newest event, valid inside a write
  std::string tail_hash_;
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_SQLITE_STORE_H_
