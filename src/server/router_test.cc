#include "server/router.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "server/api_internal.h"
#include "server/limits.h"

namespace highfence::server {
namespace {

TEST(Router, MatchesLiteralAndParameterSegments) {
  Result<Match> m = MatchRoute("GET", "/v1/ledger/accounts/allocation:MY/history");
  ASSERT_TRUE(m.ok());
  ASSERT_NE(m->route, nullptr);
  EXPECT_EQ(m->route->id, RouteId::kAccountHistory);
  EXPECT_EQ(m->params, std::vector<std::string>{"allocation:MY"});
}

TEST(Router, DecodesAnEncodedSlashInsideOneSegment) {
  Result<Match> m = MatchRoute("POST", "/v1/ledger/transfers/PO-1%2Fallocation%3AMY/post");
  ASSERT_TRUE(m.ok());
  ASSERT_NE(m->route, nullptr);
  EXPECT_EQ(m->route->id, RouteId::kTransferPost);
  EXPECT_EQ(m->params.front(), "PO-1/allocation:MY");
}

TEST(Router, LiteralRouteWinsOverParameter) {
  Result<Match> m = MatchRoute("GET", "/v1/decisions/export");
  ASSERT_TRUE(m.ok() && m->route);
  EXPECT_EQ(m->route->id, RouteId::kDecisionsExport);
}

TEST(Router, TellsUnknownPathFromWrongMethod) {
  Result<Match> wrong = MatchRoute("DELETE", "/v1/catalog");
  ASSERT_TRUE(wrong.ok());
  EXPECT_EQ(wrong->route, nullptr);
  EXPECT_TRUE(wrong->path_known);
  Result<Match> unknown = MatchRoute("GET", "/v1/nothing");
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->path_known);
  Result<Match> empty_id = MatchRoute("GET", "/v1/decisions/");
  ASSERT_TRUE(empty_id.ok());
  EXPECT_EQ(empty_id->route, nullptr);
}

TEST(Router, RejectsBadEscapes) {
  EXPECT_FALSE(MatchRoute("GET", "/v1/decisions/%G1").ok());
  EXPECT_FALSE(MatchRoute("GET", "/v1/decisions/%4").ok());
  EXPECT_FALSE(MatchRoute("GET", "/v1/decisions/a%00b").ok());
  EXPECT_FALSE(PercentDecode("%").has_value());
  EXPECT_EQ(PercentDecode("a%20b").value_or(""), "a b");
}

TEST(Router, ParsesQueries) {
  Result<QueryParams> q = ParseQuery("name=Big+Parent&name=%E5%8D%8E&dry_run=true&&flag");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->size(), 4u);
  EXPECT_EQ((*q)[0].second, "Big Parent");
  EXPECT_EQ((*q)[1].second, "\xE5\x8D\x8E");
  EXPECT_EQ(QueryValue(*q, "dry_run").value_or(""), "true");
  EXPECT_EQ(QueryValue(*q, "flag").value_or("absent"), "");
  EXPECT_FALSE(QueryValue(*q, "mode").has_value());
}

TEST(Router, BoundsTheNumberOfQueryParameters) {
  std::string many;
  for (int i = 0; i <= limits::query_params_max; ++i) many += "a=1&";
  Result<QueryParams> q = ParseQuery(many);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().code(), Status::Code::kLimitExceeded);
}

// Every route the router serves is documented in the OpenAPI document, with
// its method, and nothing is documented that the router does not serve.
TEST(Router, EveryRouteIsInTheOpenApiDocument) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(std::string(OpenApiDocument())).get(doc), simdjson::SUCCESS);
  simdjson::dom::object paths;
  ASSERT_EQ(doc["paths"].get(paths), simdjson::SUCCESS);
  size_t documented = 0;
  for (auto path : paths) {
    simdjson::dom::object methods;
    ASSERT_EQ(path.value.get(methods), simdjson::SUCCESS);
    for (auto m : methods) {
      ++documented;
      std::string method(m.key);
      for (char& c : method) c = static_cast<char>(std::toupper(c));
      bool served = false;
      for (const Route& r : Routes())
        served = served || (r.pattern == path.key && r.method == method);
      EXPECT_TRUE(served) << method << " " << path.key << " is documented but not served";
    }
  }
  for (const Route& r : Routes()) {
    simdjson::dom::object op;
    std::string method(r.method);
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    EXPECT_EQ(paths[r.pattern][method].get(op), simdjson::SUCCESS)
        << r.method << " " << r.pattern << " is served but not documented";
  }
  EXPECT_EQ(documented, Routes().size());
}

}  // namespace
}  // namespace highfence::server
