// The simulator's reports: JSON (machine-readable, every figure), CSV (one
// tidy table) and HTML (one self-contained page with inline SVG charts, in
// English and Chinese). Formats are documented in docs/simulator.md.
//
// Every report is a pure function of the result: the same result gives the
// same bytes.
#ifndef HIGHFENCE_SIMULATE_REPORT_H_
#define HIGHFENCE_SIMULATE_REPORT_H_

#include <string>

#include "simulate/simulate.h"

namespace highfence::simulate {

enum class Language { kEnglish, kChinese };

std::string ReportJson(const SimulationResult& r);
std::string ReportCsv(const SimulationResult& r);
// `language` is the page's initial language; the page can switch.
std::string ReportHtml(const SimulationResult& r, Language language);
// A few lines for a terminal: hypotheses, checks, where the figures are.
std::string ReportSummary(const SimulationResult& r);

// Numbers in reports: 6 significant digits, "null" for NaN and infinities.
std::string Num(double v);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_REPORT_H_
