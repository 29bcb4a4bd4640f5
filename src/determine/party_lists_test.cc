// The restricted-party steps (party_lists.cc), fed hits built by hand: the
// determine layer applies a screening, whoever made it.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "determine/steps.h"
#include "highfence/engine.h"
#include "io/shipment_parser.h"
#include "ledger/memory_ledger.h"

namespace highfence::determine {
namespace {

TEST(PolicyOfEntry, ReadsThePolicyTheEntryStatesAtItsStrictest) {
  EXPECT_EQ(PolicyOfEntry("Presumption of denial."), LicensePolicy::kPresumptionOfDenial);
  EXPECT_EQ(PolicyOfEntry("Presumption for denial"), LicensePolicy::kPresumptionOfDenial);
  EXPECT_EQ(PolicyOfEntry("Case-by-Case review for licenses for the safety of civil aviation."),
            LicensePolicy::kCaseByCase);
  EXPECT_EQ(PolicyOfEntry("Case-by-case for all items listed on the CCL. Presumption of approval "
                          "for EAR99 items."),
            LicensePolicy::kCaseByCase);
  EXPECT_EQ(PolicyOfEntry("Policy of Denial; Case-by-case basis for items for U.S. Government "
                          "supported use in the International Space Station (ISS)."),
            LicensePolicy::kPolicyOfDenial);
  EXPECT_EQ(PolicyOfEntry("Presumption of approval for EAR99 items"),
            LicensePolicy::kPresumptionOfApproval);
  EXPECT_EQ(PolicyOfEntry("See §744.2(d) of the EAR"), LicensePolicy::kNone);
  EXPECT_EQ(PolicyOfEntry(""), LicensePolicy::kNone);
}

class PartyListsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<Engine>> e = Engine::Create({});
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    engine_ = std::move(e).value().release();
  }
  static void TearDownTestSuite() { delete engine_; }

  static PartyListHit Hit(PartyRole role, std::string list, bool match, std::string policy) {
    PartyListHit h;
    h.role = role;
    h.match = match;
    h.score = Fixed::FromMilli(match ? 950 : 780);
    h.threshold = Fixed::FromMilli(860);
    h.review_threshold = Fixed::FromMilli(720);
    h.list = std::move(list);
    h.name = "Listed Test Entity Ltd.";
    h.matched_name = h.name;
    h.license_policy = std::move(policy);
    h.federal_register_notice = "90 FR 12345";
    return h;
  }

  // Evaluates `json` with `hits` (or no screening at all) on `ledger`.
  Determination Run(const std::string& json, std::vector<PartyListHit> hits, bool screened = true,
                    Ledger* ledger = nullptr) {
    io::ShipmentParser parser(&engine_->catalog());
    Shipment s;
    parser.ParseJson(json, &s);
    EXPECT_TRUE(s.errors.empty()) << s.errors.front().message;
    if (screened) {
      auto sc = std::make_shared<PartyScreening>();
      sc->snapshot = "ab12";
      sc->hits = std::move(hits);
      s.screening = sc;
    }
    ledger::MemoryLedger memory;
    Determination d;
    Status st = engine_->Evaluate(s, RegimeChoice{Mode::kAsWritten, std::nullopt},
                                  ledger ? ledger : &memory, &d);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return d;
  }

  static bool HasRule(const Determination& d, std::string_view rule) {
    for (const Reason& r : d.reasons) {
      if (r.rule == rule) return true;
    }
    return false;
  }

  static Engine* engine_;
};
Engine* PartyListsTest::engine_ = nullptr;

// An A10 (below 3A090) to Malaysia; consignee and parent named.
std::string A10(std::string_view date) {
  return "{\"id\":\"p1\",\"date\":\"" + std::string(date) +
         "\",\"destination\":\"MY\",\"units\":1,\"item\":\"nvidia-a10\",\"consignee\":{\"name\":"
         "\"Sub Sdn Bhd\",\"parent\":\"Parent Ltd\",\"hq\":\"MY\",\"parent_hq\":\"CN\"}}";
}

TEST_F(PartyListsTest, WithoutScreeningNothingChangesAndNoFieldIsWritten) {
  Determination d = Run(A10("2025-06-01"), {}, /*screened=*/false);
  EXPECT_EQ(d.decision, Decision::kNotControlled);
  EXPECT_EQ(d.screening, nullptr);
  Determination clear = Run(A10("2025-06-01"), {});
  EXPECT_EQ(clear.decision, Decision::kNotControlled);
  ASSERT_NE(clear.screening, nullptr);
  EXPECT_EQ(clear.screening->snapshot, "ab12");
}

TEST_F(PartyListsTest, AnEntityListConsigneeNeedsALicenceForAnyItem) {
  Determination d =
      Run(A10("2025-06-01"), {Hit(PartyRole::kConsignee, "EL", true, "Case-by-case review.")});
  EXPECT_EQ(d.decision, Decision::kLicenseRequired);
  EXPECT_EQ(d.license_policy, LicensePolicy::kCaseByCase);
  EXPECT_TRUE(HasRule(d, "party.entity_list"));
}

TEST_F(PartyListsTest, TheParentReachesTheConsigneeOnlyWhileTheAffiliatesRuleApplies) {
  // The rule's dates are law data: in force from 2025-09-29, suspended from
  // 2025-11-10, back from 2026-11-10 (law/part-744-party-lists.toml).
  const std::pair<const char*, bool> kDates[] = {
      {"2025-09-28", false}, {"2025-09-29", true},  {"2025-11-09", true},
      {"2025-11-10", false}, {"2026-11-09", false}, {"2026-11-10", true},
  };
  for (const auto& [date, applies] : kDates) {
    Determination d =
        Run(A10(date), {Hit(PartyRole::kParent, "EL", true, "Presumption of denial.")});
    EXPECT_EQ(d.decision, applies ? Decision::kLicenseRequired : Decision::kNotControlled) << date;
    EXPECT_EQ(d.HasNotice("party_parent_entity_listed"), !applies) << date;
    bool assumed = false;
    for (const Assumption& a : d.assumed) assumed = assumed || a.field == "consignee.parent";
    EXPECT_EQ(assumed, applies) << date;
  }
}

TEST_F(PartyListsTest, AListedConsigneeDrawsOnNoAccount) {
  // 8 H100s to Germany: AIA when the consignee is not listed.
  const std::string json =
      "{\"id\":\"g1\",\"date\":\"2025-06-01\",\"destination\":\"DE\",\"units\":8,\"item\":"
      "\"nvidia-h100-sxm\",\"consignee\":{\"name\":\"Rechenwerk GmbH\"}}";
  Determination free = Run(json, {});
  ASSERT_EQ(free.authorization, Authorization::kAia);
  ledger::MemoryLedger ledger;
  Determination listed =
      Run(json, {Hit(PartyRole::kConsignee, "EL", true, "Presumption of denial.")}, true, &ledger);
  EXPECT_EQ(listed.decision, Decision::kLicenseRequired);
  EXPECT_EQ(listed.authorization, Authorization::kNone);
  EXPECT_TRUE(listed.debits.empty());
  EXPECT_EQ(ledger.account_count(), 0u);
}

TEST_F(PartyListsTest, OtherListsAddANoticeEach) {
  Determination d = Run(A10("2025-06-01"), {Hit(PartyRole::kConsignee, "SDN", true, ""),
                                            Hit(PartyRole::kParent, "MEU", true, ""),
                                            Hit(PartyRole::kParent, "SSI", true, "")});
  EXPECT_EQ(d.decision, Decision::kNotControlled);
  EXPECT_TRUE(d.HasNotice("party_listed_sdn"));
  EXPECT_TRUE(d.HasNotice("party_listed_meu"));
  EXPECT_TRUE(d.HasNotice("party_listed_other"));
}

TEST_F(PartyListsTest, ADeniedConsigneeIsPolicyOfDenialAndADeniedParentARedFlag) {
  Determination d = Run(A10("2025-06-01"), {Hit(PartyRole::kConsignee, "DPL", true, "")});
  EXPECT_EQ(d.decision, Decision::kLicenseRequired);
  EXPECT_EQ(d.license_policy, LicensePolicy::kPolicyOfDenial);
  Determination parent = Run(A10("2025-06-01"), {Hit(PartyRole::kParent, "DPL", true, "")});
  EXPECT_EQ(parent.decision, Decision::kNotControlled);
  EXPECT_TRUE(parent.HasNotice("party_listed_dpl"));
}

TEST_F(PartyListsTest, AReviewCandidateNeedsReviewUnlessThePartyMatched) {
  Determination d = Run(A10("2025-06-01"), {Hit(PartyRole::kParent, "EL", false, "")});
  EXPECT_EQ(d.decision, Decision::kNeedsReview);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].code, "party_screening_review");
  EXPECT_EQ(d.errors[0].field, "consignee.parent");
  EXPECT_NE(d.errors[0].message.find("Listed Test Entity Ltd."), std::string::npos);
  EXPECT_NE(d.errors[0].message.find("0.78"), std::string::npos);
  // The consignee matched one entry; a weaker candidate of the same party
  // is another row of it, not a doubt.
  Determination matched = Run(A10("2025-06-01"), {Hit(PartyRole::kConsignee, "EL", true, "x"),
                                                  Hit(PartyRole::kConsignee, "SDN", false, "")});
  EXPECT_EQ(matched.decision, Decision::kLicenseRequired);
  EXPECT_TRUE(matched.errors.empty());
}

}  // namespace
}  // namespace highfence::determine
