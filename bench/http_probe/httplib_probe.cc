// HTTP library probe: cpp-httplib 0.11 (Debian's libcpp-httplib-dev) answering a
// small JSON POST. The same work as beast_probe.cc; see docs/server.md.
// Usage: httplib_probe PORT
#include <httplib.h>

#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 18080;
  httplib::Server server;
  // Without TCP_NODELAY every keep-alive answer waits ~40 ms (Nagle + delayed ACK).
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000000);
  server.set_payload_max_length(1 << 20);
  server.Post("/v1/probe", [](const httplib::Request& req, httplib::Response& res) {
    std::string out = "{\"bytes\":" + std::to_string(req.body.size()) + ",\"ok\":true}";
    res.set_content(out, "application/json");
  });
  return server.listen("127.0.0.1", port) ? 0 : 1;
}
