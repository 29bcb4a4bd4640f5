// HTTP library probe: Boost.Beast 1.74 (Debian's libboost-dev) answering a
// small JSON POST, one io_context run by THREADS threads, one coroutine-free
// session per connection with keep-alive, a body limit and a timeout. The same
// work as httplib_probe.cc; see docs/server.md.
// Usage: beast_probe PORT [THREADS]
// Boost 1.74 asio/awaitable.hpp uses std::exchange without <utility> (GCC 12, C++20).
#include <optional>
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket socket) : stream_(std::move(socket)) {}
  void Start() { Read(); }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(1 << 20);
    stream_.expires_after(std::chrono::seconds(5));
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       self->OnRead(ec);
                     });
  }
  void OnRead(beast::error_code ec) {
    if (ec) return Close();
    http::request<http::string_body> req = parser_->release();
    res_ = {};
    res_.version(req.version());
    res_.keep_alive(req.keep_alive());
    if (req.method() == http::verb::post && req.target() == "/v1/probe") {
      res_.result(http::status::ok);
      res_.set(http::field::content_type, "application/json");
      res_.body() = "{\"bytes\":" + std::to_string(req.body().size()) + ",\"ok\":true}";
    } else {
      res_.result(http::status::not_found);
    }
    res_.prepare_payload();
    http::async_write(stream_, res_, [self = shared_from_this()](beast::error_code wec, size_t) {
      if (wec || !self->res_.keep_alive()) return self->Close();
      self->Read();
    });
  }
  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
};

void Accept(tcp::acceptor& acceptor) {
  acceptor.async_accept([&acceptor](beast::error_code ec, tcp::socket socket) {
    if (!ec) std::make_shared<Session>(std::move(socket))->Start();
    Accept(acceptor);
  });
}

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 18081;
  int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  asio::io_context io(threads);
  tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), static_cast<uint16_t>(port)});
  Accept(acceptor);
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (std::thread& t : pool) t.join();
}
