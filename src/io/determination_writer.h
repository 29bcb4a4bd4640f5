// Writers for determinations: JSON Lines (contract.md section 3) and CSV (the
// table and summary are table_writer.h). Each appends to a caller-owned buffer that the
// caller flushes in large blocks.
#ifndef HIGHFENCE_IO_DETERMINATION_WRITER_H_
#define HIGHFENCE_IO_DETERMINATION_WRITER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "highfence/determination.h"
#include "highfence/shipment.h"

namespace highfence::io {

// Appends `s` as a JSON string literal (quotes included).
void AppendJsonString(std::string_view s, std::string* out);

// One JSON object and a newline. `line` (1-based input line) is written only
// for needs_review determinations, to find the line.
void AppendJson(const Determination& d, int64_t line, std::string* out);

// Appends one CSV cell (RFC 4180): as it is, or in double quotes, with inner
// quotes doubled, when it holds a comma, a quote or a line break.
void AppendCsvCell(std::string_view s, std::string* out);

// CSV: the shipment's date, destination, item, units and consignee beside its
// determination, the deciding reason, and each debit as account=tpp:state.
void AppendCsvHeader(std::string* out);
void AppendCsv(const Determination& d, const Shipment& s, std::string* out);

}  // namespace highfence::io

#endif  // HIGHFENCE_IO_DETERMINATION_WRITER_H_
