#include "ledger/postgres/db.h"

#include <fmt/format.h>

#include <charconv>

#include "highfence/assert.h"

namespace highfence::ledger {
namespace {

// libpq messages end in a newline and may span lines: one line for ours.
std::string OneLine(const char* message) {
  std::string out = message != nullptr ? message : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  for (char& c : out) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return out.empty() ? std::string("no message from the server") : out;
}

bool StartsWith(const char* s, std::string_view prefix) {
  return s != nullptr && std::string_view(s).starts_with(prefix);
}

// SQLSTATEs that mean the session is gone: class 08 (connection exception),
// 57P01..57P03 (the server is shutting down, crashed, or refuses connections).
bool MeansLost(const char* sqlstate) {
  return StartsWith(sqlstate, "08") || StartsWith(sqlstate, "57P0");
}

// serialization_failure, deadlock_detected: the transaction may simply be retried.
bool MeansRetry(const char* sqlstate) {
  return StartsWith(sqlstate, "40001") || StartsWith(sqlstate, "40P01");
}

// Operating conditions (disk full, read-only server, lock or statement timeout,
// too many connections), as opposed to a statement highfence got wrong.
bool MeansOperating(const char* sqlstate) {
  return StartsWith(sqlstate, "53") || StartsWith(sqlstate, "25006") ||
         StartsWith(sqlstate, "55P03") || StartsWith(sqlstate, "57014");
}

void IgnoreNotice(void*, const char*) {}

}  // namespace

PgParams& PgParams::Add(std::string_view text) {
  values_.emplace_back(text);
  null_.push_back(false);
  return *this;
}

PgParams& PgParams::Add(int64_t value) { return Add(std::to_string(value)); }

PgParams& PgParams::Add(std::optional<Fixed> milli) {
  return milli ? Add(milli->milli()) : AddNull();
}

PgParams& PgParams::AddNull() {
  values_.emplace_back();
  null_.push_back(true);
  return *this;
}

const char* const* PgParams::pointers() {
  pointers_.clear();
  for (size_t i = 0; i < values_.size(); ++i) {
    pointers_.push_back(null_[i] ? nullptr : values_[i].c_str());
  }
  return pointers_.data();
}

void PgArray::Add(std::string_view text) {
  HF_ASSERT(!closed_);
  if (text_.size() > 1) text_.push_back(',');
  text_.push_back('"');
  for (char c : text) {
    if (c == '"' || c == '\\') text_.push_back('\\');
    text_.push_back(c);
  }
  text_.push_back('"');
}

void PgArray::Add(int64_t value) {
  HF_ASSERT(!closed_);
  if (text_.size() > 1) text_.push_back(',');
  text_ += std::to_string(value);
}

void PgArray::Add(std::optional<Fixed> milli) {
  if (milli) {
    Add(milli->milli());
  } else {
    AddNull();
  }
}

void PgArray::AddNull() {
  HF_ASSERT(!closed_);
  if (text_.size() > 1) text_.push_back(',');
  text_ += "NULL";
}

const std::string& PgArray::literal() {
  if (!closed_) text_.push_back('}');
  closed_ = true;
  return text_;
}

std::string_view PgRows::Text(int row, int column) const {
  return std::string_view(PQgetvalue(result_.get(), row, column),
                          static_cast<size_t>(PQgetlength(result_.get(), row, column)));
}

int64_t PgRows::Int(int row, int column) const {
  HF_ASSERT(!IsNull(row, column));
  std::string_view text = Text(row, column);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  HF_ASSERT(ec == std::errc());
  HF_ASSERT(end == text.data() + text.size());
  return value;
}

std::optional<Fixed> PgRows::OptionalMilli(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Fixed::FromMilli(Int(row, column));
}

Result<std::unique_ptr<PgDb>> PgDb::Open(const std::string& url, const PgOptions& options) {
  std::unique_ptr<PgDb> db(new PgDb(url, options));
  HF_RETURN_IF_ERROR(db->Connect());
  return db;
}

PgDb::~PgDb() {
  if (conn_ != nullptr) PQfinish(conn_);  // the server rolls back an open transaction
}

Status PgDb::Connect() {
  HF_ASSERT(conn_ == nullptr);
  std::string timeout = std::to_string(options_.connect_timeout_s);
  // Defaults first: the URL's own parameters, expanded from `dbname`, win.
  const char* keys[] = {"connect_timeout", "fallback_application_name", "client_encoding", "dbname",
                        nullptr};
  const char* values[] = {timeout.c_str(), "highfence", "UTF8", url_.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn_ == nullptr) return Status::IOError("cannot connect to PostgreSQL: out of memory");
  const char* host = PQhost(conn_);
  where_ = fmt::format("{}@{}:{}/{}", PQuser(conn_), host != nullptr ? host : "", PQport(conn_),
                       PQdb(conn_));
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = OneLine(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    failure_ = Failure::kConnectionLost;
    return Status::IOError(
        fmt::format("cannot connect to the PostgreSQL ledger at {}: {}", where_, message));
  }
  PQsetNoticeProcessor(conn_, &IgnoreNotice, nullptr);  // "relation exists, skipping" etc.
  prepared_.clear();
  return Configure();
}

Status PgDb::Configure() {
  std::string sql = fmt::format(
      "SELECT set_config('lock_timeout', '{}ms', false) WHERE current_setting('lock_timeout') = "
      "'0'",
      options_.lock_timeout_ms);
  if (options_.read_only) sql += "; SET default_transaction_read_only = on";
  // The ledger's statements look rows up by indexed columns. On a new ledger
  // the planner has no statistics yet, and a prepared statement keeps the plan
  // it chose while the tables were nearly empty: a full scan per lookup, which
  // made a 100,000-line run quadratic. Without sequential scans it takes the
  // indexes; a statement no index serves (a whole-table read) still scans.
  sql += "; SET enable_seqscan = off";
  Result<PgRows> done = Exec(sql.c_str(), "configuring the session");
  return done.status();
}

Status PgDb::Reconnect() {
  if (connected()) return Status::Ok();
  if (conn_ != nullptr) PQfinish(conn_);
  conn_ = nullptr;
  return Connect();
}

bool PgDb::in_transaction() const {
  if (conn_ == nullptr) return false;
  PGTransactionStatusType s = PQtransactionStatus(conn_);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

Result<PgRows> PgDb::Check(PGresult* result, std::string_view doing) {
  ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    failure_ = Failure::kNone;
    return PgRows(result);
  }
  PgRows owned(result);  // freed on return (PQclear accepts null)
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message =
      OneLine(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  if (conn_ == nullptr || PQstatus(conn_) == CONNECTION_BAD || MeansLost(sqlstate)) {
    failure_ = Failure::kConnectionLost;
    return Status::IOError(
        fmt::format("lost the connection to the PostgreSQL ledger at {} while {} ({})", where_,
                    doing, message));
  }
  std::string text = fmt::format("PostgreSQL ledger at {}: {}: {}", where_, doing, message);
  if (MeansRetry(sqlstate)) {
    failure_ = Failure::kRetryable;
    return Status::IOError(text);
  }
  failure_ = Failure::kStatement;
  return MeansOperating(sqlstate) ? Status::IOError(text) : Status::Internal(text);
}

Result<PgRows> PgDb::Exec(const char* sql, std::string_view doing) {
  if (!connected()) {
    failure_ = Failure::kConnectionLost;
    return Status::IOError(
        fmt::format("not connected to the PostgreSQL ledger at {} while {}", where_, doing));
  }
  return Check(PQexec(conn_, sql), doing);
}

Result<PgRows> PgDb::Run(const PgSql& sql, PgParams& params, std::string_view doing) {
  if (!connected()) {
    failure_ = Failure::kConnectionLost;
    return Status::IOError(
        fmt::format("not connected to the PostgreSQL ledger at {} while {}", where_, doing));
  }
  if (!prepared_.contains(sql.name)) {
    Result<PgRows> prepared = Check(PQprepare(conn_, sql.name, sql.text, 0, nullptr), doing);
    if (!prepared.ok()) return prepared.status();
    prepared_.insert(sql.name);
  }
  return Check(PQexecPrepared(conn_, sql.name, params.size(), params.pointers(), nullptr, nullptr,
                              /*resultFormat=*/0),
               doing);
}

}  // namespace highfence::ledger
