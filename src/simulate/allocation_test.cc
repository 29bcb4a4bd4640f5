// E2, China's allocation, on hand-computed cases.
#include "simulate/allocation.h"

#include <gtest/gtest.h>

namespace highfence::simulate {
namespace {

constexpr double kInf = 1e18;

AllocationInput Budget(double b, double cd, double cap_d, double eps) {
  AllocationInput in;
  in.resource = b;
  in.domestic_cost = cd;
  in.domestic_capacity = cap_d;
  in.elasticity = eps;
  in.cost = {1, 1, 1};
  in.capacity = {0, 0, 0};
  return in;
}

TEST(Allocation, WithNoForeignChannelEverythingGoesDomesticUpToCapacity) {
  AllocationResult a = Allocate(Budget(10, 2, kInf, 3));
  EXPECT_NEAR(a.domestic, 5, 1e-12);
  EXPECT_NEAR(a.unused, 0, 1e-12);
  a = Allocate(Budget(10, 2, 3, 3));  // capacity 3 costs 6; 4 left unspent
  EXPECT_NEAR(a.domestic, 3, 1e-12);
  EXPECT_NEAR(a.unused, 4, 1e-12);
}

TEST(Allocation, CesSplitFollowsRelativeCosts) {
  // c_D = 2, c_F = 1, eps = 1: D / F = c_F / c_D = 0.5; 2 D + F = 10.
  AllocationInput in = Budget(10, 2, kInf, 1);
  in.capacity[kLegal] = kInf;
  AllocationResult a = Allocate(in);
  EXPECT_NEAR(a.foreign[kLegal], 5, 1e-9);
  EXPECT_NEAR(a.domestic, 2.5, 1e-9);
  EXPECT_NEAR(a.used, 10, 1e-9);
  // Equal costs: equal quantities whatever eps.
  in = Budget(12, 1, kInf, 5);
  in.capacity[kSmuggled] = kInf;
  a = Allocate(in);
  EXPECT_NEAR(a.domestic, 6, 1e-9);
  EXPECT_NEAR(a.foreign[kSmuggled], 6, 1e-9);
}

TEST(Allocation, ForeignChannelsFillCheapestFirstAlongASteppedCurve) {
  // c_D = 2, eps = 1. Legal costs 1 (capacity 1), smuggled 4 (unlimited).
  // Inside the second step: D = (4 / 2) F and 2 D + 1 + 4 (F - 1) = 10,
  // so F = 13 / 8 and D = 3.25; smuggled = F - 1 = 0.625.
  AllocationInput in = Budget(10, 2, kInf, 1);
  in.cost = {1, 4, 1};
  in.capacity = {1, kInf, 0};
  AllocationResult a = Allocate(in);
  EXPECT_NEAR(a.foreign[kLegal], 1, 1e-9);
  EXPECT_NEAR(a.foreign[kSmuggled], 0.625, 1e-9);
  EXPECT_NEAR(a.domestic, 3.25, 1e-9);
  EXPECT_NEAR(a.used, 10, 1e-9);
}

TEST(Allocation, AKinkHoldsTheForeignQuantityAtAStepEnd) {
  // c_D = 2, eps = 1. Legal 1 (capacity 1), smuggled 100 (unlimited). At the
  // kink D = (10 - 1) / 2 = 4.5 lies between 0.5 * 1 and 50 * 1: F stays at 1.
  AllocationInput in = Budget(10, 2, kInf, 1);
  in.cost = {1, 100, 1};
  in.capacity = {1, kInf, 0};
  AllocationResult a = Allocate(in);
  EXPECT_NEAR(a.foreign[kLegal], 1, 1e-9);
  EXPECT_NEAR(a.foreign[kSmuggled], 0, 1e-9);
  EXPECT_NEAR(a.domestic, 4.5, 1e-9);
}

TEST(Allocation, BindingDomesticCapacitySendsTheRestAbroad) {
  AllocationInput in = Budget(10, 1, 1, 3);
  in.capacity[kRented] = kInf;
  AllocationResult a = Allocate(in);
  EXPECT_NEAR(a.domestic, 1, 1e-9);
  EXPECT_NEAR(a.foreign[kRented], 9, 1e-9);
}

TEST(Allocation, EverythingCappedLeavesBudgetUnspent) {
  AllocationInput in = Budget(100, 1, 2, 3);
  in.capacity = {3, 4, 5};
  AllocationResult a = Allocate(in);
  EXPECT_NEAR(a.domestic + a.foreign[0] + a.foreign[1] + a.foreign[2], 14, 1e-9);
  EXPECT_NEAR(a.unused, 86, 1e-9);
}

TEST(Allocation, DomesticFloorIsMetFirst) {
  // Foreign is far cheaper, but 3 H100e must be domestic.
  AllocationInput in = Budget(10, 2, kInf, 8);
  in.cost = {0.5, 1, 1};
  in.capacity[kLegal] = kInf;
  in.domestic_floor = 3;
  AllocationResult a = Allocate(in);
  EXPECT_GE(a.domestic, 3 - 1e-9);
  EXPECT_NEAR(a.used, 10, 1e-9);
}

TEST(Allocation, QuantityModeMeetsAQuantityNotABudget) {
  // c_D = 2, c_F = 1, eps = 1: D = 0.5 F, D + F = 10.
  AllocationInput in = Budget(10, 2, kInf, 1);
  in.quantity_mode = true;
  in.capacity[kLegal] = kInf;
  AllocationResult a = Allocate(in);
  EXPECT_NEAR(a.foreign[kLegal], 20.0 / 3, 1e-9);
  EXPECT_NEAR(a.domestic, 10.0 / 3, 1e-9);
  // Unmet quantity when every channel is capped.
  in.domestic_capacity = 1;
  in.capacity[kLegal] = 2;
  a = Allocate(in);
  EXPECT_NEAR(a.unused, 7, 1e-9);
}

TEST(Allocation, HighElasticityApproachesTheMeritOrder) {
  // Domestic slightly dearer than legal: with eps = 60 nearly all goes legal.
  AllocationInput in = Budget(10, 1.2, kInf, 60);
  in.capacity[kLegal] = kInf;
  AllocationResult a = Allocate(in);
  EXPECT_GT(a.foreign[kLegal], 9.99);
  EXPECT_LT(a.domestic, 1e-3);
}

}  // namespace
}  // namespace highfence::simulate
