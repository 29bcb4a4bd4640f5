// GroupCommitter: group commit for the server's ledger writes and its decision
// log. Requests that determine shipments queue their work here; one thread
// takes everything queued (up to group_shipments_max shipments), runs it in
// queue order inside one ledger transaction, commits it, appends the group's
// decision records in one more transaction, and only then completes each
// request. One fsync (two: ledger and log) serves every request of the group,
// and an answer is never sent before what it says is durable.
//
// Ledger order is queue order: the order in which requests finished arriving.
// Work marked `alone` (post, void) runs outside any group, in its turn.
//
// When a commit fails, every request of the group gets the error (503). If the
// ledger's commit failed, nothing the group drew is kept; if the log's append
// failed after it, the draws stay but no answer was sent: a client's retry finds
// them by their transfer ids (idempotency keys), draws nothing more, and is
// logged and answered. Either way no answer is ever sent without its record.
//
// Thread safety: Submit from any thread.
#ifndef HIGHFENCE_SERVER_COMMITTER_H_
#define HIGHFENCE_SERVER_COMMITTER_H_

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "highfence/status.h"
#include "decisions/decision_store.h"
#include "server/adapter.h"

namespace highfence::server {

class GroupCommitter {
 public:
  struct Work {
    int64_t shipments = 1;  // counts against queued_shipments_max
    bool alone = false;     // outside the group transaction (post, void)
    // On the committer's thread, in queue order: draws through `writer` and
    // appends the decision records to log.
    std::function<void(LedgerWriter* writer, std::vector<decisions::DecisionRecord>* log)> run;
    // After the commit (OK) or its failure; answers the request.
    std::function<void(const Status& committed)> done;
  };

  // `threaded` false runs each Work at once in Submit's caller (tests, fuzzer).
  GroupCommitter(LedgerWriter* writer, decisions::DecisionStore* log, bool threaded);
  ~GroupCommitter();

  // kLimitExceeded when queued_shipments_max are waiting; kIOError once
  // stopping. On error nothing runs and `done` is not called.
  Status Submit(Work work);
  // Runs everything queued, then stops the thread.
  void Stop();

  int64_t groups() const { return groups_; }
  int64_t grouped_works() const { return works_; }

 private:
  void Loop();
  void RunGroup(std::vector<Work>& group);
  void RunAlone(Work& work);

  LedgerWriter* writer_;
  decisions::DecisionStore* log_;
  bool threaded_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Work> queue_;
  int64_t queued_shipments_ = 0;
  bool stopping_ = false;
  std::thread thread_;
  std::atomic<int64_t> groups_{0}, works_{0};
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_COMMITTER_H_
