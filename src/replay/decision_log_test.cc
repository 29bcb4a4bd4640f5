// Replay reads a ledger's decision log as its order book: each shipment once,
// as first decided, in log order, dry runs left out.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "decisions/decision_store.h"
#include "ledger/store.h"
#include "replay/order_book.h"
#include "replay/replay.h"

namespace highfence::replay {
namespace {

const std::string kOrders = std::string(HF_SOURCE_DIR) + "/tests/replay/orders.jsonl";

decisions::DecisionRecord Record(const std::string& input, const std::string& id, bool dry) {
  decisions::DecisionRecord r;
  r.decision_id = decisions::NewDecisionId(1'700'000'000'000'000'000);
  r.recorded_ns = 1'700'000'000'000'000'000;
  r.shipment_id = id;
  r.decision = "license_required";
  r.input = input;
  decisions::DigestInput(&r);
  r.determination = "{}";
  r.mode = "as_written";
  r.dry_run = dry;
  return r;
}

// A SQLite ledger whose decision log holds the order book's lines, each
// preceded by a dry run of another shipment and followed by a retry.
std::string LedgerWithLog() {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("hf-replay-log-" + std::to_string(getpid()) + ".db"))
                         .string();
  std::filesystem::remove(path);
  auto ledger = ledger::LedgerStore::Open(path, /*read_only=*/false);
  EXPECT_TRUE(ledger.ok()) << ledger.status().ToString();
  auto log = decisions::DecisionStore::Open(path, /*read_only=*/false);
  EXPECT_TRUE(log.ok()) << log.status().ToString();
  std::vector<decisions::DecisionRecord> records;
  std::ifstream in(kOrders);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::string id = "line-" + std::to_string(++n);
    records.push_back(Record(R"({"id":"what-if"})", "what-if", /*dry=*/true));
    records.push_back(Record(line, id, false));
    records.push_back(Record(R"({"id":"changed"})", id, false));  // a later record of `id`
  }
  EXPECT_TRUE((*log)->Append(records).ok());
  return path;
}

TEST(DecisionLogOrderBook, ReplaysTheLoggedOrdersOnceEach) {
  const std::string path = LedgerWithLog();
  Result<std::unique_ptr<Engine>> engine = Engine::Create({});
  ASSERT_TRUE(engine.ok());
  ASSERT_TRUE(IsDecisionLog("ledger:" + path));
  Result<std::unique_ptr<OrderBook>> orders = OpenDecisionLog("ledger:" + path,
                                                              &(*engine)->catalog());
  ASSERT_TRUE(orders.ok()) << orders.status().ToString();
  RegimeChoice us2023{Mode::kAsWritten, RegimeId::kUs2023};
  RegimeChoice written{Mode::kAsWritten, std::nullopt};
  Result<ReplayResult> r =
      Replay(orders->get(), {"base", engine->get(), written}, {"2023", engine->get(), us2023});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // The same five orders as the file gives, and the same three flips.
  EXPECT_EQ(r->lines, 5);
  EXPECT_EQ(r->flips, 3);
  EXPECT_TRUE((*orders)->status().ok());
  orders->reset();  // closes the database, so nothing of it stays behind
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST(DecisionLogOrderBook, AMissingLedgerIsAnError) {
  Result<std::unique_ptr<Engine>> engine = Engine::Create({});
  ASSERT_TRUE(engine.ok());
  Result<std::unique_ptr<OrderBook>> orders =
      OpenDecisionLog("ledger:/nonexistent/folder/x.db", &(*engine)->catalog());
  EXPECT_FALSE(orders.ok());
}

}  // namespace
}  // namespace highfence::replay
