#include "decisions/postgres_decision_store.h"

#include <fmt/format.h>

#include <limits>

#include "decisions/postgres_decision_sql.h"
#include "ledger/event_log.h"

namespace highfence::decisions {
namespace {

using ledger::PgArray;
using ledger::PgParams;
using ledger::PgRows;

DecisionRecord ReadRecord(const PgRows& rows, int i) {
  DecisionRecord r;
  r.seq = rows.Int(i, 0);
  r.decision_id = rows.Text(i, 1);
  r.recorded_ns = rows.Int(i, 2);
  r.key_id = rows.Text(i, 3);
  r.shipment_id = rows.Text(i, 4);
  r.party = rows.Text(i, 5);
  r.decision = rows.Text(i, 6);
  r.input = rows.Text(i, 7);
  r.input_sha256 = rows.Text(i, 8);
  r.determination = rows.Text(i, 9);
  r.law_hash = rows.Text(i, 10);
  r.law_reviewed_on = rows.Text(i, 11);
  r.mode = rows.Text(i, 12);
  r.regime = rows.Text(i, 13);
  r.dry_run = rows.Text(i, 14) == "t";
  r.prev_hash = rows.Text(i, 15);
  r.hash = rows.Text(i, 16);
  return r;
}

std::vector<DecisionRecord> ReadAll(const PgRows& rows) {
  std::vector<DecisionRecord> out;
  out.reserve(static_cast<size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadRecord(rows, i));
  return out;
}

}  // namespace

Result<std::unique_ptr<PostgresDecisionStore>> PostgresDecisionStore::Open(const std::string& url,
                                                                           bool read_only) {
  ledger::PgOptions options;
  options.read_only = read_only;
  Result<std::unique_ptr<ledger::PgDb>> db = ledger::PgDb::Open(url, options);
  if (!db.ok()) return db.status();
  std::unique_ptr<PostgresDecisionStore> store(new PostgresDecisionStore(std::move(*db)));
  Result<PgRows> present = store->db_->Exec(pgsql::kPresent, "looking for the decision log");
  if (!present.ok()) return present.status();
  if (present->Text(0, 0) != "t") {
    if (read_only) {
      return Status::InvalidArgument(
          fmt::format("the database at {} holds no decision log", store->db_->where()));
    }
    HF_RETURN_IF_ERROR(store->CreateTables());
  }
  Result<PgRows> version = store->db_->Exec(pgsql::kVersion, "reading the schema version");
  if (!version.ok()) return version.status();
  if (version->size() != 1 || version->Text(0, 0) != pgsql::kSchemaVersion) {
    return Status::InvalidArgument(
        fmt::format("the decision log at {} has another schema version than this build's ({})",
                    store->db_->where(), pgsql::kSchemaVersion));
  }
  return store;
}

Status PostgresDecisionStore::CreateTables() {
  HF_RETURN_IF_ERROR(db_->Exec(pgsql::kSchemaLock, "waiting for another creator").status());
  Status st = db_->Exec("BEGIN", "creating the decision log").status();
  if (st.ok()) st = db_->Exec(pgsql::kCreate, "creating the decision log").status();
  st = Finish(st);
  if (db_->connected()) (void)db_->Exec(pgsql::kSchemaUnlock, "releasing the creator's lock");
  return st;
}

Status PostgresDecisionStore::Ready() { return db_->connected() ? Status::Ok() : db_->Reconnect(); }

Status PostgresDecisionStore::Finish(Status st) {
  if (st.ok()) st = db_->Exec("COMMIT", "committing to the decision log").status();
  if (!st.ok() && db_->connected() && db_->in_transaction()) {
    (void)db_->Exec("ROLLBACK", "rolling back");
  }
  return st;
}

Status PostgresDecisionStore::Append(std::span<DecisionRecord> records) {
  if (records.empty()) return Status::Ok();
  HF_RETURN_IF_ERROR(Ready());
  return Finish(AppendIn(records));
}

Status PostgresDecisionStore::AppendIn(std::span<DecisionRecord> records) {
  Result<PgRows> tail = db_->Exec(pgsql::kBeginAppend, "locking the decision log");
  if (!tail.ok()) return tail.status();
  int64_t seq = tail->size() ? tail->Int(0, 0) : 0;
  std::string hash =
      tail->size() ? std::string(tail->Text(0, 1)) : std::string(ledger::kGenesisHash);
  std::vector<PgArray> columns(17);
  for (DecisionRecord& r : records) {
    ChainDecision(seq, hash, &r);
    seq = r.seq;
    hash = r.hash;
    columns[0].Add(r.seq);
    for (auto [i, text] : {std::pair<int, const std::string*>{1, &r.decision_id},
                           {3, &r.key_id},
                           {4, &r.shipment_id},
                           {5, &r.party},
                           {6, &r.decision},
                           {7, &r.input},
                           {8, &r.input_sha256},
                           {9, &r.determination},
                           {10, &r.law_hash},
                           {11, &r.law_reviewed_on},
                           {12, &r.mode},
                           {13, &r.regime},
                           {15, &r.prev_hash},
                           {16, &r.hash}}) {
      columns[static_cast<size_t>(i)].Add(*text);
    }
    columns[2].Add(r.recorded_ns);
    columns[14].Add(r.dry_run ? "t" : "f");
  }
  PgParams params;
  for (PgArray& c : columns) params.Add(c.literal());
  return db_->Run(pgsql::kInsert, params, "appending to the decision log").status();
}

Result<DecisionRecord> PostgresDecisionStore::Get(std::string_view decision_id) {
  HF_RETURN_IF_ERROR(Ready());
  PgParams params;
  params.Add(decision_id);
  Result<PgRows> rows = db_->Run(pgsql::kGet, params, "reading the decision log");
  if (!rows.ok()) return rows.status();
  if (rows->size() == 0)
    return Status::NotFound(fmt::format("no decision with id `{}`", decision_id));
  return ReadRecord(*rows, 0);
}

Result<std::vector<DecisionRecord>> PostgresDecisionStore::Search(const DecisionQuery& q) {
  HF_RETURN_IF_ERROR(Ready());
  int64_t cursor = q.cursor;
  if (q.newest_first && cursor <= 0) cursor = std::numeric_limits<int64_t>::max();
  PgParams params;
  params.Add(q.shipment_id).Add(q.party).Add(q.decision);
  params.Add(q.from_ns.value_or(std::numeric_limits<int64_t>::min()));
  params.Add(q.to_ns.value_or(std::numeric_limits<int64_t>::max()));
  params.Add(cursor).Add(q.limit);
  Result<PgRows> rows = db_->Run(q.newest_first ? pgsql::kSearchDesc : pgsql::kSearchAsc, params,
                                 "searching the decision log");
  if (!rows.ok()) return rows.status();
  return ReadAll(*rows);
}

Result<DecisionVerifyReport> PostgresDecisionStore::Verify() {
  HF_RETURN_IF_ERROR(Ready());
  PgParams none;
  Result<PgRows> rows = db_->Run(pgsql::kAll, none, "verifying the decision log");
  if (!rows.ok()) return rows.status();
  DecisionVerifier v;
  for (int i = 0; i < rows->size(); ++i) {
    if (!v.Add(ReadRecord(*rows, i))) break;
  }
  return v.Finish();
}

Status PostgresDecisionStore::PutKey(const ApiKeyRecord& k) {
  HF_RETURN_IF_ERROR(Ready());
  PgParams params;
  params.Add(k.key_id).Add(k.role).Add(k.label).Add(k.secret_sha256);
  params.Add(k.created_ns).Add(k.revoked_ns);
  Result<PgRows> rows = db_->Run(pgsql::kPutKey, params, "storing an API key");
  if (!rows.ok()) return rows.status();
  if (rows->size() == 0) return Status::Conflict(fmt::format("API key `{}` exists", k.key_id));
  return Status::Ok();
}

Result<std::vector<ApiKeyRecord>> PostgresDecisionStore::Keys() {
  HF_RETURN_IF_ERROR(Ready());
  PgParams none;
  Result<PgRows> rows = db_->Run(pgsql::kKeys, none, "reading the API keys");
  if (!rows.ok()) return rows.status();
  std::vector<ApiKeyRecord> out;
  for (int i = 0; i < rows->size(); ++i) {
    out.push_back({std::string(rows->Text(i, 0)), std::string(rows->Text(i, 1)),
                   std::string(rows->Text(i, 2)), std::string(rows->Text(i, 3)), rows->Int(i, 4),
                   rows->Int(i, 5)});
  }
  return out;
}

Status PostgresDecisionStore::RevokeKey(std::string_view key_id, int64_t now_ns) {
  HF_RETURN_IF_ERROR(Ready());
  PgParams params;
  params.Add(key_id).Add(now_ns);
  Result<PgRows> rows = db_->Run(pgsql::kRevoke, params, "revoking an API key");
  if (!rows.ok()) return rows.status();
  if (rows->size() == 0) return Status::NotFound(fmt::format("no API key with id `{}`", key_id));
  return Status::Ok();
}

}  // namespace highfence::decisions
