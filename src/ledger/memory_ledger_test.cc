#include "ledger/memory_ledger.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "ledger/memory_store.h"

namespace highfence::ledger {
namespace {

Fixed F(const char* text) { return *Fixed::Parse(text); }

// A draw of shipment `shipment` on `account`, with the engine's default id.
TransferRequest Transfer(const char* shipment, const char* account, const char* amount,
                         std::optional<Fixed> cap = std::nullopt,
                         TransferState state = TransferState::kPosted) {
  TransferRequest t;
  t.account = account;
  t.id = std::string(shipment) + "/" + account;
  t.amount = F(amount);
  t.state = state;
  t.cap = cap;
  t.shipment_id = shipment;
  t.shipment_hash = std::string("fingerprint-of-") + shipment;
  t.on = *Date::Parse("2025-06-01");
  return t;
}

AccountBalance BalanceOf(MemoryLedger& ledger, const char* account) {
  Result<AccountBalance> b = ledger.Balance(account, "S-x");
  EXPECT_TRUE(b.ok()) << b.status().ToString();
  return b.ok() ? *b : AccountBalance{F("-1"), F("-1")};
}

// --- balances ---------------------------------------------------------------------

TEST(MemoryLedger, UnknownAccountIsZero) {
  MemoryLedger ledger;
  AccountBalance b = BalanceOf(ledger, "lpp:nobody:2025");
  EXPECT_TRUE(b.posted.is_zero());
  EXPECT_TRUE(b.pending.is_zero());
  EXPECT_EQ(b.drawn(), F("0"));
  EXPECT_EQ(ledger.account_count(), 0u);
  EXPECT_FALSE(*ledger.HoldsShipments());
}

TEST(MemoryLedger, RecordPostsAndPendsIntoTheirFields) {
  MemoryLedger ledger;
  std::vector<TransferRequest> ts = {
      Transfer("S-1", "allocation:MY", "100", F("1000"), TransferState::kPending),
      Transfer("S-1", "lpp:acme:2025", "40.5", F("1000"), TransferState::kPosted)};
  RecordResult r = ledger.Record(ts);
  EXPECT_EQ(r.outcome(), RecordOutcome::kOk) << r.ToString();
  AccountBalance alloc = BalanceOf(ledger, "allocation:MY");
  EXPECT_EQ(alloc.pending, F("100"));
  EXPECT_TRUE(alloc.posted.is_zero());
  AccountBalance lpp = BalanceOf(ledger, "lpp:acme:2025");
  EXPECT_EQ(lpp.posted, F("40.5"));
  EXPECT_TRUE(lpp.pending.is_zero());
  EXPECT_EQ(ledger.account_count(), 2u);
  EXPECT_TRUE(*ledger.HoldsShipments());
}

TEST(MemoryLedger, PendingAndPostedBothCountAgainstTheCap) {
  MemoryLedger ledger;
  TransferRequest pending =
      Transfer("S-1", "allocation:MY", "600", F("1000"), TransferState::kPending);
  ASSERT_TRUE(ledger.Record({&pending, 1}).ok());
  TransferRequest posted = Transfer("S-2", "allocation:MY", "400", F("1000"));
  ASSERT_TRUE(ledger.Record({&posted, 1}).ok());
  AccountBalance b = BalanceOf(ledger, "allocation:MY");
  EXPECT_EQ(b.drawn(), F("1000"));
  TransferRequest one_more = Transfer("S-3", "allocation:MY", "0.001", F("1000"));
  RecordResult r = ledger.Record({&one_more, 1});
  EXPECT_EQ(r.outcome(), RecordOutcome::kCapExceeded) << r.ToString();
  EXPECT_EQ(r.code(), Status::Code::kConflict);
}

TEST(MemoryLedger, ExactCapFillSucceeds) {
  MemoryLedger ledger;
  TransferRequest a = Transfer("S-1", "lpp:acme:2025", "26899999.999", F("26900000"));
  ASSERT_TRUE(ledger.Record({&a, 1}).ok());
  TransferRequest b = Transfer("S-2", "lpp:acme:2025", "0.001", F("26900000"));
  ASSERT_TRUE(ledger.Record({&b, 1}).ok());
  EXPECT_EQ(BalanceOf(ledger, "lpp:acme:2025").posted, F("26900000"));
  TransferRequest c = Transfer("S-3", "lpp:acme:2025", "0.001", F("26900000"));
  EXPECT_EQ(ledger.Record({&c, 1}).outcome(), RecordOutcome::kCapExceeded);
  EXPECT_EQ(BalanceOf(ledger, "lpp:acme:2025").posted, F("26900000"));
}

TEST(MemoryLedger, CapConflictWritesNothingAcrossTransfers) {
  MemoryLedger ledger;
  TransferRequest seed = Transfer("S-0", "nveu:acme:MY", "900", F("1000"));
  ASSERT_TRUE(ledger.Record({&seed, 1}).ok());
  // The first and last transfers fit; the middle one passes its cap.
  std::vector<TransferRequest> ts = {
      Transfer("S-1", "aia:acme", "500"), Transfer("S-1", "nveu:acme:MY", "100.001", F("1000")),
      Transfer("S-1", "allocation:MY", "5", F("10"), TransferState::kPending)};
  RecordResult r = ledger.Record(ts);
  EXPECT_EQ(r.outcome(), RecordOutcome::kCapExceeded);
  EXPECT_NE(r.status().message().find("nveu:acme:MY"), std::string_view::npos) << r.ToString();
  EXPECT_TRUE(BalanceOf(ledger, "aia:acme").posted.is_zero());
  EXPECT_EQ(BalanceOf(ledger, "nveu:acme:MY").posted, F("900"));
  EXPECT_TRUE(BalanceOf(ledger, "allocation:MY").pending.is_zero());
  EXPECT_EQ(ledger.account_count(), 1u);
  EXPECT_FALSE(*ledger.RecordedShipment("S-1")) << "a refused shipment is not recorded";
}

TEST(MemoryLedger, CapCheckedAgainstBalanceBeforeTheBatch) {
  MemoryLedger ledger;
  // Each transfer fits alone; together they pass the cap of the one account.
  std::vector<TransferRequest> ts = {Transfer("S-1", "lpp:acme:2025", "600", F("1000")),
                                     Transfer("S-2", "lpp:acme:2025", "600", F("1000"))};
  EXPECT_EQ(ledger.Record(ts).outcome(), RecordOutcome::kCapExceeded);
  EXPECT_TRUE(BalanceOf(ledger, "lpp:acme:2025").posted.is_zero());
}

TEST(MemoryLedger, CountersWithoutCapAccumulate) {
  MemoryLedger ledger;
  for (int i = 0; i < 10; ++i) {
    std::string shipment = "S-" + std::to_string(i);
    TransferRequest t = Transfer(shipment.c_str(), "aia:acme", "126656");
    ASSERT_TRUE(ledger.Record({&t, 1}).ok());
  }
  EXPECT_EQ(BalanceOf(ledger, "aia:acme").posted, F("1266560"));
  TransferRequest huge = Transfer("S-big", "aia:acme", "1000000000000000");
  EXPECT_TRUE(ledger.Record({&huge, 1}).ok());  // no cap: no refusal
}

TEST(MemoryLedger, OverflowWritesNothingAcrossTransfers) {
  MemoryLedger ledger;
  TransferRequest full = Transfer("S-1", "aia:b", "1");
  full.amount = Fixed::FromMilli(std::numeric_limits<int64_t>::max());
  ASSERT_TRUE(ledger.Record({&full, 1}).ok());
  std::vector<TransferRequest> ts = {Transfer("S-2", "aia:a", "1"), Transfer("S-2", "aia:b", "1")};
  RecordResult r = ledger.Record(ts);
  EXPECT_EQ(r.outcome(), RecordOutcome::kOverflow) << r.ToString();
  EXPECT_EQ(r.code(), Status::Code::kLimitExceeded);
  EXPECT_TRUE(BalanceOf(ledger, "aia:a").posted.is_zero()) << "all or none";
}

TEST(MemoryLedger, EmptyBatchIsOk) {
  MemoryLedger ledger;
  EXPECT_TRUE(ledger.Record({}).ok());
  EXPECT_EQ(ledger.account_count(), 0u);
}

// --- ids: the same rules as every store (ledger/record_plan.h) ----------------------

TEST(MemoryLedger, SameIdSameContentIsARetryThatDrawsOnce) {
  MemoryLedger ledger;
  TransferRequest t = Transfer("S-1", "lpp:acme:2025", "10", F("100"));
  EXPECT_EQ(ledger.Record({&t, 1}).outcome(), RecordOutcome::kOk);
  EXPECT_EQ(ledger.Record({&t, 1}).outcome(), RecordOutcome::kExists);
  EXPECT_EQ(BalanceOf(ledger, "lpp:acme:2025").posted, F("10"));
  EXPECT_EQ(**ledger.RecordedShipment("S-1"), "fingerprint-of-S-1");
}

TEST(MemoryLedger, SameIdOtherContentIsRefused) {
  MemoryLedger ledger;
  TransferRequest t = Transfer("S-1", "lpp:acme:2025", "10", F("100"));
  ASSERT_TRUE(ledger.Record({&t, 1}).ok());
  TransferRequest more = t;
  more.amount = F("11");
  RecordResult r = ledger.Record({&more, 1});
  EXPECT_EQ(r.outcome(), RecordOutcome::kIdMismatch) << r.ToString();
  TransferRequest changed = t;
  changed.shipment_hash = "another-fingerprint";
  EXPECT_EQ(ledger.Record({&changed, 1}).outcome(), RecordOutcome::kIdMismatch);
  EXPECT_EQ(BalanceOf(ledger, "lpp:acme:2025").posted, F("10"));
}

TEST(MemoryLedger, InvalidRequestIsRefused) {
  MemoryLedger ledger;
  TransferRequest zero = Transfer("S-1", "aia:acme", "0");
  EXPECT_EQ(ledger.Record({&zero, 1}).outcome(), RecordOutcome::kInvalid);
  TransferRequest voided = Transfer("S-2", "aia:acme", "1");
  voided.state = TransferState::kVoided;
  EXPECT_EQ(ledger.Record({&voided, 1}).outcome(), RecordOutcome::kInvalid);
}

TEST(MemoryLedger, OwnDrawsAreLeftOutOfTheShipmentsBalance) {
  MemoryLedger ledger;
  TransferRequest a = Transfer("S-1", "lpp:acme:2025", "10", F("100"));
  ASSERT_TRUE(ledger.Record({&a, 1}).ok());
  EXPECT_EQ(ledger.Balance("lpp:acme:2025", "S-1")->posted, F("0"));
  EXPECT_EQ(ledger.Balance("lpp:acme:2025", "")->posted, F("10"));
}

// --- over a store it reads and never writes (--dry-run) ------------------------------

TEST(MemoryLedger, OverAStorePlansAgainstItsRowsAndWritesNothingToIt) {
  MemoryStore store;
  TransferRequest stored =
      Transfer("S-1", "allocation:MY", "60", F("100"), TransferState::kPending);
  ASSERT_TRUE(store.Record({&stored, 1}).ok());
  MemoryLedger dry(&store);
  EXPECT_TRUE(*dry.HoldsShipments());
  EXPECT_EQ(dry.Balance("allocation:MY", "")->pending, F("60"));
  TransferRequest fits = Transfer("S-2", "allocation:MY", "40", F("100"));
  EXPECT_EQ(dry.Record({&fits, 1}).outcome(), RecordOutcome::kOk);
  EXPECT_EQ(dry.Balance("allocation:MY", "")->posted, F("40"));
  TransferRequest more = Transfer("S-3", "allocation:MY", "0.001", F("100"));
  EXPECT_EQ(dry.Record({&more, 1}).outcome(), RecordOutcome::kCapExceeded);
  EXPECT_EQ(dry.Record({&stored, 1}).outcome(), RecordOutcome::kExists)
      << "a retry of a stored draw";
  TransferRequest reused = Transfer("S-1", "allocation:MY", "1", F("100"));
  EXPECT_EQ(dry.Record({&reused, 1}).outcome(), RecordOutcome::kIdMismatch);
  EXPECT_EQ(**dry.RecordedShipment("S-1"), "fingerprint-of-S-1");
  EXPECT_EQ(store.Show("allocation:MY")->posted, F("0")) << "the store is never written";
  EXPECT_EQ(store.Show("allocation:MY")->pending, F("60"));
}

}  // namespace
}  // namespace highfence::ledger
