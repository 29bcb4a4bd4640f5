// The storage contract: one suite, run unchanged on every LedgerStore (memory,
// SQLite, and PostgreSQL when HF_TEST_POSTGRES_URL names a server). A store is
// correct when it passes all of it; the only per-store code is how a test
// opens a fresh ledger and how it tampers with rows behind the store's back.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "base/clock.h"
#include "ledger/memory_store.h"
#include "ledger/store.h"

namespace highfence::ledger {
namespace {

// ---- backends ---------------------------------------------------------------

class Backend {
 public:
  virtual ~Backend() = default;
  // A fresh, empty ledger for this test.
  virtual Result<std::unique_ptr<LedgerStore>> Open() = 0;
  // Tampering, as a hand edit of the database would do it.
  virtual void SetTransferAmount(LedgerStore* s, const std::string& id, int64_t milli) = 0;
  virtual void DeleteEvent(LedgerStore* s, int64_t seq) = 0;
  virtual void SetAccountPosted(LedgerStore* s, const std::string& account, int64_t milli) = 0;
};

class MemoryBackend : public Backend {
 public:
  Result<std::unique_ptr<LedgerStore>> Open() override {
    return LedgerStore::Open("memory:", false);
  }
  void SetTransferAmount(LedgerStore* s, const std::string& id, int64_t milli) override {
    for (TransferRecord& t : Hooks(s)->transfers_for_test()) {
      if (t.id == id) t.amount = Fixed::FromMilli(milli);
    }
  }
  void DeleteEvent(LedgerStore* s, int64_t seq) override {
    auto& events = Hooks(s)->events_for_test();
    ASSERT_LE(seq, static_cast<int64_t>(events.size()));
    events.erase(events.begin() + (seq - 1));
  }
  void SetAccountPosted(LedgerStore* s, const std::string& account, int64_t milli) override {
    Hooks(s)->accounts_for_test().at(account).posted = Fixed::FromMilli(milli);
  }

 private:
  static MemoryStore* Hooks(LedgerStore* s) {
    auto* m = dynamic_cast<MemoryStore*>(s);
    HF_ASSERT(m != nullptr);
    return m;
  }
};

// Stores with SQL tables (the schema in ledger/sqlite/sql.h, which the
// PostgreSQL store shares): tampering is one UPDATE or DELETE.
class SqlBackend : public Backend {
 public:
  void SetTransferAmount(LedgerStore*, const std::string& id, int64_t milli) override {
    Exec(fmt::format("UPDATE transfers SET amount_milli = {} WHERE id = '{}'", milli, id));
  }
  void DeleteEvent(LedgerStore*, int64_t seq) override {
    Exec(fmt::format("DELETE FROM events WHERE seq = {}", seq));
  }
  void SetAccountPosted(LedgerStore*, const std::string& account, int64_t milli) override {
    Exec(fmt::format("UPDATE accounts SET posted_milli = {} WHERE id = '{}'", milli, account));
  }

 protected:
  virtual void Exec(const std::string& sql) = 0;
};

class SqliteBackend : public SqlBackend {
 public:
  SqliteBackend() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           fmt::format("hf_contract_{}_{}", getpid(), counter++);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~SqliteBackend() override { std::filesystem::remove_all(dir_); }
  Result<std::unique_ptr<LedgerStore>> Open() override {
    return LedgerStore::Open((dir_ / "ledger.db").string(), false);
  }

 protected:
  void Exec(const std::string& sql) override {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "ledger.db").c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }

 private:
  std::filesystem::path dir_;
};

// Each test gets its own schema in the database HF_TEST_POSTGRES_URL names;
// psql creates, tampers with and drops it.
class PostgresBackend : public SqlBackend {
 public:
  explicit PostgresBackend(std::string url) : url_(std::move(url)) {
    static std::atomic<int> counter{0};
    schema_ = fmt::format("hf_contract_{}_{}", getpid(), counter++);
    Psql(url_, fmt::format("DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0}", schema_));
  }
  ~PostgresBackend() override {
    Psql(url_, fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", schema_));
  }
  Result<std::unique_ptr<LedgerStore>> Open() override {
    return LedgerStore::Open(SchemaUrl(), false);
  }

 protected:
  void Exec(const std::string& sql) override { Psql(SchemaUrl(), sql); }

 private:
  std::string SchemaUrl() const {
    char sep = url_.find('?') == std::string::npos ? '?' : '&';
    return fmt::format("{}{}options=-csearch_path%3D{}", url_, sep, schema_);
  }
  static void Psql(const std::string& url, const std::string& sql) {
    std::string cmd = fmt::format("psql -q -v ON_ERROR_STOP=1 '{}' -c \"{}\" >/dev/null", url, sql);
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }

  std::string url_;
  std::string schema_;
};

enum class Kind { kMemory, kSqlite, kPostgres };

std::string KindName(const testing::TestParamInfo<Kind>& param) {
  switch (param.param) {
    case Kind::kMemory:
      return "Memory";
    case Kind::kSqlite:
      return "Sqlite";
    case Kind::kPostgres:
      return "Postgres";
  }
  return "Unknown";
}

// ---- fixture ----------------------------------------------------------------

Fixed Units(int64_t units) { return Fixed::FromUnits(units); }

TransferRequest Req(std::string shipment, std::string account, int64_t units,
                    std::optional<int64_t> cap_units = std::nullopt,
                    TransferState state = TransferState::kPosted) {
  TransferRequest t;
  t.id = shipment + "/" + account;
  t.account = std::move(account);
  t.amount = Units(units);
  t.state = state;
  if (cap_units) t.cap = Units(*cap_units);
  t.shipment_id = std::move(shipment);
  t.on = Date::FromCivil(2025, 3, 1);
  return t;
}

class StoreContract : public testing::TestWithParam<Kind> {
 protected:
  void SetUp() override {
    switch (GetParam()) {
      case Kind::kMemory:
        backend_ = std::make_unique<MemoryBackend>();
        break;
      case Kind::kSqlite:
        backend_ = std::make_unique<SqliteBackend>();
        break;
      case Kind::kPostgres: {
        const char* url = std::getenv("HF_TEST_POSTGRES_URL");
        if (url == nullptr || *url == '\0') {
          GTEST_SKIP() << "HF_TEST_POSTGRES_URL is not set: the PostgreSQL store is not tested "
                          "(set it to a postgres:// URL of a scratch database to test it)";
        }
        backend_ = std::make_unique<PostgresBackend>(url);
        break;
      }
    }
    Result<std::unique_ptr<LedgerStore>> opened = backend_->Open();
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
  }

  Status Record(std::initializer_list<TransferRequest> transfers) {
    return Outcome(transfers).status();
  }
  RecordResult Outcome(std::initializer_list<TransferRequest> transfers) {
    std::vector<TransferRequest> v(transfers);
    return store_->Record(v);
  }
  AccountBalance Bal(std::string_view account, std::string_view shipment = "") {
    Result<AccountBalance> b = store_->Balance(account, shipment);
    EXPECT_TRUE(b.ok()) << b.status().ToString();
    return b.ok() ? *b : AccountBalance{};
  }
  VerifyReport Check() {
    Result<VerifyReport> r = store_->Verify();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : VerifyReport{false, 0, 0, 0, r.status().ToString(), ""};
  }
  int64_t TransferCount() { return static_cast<int64_t>(store_->Transfers()->size()); }

  std::unique_ptr<Backend> backend_;
  std::unique_ptr<LedgerStore> store_;
};

// The Status of a Status or of a Result.
const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

#define ASSERT_OK(expr)                                     \
  do {                                                      \
    ::highfence::Status s_ = StatusOf(expr);                \
    ASSERT_TRUE(s_.ok()) << #expr << ": " << s_.ToString(); \
  } while (0)

#define EXPECT_OK(expr)                                     \
  do {                                                      \
    ::highfence::Status s_ = StatusOf(expr);                \
    EXPECT_TRUE(s_.ok()) << #expr << ": " << s_.ToString(); \
  } while (0)

// ---- balances ---------------------------------------------------------------

TEST_P(StoreContract, EmptyLedger) {
  EXPECT_EQ(Bal("allocation:AE").drawn(), Fixed());
  EXPECT_EQ(store_->Show("allocation:AE").status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store_->List("")->empty());
  EXPECT_TRUE(store_->Transfers()->empty());
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.events, 0);
  EXPECT_EQ(r.head_hash, std::string(64, '0'));
}

TEST_P(StoreContract, RecordsPostedAndPendingExactly) {
  EXPECT_OK(Record({Req("s1", "lpp:acme:2025", 100, 26'900'000)}));
  TransferRequest pending = Req("s2", "allocation:AE", 7, 790'000'000, TransferState::kPending);
  pending.amount = *Fixed::Parse("0.001");
  EXPECT_OK(Record({pending, Req("s2", "aia:acme", 5)}));
  EXPECT_EQ(Bal("lpp:acme:2025").posted, Units(100));
  EXPECT_EQ(Bal("allocation:AE").pending, *Fixed::Parse("0.001"));
  EXPECT_EQ(Bal("allocation:AE").posted, Fixed());
  Result<AccountState> a = store_->Show("allocation:AE");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->cap, Units(790'000'000));
  EXPECT_EQ(*a->available(), *Fixed::Parse("789999999.999"));
  Result<AccountState> counter = store_->Show("aia:acme");
  ASSERT_TRUE(counter.ok());
  EXPECT_FALSE(counter->cap.has_value());
  EXPECT_EQ(counter->posted, Units(5));
}

TEST_P(StoreContract, BalanceIsTheAccountAsTheShipmentFirstSawIt) {
  EXPECT_OK(Record({Req("s1", "allocation:AE", 30, 100, TransferState::kPending)}));
  EXPECT_OK(Record({Req("s2", "allocation:AE", 20, 100)}));
  // s1 drew first: everything from its draw on is left out, s2's draw included.
  EXPECT_EQ(Bal("allocation:AE", "s1").drawn(), Fixed());
  EXPECT_EQ(Bal("allocation:AE", "s2").drawn(), Units(30));
  EXPECT_EQ(Bal("allocation:AE", "s2").pending, Units(30));
  EXPECT_EQ(Bal("allocation:AE", "s3").drawn(), Units(50));  // never drew: current balance
  EXPECT_EQ(Bal("allocation:AE", "").drawn(), Units(50));
  // Re-running s1 sees the ledger as before its first run and draws nothing twice.
  EXPECT_OK(Record({Req("s1", "allocation:AE", 30, 100, TransferState::kPending)}));
  EXPECT_EQ(Bal("allocation:AE").drawn(), Units(50));
}

// ---- caps -------------------------------------------------------------------

TEST_P(StoreContract, ConflictPastTheCapWritesNothing) {
  EXPECT_OK(Record({Req("s1", "lpp:acme:2025", 60, 100)}));
  int64_t events = Check().events;
  Status st = Record({Req("s2", "aia:acme", 50), Req("s2", "lpp:acme:2025", 41, 100)});
  EXPECT_EQ(st.code(), Status::Code::kConflict) << st.ToString();
  EXPECT_NE(st.message().find("lpp:acme:2025"), std::string_view::npos) << st.message();
  EXPECT_EQ(Bal("aia:acme").drawn(), Fixed());  // the request's other transfer is not written
  EXPECT_EQ(Bal("lpp:acme:2025").drawn(), Units(60));
  EXPECT_EQ(TransferCount(), 1);
  EXPECT_EQ(Check().events, events);
  EXPECT_OK(Record({Req("s3", "lpp:acme:2025", 40, 100)}));  // exactly to the cap
  EXPECT_EQ(Bal("lpp:acme:2025").drawn(), Units(100));
  EXPECT_TRUE(Check().ok);
}

TEST_P(StoreContract, TransfersOfOneRequestCountAgainstEachOther) {
  TransferRequest a = Req("s1", "nveu:acme:IN", 60, 100);
  TransferRequest b = Req("s1", "nveu:acme:IN", 60, 100);
  b.id = "s1/second";
  EXPECT_EQ(Record({a, b}).code(), Status::Code::kConflict);
  EXPECT_EQ(TransferCount(), 0);
}

TEST_P(StoreContract, PendingCountsAgainstTheCap) {
  EXPECT_OK(Record({Req("s1", "allocation:SA", 80, 100, TransferState::kPending)}));
  EXPECT_EQ(Record({Req("s2", "allocation:SA", 30, 100)}).code(), Status::Code::kConflict);
  EXPECT_OK(store_->Void("s1/allocation:SA", "denied"));
  EXPECT_OK(Record({Req("s2", "allocation:SA", 30, 100)}));  // the void released it
}

TEST_P(StoreContract, CapRisesWithTheRequestAndIsKept) {
  EXPECT_OK(Record({Req("s1", "nveu:acme:IN", 100, 100)}));
  EXPECT_EQ(Record({Req("s2", "nveu:acme:IN", 1, 100)}).code(), Status::Code::kConflict);
  EXPECT_OK(Record({Req("s2", "nveu:acme:IN", 50, 200)}));  // next quarter's cap
  EXPECT_EQ(store_->Show("nveu:acme:IN")->cap, Units(200));
  // A request without a cap still meets the cap the account recorded.
  EXPECT_EQ(Record({Req("s3", "nveu:acme:IN", 51)}).code(), Status::Code::kConflict);
  EXPECT_TRUE(Check().ok);
}

// ---- idempotency ------------------------------------------------------------

TEST_P(StoreContract, RetryWithTheSameIdDrawsOnce) {
  EXPECT_OK(Record({Req("s1", "lpp:acme:2025", 10, 100), Req("s1", "aia:acme", 10)}));
  int64_t events = Check().events;
  EXPECT_OK(Record({Req("s1", "lpp:acme:2025", 10, 100), Req("s1", "aia:acme", 10)}));
  EXPECT_EQ(Bal("lpp:acme:2025").drawn(), Units(10));
  EXPECT_EQ(TransferCount(), 2);
  EXPECT_EQ(Check().events, events);
  // A retry after the transfer was posted or voided still counts as done.
  EXPECT_OK(Record({Req("s2", "allocation:AE", 5, 100, TransferState::kPending)}));
  EXPECT_OK(store_->Void("s2/allocation:AE", "denied"));
  EXPECT_OK(Record({Req("s2", "allocation:AE", 5, 100, TransferState::kPending)}));
  EXPECT_EQ(Bal("allocation:AE").drawn(), Fixed());
}

TEST_P(StoreContract, SameIdWithOtherAmountOrAccountConflicts) {
  EXPECT_OK(Record({Req("s1", "lpp:acme:2025", 10, 100)}));
  Status st = Record({Req("s1", "lpp:acme:2025", 11, 100)});
  EXPECT_EQ(st.code(), Status::Code::kConflict);
  EXPECT_NE(st.message().find("s1/lpp:acme:2025"), std::string_view::npos) << st.message();
  TransferRequest moved = Req("s1", "lpp:other:2025", 10, 100);
  moved.id = "s1/lpp:acme:2025";
  EXPECT_EQ(Record({moved}).code(), Status::Code::kConflict);
  EXPECT_EQ(Bal("lpp:acme:2025").drawn(), Units(10));
  EXPECT_EQ(TransferCount(), 1);
}

TEST_P(StoreContract, RejectsMalformedRequests) {
  TransferRequest zero = Req("s1", "aia:acme", 0);
  EXPECT_EQ(Record({zero}).code(), Status::Code::kInvalidArgument);
  TransferRequest no_id = Req("s1", "aia:acme", 1);
  no_id.id.clear();
  EXPECT_EQ(Record({no_id}).code(), Status::Code::kInvalidArgument);
  TransferRequest voided = Req("s1", "aia:acme", 1, std::nullopt, TransferState::kVoided);
  EXPECT_EQ(Record({voided}).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(TransferCount(), 0);
}

// ---- the licence lifecycle --------------------------------------------------

TEST_P(StoreContract, PendingIsPostedOrVoidedOnce) {
  EXPECT_OK(Record({Req("s1", "allocation:AE", 10, 100, TransferState::kPending),
                    Req("s2", "allocation:AE", 20, 100, TransferState::kPending)}));
  EXPECT_EQ(*store_->Post("s1/allocation:AE", {}), Settled::kDone);
  EXPECT_EQ(*store_->Void("s2/allocation:AE", "denied"), Settled::kDone);
  EXPECT_EQ(Bal("allocation:AE").posted, Units(10));
  EXPECT_EQ(Bal("allocation:AE").pending, Fixed());
  // Settled the other way: refused. A posted draw is given back by Reverse.
  Result<Settled> void_posted = store_->Void("s1/allocation:AE", "withdrawn");
  EXPECT_EQ(void_posted.status().code(), Status::Code::kConflict);
  EXPECT_NE(void_posted.status().message().find("reverse"), std::string::npos);
  EXPECT_EQ(store_->Post("s2/allocation:AE", {}).status().code(), Status::Code::kConflict);
  EXPECT_EQ(store_->Post("nope", {}).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->Void("nope", "denied").status().code(), Status::Code::kNotFound);
  Result<std::vector<TransferRecord>> h = store_->History("allocation:AE");
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 2u);
  EXPECT_EQ((*h)[0].state, TransferState::kPosted);
  EXPECT_GT((*h)[0].settled_ns, 0);
  EXPECT_EQ((*h)[1].state, TransferState::kVoided);
  EXPECT_EQ((*h)[1].note, "denied");
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.events, 4);
}

TEST_P(StoreContract, SettlingTheSameWayAgainChangesNothing) {
  EXPECT_OK(Record({Req("s1", "allocation:AE", 10, 100, TransferState::kPending),
                    Req("s2", "allocation:AE", 20, 100, TransferState::kPending)}));
  ASSERT_OK(store_->Post("s1/allocation:AE", {"D111", Date::FromCivil(2025, 4, 1), ""}));
  ASSERT_OK(store_->Void("s2/allocation:AE", "denied"));
  int64_t events = Check().events;
  EXPECT_EQ(*store_->Post("s1/allocation:AE", {"D999", Date::FromCivil(2025, 5, 1), ""}),
            Settled::kAlready);
  EXPECT_EQ(*store_->Void("s2/allocation:AE", "withdrawn"), Settled::kAlready);
  EXPECT_EQ(Check().events, events);
  Result<std::optional<TransferRecord>> s1 = store_->FindTransfer("s1/allocation:AE");
  ASSERT_TRUE(s1.ok() && s1->has_value());
  EXPECT_EQ((**s1).note, "licence D111");  // the first grant stands
  EXPECT_EQ((**s1).settled_ns, NsOfDate(Date::FromCivil(2025, 4, 1)));
  EXPECT_EQ(store_->FindTransfer("s2/allocation:AE")->value().note, "denied");
  EXPECT_EQ(Bal("allocation:AE").posted, Units(10));
}

TEST_P(StoreContract, PostRecordsTheLicenceAndTheDayItWasGranted) {
  EXPECT_OK(Record({Req("s1", "allocation:AE", 10, 100, TransferState::kPending)}));
  Grant grant{"D123456", Date::FromCivil(2025, 6, 2), "approved with conditions"};
  ASSERT_OK(store_->Post("s1/allocation:AE", grant));
  Result<std::vector<TransferRecord>> h = store_->History("allocation:AE");
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 1u);
  EXPECT_EQ((*h)[0].note, "licence D123456; approved with conditions");
  // Validity counts from the granted day, not from when the command ran.
  EXPECT_EQ((*h)[0].settled_ns, NsOfDate(Date::FromCivil(2025, 6, 2)));
  EXPECT_TRUE(Check().ok);
}

TEST_P(StoreContract, ReverseGivesBackAPostedDrawOnce) {
  EXPECT_OK(Record({Req("s0", "lpp:acme:2025", 10, 100)}));
  EXPECT_OK(Record({Req("s1", "lpp:acme:2025", 80, 100)}));
  EXPECT_EQ(Record({Req("s2", "lpp:acme:2025", 20, 100)}).code(), Status::Code::kConflict);
  EXPECT_EQ(*store_->Reverse("s1/lpp:acme:2025", "order cancelled"), Settled::kDone);
  EXPECT_EQ(Bal("lpp:acme:2025").posted, Units(10));
  // A retry of s1 still sees the account as s1 first saw it.
  EXPECT_EQ(Bal("lpp:acme:2025", "s1").posted, Units(10));
  EXPECT_OK(Record({Req("s2", "lpp:acme:2025", 20, 100)}));  // the cap room is back
  int64_t events = Check().events;
  EXPECT_EQ(*store_->Reverse("s1/lpp:acme:2025", "again"), Settled::kAlready);
  EXPECT_EQ(Check().events, events);
  Result<std::vector<TransferRecord>> h = store_->History("lpp:acme:2025");
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 4u);  // s0, s1, the reversal, s2: nothing deleted
  EXPECT_EQ((*h)[1].id, "s1/lpp:acme:2025");
  EXPECT_EQ((*h)[1].state, TransferState::kPosted);
  EXPECT_EQ((*h)[2].id, "reversal:s1/lpp:acme:2025");
  EXPECT_EQ((*h)[2].amount, Fixed::FromUnits(-80));
  EXPECT_EQ((*h)[2].state, TransferState::kPosted);
  EXPECT_EQ((*h)[2].note, "order cancelled");
  EXPECT_EQ((*h)[2].on, (*h)[1].on);
  EXPECT_EQ(store_->Show("lpp:acme:2025")->cap, Units(100));
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.transfers, 4);
}

TEST_P(StoreContract, ReverseRefusesWhatIsNotAPostedDraw) {
  EXPECT_OK(Record({Req("s1", "allocation:AE", 10, 100, TransferState::kPending),
                    Req("s2", "allocation:AE", 20, 100, TransferState::kPending),
                    Req("s3", "aia:acme", 5)}));
  ASSERT_OK(store_->Void("s2/allocation:AE", "denied"));
  ASSERT_OK(store_->Reverse("s3/aia:acme", "goods returned"));
  Result<Settled> pending = store_->Reverse("s1/allocation:AE", "x");
  EXPECT_EQ(pending.status().code(), Status::Code::kConflict);
  EXPECT_NE(pending.status().message().find("void it instead"), std::string::npos);
  EXPECT_EQ(store_->Reverse("s2/allocation:AE", "x").status().code(), Status::Code::kConflict);
  EXPECT_EQ(store_->Reverse("reversal:s3/aia:acme", "x").status().code(), Status::Code::kConflict);
  EXPECT_EQ(store_->Reverse("nope", "x").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(Bal("aia:acme").posted, Fixed());
  EXPECT_EQ(Bal("allocation:AE").pending, Units(10));
  EXPECT_TRUE(Check().ok);
}

TEST_P(StoreContract, BackupIsForSqliteFiles) {
  if (GetParam() == Kind::kSqlite) GTEST_SKIP() << "SQLite backups: sqlite/backup_test.cc";
  Result<VerifyReport> r = store_->Backup("/tmp/never-written.db");
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  if (GetParam() == Kind::kPostgres) {
    EXPECT_NE(r.status().message().find("pg_dump"), std::string::npos) << r.status().ToString();
  }
}

TEST_P(StoreContract, ExpiryVoidsOnlyOldPendingTransfers) {
  EXPECT_OK(Record({Req("old", "allocation:AE", 10, 100, TransferState::kPending),
                    Req("old", "lpp:acme:2025", 10, 100)}));
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  int64_t cutoff_ns = store_->Transfers()->back().created_ns + 1'000'000;
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_OK(Record({Req("new", "allocation:AE", 20, 100, TransferState::kPending)}));
  Result<int64_t> none = store_->ExpirePending(cutoff_ns - 2'000'000);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(*none, 0);
  Result<int64_t> expired = store_->ExpirePending(cutoff_ns);
  ASSERT_TRUE(expired.ok()) << expired.status().ToString();
  EXPECT_EQ(*expired, 1);
  EXPECT_EQ(Bal("allocation:AE").pending, Units(20));
  EXPECT_EQ(Bal("lpp:acme:2025").posted, Units(10));  // posted transfers never expire
  Result<std::vector<TransferRecord>> h = store_->History("allocation:AE");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ((*h)[0].state, TransferState::kVoided);
  EXPECT_EQ((*h)[0].note, "expired");
  EXPECT_EQ((*h)[1].state, TransferState::kPending);
  EXPECT_EQ(*store_->ExpirePending(cutoff_ns), 0);  // expiring again finds nothing
  EXPECT_TRUE(Check().ok);
}

// ---- seed, list, history, export ------------------------------------------------

TEST_P(StoreContract, SeedAddsADeclaredBase) {
  EXPECT_OK(store_->Seed("uveu:acme:IN", Units(1000), "declared base"));
  EXPECT_OK(store_->Seed("uveu:acme:IN", Units(500), "a second site"));
  EXPECT_EQ(Bal("uveu:acme:IN").posted, Units(1500));
  Result<std::vector<TransferRecord>> h = store_->History("uveu:acme:IN");
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 2u);
  EXPECT_EQ((*h)[0].note, "declared base");
  EXPECT_EQ((*h)[0].state, TransferState::kPosted);
  EXPECT_NE((*h)[0].id, (*h)[1].id);
  EXPECT_EQ(store_->Seed("uveu:acme:IN", Fixed(), "nothing").code(),
            Status::Code::kInvalidArgument);
  // A seed meets the cap the account recorded.
  EXPECT_OK(Record({Req("s1", "nveu:acme:IN", 90, 100)}));
  EXPECT_EQ(store_->Seed("nveu:acme:IN", Units(11), "too much").code(), Status::Code::kConflict);
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
}

TEST_P(StoreContract, ListsAccountsByPrefixInIdOrder) {
  EXPECT_OK(Record({Req("s1", "lpp:acme:2025", 1, 100), Req("s1", "allocation:SA", 2, 100)}));
  EXPECT_OK(Record({Req("s2", "allocation:AE", 3, 100)}));
  Result<std::vector<AccountState>> alloc = store_->List("allocation:");
  ASSERT_TRUE(alloc.ok());
  ASSERT_EQ(alloc->size(), 2u);
  EXPECT_EQ((*alloc)[0].account, "allocation:AE");
  EXPECT_EQ((*alloc)[1].account, "allocation:SA");
  EXPECT_EQ((*alloc)[1].posted, Units(2));
  EXPECT_EQ(store_->List("")->size(), 3u);
  EXPECT_TRUE(store_->List("zz")->empty());
  EXPECT_TRUE(store_->List("allocation:%")->empty());  // a prefix is text, not a pattern
}

TEST_P(StoreContract, HistoryAndExportKeepCreationOrder) {
  EXPECT_OK(Record({Req("z", "lpp:b:2025", 1, 100)}));
  EXPECT_OK(Record({Req("a", "lpp:a:2025", 2, 100), Req("a", "lpp:b:2025", 3, 100)}));
  EXPECT_OK(Record({Req("m", "lpp:b:2025", 4, 100, TransferState::kPending)}));
  Result<std::vector<TransferRecord>> all = store_->Transfers();
  ASSERT_TRUE(all.ok());
  std::vector<std::string> ids;
  for (const TransferRecord& t : *all) ids.push_back(t.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"z/lpp:b:2025", "a/lpp:a:2025", "a/lpp:b:2025",
                                           "m/lpp:b:2025"}));
  const TransferRecord& m = all->back();
  EXPECT_EQ(m.shipment_id, "m");
  EXPECT_EQ(m.on, Date::FromCivil(2025, 3, 1));
  EXPECT_EQ(m.amount, Units(4));
  EXPECT_EQ(m.state, TransferState::kPending);
  EXPECT_GE(m.created_ns, (*all)[0].created_ns);
  Result<std::vector<TransferRecord>> b = store_->History("lpp:b:2025");
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->size(), 3u);
  EXPECT_EQ((*b)[1].id, "a/lpp:b:2025");
  EXPECT_TRUE(store_->History("lpp:none:2025")->empty());
}

// ---- batches ------------------------------------------------------------------

TEST_P(StoreContract, BatchSeesItsOwnWritesAndAFailedRecordUndoesOnlyItself) {
  EXPECT_OK(store_->BeginBatch());
  EXPECT_OK(Record({Req("s1", "lpp:acme:2025", 60, 100)}));
  EXPECT_EQ(Bal("lpp:acme:2025").drawn(), Units(60));
  EXPECT_EQ(Record({Req("s2", "aia:acme", 1), Req("s2", "lpp:acme:2025", 41, 100)}).code(),
            Status::Code::kConflict);
  EXPECT_OK(Record({Req("s3", "lpp:acme:2025", 40, 100)}));
  EXPECT_OK(store_->CommitBatch());
  EXPECT_EQ(Bal("lpp:acme:2025").drawn(), Units(100));
  EXPECT_EQ(Bal("aia:acme").drawn(), Fixed());
  EXPECT_EQ(TransferCount(), 2);
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.events, 2);
}

// ---- verify ---------------------------------------------------------------------

class StoreVerify : public StoreContract {
 protected:
  // Three events: two transfers and a post.
  void Fill() {
    ASSERT_OK(Record({Req("s1", "lpp:acme:2025", 10, 100)}));
    ASSERT_OK(Record({Req("s2", "allocation:AE", 5, 100, TransferState::kPending)}));
    ASSERT_OK(store_->Post("s2/allocation:AE", {}));
    VerifyReport r = Check();
    ASSERT_TRUE(r.ok) << r.problem;
    ASSERT_EQ(r.events, 3);
    ASSERT_EQ(r.transfers, 2);
    ASSERT_EQ(r.accounts, 2);
  }
  void ExpectBroken(std::string_view names) {
    VerifyReport r = Check();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find(names), std::string::npos) << r.problem;
  }
};

TEST_P(StoreVerify, PassesOnAnUntouchedLedger) {
  ASSERT_NO_FATAL_FAILURE(Fill());
  VerifyReport r = Check();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.head_hash.size(), 64u);
  EXPECT_NE(r.head_hash, std::string(64, '0'));
}

TEST_P(StoreVerify, NamesATransferWhoseAmountWasEdited) {
  ASSERT_NO_FATAL_FAILURE(Fill());
  backend_->SetTransferAmount(store_.get(), "s1/lpp:acme:2025", 12'000);
  ExpectBroken("transfer `s1/lpp:acme:2025`: amount 12 in the table but 10");
}

TEST_P(StoreVerify, NamesTheEventAfterADeletedOne) {
  ASSERT_NO_FATAL_FAILURE(Fill());
  backend_->DeleteEvent(store_.get(), 2);
  ExpectBroken("event 3:");
}

TEST_P(StoreVerify, NamesTheTransferOfADeletedLastEvent) {
  ASSERT_NO_FATAL_FAILURE(Fill());
  backend_->DeleteEvent(store_.get(), 3);  // the post: the row says posted, the log pending
  ExpectBroken("transfer `s2/allocation:AE`: state posted in the table but pending");
}

TEST_P(StoreVerify, NamesAReversalWhoseAmountWasEdited) {
  ASSERT_NO_FATAL_FAILURE(Fill());
  ASSERT_OK(store_->Reverse("s1/lpp:acme:2025", "order cancelled"));
  ASSERT_TRUE(Check().ok);
  backend_->SetTransferAmount(store_.get(), "reversal:s1/lpp:acme:2025", -4'000);
  ExpectBroken("transfer `reversal:s1/lpp:acme:2025`: amount -4 in the table but -10");
}

TEST_P(StoreVerify, NamesAnAccountWhoseBalanceWasEdited) {
  ASSERT_NO_FATAL_FAILURE(Fill());
  backend_->SetAccountPosted(store_.get(), "lpp:acme:2025", 12'000);
  ExpectBroken("account `lpp:acme:2025`: posted 12 but transfers sum to 10");
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreContract,
                         testing::Values(Kind::kMemory, Kind::kSqlite, Kind::kPostgres), KindName);
INSTANTIATE_TEST_SUITE_P(Stores, StoreVerify,
                         testing::Values(Kind::kMemory, Kind::kSqlite, Kind::kPostgres), KindName);

}  // namespace
}  // namespace highfence::ledger
