// Routing: a request's method and path to one route of the API, with the path's
// parameters percent-decoded, and its query string parsed.
//
// Patterns are literal segments and `{name}` segments; a `{name}` matches one
// segment, so an id holding '/' (transfer ids do) is sent percent-encoded
// (`%2F`) and decoded here. No recursion, no regular expressions: a match is
// one pass over the segments of each route.
//
// Thread safety: a Router is immutable once built; share it freely.
#ifndef HIGHFENCE_SERVER_ROUTER_H_
#define HIGHFENCE_SERVER_ROUTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "highfence/status.h"
#include "server/keys.h"

namespace highfence::server {

enum class RouteId : uint8_t {
  kHealth,
  kMetrics,
  kOpenApi,
  kDeterminations,
  kExplain,
  kClassify,
  kScreen,
  kSimulate,
  kCatalog,
  kRegimes,
  kCountries,
  kPartyKey,
  kAccounts,
  kAccount,
  kAccountHistory,
  kTransferPost,
  kTransferVoid,
  kTransferReverse,
  kDecisions,
  kDecisionsExport,
  kDecision,
  kKeysList,
  kKeysCreate,
  kKeyRevoke,
};

struct Route {
  std::string_view method;
  std::string_view pattern;  // "/v1/decisions/{id}"
  RouteId id;
  std::optional<Role> role;  // nullopt: no key needed
};

struct Match {
  const Route* route = nullptr;
  std::vector<std::string> params;  // the {name} segments, decoded, in order
  bool path_known = false;          // some route has this path (405 vs 404)
};

// Every route of the API, in the order they are documented.
const std::vector<Route>& Routes();

// Matches `method` and `path` (the target before '?'). kInvalidArgument when
// the path holds a bad percent-escape.
Result<Match> MatchRoute(std::string_view method, std::string_view path);

// Percent-decodes `s` ('+' stays '+'; in a query, DecodeQuery turns it into a
// space). nullopt for a bad escape or a decoded NUL.
std::optional<std::string> PercentDecode(std::string_view s);

using QueryParams = std::vector<std::pair<std::string, std::string>>;
// Parses `a=1&b=x+y`. kInvalidArgument for a bad escape or more than
// query_params_max parameters.
Result<QueryParams> ParseQuery(std::string_view query);
// The first value of `name`, or nullopt.
std::optional<std::string_view> QueryValue(const QueryParams& q, std::string_view name);

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_ROUTER_H_
