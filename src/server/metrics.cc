#include "server/metrics.h"

#include <fmt/format.h>

namespace highfence::server {
namespace {

// A label value with \, " and newline escaped, as the text format requires.
std::string Label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// The method as a view of static storage ("OTHER" for one no route takes).
std::string_view Method(std::string_view m) {
  static constexpr std::string_view kMethods[] = {"GET", "POST", "DELETE", "PUT", "PATCH", "HEAD"};
  for (std::string_view k : kMethods) {
    if (k == m) return k;
  }
  return "OTHER";
}

}  // namespace

void Metrics::Request(std::string_view route, std::string_view method, int status,
                      int64_t duration_ns) {
  size_t bucket = 0;
  while (bucket < kBucketsSeconds.size() && duration_ns > kBucketsSeconds[bucket] * 1e9) ++bucket;
  std::lock_guard lock(mu_);
  ++requests_[{route, Method(method), status}];
  ++buckets_[bucket];
  ++count_;
  sum_ns_ += duration_ns;
}

void Metrics::Determination(std::string_view decision) { Determinations({decision}); }

void Metrics::Determinations(const std::vector<std::string_view>& decisions) {
  std::lock_guard lock(mu_);
  for (std::string_view d : decisions) {
    auto it = decisions_.find(d);
    if (it == decisions_.end()) it = decisions_.emplace(std::string(d), 0).first;
    ++it->second;
  }
}

std::string Metrics::Render(const std::vector<std::pair<std::string, Fixed>>& allocations,
                            int64_t groups, int64_t works) const {
  std::string out;
  auto it = std::back_inserter(out);
  std::lock_guard lock(mu_);
  fmt::format_to(
      it, "# HELP highfence_http_requests_total HTTP requests answered, by route and status.\n");
  fmt::format_to(it, "# TYPE highfence_http_requests_total counter\n");
  for (const auto& [key, n] : requests_) {
    fmt::format_to(it,
                   "highfence_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                   Label(std::get<0>(key)), Label(std::get<1>(key)), std::get<2>(key), n);
  }
  fmt::format_to(
      it,
      "# HELP highfence_http_request_duration_seconds Time from a request read to its answer.\n");
  fmt::format_to(it, "# TYPE highfence_http_request_duration_seconds histogram\n");
  int64_t cumulative = 0;
  for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    cumulative += buckets_[i];
    fmt::format_to(it, "highfence_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                   kBucketsSeconds[i], cumulative);
  }
  fmt::format_to(it, "highfence_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", count_);
  fmt::format_to(it, "highfence_http_request_duration_seconds_sum {:.6f}\n",
                 static_cast<double>(sum_ns_) / 1e9);
  fmt::format_to(it, "highfence_http_request_duration_seconds_count {}\n", count_);
  fmt::format_to(it,
                 "# HELP highfence_determinations_total Determinations answered, by decision.\n");
  fmt::format_to(it, "# TYPE highfence_determinations_total counter\n");
  for (const auto& [decision, n] : decisions_) {
    fmt::format_to(it, "highfence_determinations_total{{decision=\"{}\"}} {}\n", Label(decision),
                   n);
  }
  fmt::format_to(
      it, "# HELP highfence_commit_groups_total Group commits of the ledger and decision log.\n");
  fmt::format_to(it, "# TYPE highfence_commit_groups_total counter\n");
  fmt::format_to(it, "highfence_commit_groups_total {}\n", groups);
  fmt::format_to(it,
                 "# HELP highfence_commit_group_works_total Requests committed in those groups.\n");
  fmt::format_to(it, "# TYPE highfence_commit_group_works_total counter\n");
  fmt::format_to(it, "highfence_commit_group_works_total {}\n", works);
  fmt::format_to(it,
                 "# HELP highfence_allocation_available_tpp TPP left in each Tier 2 allocation.\n");
  fmt::format_to(it, "# TYPE highfence_allocation_available_tpp gauge\n");
  for (const auto& [account, available] : allocations) {
    fmt::format_to(it, "highfence_allocation_available_tpp{{account=\"{}\"}} {}\n", Label(account),
                   available.ToString());
  }
  return out;
}

}  // namespace highfence::server
