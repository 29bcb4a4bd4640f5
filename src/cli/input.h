// The input of `check` and `explain`: the file (or standard input, or the
// shipment given with flags) and its lines read as shipments. Internal to
// src/cli.
#ifndef HIGHFENCE_CLI_INPUT_H_
#define HIGHFENCE_CLI_INPUT_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "cli/commands.h"
#include "io/line_reader.h"
#include "io/shipment_parser.h"

namespace highfence::cli {

// How the input's lines are read. kAuto decides from the first line that is
// not blank: `{` starts JSON Lines, anything else a CSV header.
enum class InputFormat { kAuto, kJsonl, kCsv };

struct Input {
  std::FILE* file = nullptr;
  bool owned = false;
  std::string name;  // the file's name, or "standard input"
  InputFormat format = InputFormat::kAuto;
  char delimiter = 0;  // CSV: forced by --delimiter; 0 sniffs it from the header
  ~Input() {
    if (owned && file) std::fclose(file);
  }
};

// Opens the input and decides its format (from --input-format, else from the
// file's extension, else from its content); prints the problem on failure.
bool OpenInput(const CheckOptions& o, Input* in, std::string* flags_json);

// Reads shipments from JSONL or CSV, line by line.
class ShipmentStream {
 public:
  ShipmentStream(const Input& in, const catalog::Catalog* catalog)
      : reader_(in.file), parser_(catalog), format_(in.format), delimiter_(in.delimiter) {}

  // Next shipment; false at the end. Header problems go to `header_errors`
  // (then it returns false at once).
  // With `raw`, also the input as received: the line, after a CSV file's header
  // line (so a CSV row names its fields), for the decision log.
  bool Next(Shipment* s, int64_t* line, std::vector<std::string>* header_errors,
            std::string* raw = nullptr);

  bool read_error() const { return reader_.read_error(); }
  // Lines read, blank ones included; shipments returned.
  int64_t lines_read() const { return reader_.line_number(); }
  int64_t shipments() const { return shipments_; }
  bool csv() const { return format_ == InputFormat::kCsv; }

 private:
  // The first line that is not blank: drops a UTF-8 byte-order mark, decides
  // the format, and reads a CSV header. False when it was the header.
  bool First(std::string_view* text, std::vector<std::string>* header_errors);

  io::LineReader reader_;
  io::ShipmentParser parser_;
  InputFormat format_;
  char delimiter_;
  bool started_ = false;
  int64_t shipments_ = 0;
  std::vector<std::string_view> cells_;
  std::string unquoted_;
  std::string csv_header_;  // the header line, as read
};

// Says on stderr that the input held no shipment: an empty file, or one with
// only blank lines or a CSV header. The exit code stays the contract's: 0, as
// no line is needs_review.
void ReportNoShipments(const ShipmentStream& stream, const Input& in);

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_INPUT_H_
