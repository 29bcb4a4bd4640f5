#include "server/committer.h"

#include "server/limits.h"

namespace highfence::server {

GroupCommitter::GroupCommitter(LedgerWriter* writer, decisions::DecisionStore* log, bool threaded)
    : writer_(writer), log_(log), threaded_(threaded) {
  if (threaded_) thread_ = std::thread([this] { Loop(); });
}

GroupCommitter::~GroupCommitter() { Stop(); }

Status GroupCommitter::Submit(Work work) {
  if (!threaded_) {
    std::lock_guard lock(mu_);
    if (work.alone) {
      RunAlone(work);
    } else {
      std::vector<Work> group;
      group.push_back(std::move(work));
      RunGroup(group);
    }
    return Status::Ok();
  }
  {
    std::lock_guard lock(mu_);
    if (stopping_) return Status::IOError("the server is shutting down");
    if (queued_shipments_ + work.shipments > limits::queued_shipments_max) {
      return Status::LimitExceeded("the server has too many shipments waiting; retry shortly");
    }
    queued_shipments_ += work.shipments;
    queue_.push_back(std::move(work));
  }
  cv_.notify_one();
  return Status::Ok();
}

void GroupCommitter::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void GroupCommitter::Loop() {
  std::vector<Work> group;
  for (;;) {
    group.clear();
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything ran
      int64_t shipments = 0;
      bool alone = queue_.front().alone;
      while (!queue_.empty() && queue_.front().alone == alone &&
             (group.empty() ||
              (!alone && shipments + queue_.front().shipments <= limits::group_shipments_max))) {
        shipments += queue_.front().shipments;
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      queued_shipments_ -= shipments;
    }
    if (group.front().alone) {
      RunAlone(group.front());
    } else {
      RunGroup(group);
    }
  }
}

void GroupCommitter::RunGroup(std::vector<Work>& group) {
  std::vector<decisions::DecisionRecord> log;
  Status st = writer_->Begin();
  if (st.ok()) {
    for (Work& w : group) w.run(writer_, &log);
    st = writer_->Commit();
  }
  if (st.ok()) st = log_->Append(log);
  ++groups_;
  works_ += static_cast<int64_t>(group.size());
  for (Work& w : group) w.done(st);
}

void GroupCommitter::RunAlone(Work& work) {
  std::vector<decisions::DecisionRecord> log;
  work.run(writer_, &log);
  Status st = log_->Append(log);
  work.done(st);
}

}  // namespace highfence::server
