#include "ledger/sqlite/db.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace highfence::ledger {

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path,
                                                 const SqliteOptions& options) {
  HF_ASSERT(options.busy_timeout_ms >= 0);
  HF_ASSERT(options.page_count_max >= 0);
  if (path.empty()) return Status::InvalidArgument("the ledger path is empty");
  // A read-only open must not create the file; say plainly that it is missing.
  if (options.read_only && access(path.c_str(), F_OK) != 0) {
    return Status::NotFound(fmt::format("ledger `{}` does not exist", path));
  }
  int flags =
      SQLITE_OPEN_NOMUTEX |
      (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<SqliteDb> db(new SqliteDb(raw, path, options));  // closes even on failure
  if (rc != SQLITE_OK) return db->Error(rc, "opening it");
  HF_RETURN_IF_ERROR(db->Configure());
  return db;
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  if (db_ != nullptr && !options_.read_only) {
    // A transaction still open (an abandoned batch) is rolled back first.
    if (!autocommit()) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    // A clean close copies the WAL into the database file (a passive
    // checkpoint: it never waits for other connections), so the .db file
    // alone holds the whole ledger when no other process is reading it.
    sqlite3_wal_checkpoint_v2(db_, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
  sqlite3_close_v2(db_);
}

Status SqliteDb::BackupTo(const std::string& dest) {
  sqlite3* out = nullptr;
  int rc = sqlite3_open_v2(dest.c_str(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(out, options_.busy_timeout_ms);
    sqlite3_backup* backup = sqlite3_backup_init(out, "main", db_, "main");
    if (backup == nullptr) {
      rc = sqlite3_errcode(out);
    } else {
      rc = sqlite3_backup_step(backup, -1);  // every page, under one read lock
      int finished = sqlite3_backup_finish(backup);
      rc = rc == SQLITE_DONE ? finished : rc;
    }
  }
  // The copy carries the source's WAL mode: make it a single-file database.
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(out, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
  std::string why = rc == SQLITE_OK ? "" : sqlite3_errmsg(out != nullptr ? out : db_);
  sqlite3_close_v2(out);
  if (rc == SQLITE_OK) return Status::Ok();
  return Status::IOError(
      fmt::format("backing up ledger `{}` to `{}`: {} (SQLite code {})", path_, dest, why, rc));
}

Status SqliteDb::Configure() {
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, options_.busy_timeout_ms);
  if (options_.read_only) return Status::Ok();
  // SQLite opens a write-protected file read-only without saying so; say it
  // now rather than at the first write.
  if (sqlite3_db_readonly(db_, "main") == 1) {
    return Status::IOError(fmt::format(
        "ledger `{}` is read-only (file permissions); it can only be read, with --dry-run", path_));
  }
  // WAL: readers never block the writer and a commit is one append. FULL: the
  // WAL is fsynced at every commit, so a committed transaction survives a
  // power cut, not only a process crash.
  HF_RETURN_IF_ERROR(UseWal());
  HF_RETURN_IF_ERROR(Exec("PRAGMA synchronous=FULL"));
  // A one-shipment `check` is one process: without these, each run would
  // create the WAL file (and fsync the directory), then checkpoint and delete
  // it on close (two more fsyncs). The WAL is durable as it stands, and
  // commits still checkpoint it every 1000 pages (wal_autocheckpoint).
  int persist = 1;
  sqlite3_file_control(db_, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  if (options_.page_count_max > 0) {
    std::string sql = fmt::format("PRAGMA max_page_count={}", options_.page_count_max);
    int limit_rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (limit_rc != SQLITE_OK) return Error(limit_rc, "limiting its size");
  }
  return Status::Ok();
}

// Switching a new file to WAL takes an exclusive lock, and when several
// connections open the same new file at once SQLite answers SQLITE_BUSY at
// once instead of waiting through the busy handler. So wait here, up to the
// busy timeout like every other lock.
Status SqliteDb::UseWal() {
  Result<sqlite3_stmt*> mode = Prepare("PRAGMA journal_mode=WAL");
  if (!mode.ok()) return mode.status();
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.busy_timeout_ms);
  for (int attempt = 1;; ++attempt) {
    int rc = sqlite3_step(*mode);
    std::string got =
        rc == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(*mode, 0)) : "";
    sqlite3_reset(*mode);
    if (rc == SQLITE_ROW && got == "wal") return Status::Ok();
    if (rc == SQLITE_ROW) {
      return Status::IOError(
          fmt::format("ledger `{}`: cannot use WAL (journal mode `{}`)", path_, got));
    }
    bool busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
    if (!busy || std::chrono::steady_clock::now() >= deadline) {
      return Error(rc, "switching to WAL");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt, 20)));
  }
}

Status SqliteDb::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc, sql);
  return Status::Ok();
}

Result<sqlite3_stmt*> SqliteDb::Prepare(const char* sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "preparing a statement");
  HF_ASSERT(stmt != nullptr);
  statements_.emplace(sql, stmt);
  return stmt;
}

Status SqliteDb::Error(int rc, std::string_view doing) const {
  HF_ASSERT(rc != SQLITE_OK);
  std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_FULL:
      return Status::IOError(
          fmt::format("ledger `{}`: disk full while {} ({})", path_, doing, detail));
    case SQLITE_IOERR:
      return Status::IOError(
          fmt::format("ledger `{}`: I/O error while {} ({})", path_, doing, detail));
    case SQLITE_READONLY:
      return Status::IOError(fmt::format("ledger `{}` is read-only: cannot write while {} ({})",
                                         path_, doing, detail));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IOError(fmt::format(
          "ledger `{}`: database is locked (another connection held it past the {} ms busy "
          "timeout) while {}",
          path_, options_.busy_timeout_ms, doing));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(
          fmt::format("ledger `{}` is damaged or not a ledger database ({})", path_, detail));
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Status::IOError(fmt::format("cannot open ledger `{}` ({})", path_, detail));
    default:
      return Status::Internal(
          fmt::format("ledger `{}`: SQLite error while {} ({})", path_, doing, detail));
  }
}

Stmt::Stmt(SqliteDb* db, const char* sql, const char* doing) : db_(db), doing_(doing) {
  Result<sqlite3_stmt*> stmt = db->Prepare(sql);
  if (stmt.ok()) {
    stmt_ = *stmt;
  } else {
    status_ = stmt.status();
  }
}

Stmt::~Stmt() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Stmt& Stmt::Bind(int index, std::string_view text) {
  if (stmt_ == nullptr) return *this;
  int rc =
      sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && status_.ok()) status_ = db_->Error(rc, doing_);
  return *this;
}

Stmt& Stmt::Bind(int index, int64_t value) {
  if (stmt_ == nullptr) return *this;
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && status_.ok()) status_ = db_->Error(rc, doing_);
  return *this;
}

Stmt& Stmt::Bind(int index, std::optional<Fixed> value) {
  return value ? Bind(index, value->milli()) : BindNull(index);
}

Stmt& Stmt::BindNull(int index) {
  if (stmt_ == nullptr) return *this;
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && status_.ok()) status_ = db_->Error(rc, doing_);
  return *this;
}

Result<bool> Stmt::Step() {
  if (!status_.ok()) return status_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error(rc, doing_);
}

Status Stmt::Run() {
  Result<bool> row = Step();
  if (!row.ok()) return row.status();
  HF_ASSERT(!*row);  // REQUIRES: a statement that returns no rows
  return Status::Ok();
}

std::string_view Stmt::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<Fixed> Stmt::OptionalMilli(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Fixed::FromMilli(Int(column));
}

}  // namespace highfence::ledger
