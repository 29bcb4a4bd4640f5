// The HTTP request and response as the API sees them: plain data, no library
// types, so only http_transport.cc includes Boost.Beast (it costs about 20 s of
// compile time per file that includes it).
#ifndef HIGHFENCE_SERVER_HTTP_H_
#define HIGHFENCE_SERVER_HTTP_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace highfence::server {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: path and query, percent-encoded
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
  std::string body;
  int64_t received_ns = 0;  // when the whole request had been read

  // The first header named `name` (lowercase), or "".
  std::string_view Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

// Completes a request: call exactly once, from any thread.
using Reply = std::function<void(HttpResponse)>;
using Handler = std::function<void(HttpRequest&&, Reply)>;

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_HTTP_H_
