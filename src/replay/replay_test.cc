// Replay of a small order book (tests/replay/orders.jsonl) under another
// regime and under a reform.
#include "replay/replay.h"

#include <gtest/gtest.h>

#include "replay/reform.h"

namespace highfence::replay {
namespace {

const std::string kOrders = std::string(HF_SOURCE_DIR) + "/tests/replay/orders.jsonl";

std::unique_ptr<Engine> Base() {
  Result<std::unique_ptr<Engine>> e = Engine::Create({});
  HF_ASSERT(e.ok());
  return std::move(e).value();
}

Result<ReplayResult> ReplayOrders(const Engine& a, const Engine& b, RegimeChoice choice_b) {
  Result<std::unique_ptr<OrderBook>> orders = OpenShipmentsFile(kOrders, &a.catalog());
  if (!orders.ok()) return orders.status();
  // The AI Diffusion rule as written: its tiers and allocation are what flip.
  choice_b.mode = Mode::kAsWritten;
  return Replay(orders->get(), {"base", &a, {Mode::kAsWritten, std::nullopt}},
                {"other", &b, choice_b});
}

TEST(Replay, AnotherRegimeFlipsTheTier2Licences) {
  std::unique_ptr<Engine> engine = Base();
  RegimeChoice us2023;
  us2023.forced = RegimeId::kUs2023;
  Result<ReplayResult> r = ReplayOrders(*engine, *engine, us2023);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->lines, 5);
  // Malaysia needs no licence under the October 2023 rule; China still does.
  EXPECT_EQ(r->flips, 3);
  for (const Flip& f : r->flip_list) {
    EXPECT_EQ(f.destination, "MY");
    EXPECT_EQ(f.side[1].decision, Decision::kNoLicenseRequired);
  }
}

TEST(Replay, AReformMovesTheAllocationAndTheTiers) {
  Result<Reform> reform =
      LoadReform(std::string(HF_SOURCE_DIR) + "/scenarios/reforms/double-tier2-allocation.toml");
  ASSERT_TRUE(reform.ok()) << reform.status().ToString();
  Result<std::vector<law::LawSource>> sources = ApplyReform(*reform, law::EmbeddedLawSources());
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  Result<std::unique_ptr<Engine>> reformed = EngineWithLaw(*sources, "");
  ASSERT_TRUE(reformed.ok()) << reformed.status().ToString();
  std::unique_ptr<Engine> base = Base();
  Result<ReplayResult> r = ReplayOrders(*base, **reformed, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->flips, 2);
  // The third 20,000-H100 order to Malaysia passes the 790M TPP allocation
  // (policy of denial) but fits in 1,580M (presumption of approval).
  EXPECT_EQ(r->flip_list[0].id, "MY-3");
  EXPECT_EQ(r->flip_list[0].side[0].policy, LicensePolicy::kPolicyOfDenial);
  EXPECT_EQ(r->flip_list[0].side[1].policy, LicensePolicy::kPresumptionOfApproval);
  // Saudi Arabia in Tier 1: License Exception AIA.
  EXPECT_EQ(r->flip_list[1].id, "SA-1");
  EXPECT_EQ(r->flip_list[1].side[1].authorization, Authorization::kAia);
  // Burn-down of Malaysia's allocation: 2 x 316,640,000 TPP drawn under the
  // law (the third order denied), 3 x under the reform.
  const BurnDown* my = nullptr;
  for (const BurnDown& b : r->burn_down) my = b.account == "allocation:MY" ? &b : my;
  ASSERT_NE(my, nullptr);
  const BurnPoint& last = my->points.back();
  EXPECT_EQ(last.drawn[0], Fixed::FromUnits(633280000));
  EXPECT_EQ(last.drawn[1], Fixed::FromUnits(949920000));
  EXPECT_EQ(last.cap[0], Fixed::FromUnits(790000000));
  EXPECT_EQ(last.cap[1], Fixed::FromUnits(1580000000));
  EXPECT_NE(ReplayJson(*r).find("\"allocation_burn_down\":[{\"account\":\"allocation:MY\""),
            std::string::npos);
}

}  // namespace
}  // namespace highfence::replay
