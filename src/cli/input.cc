#include "cli/input.h"

#include <fmt/format.h>

#include "base/limits.h"

namespace highfence::cli {
namespace {

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool ShipmentStream::Next(Shipment* s, int64_t* line, std::vector<std::string>* header_errors) {
  std::string_view text;
  bool too_long = false;
  while (reader_.Next(&text, &too_long)) {
    if (!too_long && IsBlank(text)) continue;
    *line = reader_.line_number();
    if (too_long) {
      s->Clear();
      s->errors.push_back(
          {"too_long", "",
           fmt::format("line {} is longer than {} bytes", *line, limits::line_bytes_max)});
      return true;
    }
    if (csv_ && !have_header_) {
      if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte-order mark
      io::SplitCsv(text, &cells_, &unquoted_);
      *header_errors = parser_.SetCsvHeader(cells_);
      have_header_ = true;
      if (!header_errors->empty()) return false;
      continue;
    }
    if (csv_) {
      if (!io::SplitCsv(text, &cells_, &unquoted_)) {
        s->Clear();
        s->errors.push_back({"invalid_csv", "", "unterminated quoted cell"});
        return true;
      }
      parser_.ParseCsvRow(cells_, s);
    } else {
      parser_.ParseJson(text, s);
    }
    return true;
  }
  return false;
}

bool OpenInput(const CheckOptions& o, Input* in, bool* csv, std::string* flags_json) {
  if (o.flags.any()) {
    if (!o.input.empty()) {
      std::fprintf(stderr, "highfence: give either an input file or shipment flags, not both\n");
      return false;
    }
    *flags_json = ShipmentFlagsToJson(o.flags);
    in->file = fmemopen(flags_json->data(), flags_json->size(), "r");
    in->owned = true;
    *csv = false;
    return in->file != nullptr;
  }
  if (o.input.empty() || o.input == "-") {
    in->file = stdin;
  } else {
    in->file = std::fopen(o.input.c_str(), "rb");
    if (in->file == nullptr) {
      std::fprintf(stderr, "highfence: cannot read `%s`\n", o.input.c_str());
      return false;
    }
    in->owned = true;
  }
  if (!o.input_format.empty()) {
    *csv = o.input_format == "csv";
  } else if (in->file == stdin) {
    int c;
    while ((c = std::fgetc(stdin)) == ' ' || c == '\n' || c == '\r' || c == '\t') {
    }
    if (c != EOF) std::ungetc(c, stdin);
    *csv = c != '{' && c != EOF;
  } else {
    *csv = EndsWith(o.input, ".csv");
  }
  return true;
}

}  // namespace highfence::cli
