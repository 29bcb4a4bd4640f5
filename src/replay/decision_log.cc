// The order book of a decision log: the shipments the server decided, read
// back in log order (order_book.h).
#include <fmt/format.h>

#include <unordered_set>
#include <vector>

#include "decisions/decision_store.h"
#include "io/shipment_parser.h"
#include "replay/order_book.h"

namespace highfence::replay {
namespace {

// Records read per query: the log is paged, never loaded whole.
constexpr int64_t kPageRecords = 1000;

class DecisionLog : public OrderBook {
 public:
  DecisionLog(std::unique_ptr<decisions::DecisionStore> store, const catalog::Catalog* catalog)
      : store_(std::move(store)), parser_(catalog) {}

  // Each order once, as first decided: a dry run drew nothing and is no
  // order, and a later record of the same shipment id is a retry.
  bool Next(Shipment* s, int64_t* line) override {
    while (true) {
      if (next_ == page_.size() && !ReadPage()) return false;
      const decisions::DecisionRecord& r = page_[next_++];
      if (r.dry_run || !seen_.insert(r.shipment_id).second) continue;
      *line = r.seq;
      s->Clear();
      parser_.ParseJson(r.input, s);
      return true;
    }
  }
  Status status() const override { return status_; }

 private:
  bool ReadPage() {
    if (done_) return false;
    decisions::DecisionQuery q;
    q.newest_first = false;
    q.cursor = cursor_;
    q.limit = kPageRecords;
    Result<std::vector<decisions::DecisionRecord>> rows = store_->Search(q);
    if (!rows.ok()) {
      status_ = rows.status();
      return false;
    }
    page_ = std::move(rows).value();
    next_ = 0;
    done_ = static_cast<int64_t>(page_.size()) < kPageRecords;
    if (page_.empty()) return false;
    cursor_ = page_.back().seq;
    return true;
  }

  std::unique_ptr<decisions::DecisionStore> store_;
  io::ShipmentParser parser_;
  std::vector<decisions::DecisionRecord> page_;
  size_t next_ = 0;
  int64_t cursor_ = 0;
  bool done_ = false;
  std::unordered_set<std::string> seen_;
  Status status_;
};

}  // namespace

Result<std::unique_ptr<OrderBook>> OpenDecisionLog(const std::string& source,
                                                   const catalog::Catalog* catalog) {
  const std::string target = source.starts_with("ledger:") ? source.substr(7) : source;
  Result<std::unique_ptr<decisions::DecisionStore>> store =
      decisions::DecisionStore::Open(target, /*read_only=*/true);
  if (!store.ok()) {
    return Status::IOError(
        fmt::format("cannot read the decision log of `{}`: {}", target, store.status().message()));
  }
  return std::unique_ptr<OrderBook>(new DecisionLog(std::move(store).value(), catalog));
}

}  // namespace highfence::replay
