// The one file that includes Boost.Beast. Boost 1.74's asio/awaitable.hpp uses
// std::exchange without including <utility> (GCC 12, C++20): include it first.
#include <utility>
// clang-format off
#include "server/http_transport.h"
// clang-format on

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include "base/clock.h"
#include "server/limits.h"
#include "server/problem.h"

namespace highfence::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using BeastRequest = http::request<http::string_body>;
using BeastResponse = http::response<http::string_body>;

void ToRequest(BeastRequest&& in, HttpRequest* out) {
  out->method = std::string(in.method_string());
  out->target = std::string(in.target());
  out->headers.clear();
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out->headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out->body = std::move(in.body());
}

// The status answered for a parse error, or 0 when the error is the
// connection's (closed, timed out) and nothing can be answered.
int StatusOfReadError(const beast::error_code& ec) {
  if (ec == http::error::body_limit) return 413;
  if (ec == http::error::header_limit) return 431;
  if (ec.category() == http::make_error_code(http::error::end_of_stream).category() &&
      ec != http::error::end_of_stream && ec != http::error::partial_message) {
    return 400;
  }
  return 0;
}

void LimitParser(http::request_parser<http::string_body>& p) {
  p.header_limit(static_cast<uint32_t>(limits::header_bytes_max));
  p.body_limit(static_cast<uint64_t>(limits::body_bytes_max));
}

HttpResponse LimitProblem(int status) {
  switch (status) {
    case 413:
      return Problem(413, "body-too-large",
                     "the request body is larger than the limit of " +
                         std::to_string(limits::body_bytes_max) + " bytes",
                     "body");
    case 431:
      return Problem(431, "headers-too-large",
                     "the request line and headers are larger than the limit of " +
                         std::to_string(limits::header_bytes_max) + " bytes",
                     "headers");
    default:
      return Problem(400, "malformed-request", "the request is not valid HTTP/1.1");
  }
}

BeastResponse ToBeast(HttpResponse&& r, unsigned version, bool keep_alive) {
  BeastResponse out{static_cast<http::status>(r.status), version};
  out.set(http::field::server, "highfence");
  if (!r.content_type.empty()) out.set(http::field::content_type, r.content_type);
  for (auto& [name, value] : r.headers) out.set(name, value);
  out.body() = std::move(r.body);
  out.keep_alive(keep_alive);
  // A 304 carries no body and no Content-Length (RFC 9110 8.6: it would have
  // to be the 200's length); Beast's prepare_payload would set 0.
  if (out.result() != http::status::not_modified) out.prepare_payload();
  return out;
}

}  // namespace

class HttpTransport::Impl {
 public:
  Impl(int threads, Handler handler) : handler_(std::move(handler)), io_(threads), acceptor_(io_) {}

  Status Listen(const TransportOptions& o);
  void Run(int threads);
  void Drain();
  int port() const { return port_; }

  // Declared before io_: sessions the io_context destroys last still count down.
  std::atomic<int64_t> connections_{0};
  std::atomic<int64_t> in_flight_{0};
  std::atomic<bool> draining_{false};
  Handler handler_;
  asio::io_context io_;
  // Keeps the io threads running while answers are still to come from the
  // committer after the acceptor closed (a drain).
  asio::executor_work_guard<asio::io_context::executor_type> work_ = asio::make_work_guard(io_);
  tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  bool drained_ = false;
  int port_ = 0;

 private:
  void Accept();
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, HttpTransport::Impl* t) : stream_(std::move(socket)), t_(t) {
    ++t_->connections_;
  }
  ~Session() { --t_->connections_; }

  // A request is in flight from its headers on, so a drain waits for a body
  // still arriving; an idle kept-alive connection is not.
  void Read() {
    parser_.emplace();
    LimitParser(*parser_);
    stream_.expires_after(std::chrono::milliseconds(limits::request_read_ms_max));
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

 private:
  void OnHeader(beast::error_code ec) {
    if (ec) return Failed(ec);
    ++t_->in_flight_;
    if (t_->draining_) {  // headers that arrive after the drain began: refused
      unsigned version = parser_->get().version();
      return Write(Problem(503, "shutting-down", "the server is shutting down"), version, false);
    }
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code body_ec, size_t) {
                       if (body_ec) --self->t_->in_flight_;
                       self->OnRead(body_ec);
                     });
  }

  // A read failed: answer a request over a limit, close on anything else.
  void Failed(beast::error_code ec) {
    int status = StatusOfReadError(ec);
    if (status == 0) return Close();
    ++t_->in_flight_;
    Write(LimitProblem(status), 11, false);
  }

  void OnRead(beast::error_code ec) {
    if (ec) return Failed(ec);
    BeastRequest req = parser_->release();
    unsigned version = req.version();
    bool keep_alive = req.keep_alive();
    stream_.expires_never();
    HttpRequest request;
    ToRequest(std::move(req), &request);
    request.received_ns = NowNs();
    auto self = shared_from_this();
    t_->handler_(std::move(request), [self, version, keep_alive](HttpResponse r) {
      asio::post(self->stream_.get_executor(), [self, version, keep_alive, r = std::move(r)]() {
        self->Write(std::move(r), version, keep_alive);
      });
    });
  }

  void Write(HttpResponse r, unsigned version, bool keep_alive) {
    keep_alive = keep_alive && !t_->draining_;
    res_ = ToBeast(std::move(r), version, keep_alive);
    stream_.expires_after(std::chrono::milliseconds(limits::response_write_ms_max));
    http::async_write(stream_, res_, [self = shared_from_this()](beast::error_code ec, size_t) {
      --self->t_->in_flight_;
      if (ec || !self->res_.keep_alive()) return self->Close();
      self->Read();
    });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  HttpTransport::Impl* t_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  BeastResponse res_;
};

// Answers 503 on a connection past connections_max and closes it.
void Refuse(tcp::socket socket) {
  HttpResponse p = Problem(503, "too-many-connections",
                           "the server has " + std::to_string(limits::connections_max) +
                               " connections open; try again shortly");
  BeastResponse res = ToBeast(std::move(p), 11, false);
  beast::error_code ec;
  http::write(socket, res, ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
}

}  // namespace

Status HttpTransport::Impl::Listen(const TransportOptions& o) {
  beast::error_code ec;
  asio::ip::address address = asio::ip::make_address(o.bind, ec);
  if (ec) return Status::InvalidArgument("--bind `" + o.bind + "` is not an IP address");
  tcp::endpoint endpoint(address, static_cast<uint16_t>(o.port));
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::IOError("cannot listen on " + o.bind + ":" + std::to_string(o.port) + ": " +
                           ec.message());
  }
  port_ = acceptor_.local_endpoint().port();
  Accept();
  return Status::Ok();
}

void HttpTransport::Impl::Accept() {
  acceptor_.async_accept(asio::make_strand(io_), [this](beast::error_code ec, tcp::socket s) {
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
    if (!ec) {
      s.set_option(tcp::no_delay(true), ec);
      if (connections_ >= limits::connections_max) {
        Refuse(std::move(s));
      } else {
        std::make_shared<Session>(std::move(s), this)->Read();
      }
    }
    Accept();
  });
}

void HttpTransport::Impl::Run(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { io_.run(); });
}

void HttpTransport::Impl::Drain() {
  if (drained_) return;
  drained_ = true;
  draining_ = true;
  asio::post(io_, [this] {
    beast::error_code ignored;
    acceptor_.close(ignored);
  });
  const int64_t deadline = NowNs() + limits::drain_ms_max * 1'000'000;
  while (in_flight_ > 0 && NowNs() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  work_.reset();
  io_.stop();
  for (std::thread& t : threads_) t.join();
  threads_.clear();
}

HttpTransport::HttpTransport(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpTransport::~HttpTransport() { Drain(); }
int HttpTransport::port() const { return impl_->port(); }
void HttpTransport::Drain() { impl_->Drain(); }

Result<std::unique_ptr<HttpTransport>> HttpTransport::Start(const TransportOptions& options,
                                                            Handler handler) {
  auto impl = std::make_unique<Impl>(options.threads, std::move(handler));
  HF_RETURN_IF_ERROR(impl->Listen(options));
  impl->Run(options.threads);
  return std::unique_ptr<HttpTransport>(new HttpTransport(std::move(impl)));
}

int ParseHttpRequest(std::string_view bytes, HttpRequest* out) {
  http::request_parser<http::string_body> p;
  LimitParser(p);
  p.eager(true);
  beast::error_code ec;
  size_t used = 0;
  while (used < bytes.size() && !p.is_done()) {
    size_t n = p.put(asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    if (ec == http::error::need_more) break;
    if (ec) return StatusOfReadError(ec) == 0 ? 400 : StatusOfReadError(ec);
    used += n;
  }
  if (!p.is_done()) {
    p.put_eof(ec);
    if (ec || !p.is_done()) return 400;
  }
  ToRequest(p.release(), out);
  return 0;
}

}  // namespace highfence::server
