// Metrics in the Prometheus text format (exposition format 0.0.4), for
// GET /v1/metrics:
//   highfence_http_requests_total{route,method,status}      counter
//   highfence_http_request_duration_seconds{le}             histogram
//   highfence_determinations_total{decision}                counter
//   highfence_commit_groups_total, highfence_commit_group_works_total  counters
//   highfence_allocation_available_tpp{account}             gauge (read at scrape)
// Routes are labelled by pattern ("/v1/decisions/{id}"), so label values stay few.
//
// Thread safety: every method may be called from any thread.
#ifndef HIGHFENCE_SERVER_METRICS_H_
#define HIGHFENCE_SERVER_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "highfence/fixed.h"

namespace highfence::server {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBucketsSeconds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

  // `route` is a pattern from Routes(), "ui" (the web UI's files) or "unmatched":
  // label values are few.
  void Request(std::string_view route, std::string_view method, int status, int64_t duration_ns);
  void Determination(std::string_view decision);
  // One lock for a batch's decisions (wire names).
  void Determinations(const std::vector<std::string_view>& decisions);

  // The text; `allocations` are each allocation's remaining TPP, `groups` and
  // `works` the committer's counters.
  std::string Render(const std::vector<std::pair<std::string, Fixed>>& allocations, int64_t groups,
                     int64_t works) const;

 private:
  mutable std::mutex mu_;
  // Keyed by views of static strings (route patterns, method names interned
  // below), so counting a request allocates nothing.
  std::map<std::tuple<std::string_view, std::string_view, int>, int64_t> requests_;
  std::map<std::string, int64_t, std::less<>> decisions_;
  std::array<int64_t, kBucketsSeconds.size() + 1> buckets_{};  // last: +Inf
  int64_t count_ = 0;
  int64_t sum_ns_ = 0;
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_METRICS_H_
