// Writers for determinations: JSON Lines (contract.md section 3), CSV and a
// readable fixed-width table. Each appends to a caller-owned buffer that the
// caller flushes in large blocks.
#ifndef HIGHFENCE_IO_DETERMINATION_WRITER_H_
#define HIGHFENCE_IO_DETERMINATION_WRITER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "highfence/determination.h"

namespace highfence::io {

// Appends `s` as a JSON string literal (quotes included).
void AppendJsonString(std::string_view s, std::string* out);

// One JSON object and a newline. `line` (1-based input line) is written only
// for needs_review determinations, to find the line.
void AppendJson(const Determination& d, int64_t line, std::string* out);

// Appends one CSV cell (RFC 4180): as it is, or in double quotes, with inner
// quotes doubled, when it holds a comma, a quote or a line break.
void AppendCsvCell(std::string_view s, std::string* out);

void AppendCsvHeader(std::string* out);
void AppendCsv(const Determination& d, std::string* out);

void AppendTableHeader(std::string* out);
// `line` names the input line of a determination that has no id.
void AppendTableRow(const Determination& d, int64_t line, std::string* out);

// Counts determinations by decision, for the summary after a run.
class DecisionCounts {
 public:
  void Add(const Determination& d) {
    ++counts_[static_cast<size_t>(d.decision)];
    modes_ |= d.mode == Mode::kAsWritten ? 1 : 2;
  }
  int64_t total() const;
  void AppendSummary(std::string* out) const;

 private:
  std::array<int64_t, 5> counts_{};
  int modes_ = 0;  // bit 1: as_written seen, bit 2: as_enforced seen
};

}  // namespace highfence::io

#endif  // HIGHFENCE_IO_DETERMINATION_WRITER_H_
