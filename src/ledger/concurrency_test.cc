// Eight threads, each with its own SqliteStore on one file, race to draw on
// one allocation and one LPP account. No account may ever pass its cap, every
// successful Record must be in the ledger exactly once, and the ledger must
// verify. The race is short by default (the machine is shared); set
// HF_STRESS_ROUNDS to lengthen it.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ledger/sqlite/store.h"

namespace highfence::ledger {
namespace {

namespace fs = std::filesystem;

constexpr int kThreads = 8;
constexpr int64_t kAmount = 3;   // units per draw
constexpr int kRetriesMax = 32;  // fresh-balance retries of one shipment after kConflict

int Rounds() {
  const char* env = std::getenv("HF_STRESS_ROUNDS");
  int rounds = env ? std::atoi(env) : 60;
  return rounds > 0 ? rounds : 60;
}

// Every shipment draws on the allocation; every other one on the LPP account
// too. The caps scale with the demand (threads x rounds x amount) so that any
// length of race runs both accounts full: the allocation cap at 5/6 of its
// demand, the LPP cap at 2/3 of its own. Neither is a multiple of kAmount, so
// "full" leaves a remainder no draw fits in.
int64_t Demand() { return kThreads * Rounds() * kAmount; }
int64_t AllocationCap() { return Demand() * 5 / 6 + 1; }
int64_t LppCap() { return Demand() / 3 + 1; }

struct Totals {
  std::mutex mu;
  int64_t allocation_milli = 0;
  int64_t lpp_milli = 0;
  int64_t transfers = 0;
  int64_t shipments_drawn = 0;
  int64_t conflicts = 0;              // Records refused because another thread drew first
  std::vector<std::string> failures;  // anything a thread saw that must not happen

  void Fail(std::string what) {
    std::lock_guard<std::mutex> lock(mu);
    failures.push_back(std::move(what));
  }
};

std::vector<TransferRequest> Draws(const std::string& shipment, bool with_lpp) {
  TransferRequest alloc;
  alloc.id = shipment + "/allocation:AE";
  alloc.account = "allocation:AE";
  alloc.amount = Fixed::FromUnits(kAmount);
  alloc.state = TransferState::kPending;
  alloc.cap = Fixed::FromUnits(AllocationCap());
  alloc.shipment_id = shipment;
  alloc.on = Date::FromCivil(2025, 5, 1);
  TransferRequest lpp = alloc;
  lpp.id = shipment + "/lpp:acme:2025";
  lpp.account = "lpp:acme:2025";
  lpp.state = TransferState::kPosted;
  lpp.cap = Fixed::FromUnits(LppCap());
  if (!with_lpp) return {alloc};
  return {alloc, lpp};
}

// Checks the caps from this thread's view; true when the shipment fits.
bool Fits(LedgerStore* s, const std::string& shipment, bool with_lpp, Totals* totals) {
  Result<AccountBalance> alloc = s->Balance("allocation:AE", shipment);
  Result<AccountBalance> lpp = s->Balance("lpp:acme:2025", shipment);
  if (!alloc.ok() || !lpp.ok()) {
    totals->Fail("balance: " + (alloc.ok() ? lpp : alloc).status().ToString());
    return false;
  }
  std::optional<Fixed> alloc_drawn = alloc->drawn(), lpp_drawn = lpp->drawn();
  if (!alloc_drawn || !lpp_drawn) {
    totals->Fail("a balance overflowed");
    return false;
  }
  if (*alloc_drawn > Fixed::FromUnits(AllocationCap()) || *lpp_drawn > Fixed::FromUnits(LppCap())) {
    totals->Fail("an account passed its cap");
  }
  bool lpp_fits = lpp_drawn->milli() + kAmount * 1000 <= LppCap() * 1000;
  return alloc_drawn->milli() + kAmount * 1000 <= AllocationCap() * 1000 && (lpp_fits || !with_lpp);
}

// One shipment, as the engine runs it: read, decide, record; on kConflict
// (someone drew first) decide again on fresh balances. Returns whether it drew.
bool Ship(LedgerStore* s, const std::string& shipment, bool with_lpp, Totals* totals) {
  for (int attempt = 0; attempt < kRetriesMax; ++attempt) {
    if (!Fits(s, shipment, with_lpp, totals)) return false;
    std::vector<TransferRequest> draws = Draws(shipment, with_lpp);
    // Widen the window between reading and recording, where another thread
    // can draw first: the case Record must refuse with kConflict.
    std::this_thread::yield();
    RecordResult st = s->Record(draws);
    if (st.ok()) {
      // A retry of the same request (a client that lost the reply) draws nothing.
      RecordResult again = s->Record(draws);
      if (again.outcome() != RecordOutcome::kExists) {
        totals->Fail("idempotent retry: " + again.ToString());
      }
      return true;
    }
    if (st.outcome() != RecordOutcome::kCapExceeded) {
      totals->Fail("record: " + st.ToString());
      return false;
    }
    std::lock_guard<std::mutex> lock(totals->mu);
    ++totals->conflicts;
  }
  totals->Fail("no progress after retries: " + shipment);
  return false;
}

void Racer(const std::string& path, int thread, bool batched, Totals* totals) {
  Result<std::unique_ptr<SqliteStore>> opened = SqliteStore::Open(path, SqliteOptions{});
  if (!opened.ok()) return totals->Fail("open: " + opened.status().ToString());
  LedgerStore* s = opened->get();
  int rounds = Rounds();
  int64_t drawn = 0, drawn_lpp = 0;
  for (int i = 0; i < rounds; ++i) {
    if (batched && i % 5 == 0 && !s->BeginBatch().ok()) return totals->Fail("begin batch");
    bool with_lpp = i % 2 == 0;
    if (Ship(s, fmt::format("t{}-{}", thread, i), with_lpp, totals)) {
      ++drawn;
      drawn_lpp += with_lpp ? 1 : 0;
    }
    if (batched && (i % 5 == 4 || i == rounds - 1)) {
      Status st = s->CommitBatch();
      if (!st.ok()) return totals->Fail("commit batch: " + st.ToString());
    }
  }
  std::lock_guard<std::mutex> lock(totals->mu);
  totals->allocation_milli += drawn * kAmount * 1000;
  totals->lpp_milli += drawn_lpp * kAmount * 1000;
  totals->transfers += drawn + drawn_lpp;
  totals->shipments_drawn += drawn;
}

class LedgerRace : public testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() / fmt::format("hf_race_{}_{}", getpid(), counter++);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_P(LedgerRace, EightThreadsNeverPassACapAndDrawEachShipmentOnce) {
  const std::string path = (dir_ / "ledger.db").string();  // created by the racers at once
  Totals totals;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(Racer, path, t, GetParam(), &totals);
  for (std::thread& t : threads) t.join();
  for (const std::string& f : totals.failures) ADD_FAILURE() << f;
  RecordProperty("conflicts", std::to_string(totals.conflicts));
  RecordProperty("shipments_drawn", std::to_string(totals.shipments_drawn));

  Result<std::unique_ptr<SqliteStore>> s = SqliteStore::Open(path, SqliteOptions{});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  Result<AccountState> alloc = (*s)->Show("allocation:AE");
  Result<AccountState> lpp = (*s)->Show("lpp:acme:2025");
  ASSERT_TRUE(alloc.ok() && lpp.ok());
  EXPECT_LE(*Fixed::Add(alloc->posted, alloc->pending), Fixed::FromUnits(AllocationCap()));
  EXPECT_LE(*Fixed::Add(lpp->posted, lpp->pending), Fixed::FromUnits(LppCap()));
  EXPECT_EQ(alloc->pending.milli(), totals.allocation_milli);
  EXPECT_EQ(lpp->posted.milli(), totals.lpp_milli);
  EXPECT_EQ(static_cast<int64_t>((*s)->Transfers()->size()), totals.transfers);
  // Both caps are below their demand, so the race ran them full: to the
  // largest multiple of the draw that fits.
  EXPECT_EQ(lpp->posted, Fixed::FromUnits(LppCap() / kAmount * kAmount));
  EXPECT_EQ(alloc->pending, Fixed::FromUnits(AllocationCap() / kAmount * kAmount));
  EXPECT_GT(totals.shipments_drawn, 0);
  Result<VerifyReport> r = (*s)->Verify();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->ok) << r->problem;
  EXPECT_EQ(r->events, totals.transfers);
}

std::string ModeName(const testing::TestParamInfo<bool>& param) {
  return param.param ? "Batched" : "OneTransactionEach";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, LedgerRace, testing::Bool(), ModeName);

}  // namespace
}  // namespace highfence::ledger
