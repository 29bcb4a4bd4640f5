#include "server/router.h"

#include <fmt/format.h>

#include "server/limits.h"

namespace highfence::server {
namespace {

constexpr Role kViewer = Role::kViewer;
constexpr Role kOfficer = Role::kOfficer;
constexpr Role kAdmin = Role::kAdmin;

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Splits "/a/b/c" into {"a","b","c"}; an empty trailing segment is kept.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return out;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/v1/health", RouteId::kHealth, std::nullopt},
      {"GET", "/v1/metrics", RouteId::kMetrics, kViewer},
      {"GET", "/v1/openapi.json", RouteId::kOpenApi, kViewer},
      {"POST", "/v1/determinations", RouteId::kDeterminations, kOfficer},
      {"POST", "/v1/explain", RouteId::kExplain, kOfficer},
      {"POST", "/v1/classify", RouteId::kClassify, kOfficer},
      {"POST", "/v1/screen", RouteId::kScreen, kOfficer},
      {"GET", "/v1/simulate", RouteId::kSimulate, kViewer},
      {"GET", "/v1/catalog", RouteId::kCatalog, kViewer},
      {"GET", "/v1/regimes", RouteId::kRegimes, kViewer},
      {"GET", "/v1/countries", RouteId::kCountries, kViewer},
      {"GET", "/v1/party-key", RouteId::kPartyKey, kViewer},
      {"GET", "/v1/ledger/accounts", RouteId::kAccounts, kViewer},
      {"GET", "/v1/ledger/accounts/{id}", RouteId::kAccount, kViewer},
      {"GET", "/v1/ledger/accounts/{id}/history", RouteId::kAccountHistory, kViewer},
      {"POST", "/v1/ledger/transfers/{id}/post", RouteId::kTransferPost, kAdmin},
      {"POST", "/v1/ledger/transfers/{id}/void", RouteId::kTransferVoid, kAdmin},
      {"POST", "/v1/ledger/transfers/{id}/reverse", RouteId::kTransferReverse, kAdmin},
      {"GET", "/v1/decisions", RouteId::kDecisions, kViewer},
      {"GET", "/v1/decisions/export", RouteId::kDecisionsExport, kViewer},
      {"GET", "/v1/decisions/{id}", RouteId::kDecision, kViewer},
      {"GET", "/v1/keys", RouteId::kKeysList, kAdmin},
      {"POST", "/v1/keys", RouteId::kKeysCreate, kAdmin},
      {"DELETE", "/v1/keys/{key_id}", RouteId::kKeyRevoke, kAdmin},
  };
  return kRoutes;
}

std::optional<std::string> PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = Hex(s[i + 1]), lo = Hex(s[i + 2]);
    if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

Result<Match> MatchRoute(std::string_view method, std::string_view path) {
  std::vector<std::string_view> segments = Segments(path);
  Match m;
  for (const Route& r : Routes()) {
    std::vector<std::string_view> pattern = Segments(r.pattern);
    if (pattern.size() != segments.size()) continue;
    std::vector<std::string> params;
    bool same = true;
    for (size_t i = 0; i < pattern.size() && same; ++i) {
      if (pattern[i].starts_with('{')) {
        std::optional<std::string> decoded = PercentDecode(segments[i]);
        if (!decoded) return Status::InvalidArgument("the path holds a bad percent-escape");
        same = !decoded->empty();
        params.push_back(std::move(*decoded));
      } else {
        same = pattern[i] == segments[i];
      }
    }
    if (!same) continue;
    m.path_known = true;
    if (r.method != method) continue;
    m.route = &r;
    m.params = std::move(params);
    return m;
  }
  return m;
}

Result<QueryParams> ParseQuery(std::string_view query) {
  QueryParams out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    if (static_cast<int64_t>(out.size()) >= limits::query_params_max) {
      return Status::LimitExceeded(
          fmt::format("more than {} query parameters", limits::query_params_max));
    }
    size_t eq = pair.find('=');
    std::string key(pair.substr(0, eq));
    std::string value(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    for (std::string* s : {&key, &value}) {
      for (char& c : *s) c = c == '+' ? ' ' : c;
      std::optional<std::string> decoded = PercentDecode(*s);
      if (!decoded) return Status::InvalidArgument("the query holds a bad percent-escape");
      *s = std::move(*decoded);
    }
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

std::optional<std::string_view> QueryValue(const QueryParams& q, std::string_view name) {
  for (const auto& [k, v] : q) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

}  // namespace highfence::server
