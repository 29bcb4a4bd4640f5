// The tornado (one-at-a-time sensitivity) ranking. Internal to src/simulate.
#ifndef HIGHFENCE_SIMULATE_TORNADO_H_
#define HIGHFENCE_SIMULATE_TORNADO_H_

#include <vector>

#include "simulate/measures.h"
#include "simulate/run_plan.h"
#include "simulate/simulate.h"

namespace highfence::simulate {

// Bars for every parameter that varies across draws, largest swing of
// ln Gamma at the report year first; `tight` are the rounds whose mean
// pass-through is reported. *base_gap: ln Gamma with every default.
std::vector<TornadoBar> Tornado(const ParamTable& table, const RunPlan& plan, const Horizons& hz,
                                const LawInputs& law, const std::vector<int>& tight,
                                int report_year, int threads, double* base_gap);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_TORNADO_H_
