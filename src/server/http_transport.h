// HttpTransport: the HTTP/1.1 server under the API, on Boost.Beast (chosen by
// measurement: docs/server.md). It accepts connections on one address, reads
// each request within the limits of server/limits.h, hands it to the Handler
// and writes the answer the handler gives (from any thread, at any later
// time), keeping the connection alive when the client asks.
//
// Over a limit the client gets a problem document and the connection closes:
//   body larger than body_bytes_max            413
//   request line and headers past header_bytes_max  431
//   malformed request                          400
//   connections_max connections already open   503 (then closed)
//   request not read within request_read_ms_max: the connection closes
// One io_context runs on `threads` threads; each connection is a strand, so
// its reads and writes never run at once.
//
// Thread safety: Start and Drain from one thread; the handler runs on the io
// threads and may reply from any thread.
#ifndef HIGHFENCE_SERVER_HTTP_TRANSPORT_H_
#define HIGHFENCE_SERVER_HTTP_TRANSPORT_H_

#include <memory>
#include <string>
#include <string_view>

#include "highfence/status.h"
#include "server/http.h"

namespace highfence::server {

struct TransportOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (see HttpTransport::port)
  int threads = 2;  // io threads
};

class HttpTransport {
 public:
  // Listens and starts the io threads. kIOError when the address is taken.
  static Result<std::unique_ptr<HttpTransport>> Start(const TransportOptions& options,
                                                      Handler handler);
  ~HttpTransport();  // drains

  int port() const;
  // Stops accepting, lets every request already read get its answer (new
  // requests on kept-alive connections are refused with 503), waits up to
  // drain_ms_max for them, then closes every connection and joins the threads.
  void Drain();

  class Impl;

 private:
  explicit HttpTransport(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses `bytes` as one HTTP/1.1 request under the same limits as the server.
// Returns 0 and fills `out`, or the status the server would answer (400, 413,
// 431). For the fuzzer and the tests.
int ParseHttpRequest(std::string_view bytes, HttpRequest* out);

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_HTTP_TRANSPORT_H_
