// PartyScreener against the legal cases' own list (tests/cases/parties).
#include "screen/party_screener.h"

#include <gtest/gtest.h>

#include "screen/snapshot.h"

namespace highfence::screen {
namespace {

const std::string kLists = std::string(HF_SOURCE_DIR) + "/tests/cases/parties/party-lists.json";

std::unique_ptr<PartyScreener> Load() {
  Result<ListSnapshot> snapshot = LoadSnapshotFile(kLists);
  EXPECT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  Result<std::unique_ptr<Screener>> built = Screener::Build(std::move(snapshot).value());
  EXPECT_TRUE(built.ok()) << built.status().ToString();
  return std::make_unique<PartyScreener>(std::shared_ptr<const Screener>(std::move(*built)));
}

Shipment Party(std::string name, std::string parent = "") {
  Shipment s;
  s.Clear();
  s.destination = *CountryCode::Parse("CN");
  s.consignee.name = std::move(name);
  s.consignee.parent = std::move(parent);
  return s;
}

TEST(PartyScreener, ScreensTheConsigneeAndADistinctParentWithTheRowsFacts) {
  std::unique_ptr<PartyScreener> parties = Load();
  Shipment s = Party("Dawnlight Data", "Meridian Dawn Holdings Ltd.");
  parties->Screen(&s);
  ASSERT_NE(s.screening, nullptr);
  EXPECT_EQ(s.screening->snapshot, ContentSha256(*ReadFileBytes(kLists)));
  ASSERT_EQ(s.screening->hits.size(), 1u);
  const PartyListHit& h = s.screening->hits[0];
  EXPECT_EQ(h.role, PartyRole::kParent);
  EXPECT_TRUE(h.match);
  EXPECT_EQ(h.list, "EL");
  EXPECT_EQ(h.name, "Meridian Dawn Holdings Ltd.");
  EXPECT_EQ(h.license_policy, "Presumption of denial.");
  EXPECT_EQ(h.federal_register_notice, "90 FR 10002 (project fixture)");
  EXPECT_EQ(h.threshold, Fixed::FromMilli(860));
  EXPECT_GE(h.score, h.threshold);
}

TEST(PartyScreener, AParentThatIsTheConsigneeIsScreenedOnce) {
  std::unique_ptr<PartyScreener> parties = Load();
  Shipment s = Party("Huawei Technologies Co., Ltd.", "Huawei Technologies Co., Ltd.");
  parties->Screen(&s);
  ASSERT_NE(s.screening, nullptr);
  ASSERT_FALSE(s.screening->hits.empty());
  for (const PartyListHit& h : s.screening->hits) EXPECT_EQ(h.role, PartyRole::kConsignee);
}

TEST(PartyScreener, RepeatedPartiesShareOneScreening) {
  std::unique_ptr<PartyScreener> parties = Load();
  Shipment a = Party("Tallis Brook Exports Limited");
  Shipment b = Party("Tallis Brook Exports Limited");
  parties->Screen(&a);
  parties->Screen(&b);
  ASSERT_NE(a.screening, nullptr);
  EXPECT_EQ(a.screening.get(), b.screening.get());
  // Another parent is another pair, but the consignee's hits are the same.
  Shipment c = Party("Tallis Brook Exports Limited", "Blue Meadow Bakery");
  parties->Screen(&c);
  EXPECT_NE(c.screening.get(), a.screening.get());
  ASSERT_EQ(c.screening->hits.size(), a.screening->hits.size());
  EXPECT_EQ(c.screening->hits[0].row, a.screening->hits[0].row);
}

TEST(PartyScreener, KeepsReviewCandidatesOnlyForAPartyWithoutAMatch) {
  std::unique_ptr<PartyScreener> parties = Load();
  Shipment s = Party("Meridian Dawn Holdings Shenzhen Trading");
  parties->Screen(&s);
  ASSERT_NE(s.screening, nullptr);
  ASSERT_FALSE(s.screening->hits.empty());
  for (const PartyListHit& h : s.screening->hits) EXPECT_FALSE(h.match);
}

TEST(PartyScreener, LeavesALineWithErrorsUnscreened) {
  std::unique_ptr<PartyScreener> parties = Load();
  Shipment s = Party("Huawei Technologies Co., Ltd.");
  s.errors.push_back({"missing_field", "date", "`date` is required"});
  parties->Screen(&s);
  EXPECT_EQ(s.screening, nullptr);
}

}  // namespace
}  // namespace highfence::screen
