// The decision log's storage contract, run unchanged against every store: in
// memory, SQLite, and PostgreSQL when HF_TEST_POSTGRES_URL names a server (each
// test in a schema of its own). What a store must do: chain every append, keep
// records exactly, search by each filter with a cursor, tell a tampered log from
// a sound one, and keep API keys (hashes only), revocable.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "decisions/decision_store.h"
#include "decisions/memory_decision_store.h"
#include "ledger/event_log.h"
#include "ledger/store.h"

namespace highfence::decisions {
namespace {

enum class Kind { kMemory, kSqlite, kPostgres };

class Backend {
 public:
  virtual ~Backend() = default;
  virtual std::string Target() = 0;
  // Runs SQL on the database behind the store (tampering); memory stores edit
  // their records directly.
  virtual void Exec(const std::string& sql) = 0;
};

class SqliteBackend : public Backend {
 public:
  SqliteBackend() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           fmt::format("hf_decisions_{}_{}", getpid(), counter++);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~SqliteBackend() override { std::filesystem::remove_all(dir_); }
  std::string Target() override { return (dir_ / "ledger.db").string(); }
  void Exec(const std::string& sql) override {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(Target().c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    sqlite3_close(db);
  }

 private:
  std::filesystem::path dir_;
};

class PostgresBackend : public Backend {
 public:
  explicit PostgresBackend(std::string url) : url_(std::move(url)) {
    static std::atomic<int> counter{0};
    schema_ = fmt::format("hf_decisions_{}_{}", getpid(), counter++);
    Psql(url_, fmt::format("DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0}", schema_));
  }
  ~PostgresBackend() override {
    Psql(url_, fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", schema_));
  }
  std::string Target() override {
    char sep = url_.find('?') == std::string::npos ? '?' : '&';
    return fmt::format("{}{}options=-csearch_path%3D{}", url_, sep, schema_);
  }
  void Exec(const std::string& sql) override { Psql(Target(), sql); }

 private:
  static void Psql(const std::string& url, const std::string& sql) {
    std::string cmd = fmt::format(
        "PGOPTIONS=--client-min-messages=warning psql -q -v ON_ERROR_STOP=1 '{}' -c \"{}\" "
        ">/dev/null",
        url, sql);
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  std::string url_, schema_;
};

DecisionRecord Rec(std::string shipment, std::string party, std::string decision, int64_t ns) {
  DecisionRecord r;
  r.decision_id = NewDecisionId(ns);
  r.recorded_ns = ns;
  r.key_id = "0123456789abcdef";
  r.shipment_id = std::move(shipment);
  r.party = std::move(party);
  r.decision = std::move(decision);
  r.input = fmt::format(R"({{"id":"{}","note":"quote \" and comma ,"}})", r.shipment_id);
  DigestInput(&r);
  r.determination = fmt::format(R"({{"id":"{}","decision":"{}"}})", r.shipment_id, r.decision);
  r.law_hash = std::string(64, 'a');
  r.law_reviewed_on = "2026-11-28";
  r.mode = "as_written";
  r.regime = "us-2025-01";
  return r;
}

class DecisionStoreContract : public testing::TestWithParam<Kind> {
 protected:
  void SetUp() override {
    if (GetParam() == Kind::kMemory) {
      store_ = std::make_unique<MemoryDecisionStore>();
      return;
    }
    if (GetParam() == Kind::kSqlite) backend_ = std::make_unique<SqliteBackend>();
    if (GetParam() == Kind::kPostgres) {
      const char* url = std::getenv("HF_TEST_POSTGRES_URL");
      if (url == nullptr || *url == '\0') {
        GTEST_SKIP() << "HF_TEST_POSTGRES_URL is not set: the PostgreSQL decision log is not "
                        "tested (set it to a postgres:// URL of a scratch database)";
      }
      backend_ = std::make_unique<PostgresBackend>(url);
    }
    // The ledger comes first in its database, as the server opens it.
    Result<std::unique_ptr<ledger::LedgerStore>> ledger =
        ledger::LedgerStore::Open(backend_->Target(), false);
    ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
    Result<std::unique_ptr<DecisionStore>> s = DecisionStore::Open(backend_->Target(), false);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }

  // Appends three records in one call and one more in another.
  std::vector<DecisionRecord> AppendFour() {
    std::vector<DecisionRecord> a = {Rec("PO-1", "acme", "authorized", 1'000),
                                     Rec("PO-2", "globex", "license_required", 2'000),
                                     Rec("PO-1", "acme", "needs_review", 3'000)};
    EXPECT_TRUE(store_->Append(a).ok());
    std::vector<DecisionRecord> b = {Rec("PO-3", "acme", "authorized", 4'000)};
    EXPECT_TRUE(store_->Append(b).ok());
    a.push_back(b.front());
    return a;
  }

  void Tamper(const std::string& sql,
              const std::function<void(std::vector<DecisionRecord>&)>& mem) {
    if (backend_) {
      backend_->Exec(sql);
    } else {
      mem(static_cast<MemoryDecisionStore*>(store_.get())->records());
    }
  }

  std::unique_ptr<Backend> backend_;
  std::unique_ptr<DecisionStore> store_;
};

TEST_P(DecisionStoreContract, AppendsChainAndReadBackExactly) {
  std::vector<DecisionRecord> all = AppendFour();
  EXPECT_EQ(all[0].seq, 1);
  EXPECT_EQ(all[0].prev_hash, ledger::kGenesisHash);
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_EQ(all[i].seq, static_cast<int64_t>(i) + 1);
    EXPECT_EQ(all[i].prev_hash, all[i - 1].hash);
  }
  Result<DecisionRecord> got = store_->Get(all[1].decision_id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->input, all[1].input);
  EXPECT_EQ(got->determination, all[1].determination);
  EXPECT_EQ(got->hash, all[1].hash);
  EXPECT_EQ(got->recorded_ns, 2'000);
  EXPECT_EQ(store_->Get("nope").status().code(), Status::Code::kNotFound);
  Result<DecisionVerifyReport> v = store_->Verify();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
  EXPECT_EQ(v->decisions, 4);
  EXPECT_EQ(v->head_hash, all[3].hash);
}

TEST_P(DecisionStoreContract, SearchesByEachFilterWithACursor) {
  AppendFour();
  auto ids = [&](DecisionQuery q) {
    std::vector<std::string> out;
    Result<std::vector<DecisionRecord>> r = store_->Search(q);
    EXPECT_TRUE(r.ok());
    for (const DecisionRecord& d : *r) out.push_back(d.shipment_id + "@" + std::to_string(d.seq));
    return out;
  };
  using V = std::vector<std::string>;
  auto q = [](auto&& fill) {
    DecisionQuery query;
    fill(query);
    return query;
  };
  EXPECT_EQ(ids(q([](DecisionQuery&) {})), (V{"PO-3@4", "PO-1@3", "PO-2@2", "PO-1@1"}));
  EXPECT_EQ(ids(q([](DecisionQuery& x) { x.shipment_id = "PO-1"; })), (V{"PO-1@3", "PO-1@1"}));
  EXPECT_EQ(ids(q([](DecisionQuery& x) {
              x.party = "acme";
              x.decision = "authorized";
            })),
            (V{"PO-3@4", "PO-1@1"}));
  EXPECT_EQ(ids(q([](DecisionQuery& x) {
              x.from_ns = 2'000;
              x.to_ns = 4'000;
            })),
            (V{"PO-1@3", "PO-2@2"}));
  EXPECT_EQ(ids(q([](DecisionQuery& x) { x.limit = 2; })), (V{"PO-3@4", "PO-1@3"}));
  EXPECT_EQ(ids(q([](DecisionQuery& x) {
              x.cursor = 3;
              x.limit = 2;
            })),
            (V{"PO-2@2", "PO-1@1"}));
  EXPECT_EQ(ids(q([](DecisionQuery& x) {
              x.cursor = 2;
              x.newest_first = false;
            })),
            (V{"PO-1@3", "PO-3@4"}));
}

TEST_P(DecisionStoreContract, VerifyFindsAnEditedRecord) {
  std::vector<DecisionRecord> all = AppendFour();
  Tamper("UPDATE decisions SET decision = 'not_controlled' WHERE seq = 2",
         [](std::vector<DecisionRecord>& r) { r[1].decision = "not_controlled"; });
  Result<DecisionVerifyReport> v = store_->Verify();
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->ok);
  EXPECT_NE(v->problem.find("seq 2"), std::string::npos) << v->problem;
}

TEST_P(DecisionStoreContract, VerifyFindsAnEditedDeterminationOrInputOrAGap) {
  AppendFour();
  Tamper("UPDATE decisions SET determination = '{}' WHERE seq = 3",
         [](std::vector<DecisionRecord>& r) { r[2].determination = "{}"; });
  EXPECT_FALSE(store_->Verify()->ok);
  SetUp();
  AppendFour();
  Tamper("UPDATE decisions SET input = 'x' WHERE seq = 1",
         [](std::vector<DecisionRecord>& r) { r[0].input = "x"; });
  EXPECT_FALSE(store_->Verify()->ok);
  SetUp();
  AppendFour();
  Tamper("DELETE FROM decisions WHERE seq = 2",
         [](std::vector<DecisionRecord>& r) { r.erase(r.begin() + 1); });
  Result<DecisionVerifyReport> v = store_->Verify();
  EXPECT_FALSE(v->ok);
  EXPECT_NE(v->problem.find("missing"), std::string::npos) << v->problem;
}

TEST_P(DecisionStoreContract, KeepsKeysAndRevokesThem) {
  ApiKeyRecord k{"00000000000000aa", "officer", "orders", std::string(64, 'b'), 10, 0};
  ASSERT_TRUE(store_->PutKey(k).ok());
  EXPECT_EQ(store_->PutKey(k).code(), Status::Code::kConflict);
  ASSERT_TRUE(store_->RevokeKey(k.key_id, 20).ok());
  ASSERT_TRUE(store_->RevokeKey(k.key_id, 30).ok());  // the first time stays
  EXPECT_EQ(store_->RevokeKey("00000000000000bb", 30).code(), Status::Code::kNotFound);
  Result<std::vector<ApiKeyRecord>> keys = store_->Keys();
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ((*keys)[0].revoked_ns, 20);
  EXPECT_EQ((*keys)[0].secret_sha256, k.secret_sha256);
  EXPECT_EQ((*keys)[0].label, "orders");
}

TEST_P(DecisionStoreContract, AnEmptyAppendWritesNothing) {
  std::vector<DecisionRecord> none;
  ASSERT_TRUE(store_->Append(none).ok());
  Result<DecisionVerifyReport> v = store_->Verify();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok);
  EXPECT_EQ(v->decisions, 0);
  EXPECT_EQ(v->head_hash, ledger::kGenesisHash);
}

std::string KindName(const testing::TestParamInfo<Kind>& p) {
  return p.param == Kind::kMemory ? "Memory" : p.param == Kind::kSqlite ? "Sqlite" : "Postgres";
}

INSTANTIATE_TEST_SUITE_P(AllStores, DecisionStoreContract,
                         testing::Values(Kind::kMemory, Kind::kSqlite, Kind::kPostgres), KindName);

TEST(DecisionRecord, PayloadIsStableAndTimesRoundTrip) {
  DecisionRecord r = Rec("PO-1", "acme", "authorized", 1'700'000'000'123'000'000);
  r.decision_id = "id";
  EXPECT_EQ(DecisionPayload(r).substr(0, 58),
            R"({"decision_id":"id","recorded_ns":1700000000123000000,"key)");
  EXPECT_EQ(IsoTime(1'700'000'000'123'000'000), "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(ParseIsoTime("2023-11-14T22:13:20.123Z").value_or(0), 1'700'000'000'123'000'000);
  EXPECT_EQ(ParseIsoTime("2023-11-14").value_or(0), 1'699'920'000'000'000'000);
  EXPECT_FALSE(ParseIsoTime("2023-11-14T25:00:00Z"));
  EXPECT_FALSE(ParseIsoTime("yesterday"));
  EXPECT_EQ(NewDecisionId(1'000'000'000'000).size(), 32u);
}

}  // namespace
}  // namespace highfence::decisions
