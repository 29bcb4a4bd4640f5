// A SQLite ledger as one file: `ledger backup` writes a consistent copy that
// verifies, and a clean close leaves the whole ledger in the .db file.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "ledger/sqlite/store.h"

namespace highfence::ledger {
namespace {

namespace fs = std::filesystem;

TransferRequest Req(const std::string& shipment, int64_t units) {
  TransferRequest t;
  t.id = shipment + "/lpp:acme:2025";
  t.account = "lpp:acme:2025";
  t.amount = Fixed::FromUnits(units);
  t.cap = Fixed::FromUnits(1000);
  t.shipment_id = shipment;
  t.on = Date::FromCivil(2025, 6, 30);
  return t;
}

// The journal mode a plain SQLite connection finds in `path`.
std::string JournalMode(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, nullptr), SQLITE_OK);
  std::string mode =
      sqlite3_step(q) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(q, 0)) : "";
  sqlite3_finalize(q);
  sqlite3_close(db);
  return mode;
}

class SqliteBackup : public testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() / fmt::format("hf_backup_{}_{}", getpid(), counter++);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::unique_ptr<SqliteStore> Open(const std::string& path, bool read_only = false) {
    SqliteOptions options;
    options.read_only = read_only;
    Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path, options);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }
  // Three shipments, the second reversed: five events.
  void Fill(SqliteStore* s) {
    for (const char* shipment : {"s1", "s2", "s3"}) {
      TransferRequest t = Req(shipment, 100);
      ASSERT_TRUE(s->Record(std::span<const TransferRequest>(&t, 1)).ok());
    }
    ASSERT_TRUE(s->Reverse("s2/lpp:acme:2025", "order cancelled").ok());
  }

  fs::path dir_;
};

TEST_F(SqliteBackup, WritesASingleFileCopyThatVerifies) {
  std::unique_ptr<SqliteStore> live = Open(Path("live.db"));
  ASSERT_NO_FATAL_FAILURE(Fill(live.get()));
  Result<VerifyReport> report = live->Backup(Path("copy.db"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok);
  EXPECT_EQ(report->events, 4);
  EXPECT_EQ(report->transfers, 4);
  EXPECT_EQ(report->head_hash, live->Verify()->head_hash);
  // One file: no WAL beside it, and none needed.
  EXPECT_FALSE(fs::exists(Path("copy.db-wal")));
  EXPECT_EQ(JournalMode(Path("copy.db")), "delete");
  for (const fs::directory_entry& e : fs::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().string().find(".partial"), std::string::npos) << e.path();
  }
  std::unique_ptr<SqliteStore> copy = Open(Path("copy.db"), /*read_only=*/true);
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->Show("lpp:acme:2025")->posted, Fixed::FromUnits(200));
  Result<VerifyReport> verified = copy->Verify();
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok) << verified->problem;
  EXPECT_EQ(verified->head_hash, report->head_hash);
}

TEST_F(SqliteBackup, NeverReplacesAFile) {
  std::unique_ptr<SqliteStore> live = Open(Path("live.db"));
  ASSERT_NO_FATAL_FAILURE(Fill(live.get()));
  std::ofstream(Path("taken.db")) << "someone's file";
  Result<VerifyReport> report = live->Backup(Path("taken.db"));
  EXPECT_EQ(report.status().code(), Status::Code::kConflict);
  std::ifstream in(Path("taken.db"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "someone's file");
}

TEST_F(SqliteBackup, ACleanCloseLeavesTheWholeLedgerInTheDbFile) {
  {
    std::unique_ptr<SqliteStore> live = Open(Path("live.db"));
    ASSERT_NO_FATAL_FAILURE(Fill(live.get()));
  }
  // Copy the .db alone, as a careless backup would.
  fs::copy_file(Path("live.db"), Path("alone.db"));
  std::unique_ptr<SqliteStore> copy = Open(Path("alone.db"), /*read_only=*/true);
  ASSERT_NE(copy, nullptr);
  Result<AccountState> a = copy->Show("lpp:acme:2025");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->posted, Fixed::FromUnits(200));
  Result<VerifyReport> verified = copy->Verify();
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok) << verified->problem;
  EXPECT_EQ(verified->events, 4);
}

}  // namespace
}  // namespace highfence::ledger
