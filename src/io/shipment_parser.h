// ShipmentParser: JSON Lines and CSV rows -> Shipment, never failing.
//
// Every problem with a line becomes a FieldError on the Shipment (code, field
// path, message) and parsing goes on with the next field, so one determination
// can list all of a line's problems. Strict: unknown and duplicate keys are
// errors (a misspelt "end_uses" must never silently drop an end use).
//
// Thread safety: one parser per thread; it reuses its buffers line to line.
#ifndef HIGHFENCE_IO_SHIPMENT_PARSER_H_
#define HIGHFENCE_IO_SHIPMENT_PARSER_H_

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "highfence/shipment.h"

namespace highfence::io {

// Stable error codes (wire names of FieldError::code).
inline constexpr std::string_view kErrInvalidJson = "invalid_json";
inline constexpr std::string_view kErrMissingField = "missing_field";
inline constexpr std::string_view kErrWrongType = "wrong_type";
inline constexpr std::string_view kErrInvalidValue = "invalid_value";
inline constexpr std::string_view kErrOutOfRange = "out_of_range";
inline constexpr std::string_view kErrTooLong = "too_long";
inline constexpr std::string_view kErrUnknownField = "unknown_field";
inline constexpr std::string_view kErrDuplicateField = "duplicate_field";
inline constexpr std::string_view kErrUnknownItem = "unknown_item";

class ShipmentParser {
 public:
  explicit ShipmentParser(const catalog::Catalog* catalog);

  // Parses one JSON object. `line` need not be padded.
  void ParseJson(std::string_view line, Shipment* out);
  // CSV: SetCsvHeader once with the header row's cells, then ParseCsvRow per row.
  // Header errors (unknown column, duplicate) are returned as messages.
  std::vector<std::string> SetCsvHeader(const std::vector<std::string_view>& cells);
  void ParseCsvRow(const std::vector<std::string_view>& cells, Shipment* out);

 public:
  class Impl;
  friend class Impl;

 private:
  void ParseCsvItemJson(Impl* impl, std::string_view text, Shipment* out);

  const catalog::Catalog* catalog_;
  simdjson::ondemand::parser parser_;
  std::string padded_;            // the line copied with SIMDJSON_PADDING bytes after it
  std::vector<int> csv_columns_;  // column index -> field id
};

// Splits one CSV record (RFC 4180 quoting, no embedded newlines) into cells,
// each trimmed of surrounding spaces and tabs (inside quotes, text is kept as
// it is). Returns false on an unterminated quote.
bool SplitCsv(std::string_view line, std::vector<std::string_view>* cells,
              std::string* unquote_buffer, char delimiter = ',');

// The delimiter of a CSV file from its header row: comma, semicolon or tab,
// whichever occurs most outside quotes (comma when none does).
char SniffCsvDelimiter(std::string_view header);

}  // namespace highfence::io

#endif  // HIGHFENCE_IO_SHIPMENT_PARSER_H_
