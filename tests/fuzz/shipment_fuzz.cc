// libFuzzer target: one shipment line through the whole pipeline (parse,
// determine, write) with the built-in law and catalog, in both modes. Any
// crash, sanitizer report, leak or hang is a bug; a malformed line must come
// back as `needs_review`, never as a failure of the process.
//
// Each input gets a fresh in-memory ledger, so a crash reproduces from its
// input alone (no state carries over from earlier inputs).
//
//   build-fuzz/shipment_fuzz -max_len=4096 CORPUS_DIR   (see `make fuzz`)
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "highfence/engine.h"
#include "io/determination_writer.h"
#include "io/shipment_parser.h"
#include "io/table_writer.h"
#include "ledger/memory_ledger.h"

namespace {

const highfence::Engine& FuzzEngine() {
  static const highfence::Engine* engine = [] {
    highfence::Result<std::unique_ptr<highfence::Engine>> e = highfence::Engine::Create({});
    HF_ASSERT(e.ok());
    return std::move(e).value().release();
  }();
  return *engine;
}

void FuzzOneLine(std::string_view line) {
  using namespace highfence;
  const Engine& engine = FuzzEngine();
  static io::ShipmentParser parser(&engine.catalog());
  Shipment s;
  Determination d;
  parser.ParseJson(line, &s);
  for (RegimeChoice choice :
       {RegimeChoice{Mode::kAsWritten, {}}, RegimeChoice{Mode::kAsEnforced, {}}}) {
    ledger::MemoryLedger ledger;
    // A fresh in-memory ledger is never unavailable: a failure is a bug.
    Status st = engine.Evaluate(s, choice, &ledger, &d);
    HF_ASSERT(st.ok());
    std::string out;
    io::AppendJson(d, 1, &out);
    io::AppendCsv(d, s, &out);
    static const io::TableWriter table(120);
    table.Row(d, s, 1, &out);
    HF_ASSERT(d.decision != Decision::kNeedsReview || !d.errors.empty());
    HF_ASSERT(s.errors.empty() || d.decision == Decision::kNeedsReview);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzOneLine(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
