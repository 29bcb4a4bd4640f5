// SqliteStore: balances, accounts, transfers and Verify.
#include <fmt/format.h>

#include "ledger/event_log.h"
#include "ledger/sqlite/rows.h"
#include "ledger/sqlite/sql.h"
#include "ledger/sqlite/store.h"
#include "ledger/verify.h"

namespace highfence::ledger {
namespace {

// A read transaction, so every statement of a multi-statement read sees one
// snapshot while other connections write. Inside a batch, the batch's
// transaction already is one.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(SqliteDb* db) : db_(db) {}
  ~ReadSnapshot() {
    if (open_) (void)db_->Exec("COMMIT");  // a read-only transaction: nothing to lose
  }
  Status Begin() {
    if (!db_->autocommit()) return Status::Ok();
    HF_RETURN_IF_ERROR(db_->Exec("BEGIN"));
    open_ = true;
    return Status::Ok();
  }

 private:
  SqliteDb* db_;
  bool open_ = false;
};

}  // namespace

Result<AccountBalance> SqliteStore::Balance(std::string_view account,
                                            std::string_view shipment_id) {
  HF_RETURN_IF_ERROR(Usable());
  Stmt q(db_.get(), sql::kBalance);
  q.Bind(1, account);
  if (shipment_id.empty()) {
    q.BindNull(2);
  } else {
    q.Bind(2, shipment_id);
  }
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  if (!*row) return AccountBalance{};
  AccountBalance own{Fixed::FromMilli(q.Int(4)), Fixed::FromMilli(q.Int(5))};
  return BalanceOf(AccountFromRow(q), own);
}

Result<std::optional<std::string>> SqliteStore::RecordedShipment(std::string_view shipment_id) {
  Stmt q(db_.get(), sql::kRecordedShipment);
  q.Bind(1, shipment_id);
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  if (!*row || shipment_id.empty()) return std::optional<std::string>();
  return std::optional<std::string>(std::string(q.Text(0)));
}

Result<bool> SqliteStore::HoldsShipments() {
  Stmt q(db_.get(), sql::kHoldsShipments);
  return q.Step();
}

Result<AccountState> SqliteStore::Show(std::string_view account) {
  HF_RETURN_IF_ERROR(Usable());
  Stmt q(db_.get(), sql::kSelectAccount);
  q.Bind(1, account);
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound(fmt::format("no account `{}`", account));
  return AccountFromRow(q);
}

Result<std::vector<AccountState>> SqliteStore::List(std::string_view prefix) {
  HF_RETURN_IF_ERROR(Usable());
  Stmt q(db_.get(), sql::kList);
  q.Bind(1, prefix);
  std::vector<AccountState> out;
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(AccountFromRow(q));
  }
}

Result<bool> SqliteStore::HasTransferWithPrefix(std::string_view prefix) {
  HF_RETURN_IF_ERROR(Usable());
  std::string upper = std::string(prefix) + "\xff";
  Stmt q(db_.get(), sql::kHasPrefix);
  q.Bind(1, prefix);
  q.Bind(2, upper);
  return q.Step();
}

Result<std::vector<TransferRecord>> SqliteStore::ReadTransfers(const char* query,
                                                               std::string_view arg) {
  HF_RETURN_IF_ERROR(Usable());
  Stmt q(db_.get(), query);
  if (!arg.empty()) q.Bind(1, arg);
  std::vector<TransferRecord> out;
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    Result<TransferRecord> t = TransferFromRow(q);
    if (!t.ok()) return t.status();
    out.push_back(std::move(*t));
  }
}

Result<std::vector<TransferRecord>> SqliteStore::History(std::string_view account) {
  if (account.empty()) return std::vector<TransferRecord>();
  return ReadTransfers(sql::kHistory, account);
}

Result<std::vector<TransferRecord>> SqliteStore::Transfers() {
  return ReadTransfers(sql::kAllTransfers, "");
}

Result<VerifyReport> SqliteStore::VerifyIn() {
  std::vector<Event> events;
  Stmt q(db_.get(), sql::kAllEvents);
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    events.push_back(Event{q.Int(0), std::string(q.Text(1)), std::string(q.Text(2)),
                           std::string(q.Text(3)), std::string(q.Text(4))});
  }
  Result<std::vector<TransferRecord>> transfers = Transfers();
  if (!transfers.ok() && transfers.status().code() == Status::Code::kCorruption) {
    // A row highfence could not have written (say, a state edited by hand) is
    // a broken entry to name, not a failure to verify.
    VerifyReport report;
    report.ok = false;
    report.problem = transfers.status().message();
    return report;
  }
  if (!transfers.ok()) return transfers.status();
  Result<std::vector<AccountState>> accounts = List("");
  if (!accounts.ok()) return accounts.status();
  return VerifyLedger(events, *transfers, *accounts);
}

Result<VerifyReport> SqliteStore::Verify() {
  HF_RETURN_IF_ERROR(Usable());
  ReadSnapshot snapshot(db_.get());
  HF_RETURN_IF_ERROR(snapshot.Begin());
  return VerifyIn();
}

}  // namespace highfence::ledger
