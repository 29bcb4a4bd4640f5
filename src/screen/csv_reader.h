// CsvReader: RFC 4180 records from text in memory. Quoted fields may hold
// commas, doubled quotes and line breaks (the CSL's `remarks` do); CRLF and LF
// both end a record. A record past limits::csv_record_bytes_max or
// limits::csv_fields_max is an error, so no input makes the reader allocate
// without bound.
//
// Thread safety: one reader per thread; the text must outlive it.
#ifndef HIGHFENCE_SCREEN_CSV_READER_H_
#define HIGHFENCE_SCREEN_CSV_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/status.h"

namespace highfence::screen {

class CsvReader {
 public:
  explicit CsvReader(std::string_view text);
  // The next record's fields. False at the end of the text, or on a malformed
  // record (then *status says why and names the line; reading stops).
  bool Next(std::vector<std::string>* fields, Status* status);
  // The physical line (1-based) where the last record returned began.
  int64_t record_line() const { return record_line_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t record_line_ = 0;
};

}  // namespace highfence::screen

#endif  // HIGHFENCE_SCREEN_CSV_READER_H_
