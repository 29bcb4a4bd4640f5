#include "server/committer.h"

#include <gtest/gtest.h>

#include <future>

#include "decisions/memory_decision_store.h"
#include "server/limits.h"

namespace highfence::server {
namespace {

// A writer that records what it was asked and fails its commit on demand.
class FakeWriter : public LedgerWriter {
 public:
  Status Begin() override {
    ++begins;
    return Status::Ok();
  }
  Status Commit() override {
    ++commits;
    return fail_commit ? Status::IOError("disk full") : Status::Ok();
  }
  void StartInput(const LawChoice&, bool) override {}
  void EndInput() override {}
  void Determine(std::string_view, int64_t, ReasonsDetail, Determined*) override {
  }
  Result<std::string> ExplainJson() override { return std::string(); }
  Result<std::string> Post(std::string_view, const LicenceGrant&) override {
    return std::string("posted");
  }
  Result<std::string> Void(std::string_view, std::string_view) override { return std::string(); }
  Result<std::string> Reverse(std::string_view, std::string_view) override {
    return std::string();
  }

  std::atomic<int> begins{0}, commits{0};
  bool fail_commit = false;
};

GroupCommitter::Work Logging(std::vector<int>* order, int n, std::promise<Status>* done) {
  GroupCommitter::Work w;
  w.run = [order, n](LedgerWriter*, std::vector<decisions::DecisionRecord>* log) {
    order->push_back(n);
    decisions::DecisionRecord r;
    r.decision_id = std::to_string(n);
    log->push_back(r);
  };
  w.done = [done](const Status& st) { done->set_value(st); };
  return w;
}

TEST(GroupCommitter, RunsWorkInQueueOrderAndLogsAfterTheCommit) {
  FakeWriter writer;
  decisions::MemoryDecisionStore log;
  std::vector<int> order;
  std::vector<std::promise<Status>> done(50);
  {
    GroupCommitter c(&writer, &log, /*threaded=*/true);
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(c.Submit(Logging(&order, i, &done[i])).ok());
    for (auto& d : done) EXPECT_TRUE(d.get_future().get().ok());
    EXPECT_GE(c.groups(), 1);
    EXPECT_EQ(c.grouped_works(), 50);
  }
  std::vector<int> want(50);
  for (int i = 0; i < 50; ++i) want[i] = i;
  EXPECT_EQ(order, want);
  ASSERT_EQ(log.records().size(), 50u);
  EXPECT_EQ(log.records().back().decision_id, "49");
  EXPECT_EQ(writer.begins, writer.commits);
  EXPECT_LE(writer.commits, 50);
}

TEST(GroupCommitter, AFailedCommitFailsTheWholeGroupAndLogsNothing) {
  FakeWriter writer;
  writer.fail_commit = true;
  decisions::MemoryDecisionStore log;
  std::vector<int> order;
  std::promise<Status> done;
  GroupCommitter c(&writer, &log, /*threaded=*/false);
  ASSERT_TRUE(c.Submit(Logging(&order, 1, &done)).ok());
  Status st = done.get_future().get();
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_TRUE(log.records().empty());
}

TEST(GroupCommitter, AloneWorkRunsOutsideAGroup) {
  FakeWriter writer;
  decisions::MemoryDecisionStore log;
  GroupCommitter c(&writer, &log, /*threaded=*/true);
  std::promise<std::string> answer;
  GroupCommitter::Work w;
  w.alone = true;
  auto result = std::make_shared<std::string>();
  w.run = [result](LedgerWriter* lw, std::vector<decisions::DecisionRecord>*) {
    *result = *lw->Post("t", {});
  };
  w.done = [&answer, result](const Status&) { answer.set_value(*result); };
  ASSERT_TRUE(c.Submit(std::move(w)).ok());
  EXPECT_EQ(answer.get_future().get(), "posted");
  EXPECT_EQ(writer.begins, 0);
}

TEST(GroupCommitter, RefusesWorkWhenFullOrStopped) {
  FakeWriter writer;
  decisions::MemoryDecisionStore log;
  GroupCommitter c(&writer, &log, /*threaded=*/true);
  GroupCommitter::Work huge;
  huge.shipments = limits::queued_shipments_max + 1;
  huge.run = [](LedgerWriter*, std::vector<decisions::DecisionRecord>*) {};
  huge.done = [](const Status&) {};
  EXPECT_EQ(c.Submit(huge).code(), Status::Code::kLimitExceeded);
  c.Stop();
  GroupCommitter::Work late = huge;
  late.shipments = 1;
  EXPECT_EQ(c.Submit(late).code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace highfence::server
