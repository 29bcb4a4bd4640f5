// PostgresStore: connecting, creating or checking the schema.
#include <fmt/format.h>

#include "ledger/event_log.h"
#include "ledger/postgres/rows.h"
#include "ledger/postgres/sql.h"
#include "ledger/postgres/store.h"
#include "ledger/verify.h"

namespace highfence::ledger {

Result<std::unique_ptr<LedgerStore>> OpenPostgresStore(const std::string& url, bool read_only) {
  PgOptions options;
  options.read_only = read_only;
  Result<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(url, options);
  if (!store.ok()) return store.status();
  return std::unique_ptr<LedgerStore>(std::move(*store));
}

// --- opening -------------------------------------------------------------------

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                           const PgOptions& options) {
  Result<std::unique_ptr<PgDb>> db = PgDb::Open(url, options);
  if (!db.ok()) return db.status();
  std::unique_ptr<PostgresStore> store(new PostgresStore(std::move(*db)));
  HF_RETURN_IF_ERROR(store->CheckSchema());
  HF_RETURN_IF_ERROR(store->CheckCaps());
  return store;
}

Status PostgresStore::CheckSchema() {
  Result<PgRows> present = db_->Exec(pgsql::kTablesPresent, "looking for the ledger's tables");
  if (!present.ok()) return present.status();
  if (present->Text(0, 0) != "t") {
    if (db_->options().read_only) {
      return Status::InvalidArgument(
          fmt::format("the database at {} holds no highfence ledger", db_->where()));
    }
    HF_RETURN_IF_ERROR(CreateSchema());
  }
  Result<PgRows> version = db_->Exec(pgsql::kReadVersion, "reading the schema version");
  if (!version.ok()) return version.status();
  std::string_view found = version->size() == 1 ? version->Text(0, 0) : "none";
  if (found == "1") {
    return Status::InvalidArgument(fmt::format(
        "the ledger at {} was written under contract version 1 (schema 1), whose party keys "
        "and shipment ids version 2 changed; it is not carried over: use a new database",
        db_->where()));
  }
  if (found != pgsql::kSchemaVersion) {
    return Status::InvalidArgument(
        fmt::format("the ledger at {} has schema version {}; this build reads version {}",
                    db_->where(), found, pgsql::kSchemaVersion));
  }
  return Status::Ok();
}

// Creates the tables in one transaction. Several servers may open an empty
// database at once: the advisory lock lets one create them and the others find
// them made.
Status PostgresStore::CreateSchema() {
  Status st = db_->Exec(pgsql::kSchemaLock, "waiting for another creator").status();
  if (!st.ok()) return st;
  st = db_->Exec("BEGIN", "creating the ledger's tables").status();
  Result<PgRows> present = Status::Internal("unset");
  if (st.ok()) {
    present = db_->Exec(pgsql::kTablesPresent, "looking for the ledger's tables");
    st = present.status();
  }
  if (st.ok() && present->Text(0, 0) != "t") {
    if (present->Text(0, 2) != "t") {
      st = Status::InvalidArgument(fmt::format(
          "the database at {} has no schema to hold the ledger: no schema of its search_path "
          "`{}` exists (create it with CREATE SCHEMA, or name another with "
          "?options=-csearch_path%3DNAME)",
          db_->where(), present->Text(0, 3)));
    } else if (present->Text(0, 1) == "t") {
      st = Status::InvalidArgument(fmt::format(
          "the database at {} has tables named accounts, transfers or events but no highfence "
          "ledger: use another database, or a schema of its own (?options=-csearch_path%3DNAME)",
          db_->where()));
    } else {
      st = db_->Exec(pgsql::kCreateSchema, "creating the ledger's tables").status();
    }
  }
  if (st.ok()) st = db_->Exec("COMMIT", "creating the ledger's tables").status();
  if (!st.ok()) Rollback();
  if (db_->connected()) (void)db_->Exec(pgsql::kSchemaUnlock, "releasing the creator's lock");
  return st;
}

// The invariant, checked again on load: posted + pending <= cap.
Status PostgresStore::CheckCaps() {
  PgParams none;
  Result<PgRows> broken = db_->Run(pgsql::kBrokenCap, none, "checking the caps");
  if (!broken.ok()) return broken.status();
  if (broken->size() == 0) return Status::Ok();
  AccountState a = PgAccountFromRow(*broken, 0, 0);
  return Status::Corruption(fmt::format(
      "the ledger at {}: account `{}` holds posted {} + pending {}, past its cap {}", db_->where(),
      a.account, a.posted.ToString(), a.pending.ToString(), a.cap->ToString()));
}

// --- transactions --------------------------------------------------------------

}  // namespace highfence::ledger
