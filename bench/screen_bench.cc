// Screening speed against a real list: how long the snapshot takes to read and
// the index to build, names screened per second on one core, and the latency
// of one name (p50, p99, max).
//
//   build-release/screen_bench LIST NAMES.jsonl [--repeat N]
//
// LIST is a CSL file in any of its three forms; NAMES.jsonl holds one
// {"name": ..., "country": ...} object per line (tests/screening/*.jsonl, or
// tests/screening/make_generated.py with a large --per-kind). Each name is
// screened `repeat` times (default 3) in one thread; the figures are printed as
// a Markdown table for docs/benchmarks.md.
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "screen/screener.h"
#include "screen/snapshot.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// CPU time of this thread: on a machine shared with other work, wall time
// includes the time the scheduler gives to others; this does not.
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct Name {
  std::string name, country;
};

std::vector<Name> ReadNames(const std::string& path) {
  std::vector<Name> out;
  std::ifstream in(path);
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    simdjson::dom::element e;
    std::string_view s;
    if (parser.parse(line).get(e) != simdjson::SUCCESS) continue;
    if (e["name"].get_string().get(s) != simdjson::SUCCESS) continue;
    Name n{std::string(s), ""};
    if (e["country"].get_string().get(s) == simdjson::SUCCESS) n.country = s;
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: screen_bench LIST NAMES.jsonl [--repeat N]\n");
    return 1;
  }
  const int repeat = argc >= 5 && std::string(argv[3]) == "--repeat" ? std::atoi(argv[4]) : 3;
  const std::vector<Name> names = ReadNames(argv[2]);
  const double cpu_start = CpuSeconds();
  const Clock::time_point t0 = Clock::now();
  highfence::Result<highfence::screen::ListSnapshot> snapshot =
      highfence::screen::LoadSnapshotFile(argv[1]);
  if (!snapshot.ok()) {
    std::fprintf(stderr, "%s\n", snapshot.status().ToString().c_str());
    return 1;
  }
  const size_t rows = snapshot->entries.size();
  const Clock::time_point t1 = Clock::now();
  const double cpu_parsed = CpuSeconds();
  auto screener = highfence::screen::Screener::Build(std::move(snapshot).value());
  const Clock::time_point t2 = Clock::now();
  const double cpu_built = CpuSeconds();
  if (!screener.ok() || names.empty()) return 1;
  std::vector<double> latency_us, cpu_us;
  latency_us.reserve(names.size() * static_cast<size_t>(repeat));
  std::vector<std::pair<double, size_t>> slowest;  // (us, name), for HF_BENCH_SLOWEST
  size_t hits = 0;
  const Clock::time_point t3 = Clock::now();
  const double cpu0 = CpuSeconds();
  for (int r = 0; r < repeat; ++r) {
    for (const Name& n : names) {
      const Clock::time_point a = Clock::now();
      const double c = CpuSeconds();
      hits += (*screener)->Screen(n.name, n.country).size();
      cpu_us.push_back((CpuSeconds() - c) * 1e6);
      latency_us.push_back(Seconds(Clock::now() - a) * 1e6);
      if (r == 0) slowest.emplace_back(latency_us.back(), static_cast<size_t>(&n - names.data()));
    }
  }
  const double total = Seconds(Clock::now() - t3);
  const double cpu_total = CpuSeconds() - cpu0;
  std::sort(latency_us.begin(), latency_us.end());
  std::sort(cpu_us.begin(), cpu_us.end());
  auto pct = [](const std::vector<double>& v, double p) {
    return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1))];
  };
  const auto& index = (*screener)->index();
  std::printf("| measure | value |\n|---|---:|\n");
  std::printf("| list rows | %zu |\n| indexed name forms | %zu |\n| vocabulary words | %zu |\n",
              rows, index.form_count(), index.word_count());
  std::printf("| read and parse the list (wall / CPU) | %.3f / %.3f s |\n", Seconds(t1 - t0),
              cpu_parsed - cpu_start);
  std::printf("| build the index (wall / CPU) | %.3f / %.3f s |\n", Seconds(t2 - t1),
              cpu_built - cpu_parsed);
  std::printf("| names screened | %zu (%zu distinct x %d) |\n", latency_us.size(), names.size(),
              repeat);
  const double n = static_cast<double>(latency_us.size());
  std::printf("| names per second, one core (wall / CPU) | %.0f / %.0f |\n", n / total,
              n / cpu_total);
  std::printf("| wall latency p50 / p99 / max | %.1f / %.1f / %.1f us |\n", pct(latency_us, 0.5),
              pct(latency_us, 0.99), latency_us.back());
  std::printf("| CPU latency p50 / p99 / max | %.1f / %.1f / %.1f us |\n", pct(cpu_us, 0.5),
              pct(cpu_us, 0.99), cpu_us.back());
  std::printf("| hits returned | %zu |\n", hits);
  if (std::getenv("HF_BENCH_SLOWEST") != nullptr) {
    std::sort(slowest.rbegin(), slowest.rend());
    for (size_t i = 0; i < std::min<size_t>(15, slowest.size()); ++i) {
      std::printf("%9.1f us  %s\n", slowest[i].first, names[slowest[i].second].name.c_str());
    }
  }
  return 0;
}
