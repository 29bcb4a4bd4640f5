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

struct Input {
  std::FILE* file = nullptr;
  bool owned = false;
  ~Input() {
    if (owned && file) std::fclose(file);
  }
};

// Opens the input and decides its format; prints the problem on failure.
bool OpenInput(const CheckOptions& o, Input* in, bool* csv, std::string* flags_json);

// Reads shipments from JSONL or CSV, line by line.
class ShipmentStream {
 public:
  ShipmentStream(std::FILE* in, const catalog::Catalog* catalog, bool csv)
      : reader_(in), parser_(catalog), csv_(csv) {}

  // Next shipment; false at the end. Header problems go to `header_errors`
  // (then it returns false at once).
  bool Next(Shipment* s, int64_t* line, std::vector<std::string>* header_errors);

  bool read_error() const { return reader_.read_error(); }

 private:
  io::LineReader reader_;
  io::ShipmentParser parser_;
  bool csv_;
  bool have_header_ = false;
  std::vector<std::string_view> cells_;
  std::string unquoted_;
};

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_INPUT_H_
