// SqliteDb: the one adapter between highfence and libsqlite3. It opens a ledger
// file with the settings durability needs (WAL, synchronous=FULL, a busy
// timeout), keeps every prepared statement for the life of the connection, and
// turns SQLite result codes into Status with a message that names the file.
//
// Thread safety: one thread at a time (the connection is opened NOMUTEX).
#ifndef HIGHFENCE_LEDGER_SQLITE_DB_H_
#define HIGHFENCE_LEDGER_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "highfence/fixed.h"
#include "highfence/status.h"

namespace highfence::ledger {

struct SqliteOptions {
  // Opens the file read-only (--dry-run, show, verify); writes fail with kIOError.
  bool read_only = false;
  // How long a writer waits for another connection's transaction before
  // giving up with "database is locked". Writers hold the lock for one
  // transaction (a batch of shipments: milliseconds), so 10 s is ample.
  int busy_timeout_ms = 10'000;
  // PRAGMA max_page_count: 0 for none. Tests set it to make the disk "full".
  int64_t page_count_max = 0;
};

class SqliteDb {
 public:
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path,
                                                const SqliteOptions& options);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Copies the whole database into the new file `dest` with SQLite's online
  // backup API, in one step under one read snapshot (a consistent copy while
  // other connections write), and leaves `dest` a single file (rollback
  // journal, no WAL beside it).
  Status BackupTo(const std::string& dest);
  // Runs SQL that returns no rows (pragmas, BEGIN, COMMIT, DDL).
  Status Exec(const char* sql);
  // The statement for `sql`, prepared on first use and kept. `sql` must be a
  // string constant: the cache is keyed by its address.
  Result<sqlite3_stmt*> Prepare(const char* sql);
  // The Status for result code `rc`, saying what was being done.
  Status Error(int rc, std::string_view doing) const;
  // True when no transaction is open (SQLite rolls back on some errors).
  bool autocommit() const { return sqlite3_get_autocommit(db_) != 0; }
  const std::string& path() const { return path_; }
  const SqliteOptions& options() const { return options_; }

 private:
  SqliteDb(sqlite3* db, std::string path, SqliteOptions options)
      : db_(db), path_(std::move(path)), options_(options) {}
  Status Configure();
  Status UseWal();

  sqlite3* db_;
  std::string path_;
  SqliteOptions options_;
  std::unordered_map<const char*, sqlite3_stmt*> statements_;
};

// One use of a cached statement: bind, step, read; reset when it goes out of
// scope so the statement releases its read snapshot.
class Stmt {
 public:
  // `doing` names the work in error messages ("recording a transfer").
  Stmt(SqliteDb* db, const char* sql, const char* doing = "reading the ledger");
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int index, std::string_view text);
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, std::optional<Fixed> value);  // NULL when none
  Stmt& BindNull(int index);
  // Steps once: true when a row is ready, false when done.
  Result<bool> Step();
  // Steps to the end of a statement that returns no rows.
  Status Run();

  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string_view Text(int column) const;
  std::optional<Fixed> OptionalMilli(int column) const;

 private:
  SqliteDb* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const char* doing_;
  Status status_;  // a failed prepare or bind, reported by Step
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_SQLITE_DB_H_
