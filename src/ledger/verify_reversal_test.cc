// Verify's checks of reversals (ledger/verify.h): a reversal event must give
// back a posted draw of the same account whole, and a draw must be positive.
#include <gtest/gtest.h>

#include <vector>

#include "ledger/event_log.h"
#include "ledger/verify.h"

namespace highfence::ledger {
namespace {

TransferRecord Transfer(std::string id, int64_t milli, TransferState state) {
  TransferRecord t;
  t.id = std::move(id);
  t.account = "lpp:acme:2025";
  t.amount = Fixed::FromMilli(milli);
  t.state = state;
  t.on = Date::FromCivil(2025, 6, 1);
  return t;
}

// The events creating `transfers` in order (a reversal when the id says so),
// and the report of verifying them against rows and an account that agree.
VerifyReport VerifyOf(const std::vector<TransferRecord>& transfers) {
  std::vector<Event> events;
  Fixed posted;
  for (const TransferRecord& t : transfers) {
    std::string_view kind =
        t.id.starts_with(kReversalPrefix) ? kEventReversal : std::string_view(kEventTransfer);
    std::string_view prev = events.empty() ? kGenesisHash : std::string_view(events.back().hash);
    events.push_back(ChainEvent(static_cast<int64_t>(events.size()) + 1, kind,
                                CreatePayload(kind, t, std::nullopt), prev));
    posted = *Fixed::Add(posted, t.amount);
  }
  AccountState account{"lpp:acme:2025", std::nullopt, posted, Fixed()};
  return VerifyLedger(events, transfers, std::vector<AccountState>{account});
}

TEST(VerifyReversal, AcceptsAReversalOfAPostedDraw) {
  VerifyReport r = VerifyOf({Transfer("s1", 10'000, TransferState::kPosted),
                             Transfer("reversal:s1", -10'000, TransferState::kPosted)});
  EXPECT_TRUE(r.ok) << r.problem;
}

TEST(VerifyReversal, RefusesAPartialReversal) {
  VerifyReport r = VerifyOf({Transfer("s1", 10'000, TransferState::kPosted),
                             Transfer("reversal:s1", -4'000, TransferState::kPosted)});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("does not give back posted transfer `s1`"), std::string::npos)
      << r.problem;
}

TEST(VerifyReversal, RefusesAReversalOfNothing) {
  VerifyReport r = VerifyOf({Transfer("reversal:s9", -4'000, TransferState::kPosted)});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("names no transfer"), std::string::npos) << r.problem;
}

TEST(VerifyReversal, RefusesANegativeDraw) {
  VerifyReport r = VerifyOf({Transfer("s1", -1'000, TransferState::kPosted)});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("not a positive amount"), std::string::npos) << r.problem;
}

}  // namespace
}  // namespace highfence::ledger
