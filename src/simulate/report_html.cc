#include "simulate/report.h"
namespace highfence::simulate {
std::string ReportHtml(const SimulationResult&, Language) { return "TODO\n"; }
}  // namespace highfence::simulate
