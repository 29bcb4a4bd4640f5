#include "screen/list_store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "screen/snapshot.h"

namespace highfence::screen {
namespace {

namespace fs = std::filesystem;

class ListStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("hf-lists-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Fixture(const std::string& name) {
    return std::string(HF_SOURCE_DIR) + "/tests/screening/fixtures/" + name;
  }
  fs::path dir_;
};

TEST_F(ListStoreTest, ImportStoresTheBytesAndMakesTheSnapshotCurrent) {
  ListStore store(dir_.string());
  EXPECT_EQ(store.Current().status().code(), Status::Code::kNotFound);
  Result<StoredSnapshot> a = store.Import(Fixture("csl-sample.csv"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->format, "csv");
  EXPECT_EQ(a->entries, 7);
  Result<std::string> stored = ReadFileBytes(a->path);
  Result<std::string> original = ReadFileBytes(Fixture("csl-sample.csv"));
  ASSERT_TRUE(stored.ok() && original.ok());
  EXPECT_EQ(*stored, *original);
  EXPECT_EQ(ContentSha256(*stored), a->sha256);
  Result<StoredSnapshot> b = store.Import(Fixture("csl-sample-later.json"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(store.Current()->sha256, b->sha256);
  EXPECT_EQ(store.Find(a->sha256.substr(0, 8))->sha256, a->sha256);
  EXPECT_EQ(store.List()->size(), 2u);
  // Importing again only makes it current again.
  ASSERT_TRUE(store.Import(Fixture("csl-sample.csv")).ok());
  EXPECT_EQ(store.Current()->sha256, a->sha256);
  EXPECT_EQ(store.List()->size(), 2u);
}

TEST_F(ListStoreTest, BadReferencesAndFilesAreErrors) {
  ListStore store(dir_.string());
  ASSERT_TRUE(store.Import(Fixture("csl-sample.csv")).ok());
  EXPECT_EQ(store.Find("abc").status().code(), Status::Code::kInvalidArgument);  // too short
  EXPECT_EQ(store.Find("zzzzzzzz").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store.Find("00000000").status().code(), Status::Code::kNotFound);
  const std::string bad = (dir_ / "bad.csv").string();
  std::ofstream(bad) << "name,source\n\"unclosed,EL\n";
  EXPECT_FALSE(store.Import(bad).ok());
  EXPECT_EQ(store.List()->size(), 1u);  // a bad file leaves the store as it was
  std::ofstream(dir_ / "snapshots.tsv", std::ios::app) << "not a snapshot line\n";
  EXPECT_EQ(store.List().status().code(), Status::Code::kCorruption);
}

TEST_F(ListStoreTest, DefaultFolderFollowsTheEnvironment) {
  ::setenv("HIGHFENCE_LISTS_DIR", "/tmp/hf-explicit", 1);
  EXPECT_EQ(*ListStore::DefaultDir(), "/tmp/hf-explicit");
  ::unsetenv("HIGHFENCE_LISTS_DIR");
  ::setenv("XDG_DATA_HOME", "/tmp/hf-xdg", 1);
  EXPECT_EQ(*ListStore::DefaultDir(), "/tmp/hf-xdg/highfence/lists");
  ::unsetenv("XDG_DATA_HOME");
  ::setenv("HOME", "/tmp/hf-home", 1);
  EXPECT_EQ(*ListStore::DefaultDir(), "/tmp/hf-home/.local/share/highfence/lists");
}

}  // namespace
}  // namespace highfence::screen
