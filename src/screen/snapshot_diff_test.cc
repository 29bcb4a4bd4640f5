#include "screen/snapshot_diff.h"

#include <gtest/gtest.h>

#include "screen/snapshot.h"

namespace highfence::screen {
namespace {

ListSnapshot Load(const std::string& name) {
  Result<ListSnapshot> s =
      LoadSnapshotFile(std::string(HF_SOURCE_DIR) + "/tests/screening/fixtures/" + name);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : ListSnapshot{};
}

TEST(SnapshotDiff, AddedRemovedAndChangedRows) {
  const ListSnapshot before = Load("csl-sample-compact.json");
  const ListSnapshot after = Load("csl-sample-later.json");
  const SnapshotDiff d = DiffSnapshots(before, after);
  ASSERT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.added[0]->name, "Example Intelligent Computing Co., Ltd.");
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0]->name, "Acme Export Trading");
  ASSERT_EQ(d.changed.size(), 1u);
  const EntryChange& c = d.changed[0];
  EXPECT_EQ(c.after->name, "Semiconductor Manufacturing International Corporation (SMIC)");
  ASSERT_EQ(c.fields.size(), 2u);
  EXPECT_EQ(c.fields[0].field, "alt_names");
  EXPECT_EQ(c.fields[0].before, "SMIC Shanghai; Semiconductor Mfg International Corp.");
  EXPECT_EQ(c.fields[0].after, "SMIC; SMIC Shanghai");
  EXPECT_EQ(c.fields[1].field, "license_policy");
  EXPECT_EQ(c.fields[1].after, "Presumption of denial.");
}

TEST(SnapshotDiff, TheSameRowsInAnotherFormShowNoChange) {
  const SnapshotDiff d = DiffSnapshots(Load("csl-sample.csv"), Load("csl-sample-compact.json"));
  EXPECT_TRUE(d.added.empty());
  EXPECT_TRUE(d.removed.empty());
  EXPECT_TRUE(d.changed.empty());
}

TEST(SnapshotDiff, RowsRepeatedPerAddressCompareAsOne) {
  ListSnapshot a, b;
  ListEntry e;
  e.list = "EL";
  e.source = "Entity List (EL)";
  e.name = "Acme";
  e.countries = {"CN"};
  a.entries = {e, e};
  a.entries[1].countries = {"HK"};
  b.entries = {e};
  b.entries[0].countries = {"HK", "CN"};
  EXPECT_TRUE(DiffSnapshots(a, b).changed.empty());
  b.entries[0].countries = {"CN"};
  const SnapshotDiff d = DiffSnapshots(a, b);
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_EQ(d.changed[0].fields[0].field, "countries");
  EXPECT_EQ(d.changed[0].fields[0].before, "CN; HK");
}

}  // namespace
}  // namespace highfence::screen
