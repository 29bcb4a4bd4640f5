// libFuzzer target: one shipment line, parsed with the embedded catalog and
// evaluated. Any crash, sanitizer report, leak or hang is a bug; a malformed
// line must come back as `needs_review`, never as a failure of the process.
//
//   build-fuzz/shipment_fuzz -max_len=4096 CORPUS_DIR   (see `make fuzz`)
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/shipment_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  highfence::io::FuzzOneShipmentLine(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
