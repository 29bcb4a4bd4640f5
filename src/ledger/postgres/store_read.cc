// PostgresStore: balances, accounts, transfers and Verify.
#include <fmt/format.h>

#include "ledger/event_log.h"
#include "ledger/postgres/rows.h"
#include "ledger/postgres/sql.h"
#include "ledger/postgres/store.h"
#include "ledger/verify.h"

namespace highfence::ledger {

Result<AccountBalance> PostgresStore::Balance(std::string_view account,
                                              std::string_view shipment_id) {
  HF_RETURN_IF_ERROR(batch_error_);
  if (in_batch_) return CachedBalance(account, shipment_id);
  AccountBalance out;
  Status st = Read([&]() -> Status {
    PgParams params;
    params.Add(account);
    if (shipment_id.empty()) {
      params.AddNull();
    } else {
      params.Add(shipment_id);
    }
    Result<PgRows> rows = db_->Run(pgsql::kBalance, params, "reading a balance");
    if (!rows.ok()) return rows.status();
    if (rows->size() == 0) {
      out = AccountBalance{};
      return Status::Ok();
    }
    AccountBalance own{Fixed::FromMilli(rows->Int(0, 4)), Fixed::FromMilli(rows->Int(0, 5))};
    Result<AccountBalance> b = BalanceOf(PgAccountFromRow(*rows, 0, 0), own);
    if (!b.ok()) return b.status();
    out = *b;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::optional<std::string>> PostgresStore::RecordedShipment(std::string_view shipment_id) {
  HF_RETURN_IF_ERROR(batch_error_);
  if (shipment_id.empty()) return std::optional<std::string>();
  if (in_batch_) return CachedRecordedShipment(shipment_id);
  std::optional<std::string> out;
  Status st = Read([&]() -> Status {
    PgParams params;
    params.Add(shipment_id);
    Result<PgRows> rows = db_->Run(pgsql::kRecordedShipment, params, "reading a shipment");
    if (!rows.ok()) return rows.status();
    if (rows->size() == 1) out = std::string(rows->Text(0, 0));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<bool> PostgresStore::HoldsShipments() {
  bool holds = false;
  Status st = Read([&]() -> Status {
    PgParams params;
    Result<PgRows> rows = db_->Run(pgsql::kHoldsShipments, params, "reading the transfers");
    if (!rows.ok()) return rows.status();
    holds = rows->size() > 0;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return holds;
}

Status PostgresStore::PrepareShipments(std::span<const std::string_view> shipment_ids) {
  HF_RETURN_IF_ERROR(batch_error_);
  if (!in_batch_) return Status::Ok();  // outside a batch each read is its own
  Status st = LoadShipments(shipment_ids);
  return st.ok() || db_->failure() == PgDb::Failure::kNone ? st : AbandonBatch(st);
}

Result<std::optional<TransferRecord>> PostgresStore::FindTransfer(std::string_view id) {
  std::optional<TransferRecord> out;
  Status st = Read([&]() -> Status {
    PgParams params;
    params.Add(id);
    Result<PgRows> rows = db_->Run(pgsql::kSelectTransfer, params, "reading a transfer");
    if (!rows.ok()) return rows.status();
    if (rows->size() == 0) return Status::Ok();
    Result<TransferRecord> t = PgTransferFromRow(*rows, 0, 0);
    if (!t.ok()) return t.status();
    out = std::move(*t);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AccountState> PostgresStore::Show(std::string_view account) {
  std::optional<AccountState> out;
  Status st = Read([&]() -> Status {
    PgParams params;
    params.Add(account);
    Result<PgRows> rows = db_->Run(pgsql::kSelectAccount, params, "reading an account");
    if (!rows.ok()) return rows.status();
    if (rows->size() == 1) out = PgAccountFromRow(*rows, 0, 0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!out) return Status::NotFound(fmt::format("no account `{}`", account));
  return std::move(*out);
}

Result<std::vector<AccountState>> PostgresStore::List(std::string_view prefix) {
  std::vector<AccountState> out;
  Status st = Read([&]() -> Status {
    out.clear();
    PgParams params;
    params.Add(prefix);
    Result<PgRows> rows = db_->Run(pgsql::kList, params, "listing accounts");
    if (!rows.ok()) return rows.status();
    for (int r = 0; r < rows->size(); ++r) out.push_back(PgAccountFromRow(*rows, r, 0));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<bool> PostgresStore::HasTransferWithPrefix(std::string_view prefix) {
  bool found = false;
  Status st = Read([&]() -> Status {
    PgParams params;
    params.Add(prefix);
    params.Add(std::string(prefix) + "\xf4\x8f\xbf\xbf");  // U+10FFFF: above every valid id
    Result<PgRows> rows = db_->Run(pgsql::kHasPrefix, params, "looking for a seed");
    if (!rows.ok()) return rows.status();
    found = rows->size() > 0;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return found;
}

Result<std::vector<TransferRecord>> PostgresStore::ReadTransfers(const PgSql& sql,
                                                                 std::string_view arg) {
  std::vector<TransferRecord> out;
  Status st = Read([&]() -> Status {
    out.clear();
    PgParams params;
    if (!arg.empty()) params.Add(arg);
    Result<PgRows> rows = db_->Run(sql, params, "reading transfers");
    if (!rows.ok()) return rows.status();
    out.reserve(static_cast<size_t>(rows->size()));
    for (int r = 0; r < rows->size(); ++r) {
      Result<TransferRecord> t = PgTransferFromRow(*rows, r, 0);
      if (!t.ok()) return t.status();
      out.push_back(std::move(*t));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<TransferRecord>> PostgresStore::History(std::string_view account) {
  if (account.empty()) return std::vector<TransferRecord>();
  return ReadTransfers(pgsql::kHistory, account);
}

Result<std::vector<TransferRecord>> PostgresStore::Transfers() {
  return ReadTransfers(pgsql::kAllTransfers, "");
}

// --- verify --------------------------------------------------------------------

Result<VerifyReport> PostgresStore::VerifyIn() {
  PgParams none;
  Result<PgRows> rows = db_->Run(pgsql::kAllEvents, none, "reading the events");
  if (!rows.ok()) return rows.status();
  std::vector<Event> events;
  events.reserve(static_cast<size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    events.push_back(Event{rows->Int(r, 0), std::string(rows->Text(r, 1)),
                           std::string(rows->Text(r, 2)), std::string(rows->Text(r, 3)),
                           std::string(rows->Text(r, 4))});
  }
  rows = db_->Run(pgsql::kAllTransfers, none, "reading the transfers");
  if (!rows.ok()) return rows.status();
  std::vector<TransferRecord> transfers;
  transfers.reserve(static_cast<size_t>(rows->size()));
  for (int r = 0; r < rows->size(); ++r) {
    Result<TransferRecord> t = PgTransferFromRow(*rows, r, 0);
    if (!t.ok()) {
      // A row highfence could not have written (a state edited by hand) is a
      // broken entry to name, not a failure to verify.
      VerifyReport report;
      report.ok = false;
      report.problem = t.status().message();
      return report;
    }
    transfers.push_back(std::move(*t));
  }
  rows = db_->Run(pgsql::kAllAccounts, none, "reading the accounts");
  if (!rows.ok()) return rows.status();
  std::vector<AccountState> accounts;
  for (int r = 0; r < rows->size(); ++r) accounts.push_back(PgAccountFromRow(*rows, r, 0));
  return VerifyLedger(events, transfers, accounts);
}

// Reads the three tables in one snapshot (REPEATABLE READ), so writers on other
// servers neither block it nor show it half a write.
Result<VerifyReport> PostgresStore::Verify() {
  std::optional<VerifyReport> out;
  Status st = Read([&]() -> Status {
    bool own = !in_batch_;
    if (own) {
      Status begun =
          db_->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "verifying").status();
      if (!begun.ok()) return begun;
    }
    Result<VerifyReport> report = VerifyIn();
    if (own) {
      PgDb::Failure failure = db_->failure();
      Rollback();  // a read-only transaction: nothing to keep
      db_->set_failure(failure);
    }
    if (!report.ok()) return report.status();
    out = std::move(*report);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return std::move(*out);
}

Result<VerifyReport> PostgresStore::Backup(const std::string& dest) {
  return Status::InvalidArgument(fmt::format(
      "a PostgreSQL ledger is backed up by the server: `pg_dump --format=custom --file={} "
      "DATABASE` takes a consistent snapshot (docs/ledger.md)",
      dest.empty() ? std::string("FILE") : dest));
}

}  // namespace highfence::ledger
