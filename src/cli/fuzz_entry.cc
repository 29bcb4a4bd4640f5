// The fuzzer's entry: one line through the whole pipeline (parse, determine,
// write) with the built-in law and catalog, on an in-memory ledger.
#include <string>

#include "highfence/engine.h"
#include "io/determination_writer.h"
#include "io/shipment_parser.h"
#include "ledger/memory_ledger.h"

namespace highfence::io {

void FuzzOneShipmentLine(std::string_view line) {
  static const Engine* engine = [] {
    Result<std::unique_ptr<Engine>> e = Engine::Create({});
    HF_ASSERT(e.ok());
    return std::move(e).value().release();
  }();
  static ShipmentParser parser(&engine->catalog());
  static ledger::MemoryLedger ledger;
  Shipment s;
  Determination d;
  parser.ParseJson(line, &s);
  for (law::RegimeChoice choice : {law::RegimeChoice{}, law::RegimeChoice{Mode::kAsEnforced, {}}}) {
    engine->Evaluate(s, choice, &ledger, &d);
    std::string out;
    AppendJson(d, 1, &out);
    AppendCsv(d, &out);
    AppendTableRow(d, 1, &out);
    HF_ASSERT(d.decision != Decision::kNeedsReview || !d.errors.empty());
    HF_ASSERT(s.errors.empty() || d.decision == Decision::kNeedsReview);
  }
}

}  // namespace highfence::io
