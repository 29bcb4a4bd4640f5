// SqliteStore: opening a ledger file, creating or checking its schema.
#include <fmt/format.h>

#include "ledger/sqlite/rows.h"
#include "ledger/sqlite/sql.h"
#include "ledger/sqlite/store.h"

namespace highfence::ledger {
namespace {

Result<int64_t> ReadInt(SqliteDb* db, const char* query) {
  Stmt q(db, query);
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  HF_ASSERT(*row);  // REQUIRES: a query that returns one row
  return q.Int(0);
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const SqliteOptions& options) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(path, options);
  if (!db.ok()) return db.status();
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(*db)));
  HF_RETURN_IF_ERROR(store->CheckSchema());
  // The invariant, checked again on load: posted + pending <= cap.
  Stmt q(store->db_.get(), sql::kBrokenCap);
  Result<bool> broken = q.Step();
  if (!broken.ok()) return broken.status();
  if (*broken) {
    AccountState a = AccountFromRow(q);
    return Status::Corruption(
        fmt::format("ledger `{}`: account `{}` holds posted {} + pending {}, past its cap {}", path,
                    a.account, a.posted.ToString(), a.pending.ToString(), a.cap->ToString()));
  }
  return store;
}

Status SqliteStore::CheckSchema() {
  Result<int64_t> version = ReadInt(db_.get(), sql::kUserVersion);
  if (!version.ok()) return version.status();
  if (*version == 0 && !db_->options().read_only) {
    HF_RETURN_IF_ERROR(CreateSchema());
    version = ReadInt(db_.get(), sql::kUserVersion);
    if (!version.ok()) return version.status();
  }
  if (*version == 0) {
    return Status::InvalidArgument(fmt::format("`{}` holds no highfence ledger", db_->path()));
  }
  if (*version == 1) {
    return Status::InvalidArgument(fmt::format(
        "ledger `{}` was written under contract version 1 (schema 1), whose party keys and "
        "shipment ids version 2 changed; it is not carried over: start a new ledger",
        db_->path()));
  }
  if (*version != sql::kSchemaVersion) {
    return Status::InvalidArgument(
        fmt::format("ledger `{}` has schema version {}; this build reads version {}", db_->path(),
                    *version, sql::kSchemaVersion));
  }
  return Status::Ok();
}

// Creates the tables in a fresh file. Several processes may open a new file at
// once: the write lock makes one of them create and the others see it done.
Status SqliteStore::CreateSchema() {
  HF_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  Result<int64_t> version = ReadInt(db_.get(), sql::kUserVersion);
  Result<int64_t> tables = ReadInt(db_.get(), sql::kTableCount);
  Status st = !version.ok() ? version.status() : tables.status();
  if (st.ok() && *version == 0 && *tables != 0) {
    st = Status::InvalidArgument(
        fmt::format("`{}` is a SQLite database but not a highfence ledger", db_->path()));
  }
  if (st.ok() && *version == 0) st = db_->Exec(sql::kCreateSchema);
  if (st.ok()) st = db_->Exec("COMMIT");
  if (!st.ok() && !db_->autocommit()) (void)db_->Exec("ROLLBACK");  // keep the first error
  return st;
}

}  // namespace highfence::ledger
