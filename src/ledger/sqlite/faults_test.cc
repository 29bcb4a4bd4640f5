// Faults the SQLite ledger must survive with a clear error and nothing
// partial: a read-only file, a locked database, a full disk, an abandoned
// batch, a file that is not a ledger, a balance edited past its cap.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "ledger/sqlite/store.h"

namespace highfence::ledger {
namespace {

namespace fs = std::filesystem;

TransferRequest Req(const std::string& shipment, const std::string& account, int64_t units,
                    std::optional<int64_t> cap_units = std::nullopt) {
  TransferRequest t;
  t.id = shipment + "/" + account;
  t.account = account;
  t.amount = Fixed::FromUnits(units);
  if (cap_units) t.cap = Fixed::FromUnits(*cap_units);
  t.shipment_id = shipment;
  t.on = Date::FromCivil(2025, 6, 30);
  return t;
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

class SqliteFaults : public testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() / fmt::format("hf_faults_{}_{}", getpid(), counter++);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "ledger.db").string();
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }

  std::unique_ptr<SqliteStore> OpenStore(SqliteOptions options = {}) {
    Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path_, options);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }
  Status RecordOne(LedgerStore* s, const TransferRequest& t) {
    return s->Record(std::span<const TransferRequest>(&t, 1)).status();
  }
  // A ledger holding `n` transfers of 1 on lpp:acme:2025 (cap 1000).
  void Fill(int n) {
    std::unique_ptr<SqliteStore> s = OpenStore();
    ASSERT_NE(s, nullptr);
    for (int i = 0; i < n; ++i) {
      Status st = RecordOne(s.get(), Req(fmt::format("fill{}", i), "lpp:acme:2025", 1, 1000));
      ASSERT_TRUE(st.ok()) << st.ToString();
    }
  }
  // Transfers in the ledger, and whether it verifies, through a fresh store.
  void ExpectLedger(int64_t transfers, Fixed drawn) {
    std::unique_ptr<SqliteStore> s = OpenStore();
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(static_cast<int64_t>(s->Transfers()->size()), transfers);
    EXPECT_EQ(s->Balance("lpp:acme:2025", "")->drawn(), drawn);
    Result<VerifyReport> r = s->Verify();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_TRUE(r->ok) << r->problem;
  }
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sql << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  fs::path dir_;
  std::string path_;
};

// ---- read-only --------------------------------------------------------------

TEST_F(SqliteFaults, ReadOnlyOpenReadsButRefusesWrites) {
  ASSERT_NO_FATAL_FAILURE(Fill(3));
  SqliteOptions ro;
  ro.read_only = true;
  std::unique_ptr<SqliteStore> s = OpenStore(ro);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->Balance("lpp:acme:2025", "")->drawn(), Fixed::FromUnits(3));
  Status st = RecordOne(s.get(), Req("x", "lpp:acme:2025", 1, 1000));
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_TRUE(Contains(st.message(), "read-only")) << st.message();
  EXPECT_TRUE(Contains(st.message(), path_)) << st.message();
  EXPECT_EQ(s->Seed("uveu:acme:IN", Fixed::FromUnits(1), "x").code(), Status::Code::kIOError);
  EXPECT_EQ(s->Post("fill0/lpp:acme:2025", {}).status().code(), Status::Code::kIOError);
  EXPECT_TRUE(s->BeginBatch().ok());  // a dry run may batch: there is nothing to commit
  EXPECT_TRUE(s->CommitBatch().ok());
  s.reset();
  ExpectLedger(3, Fixed::FromUnits(3));
}

TEST_F(SqliteFaults, ReadOnlyOpenOfAMissingFileCreatesNothing) {
  SqliteOptions ro;
  ro.read_only = true;
  Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path_, ro);
  EXPECT_EQ(s.status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(Contains(s.status().message(), path_)) << s.status().message();
  EXPECT_FALSE(fs::exists(path_));
}

TEST_F(SqliteFaults, WriteProtectedFileIsAClearIOError) {
  if (geteuid() == 0) {
    GTEST_SKIP() << "running as root: file permissions do not stop root from writing, so a "
                    "0444 file cannot be tested here (the read-only open test covers the path)";
  }
  ASSERT_NO_FATAL_FAILURE(Fill(2));
  fs::permissions(path_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  for (const char* extra : {"-wal", "-shm"}) {
    if (fs::exists(path_ + extra)) fs::permissions(path_ + extra, fs::perms::owner_read);
  }
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);  // no new -wal either
  Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path_, SqliteOptions{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kIOError) << s.status().ToString();
  EXPECT_TRUE(Contains(s.status().message(), path_)) << s.status().message();
  fs::permissions(dir_, fs::perms::owner_all);
  fs::permissions(path_, fs::perms::owner_read | fs::perms::owner_write);
  ExpectLedger(2, Fixed::FromUnits(2));
}

// ---- locked -----------------------------------------------------------------

TEST_F(SqliteFaults, LockedDatabaseIsAClearErrorAndWritesNothing) {
  ASSERT_NO_FATAL_FAILURE(Fill(1));
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  SqliteOptions quick;
  quick.busy_timeout_ms = 50;
  std::unique_ptr<SqliteStore> s = OpenStore(quick);
  ASSERT_NE(s, nullptr);
  // WAL readers are never blocked: the engine can still read balances.
  EXPECT_EQ(s->Balance("lpp:acme:2025", "")->drawn(), Fixed::FromUnits(1));
  Status st = RecordOne(s.get(), Req("x", "lpp:acme:2025", 5, 1000));
  EXPECT_EQ(st.code(), Status::Code::kIOError) << st.ToString();
  EXPECT_TRUE(Contains(st.message(), "database is locked")) << st.message();
  EXPECT_TRUE(Contains(st.message(), path_)) << st.message();
  EXPECT_EQ(s->BeginBatch().code(), Status::Code::kIOError);
  EXPECT_EQ(s->Seed("uveu:acme:IN", Fixed::FromUnits(1), "x").code(), Status::Code::kIOError);
  ASSERT_EQ(sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(holder);
  // The lock is gone: the same store writes again, and nothing of the failed
  // attempts is in the ledger.
  Status again = RecordOne(s.get(), Req("x", "lpp:acme:2025", 5, 1000));
  EXPECT_TRUE(again.ok()) << again.ToString();
  s.reset();
  ExpectLedger(2, Fixed::FromUnits(6));
}

// ---- full disk ----------------------------------------------------------------

// PRAGMA max_page_count stands in for a full disk: past it SQLite fails with
// SQLITE_FULL exactly where a write to a full file system would.
class SqliteFullDisk : public SqliteFaults {
 protected:
  std::unique_ptr<SqliteStore> OpenNearlyFull() {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &q, nullptr);
    EXPECT_EQ(sqlite3_step(q), SQLITE_ROW);
    int64_t pages = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    SqliteOptions tiny;
    tiny.page_count_max = pages + 3;
    return OpenStore(tiny);
  }
  // Records ever larger transfers until one fails; returns how many succeeded.
  int RecordUntilFull(LedgerStore* s, Status* failure) {
    for (int i = 0; i < 100'000; ++i) {
      std::string id = fmt::format("full{}-{}", i, std::string(200, 'x'));
      *failure = RecordOne(s, Req(id, "lpp:acme:2025", 1, 1'000'000));
      if (!failure->ok()) return i;
    }
    return -1;
  }
};

TEST_F(SqliteFullDisk, AFullDiskIsAnIOErrorAndTheLedgerStillVerifies) {
  ASSERT_NO_FATAL_FAILURE(Fill(1));
  std::unique_ptr<SqliteStore> s = OpenNearlyFull();
  ASSERT_NE(s, nullptr);
  Status failure;
  int recorded = RecordUntilFull(s.get(), &failure);
  ASSERT_GE(recorded, 0) << "the page limit never filled";
  EXPECT_EQ(failure.code(), Status::Code::kIOError) << failure.ToString();
  EXPECT_TRUE(Contains(failure.message(), "disk full")) << failure.message();
  EXPECT_TRUE(Contains(failure.message(), path_)) << failure.message();
  EXPECT_EQ(s->Balance("lpp:acme:2025", "")->drawn(), Fixed::FromUnits(1 + recorded));
  s.reset();
  ExpectLedger(1 + recorded, Fixed::FromUnits(1 + recorded));
}

TEST_F(SqliteFullDisk, ABatchThatFillsTheDiskKeepsAllOrNothing) {
  ASSERT_NO_FATAL_FAILURE(Fill(1));
  std::unique_ptr<SqliteStore> s = OpenNearlyFull();
  ASSERT_NE(s, nullptr);
  ASSERT_TRUE(s->BeginBatch().ok());
  Status failure;
  int recorded = RecordUntilFull(s.get(), &failure);
  ASSERT_GE(recorded, 0);
  EXPECT_EQ(failure.code(), Status::Code::kIOError) << failure.ToString();
  // SQLite may undo the failed statement only or the whole transaction; the
  // batch then commits what it still holds, or reports that it holds nothing.
  Status committed = s->CommitBatch();
  s.reset();
  int kept = committed.ok() ? recorded : 0;
  ExpectLedger(1 + kept, Fixed::FromUnits(1 + kept));
}

// ---- abandoned work, foreign files, broken invariants ---------------------------

TEST_F(SqliteFaults, AnAbandonedBatchLeavesNothing) {
  ASSERT_NO_FATAL_FAILURE(Fill(1));
  {
    std::unique_ptr<SqliteStore> s = OpenStore();
    ASSERT_NE(s, nullptr);
    ASSERT_TRUE(s->BeginBatch().ok());
    for (int i = 0; i < 3; ++i) {
      ASSERT_TRUE(RecordOne(s.get(), Req(fmt::format("b{}", i), "lpp:acme:2025", 1, 1000)).ok());
    }
    EXPECT_TRUE(s->Seed("uveu:acme:IN", Fixed::FromUnits(5), "x").ok());
  }  // destroyed without CommitBatch, as a killed process would leave it
  ExpectLedger(1, Fixed::FromUnits(1));
}

TEST_F(SqliteFaults, AFileThatIsNotALedgerIsRefused) {
  {
    std::FILE* f = std::fopen(path_.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fputs("these are not the pages you are looking for, not at all, no\n", f);
    std::fclose(f);
  }
  Result<std::unique_ptr<SqliteStore>> text = SqliteStore::Open(path_, SqliteOptions{});
  EXPECT_EQ(text.status().code(), Status::Code::kCorruption) << text.status().ToString();
  fs::remove(path_);
  Sql("CREATE TABLE customers(name TEXT)");
  Result<std::unique_ptr<SqliteStore>> other = SqliteStore::Open(path_, SqliteOptions{});
  EXPECT_EQ(other.status().code(), Status::Code::kInvalidArgument) << other.status().ToString();
  EXPECT_TRUE(Contains(other.status().message(), "not a highfence ledger"));
}

TEST_F(SqliteFaults, ABalanceEditedPastItsCapIsCaughtOnOpen) {
  ASSERT_NO_FATAL_FAILURE(Fill(2));
  Sql("UPDATE accounts SET posted_milli = 2000000 WHERE id = 'lpp:acme:2025'");
  Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path_, SqliteOptions{});
  EXPECT_EQ(s.status().code(), Status::Code::kCorruption);
  EXPECT_TRUE(Contains(s.status().message(), "lpp:acme:2025")) << s.status().message();
}

TEST_F(SqliteFaults, TwoStoresOnOneFileSeeEachOthersDraws) {
  std::unique_ptr<SqliteStore> a = OpenStore();
  std::unique_ptr<SqliteStore> b = OpenStore();
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(RecordOne(a.get(), Req("s1", "allocation:AE", 900, 1000)).ok());
  EXPECT_EQ(b->Balance("allocation:AE", "s2")->drawn(), Fixed::FromUnits(900));
  EXPECT_EQ(RecordOne(b.get(), Req("s2", "allocation:AE", 200, 1000)).code(),
            Status::Code::kConflict);
  EXPECT_TRUE(RecordOne(b.get(), Req("s2", "allocation:AE", 100, 1000)).ok());
  EXPECT_EQ(a->Balance("allocation:AE", "")->drawn(), Fixed::FromUnits(1000));
  Result<VerifyReport> r = a->Verify();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->ok) << r->problem;
  EXPECT_EQ(r->events, 2);
}

}  // namespace
}  // namespace highfence::ledger
