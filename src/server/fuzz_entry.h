// For the fuzzer (tests/fuzz/request_fuzz.cc): one HTTP request's bytes through
// the server's parsing, routing, authentication and handlers, with the built-in
// law and catalog on an in-memory ledger and decision log, everything on the
// caller's thread. `Authorization: viewer` (or officer, admin) stands for a
// valid key of that role, so the fuzzer reaches the handlers.
#ifndef HIGHFENCE_SERVER_FUZZ_ENTRY_H_
#define HIGHFENCE_SERVER_FUZZ_ENTRY_H_

#include <string_view>

namespace highfence::server {

void FuzzOneRequest(std::string_view bytes);

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_FUZZ_ENTRY_H_
