// PgDb: the one adapter between highfence and libpq. It connects to a
// PostgreSQL server with the settings the ledger needs, prepares each statement
// once per connection, and turns libpq failures into Status with a message that
// names the server (never the password) and what was being done. It tells a
// lost connection, a retryable conflict (serialization failure, deadlock) and
// a failed statement apart, and reconnects on request.
//
// Thread safety: one thread at a time per object (one object, one connection).
#ifndef HIGHFENCE_LEDGER_POSTGRES_DB_H_
#define HIGHFENCE_LEDGER_POSTGRES_DB_H_

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "highfence/fixed.h"
#include "highfence/status.h"

namespace highfence::ledger {

struct PgOptions {
  // Every transaction is READ ONLY (--dry-run, show, verify).
  bool read_only = false;
  // How long to wait for the server to accept a connection. Passed before the
  // URL's own parameters, so a `connect_timeout` in the URL wins.
  int connect_timeout_s = 10;
  // How long a writer waits for another writer's lock before failing with
  // kIOError, unless the server or URL already sets lock_timeout. Writers hold
  // the lock for one transaction (a batch: milliseconds), so 30 s is ample and
  // still turns a stuck peer into an error instead of a hang.
  int lock_timeout_ms = 30'000;
};

// A statement prepared once per connection under `name`.
struct PgSql {
  const char* name;
  const char* text;
};

// Parameters of one statement, in text form ($1, $2, ...).
class PgParams {
 public:
  PgParams& Add(std::string_view text);
  PgParams& Add(int64_t value);
  PgParams& Add(std::optional<Fixed> milli);  // NULL when none
  PgParams& AddNull();
  int size() const { return static_cast<int>(values_.size()); }
  // Pointers into this object; valid until it changes.
  const char* const* pointers();

 private:
  std::vector<std::string> values_;
  std::vector<bool> null_;
  std::vector<const char*> pointers_;
};

// An array literal for a text[] or bigint[] parameter, e.g. {"a","b"} or {1,NULL}.
class PgArray {
 public:
  void Add(std::string_view text);  // quoted and escaped
  void Add(int64_t value);
  void Add(std::optional<Fixed> milli);  // NULL when none
  void AddNull();
  const std::string& literal();  // REQUIRES: no Add after

 private:
  std::string text_ = "{";
  bool closed_ = false;
};

// The rows of one result, in text form.
class PgRows {
 public:
  explicit PgRows(PGresult* result) : result_(result, &PQclear) {}
  int size() const { return PQntuples(result_.get()); }
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string_view Text(int row, int column) const;
  // REQUIRES: an integer column (BIGINT, or a sum of BIGINTs) that is not NULL.
  int64_t Int(int row, int column) const;
  std::optional<Fixed> OptionalMilli(int row, int column) const;  // none when NULL

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class PgDb {
 public:
  // How the last failed call failed.
  enum class Failure { kNone, kStatement, kRetryable, kConnectionLost };

  // Connects; kIOError when the server cannot be reached.
  static Result<std::unique_ptr<PgDb>> Open(const std::string& url, const PgOptions& options);
  ~PgDb();
  PgDb(const PgDb&) = delete;
  PgDb& operator=(const PgDb&) = delete;

  // Runs a prepared statement (preparing it on first use on this connection).
  // `doing` names the work in error messages ("recording transfers").
  Result<PgRows> Run(const PgSql& sql, PgParams& params, std::string_view doing);
  // Runs SQL without parameters; it may hold several statements (the result
  // is the last one's).
  Result<PgRows> Exec(const char* sql, std::string_view doing);
  // Reconnects when the connection is lost; OK when it is up.
  Status Reconnect();

  bool connected() const { return conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK; }
  // True inside a transaction block (also a failed one that awaits ROLLBACK).
  bool in_transaction() const;
  Failure failure() const { return failure_; }
  // Restores what the last failure was after a cleanup call (ROLLBACK) ran.
  void set_failure(Failure failure) { failure_ = failure; }
  // user@host:port/dbname: names the server in messages without the password.
  const std::string& where() const { return where_; }
  const PgOptions& options() const { return options_; }
  // The server process serving this connection (0 when not connected).
  int backend_pid() const { return conn_ != nullptr ? PQbackendPID(conn_) : 0; }

 private:
  PgDb(std::string url, PgOptions options) : url_(std::move(url)), options_(options) {}
  Status Connect();
  Status Configure();
  Result<PgRows> Check(PGresult* result, std::string_view doing);

  std::string url_;
  PgOptions options_;
  PGconn* conn_ = nullptr;
  std::string where_;
  Failure failure_ = Failure::kNone;
  std::unordered_set<std::string_view> prepared_;  // names of PgSql constants
};

}  // namespace highfence::ledger

#endif  // HIGHFENCE_LEDGER_POSTGRES_DB_H_
