#include "decisions/sqlite_decision_store.h"

#include <fmt/format.h>

#include <limits>

#include "decisions/sqlite_decision_sql.h"
#include "ledger/event_log.h"

namespace highfence::decisions {
namespace {

using ledger::Stmt;

constexpr char kKeyExists[] = "SELECT 1 FROM api_keys WHERE key_id = ?1";

DecisionRecord ReadRecord(const Stmt& q) {
  DecisionRecord r;
  r.seq = q.Int(0);
  r.decision_id = q.Text(1);
  r.recorded_ns = q.Int(2);
  r.key_id = q.Text(3);
  r.shipment_id = q.Text(4);
  r.party = q.Text(5);
  r.decision = q.Text(6);
  r.input = q.Text(7);
  r.input_sha256 = q.Text(8);
  r.determination = q.Text(9);
  r.law_hash = q.Text(10);
  r.law_reviewed_on = q.Text(11);
  r.mode = q.Text(12);
  r.regime = q.Text(13);
  r.dry_run = q.Int(14) != 0;
  r.prev_hash = q.Text(15);
  r.hash = q.Text(16);
  return r;
}

Status Insert(ledger::SqliteDb* db, const DecisionRecord& r) {
  Stmt q(db, sql::kInsert, "appending to the decision log");
  q.Bind(1, r.seq).Bind(2, r.decision_id).Bind(3, r.recorded_ns).Bind(4, r.key_id);
  q.Bind(5, r.shipment_id).Bind(6, r.party).Bind(7, r.decision).Bind(8, r.input);
  q.Bind(9, r.input_sha256).Bind(10, r.determination).Bind(11, r.law_hash);
  q.Bind(12, r.law_reviewed_on).Bind(13, r.mode).Bind(14, r.regime);
  q.Bind(15, static_cast<int64_t>(r.dry_run)).Bind(16, r.prev_hash).Bind(17, r.hash);
  return q.Run();
}

}  // namespace

Result<std::unique_ptr<SqliteDecisionStore>> SqliteDecisionStore::Open(const std::string& path,
                                                                       bool read_only) {
  ledger::SqliteOptions options;
  options.read_only = read_only;
  Result<std::unique_ptr<ledger::SqliteDb>> db = ledger::SqliteDb::Open(path, options);
  if (!db.ok()) return db.status();
  std::unique_ptr<SqliteDecisionStore> store(new SqliteDecisionStore(std::move(*db)));
  Stmt has(store->db_.get(), sql::kHasTables);
  Result<bool> row = has.Step();
  if (!row.ok()) return row.status();
  bool present = *row && has.Int(0) > 0;
  if (!present && read_only) {
    return Status::InvalidArgument(fmt::format("`{}` holds no decision log", path));
  }
  if (!present) HF_RETURN_IF_ERROR(store->CreateTables());
  Stmt version(store->db_.get(), sql::kVersion);
  row = version.Step();
  if (!row.ok()) return row.status();
  if (!*row || version.Text(0) != sql::kSchemaVersion) {
    return Status::InvalidArgument(
        fmt::format("the decision log in `{}` has another schema version than this build's ({})",
                    path, sql::kSchemaVersion));
  }
  return store;
}

Status SqliteDecisionStore::CreateTables() {
  HF_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  return Finish(db_->Exec(sql::kCreate));
}

// Commits after `st` succeeded, rolls back otherwise.
Status SqliteDecisionStore::Finish(Status st) {
  if (st.ok()) st = db_->Exec("COMMIT");
  if (!st.ok() && !db_->autocommit()) (void)db_->Exec("ROLLBACK");
  return st;
}

Status SqliteDecisionStore::Append(std::span<DecisionRecord> records) {
  if (records.empty()) return Status::Ok();
  HF_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  return Finish(AppendIn(records));
}

Status SqliteDecisionStore::AppendIn(std::span<DecisionRecord> records) {
  int64_t seq = 0;
  std::string hash(ledger::kGenesisHash);
  {
    Stmt tail(db_.get(), sql::kTail);
    Result<bool> row = tail.Step();
    if (!row.ok()) return row.status();
    if (*row) {
      seq = tail.Int(0);
      hash = tail.Text(1);
    }
  }
  for (DecisionRecord& r : records) {
    ChainDecision(seq, hash, &r);
    HF_RETURN_IF_ERROR(Insert(db_.get(), r));
    seq = r.seq;
    hash = r.hash;
  }
  return Status::Ok();
}

Result<DecisionRecord> SqliteDecisionStore::Get(std::string_view decision_id) {
  Stmt q(db_.get(), sql::kGet);
  q.Bind(1, decision_id);
  Result<bool> row = q.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound(fmt::format("no decision with id `{}`", decision_id));
  return ReadRecord(q);
}

Result<std::vector<DecisionRecord>> SqliteDecisionStore::Search(const DecisionQuery& query) {
  Stmt q(db_.get(), query.newest_first ? sql::kSearchDesc : sql::kSearchAsc);
  int64_t cursor = query.cursor;
  if (query.newest_first && cursor <= 0) cursor = std::numeric_limits<int64_t>::max();
  q.Bind(1, query.shipment_id).Bind(2, query.party).Bind(3, query.decision);
  q.Bind(4, query.from_ns.value_or(std::numeric_limits<int64_t>::min()));
  q.Bind(5, query.to_ns.value_or(std::numeric_limits<int64_t>::max()));
  q.Bind(6, cursor).Bind(7, query.limit);
  std::vector<DecisionRecord> out;
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(ReadRecord(q));
  }
}

Result<DecisionVerifyReport> SqliteDecisionStore::Verify() {
  HF_RETURN_IF_ERROR(db_->Exec("BEGIN"));  // one read snapshot
  DecisionVerifier v;
  Status st;
  {
    Stmt q(db_.get(), sql::kAll, "verifying the decision log");
    for (;;) {
      Result<bool> row = q.Step();
      if (!row.ok()) {
        st = row.status();
        break;
      }
      if (!*row || !v.Add(ReadRecord(q))) break;
    }
  }
  (void)db_->Exec("COMMIT");
  if (!st.ok()) return st;
  return v.Finish();
}

Status SqliteDecisionStore::PutKey(const ApiKeyRecord& k) {
  HF_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  Status st;
  {
    Stmt exists(db_.get(), kKeyExists);
    exists.Bind(1, k.key_id);
    Result<bool> row = exists.Step();
    st = !row.ok() ? row.status()
         : *row    ? Status::Conflict(fmt::format("API key `{}` exists", k.key_id))
                   : Status::Ok();
  }
  if (st.ok()) {
    Stmt q(db_.get(), sql::kPutKey, "storing an API key");
    q.Bind(1, k.key_id).Bind(2, k.role).Bind(3, k.label).Bind(4, k.secret_sha256);
    st = q.Bind(5, k.created_ns).Bind(6, k.revoked_ns).Run();
  }
  return Finish(st);
}

Result<std::vector<ApiKeyRecord>> SqliteDecisionStore::Keys() {
  Stmt q(db_.get(), sql::kKeys);
  std::vector<ApiKeyRecord> out;
  for (;;) {
    Result<bool> row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back({std::string(q.Text(0)), std::string(q.Text(1)), std::string(q.Text(2)),
                   std::string(q.Text(3)), q.Int(4), q.Int(5)});
  }
}

Status SqliteDecisionStore::RevokeKey(std::string_view key_id, int64_t now_ns) {
  HF_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  Status st;
  {
    Stmt exists(db_.get(), kKeyExists);
    exists.Bind(1, key_id);
    Result<bool> row = exists.Step();
    st = !row.ok() ? row.status()
         : !*row   ? Status::NotFound(fmt::format("no API key with id `{}`", key_id))
                   : Status::Ok();
  }
  if (st.ok()) {
    Stmt q(db_.get(), sql::kRevoke, "revoking an API key");
    st = q.Bind(1, key_id).Bind(2, now_ns).Run();
  }
  return Finish(st);
}

}  // namespace highfence::decisions
