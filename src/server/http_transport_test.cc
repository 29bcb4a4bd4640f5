#include "server/http_transport.h"

#include <gtest/gtest.h>

#include "server/limits.h"

namespace highfence::server {
namespace {

TEST(HttpParse, ReadsARequest) {
  HttpRequest r;
  ASSERT_EQ(ParseHttpRequest("POST /v1/x?a=1 HTTP/1.1\r\nHost: h\r\nContent-Type: application/json"
                             "\r\nContent-Length: 2\r\n\r\n{}",
                             &r),
            0);
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/v1/x?a=1");
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_EQ(r.body, "{}");
}

TEST(HttpParse, AnswersMalformedAndOversizedRequestsWithTheirStatus) {
  HttpRequest r;
  EXPECT_EQ(ParseHttpRequest("NOT HTTP\r\n\r\n", &r), 400);
  EXPECT_EQ(ParseHttpRequest("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nab", &r), 400);
  std::string big_header =
      "GET / HTTP/1.1\r\nX: " + std::string(limits::header_bytes_max, 'a') + "\r\n\r\n";
  EXPECT_EQ(ParseHttpRequest(big_header, &r), 431);
  std::string big_body =
      "POST / HTTP/1.1\r\nContent-Length: " + std::to_string(limits::body_bytes_max + 1) +
      "\r\n\r\n";
  EXPECT_EQ(ParseHttpRequest(big_body, &r), 413);
}

}  // namespace
}  // namespace highfence::server
