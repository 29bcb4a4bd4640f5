#include "ledger/memory_ledger.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace highfence::ledger {
namespace {

Fixed F(const char* text) { return *Fixed::Parse(text); }

TransferRequest Transfer(const char* account, const char* amount,
                         std::optional<Fixed> cap = std::nullopt,
                         TransferState state = TransferState::kPosted) {
  TransferRequest t;
  t.account = account;
  t.id = std::string("S-1/") + account;
  t.amount = F(amount);
  t.state = state;
  t.cap = cap;
  t.shipment_id = "S-1";
  t.on = *Date::Parse("2025-06-01");
  return t;
}

AccountBalance BalanceOf(MemoryLedger& ledger, const char* account) {
  Result<AccountBalance> b = ledger.Balance(account, "S-x");
  EXPECT_TRUE(b.ok()) << b.status().ToString();
  return b.ok() ? *b : AccountBalance{F("-1"), F("-1")};
}

// --- PartySlug (contract.md section 4) ---------------------------------------------

TEST(PartySlug, LowercasesAndJoinsRunsWithOneDash) {
  EXPECT_EQ(PartySlug("Acme Corp., Ltd."), "acme-corp-ltd");
  EXPECT_EQ(PartySlug("TU Munich"), "tu-munich");
  EXPECT_EQ(PartySlug("G42"), "g42");
  EXPECT_EQ(PartySlug("A  &  B"), "a-b");
  EXPECT_EQ(PartySlug("already-a-slug"), "already-a-slug");
  EXPECT_EQ(PartySlug("x--y__z"), "x-y-z");
  EXPECT_EQ(PartySlug("Meridian AI, Inc."), "meridian-ai-inc");
}

TEST(PartySlug, NoLeadingOrTrailingDash) {
  EXPECT_EQ(PartySlug("  ...Acme!!! "), "acme");
  EXPECT_EQ(PartySlug("-x-"), "x");
  EXPECT_EQ(PartySlug("(Parent) Holdings"), "parent-holdings");
  EXPECT_EQ(PartySlug("\"Q\"\t\n"), "q");
}

TEST(PartySlug, NonAsciiLettersAreSeparators) {
  EXPECT_EQ(PartySlug("Zürich Instruments"), "z-rich-instruments");
  EXPECT_EQ(PartySlug("北京 Tech"), "tech");
  EXPECT_EQ(PartySlug("Société Générale"), "soci-t-g-n-rale");
}

TEST(PartySlug, EmptyWhenNothingIsKept) {
  EXPECT_EQ(PartySlug(""), "");
  EXPECT_EQ(PartySlug("---"), "");
  EXPECT_EQ(PartySlug("华为技术有限公司"), "");
  EXPECT_EQ(PartySlug("Ü"), "");
}

// --- balances ---------------------------------------------------------------------

TEST(MemoryLedger, UnknownAccountIsZero) {
  MemoryLedger ledger;
  AccountBalance b = BalanceOf(ledger, "lpp:nobody:2025");
  EXPECT_TRUE(b.posted.is_zero());
  EXPECT_TRUE(b.pending.is_zero());
  EXPECT_TRUE(b.drawn().is_zero());
  EXPECT_EQ(ledger.account_count(), 0u);
}

TEST(MemoryLedger, RecordPostsAndPendsIntoTheirFields) {
  MemoryLedger ledger;
  std::vector<TransferRequest> ts = {
      Transfer("allocation:MY", "100", F("1000"), TransferState::kPending),
      Transfer("lpp:acme:2025", "40.5", F("1000"), TransferState::kPosted)};
  ASSERT_TRUE(ledger.Record(ts).ok());
  AccountBalance alloc = BalanceOf(ledger, "allocation:MY");
  EXPECT_EQ(alloc.pending, F("100"));
  EXPECT_TRUE(alloc.posted.is_zero());
  AccountBalance lpp = BalanceOf(ledger, "lpp:acme:2025");
  EXPECT_EQ(lpp.posted, F("40.5"));
  EXPECT_TRUE(lpp.pending.is_zero());
  EXPECT_EQ(ledger.account_count(), 2u);
}

TEST(MemoryLedger, PendingAndPostedBothCountAgainstTheCap) {
  MemoryLedger ledger;
  TransferRequest pending = Transfer("allocation:MY", "600", F("1000"), TransferState::kPending);
  ASSERT_TRUE(ledger.Record({&pending, 1}).ok());
  TransferRequest posted = Transfer("allocation:MY", "400", F("1000"));
  ASSERT_TRUE(ledger.Record({&posted, 1}).ok());
  AccountBalance b = BalanceOf(ledger, "allocation:MY");
  EXPECT_EQ(b.drawn(), F("1000"));
  TransferRequest one_more = Transfer("allocation:MY", "0.001", F("1000"));
  EXPECT_EQ(ledger.Record({&one_more, 1}).code(), Status::Code::kConflict);
}

TEST(MemoryLedger, ExactCapFillSucceeds) {
  MemoryLedger ledger;
  TransferRequest a = Transfer("lpp:acme:2025", "26899999.999", F("26900000"));
  ASSERT_TRUE(ledger.Record({&a, 1}).ok());
  TransferRequest b = Transfer("lpp:acme:2025", "0.001", F("26900000"));
  ASSERT_TRUE(ledger.Record({&b, 1}).ok());
  EXPECT_EQ(BalanceOf(ledger, "lpp:acme:2025").posted, F("26900000"));
  TransferRequest c = Transfer("lpp:acme:2025", "0.001", F("26900000"));
  EXPECT_EQ(ledger.Record({&c, 1}).code(), Status::Code::kConflict);
  EXPECT_EQ(BalanceOf(ledger, "lpp:acme:2025").posted, F("26900000"));
}

TEST(MemoryLedger, CapConflictWritesNothingAcrossTransfers) {
  MemoryLedger ledger;
  TransferRequest seed = Transfer("nveu:acme:MY", "900", F("1000"));
  ASSERT_TRUE(ledger.Record({&seed, 1}).ok());
  // The first and last transfers fit; the middle one passes its cap.
  std::vector<TransferRequest> ts = {
      Transfer("aia:acme", "500"), Transfer("nveu:acme:MY", "100.001", F("1000")),
      Transfer("allocation:MY", "5", F("10"), TransferState::kPending)};
  Status s = ledger.Record(ts);
  EXPECT_EQ(s.code(), Status::Code::kConflict);
  EXPECT_NE(s.message().find("nveu:acme:MY"), std::string_view::npos) << s.ToString();
  EXPECT_TRUE(BalanceOf(ledger, "aia:acme").drawn().is_zero());
  EXPECT_EQ(BalanceOf(ledger, "nveu:acme:MY").posted, F("900"));
  EXPECT_TRUE(BalanceOf(ledger, "allocation:MY").drawn().is_zero());
  EXPECT_EQ(ledger.account_count(), 1u);
}

TEST(MemoryLedger, CapCheckedAgainstBalanceBeforeTheBatch) {
  MemoryLedger ledger;
  // Each transfer fits alone; together they pass the cap of the one account.
  std::vector<TransferRequest> ts = {Transfer("lpp:acme:2025", "600", F("1000")),
                                     Transfer("lpp:acme:2025", "600", F("1000"))};
  ts[1].id = "S-2/lpp:acme:2025";
  EXPECT_EQ(ledger.Record(ts).code(), Status::Code::kConflict);
  EXPECT_TRUE(BalanceOf(ledger, "lpp:acme:2025").drawn().is_zero());
}

TEST(MemoryLedger, CountersWithoutCapAccumulate) {
  MemoryLedger ledger;
  for (int i = 0; i < 10; ++i) {
    TransferRequest t = Transfer("aia:acme", "126656");
    t.id = "S-" + std::to_string(i) + "/aia:acme";
    ASSERT_TRUE(ledger.Record({&t, 1}).ok());
  }
  EXPECT_EQ(BalanceOf(ledger, "aia:acme").posted, F("1266560"));
  TransferRequest huge = Transfer("aia:acme", "1000000000000000");
  EXPECT_TRUE(ledger.Record({&huge, 1}).ok());  // no cap: no conflict
}

TEST(MemoryLedger, OverflowWritesNothingAcrossTransfers) {
  MemoryLedger ledger;
  TransferRequest full = Transfer("aia:b", "1");
  full.amount = Fixed::FromMilli(std::numeric_limits<int64_t>::max());
  ASSERT_TRUE(ledger.Record({&full, 1}).ok());
  std::vector<TransferRequest> ts = {Transfer("aia:a", "1"), Transfer("aia:b", "1")};
  EXPECT_FALSE(ledger.Record(ts).ok());
  EXPECT_TRUE(BalanceOf(ledger, "aia:a").drawn().is_zero()) << "all or none";
}

TEST(MemoryLedger, EmptyBatchIsOk) {
  MemoryLedger ledger;
  EXPECT_TRUE(ledger.Record({}).ok());
  EXPECT_EQ(ledger.account_count(), 0u);
}

}  // namespace
}  // namespace highfence::ledger
