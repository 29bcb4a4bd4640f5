// The readable outputs of `check`: a table sized to the terminal that echoes
// each shipment beside its determination, and the run summary. Each appends to
// a caller-owned buffer. The JSONL and CSV writers are determination_writer.h.
#ifndef HIGHFENCE_IO_TABLE_WRITER_H_
#define HIGHFENCE_IO_TABLE_WRITER_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/determination.h"
#include "highfence/shipment.h"

namespace highfence::io {

// Columns a terminal shows for one character of `s` (UTF-8): 2 for East Asian
// wide and full-width characters, 0 for combining marks, else 1.
size_t DisplayWidth(std::string_view s);

// `s` cut to at most `width` columns on a character boundary (never inside a
// UTF-8 sequence), with `~` marking a cut, then padded with spaces to exactly
// `width` columns (on the left when `right_align`).
void AppendCell(std::string_view s, size_t width, bool right_align, std::string* out);

// What the table and CSV echo of the input: the item as its catalog id, or
// its kind and figures when given inline.
std::string ItemText(const Shipment& s);

// The reason that settled a determination: the first error of a needs_review
// line, else the derivation's last step (the policy, the authorization
// chosen, or the classification that left the item uncontrolled).
std::string DecidingReason(const Determination& d);

// The `check` table: ID, DATE, TO, ITEM, UNITS, CONSIGNEE, ECCN, DECISION,
// AUTHORIZATION/POLICY and REASON, fitted to `width` columns (the least
// needed columns are left out on a narrow terminal).
class TableWriter {
 public:
  explicit TableWriter(size_t width);

  // `title` (the mode and law in use) above the column names.
  void Header(std::string_view title, std::string* out) const;
  // `line` names the input line of a determination that has no id.
  void Row(const Determination& d, const Shipment& s, int64_t line, std::string* out) const;

 private:
  enum Column { kId, kDate, kTo, kItem, kUnits, kConsignee, kEccn, kDecision, kHow, kReason };
  static constexpr size_t kColumns = 10;
  std::array<size_t, kColumns> width_{};  // 0: the column is left out
};

// Counts a run for `check --summary`: determinations by decision, TPP drawn
// per account kind and state, and needs_review lines by error code.
class RunSummary {
 public:
  void Add(const Determination& d);
  int64_t total() const;
  int64_t count(Decision d) const { return counts_[static_cast<size_t>(d)]; }
  // `title` names the mode; the text ends with a newline.
  void Append(std::string_view title, std::string* out) const;

 private:
  std::array<int64_t, 5> counts_{};
  std::map<std::string, __int128> drawn_milli_;  // "allocation pending" -> TPP, thousandths
  std::map<std::string, int64_t> review_codes_;
};

}  // namespace highfence::io

#endif  // HIGHFENCE_IO_TABLE_WRITER_H_
