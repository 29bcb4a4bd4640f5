// Google Benchmark: the cost of each stage of `check` on representative lines,
// so a regression shows where it is. End-to-end figures come from
// bench/run_bench.sh (hyperfine over the CLI).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "highfence/engine.h"
#include "io/determination_writer.h"
#include "io/shipment_parser.h"
#include "ledger/memory_ledger.h"

namespace hf = highfence;

namespace {

const std::vector<std::string>& Lines() {
  static const std::vector<std::string> lines = {
      R"({"id":"B1","date":"2025-06-01","destination":"DE","item":"nvidia-h100-sxm","units":8,"consignee":{"name":"TU Munich"}})",
      R"({"id":"B2","date":"2025-07-15","destination":"IN","item":"nvidia-h100-sxm","units":100,"consignee":{"name":"Reliance Jio","hq":"IN"}})",
      R"({"id":"B3","date":"2025-08-01","destination":"MY","item":"nvidia-b200","units":500,"consignee":{"name":"Colo Asia","hq":"MY"}})",
      R"({"id":"B4","date":"2024-06-01","destination":"CN","item":"nvidia-rtx-4090","units":10,"consignee":{"name":"Retail CN"}})",
      R"({"id":"B5","date":"2026-02-01","destination":"CN","item":{"tpp":15832,"die_area_mm2":814,"dram_bandwidth_gbs":4800},"units":1000,"consignee":{"name":"Cloud CN"}})",
      R"({"id":"B6","date":"2023-03-01","destination":"BR","item":"nvidia-a100-sxm4-80gb","units":4,"consignee":{"name":"Uni BR"}})",
  };
  return lines;
}

const hf::Engine& GetEngine() {
  static const hf::Engine* engine = hf::Engine::Create({}).value().release();
  return *engine;
}

void BM_Parse(benchmark::State& state) {
  hf::io::ShipmentParser parser(&GetEngine().catalog());
  hf::Shipment s;
  size_t i = 0;
  for (auto _ : state) {
    parser.ParseJson(Lines()[i++ % Lines().size()], &s);
    benchmark::DoNotOptimize(s.units);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Parse);

void BM_Determine(benchmark::State& state) {
  const hf::Engine& engine = GetEngine();
  hf::io::ShipmentParser parser(&engine.catalog());
  std::vector<hf::Shipment> shipments(Lines().size());
  for (size_t i = 0; i < Lines().size(); ++i) parser.ParseJson(Lines()[i], &shipments[i]);
  hf::ledger::MemoryLedger ledger;
  hf::Determination d;
  size_t i = 0;
  for (auto _ : state) {
    engine.Determine(shipments[i++ % shipments.size()], {}, &ledger, &d);
    benchmark::DoNotOptimize(d.decision);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Determine);

void BM_WriteJson(benchmark::State& state) {
  const hf::Engine& engine = GetEngine();
  hf::io::ShipmentParser parser(&engine.catalog());
  hf::ledger::MemoryLedger ledger;
  std::vector<hf::Determination> ds(Lines().size());
  hf::Shipment s;
  for (size_t i = 0; i < Lines().size(); ++i) {
    parser.ParseJson(Lines()[i], &s);
    engine.Determine(s, {}, &ledger, &ds[i]);
  }
  std::string out;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    out.clear();
    hf::io::AppendJson(ds[i++ % ds.size()], 0, &out);
    bytes += out.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_WriteJson);

void BM_EndToEnd(benchmark::State& state) {
  const hf::Engine& engine = GetEngine();
  hf::io::ShipmentParser parser(&engine.catalog());
  hf::ledger::MemoryLedger ledger;
  hf::Shipment s;
  hf::Determination d;
  std::string out;
  size_t i = 0;
  for (auto _ : state) {
    out.clear();
    parser.ParseJson(Lines()[i++ % Lines().size()], &s);
    // The six lines repeat: after the first pass each is a retry of itself
    // (contract.md section 6), which the ledger answers as it first saw it.
    hf::Status st = engine.Evaluate(s, {}, &ledger, &d);
    benchmark::DoNotOptimize(st);
    hf::io::AppendJson(d, 0, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EndToEnd);

}  // namespace

BENCHMARK_MAIN();
