// Latency of one durable determination: parse one shipment, determine it, and
// record its draws on the ledger in their own transaction (with the store's
// full sync), as a long-running process such as a server does for a single
// request. Prints p50/p90/p99/max over N shipments.
//
// Usage: ledger_latency LEDGER [N]   (LEDGER: a SQLite path or postgres:// URL)
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "highfence/engine.h"
#include "io/shipment_parser.h"
#include "ledger/store.h"

namespace hf = highfence;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ledger_latency LEDGER [N]\n");
    return 1;
  }
  int n = argc > 2 ? std::atoi(argv[2]) : 2000;
  auto engine = hf::Engine::Create({});
  auto store = hf::ledger::LedgerStore::Open(argv[1], false);
  if (!engine.ok() || !store.ok()) {
    std::fprintf(stderr, "cannot open: %s %s\n", engine.status().ToString().c_str(),
                 store.status().ToString().c_str());
    return 1;
  }
  hf::io::ShipmentParser parser(&(*engine)->catalog());
  hf::Shipment s;
  hf::Determination d;
  std::vector<double> us;
  us.reserve(static_cast<size_t>(n));
  int drew = 0;
  for (int i = 0; i < n; ++i) {
    // Alternate LPP draws (posted) and allocation reservations (pending).
    std::string line = fmt::format(
        R"({{"id":"LAT-{}","date":"2025-07-01","destination":"{}","item":"nvidia-h100-sxm","units":{},"consignee":{{"name":"Latency {}","hq":"{}"}}}})",
        i, i % 2 ? "IN" : "MY", i % 2 ? 8 : 3000, i % 50, i % 2 ? "IN" : "MY");
    auto start = std::chrono::steady_clock::now();
    parser.ParseJson(line, &s);
    hf::Status st = (*engine)->Evaluate(s, {}, store->get(), &d);
    if (!st.ok()) {
      std::fprintf(stderr, "ledger_latency: %s\n", st.ToString().c_str());
      return 1;
    }
    auto end = std::chrono::steady_clock::now();
    drew += !d.debits.empty();
    us.push_back(std::chrono::duration<double, std::micro>(end - start).count());
  }
  std::sort(us.begin(), us.end());
  auto pct = [&](double p) { return us[static_cast<size_t>(p * (us.size() - 1))]; };
  std::printf(
      "%d single durable determinations (%d drew on the ledger): p50 %.0f us, "
      "p90 %.0f us, p99 %.0f us, max %.0f us\n",
      n, drew, pct(0.5), pct(0.9), pct(0.99), us.back());
  return 0;
}
