// Simulations: GET /v1/simulate runs the simulator (src/simulate,
// docs/simulator.md) on one of the scenarios shipped with highfence, by name.
//
// Only the files of the scenario folder are runnable (the name is a file's
// stem, never a path), the draws are bounded (sim_draws_max), one run goes at
// a time on one thread, and a second request while one runs is told to retry:
// a run costs seconds of CPU, and the determinations must keep their cores.
// A run is a pure function of (scenario, draws, seed), so the last few reports
// are kept and answered again at once.
//
// Thread safety: Run may be called from any thread.
#ifndef HIGHFENCE_SERVER_SIMULATIONS_H_
#define HIGHFENCE_SERVER_SIMULATIONS_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "highfence/status.h"
#include "law/snapshot.h"
#include "simulate/law_inputs.h"

namespace highfence::server {

class Simulations {
 public:
  // The built-in law's inputs and the scenario files of `dir` (*.toml).
  static Result<std::unique_ptr<Simulations>> Open(const std::string& dir);

  // The scenarios by name, sorted.
  const std::vector<std::string>& names() const { return names_; }
  const std::string& dir() const { return dir_; }

  // The simulate command's JSON report, with `years`: the main policy set's
  // yearly p5/p50/p95 of each metric. kNotFound naming an unknown scenario;
  // kLimitExceeded when another run is in progress (retry).
  Result<std::string> Run(std::string_view scenario, int draws, std::optional<uint64_t> seed);

 private:
  Simulations() = default;
  Result<std::string> Compute(const std::string& scenario, int draws,
                              std::optional<uint64_t> seed) const;

  std::string dir_;
  std::vector<std::string> names_;
  std::unique_ptr<law::Law> law_;
  std::unique_ptr<simulate::LawInputs> inputs_;
  std::mutex run_mu_;  // one run at a time
  std::mutex cache_mu_;
  std::deque<std::pair<std::string, std::string>> cache_;  // key -> report, newest first
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_SIMULATIONS_H_
