// libFuzzer target: one HTTP request (bytes as they arrive on a socket) through
// the server's parsing, routing, authentication and handlers, on an in-memory
// ledger. Any crash, sanitizer report, leak, hang, or a request answered other
// than exactly once is a bug.
//
//   build-fuzz/request_fuzz -max_len=8192 CORPUS_DIR   (see `make fuzz`)
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "server/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  highfence::server::FuzzOneRequest(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
