#include "cli/input.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

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
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != suffix[i]) return false;
  }
  return true;
}

InputFormat FormatOfName(std::string_view name) {
  for (std::string_view ext : {".csv", ".tsv"}) {
    if (EndsWith(name, ext)) return InputFormat::kCsv;
  }
  for (std::string_view ext : {".jsonl", ".ndjson", ".json"}) {
    if (EndsWith(name, ext)) return InputFormat::kJsonl;
  }
  return InputFormat::kAuto;  // .txt, no extension, standard input
}

}  // namespace

bool ShipmentStream::First(std::string_view* text, std::vector<std::string>* header_errors) {
  started_ = true;
  if (text->substr(0, 3) == "\xEF\xBB\xBF") text->remove_prefix(3);  // a UTF-8 byte-order mark
  if (format_ == InputFormat::kAuto) {
    std::string_view t = *text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    format_ = !t.empty() && t.front() == '{' ? InputFormat::kJsonl : InputFormat::kCsv;
  }
  if (format_ != InputFormat::kCsv) return true;
  if (delimiter_ == 0) delimiter_ = io::SniffCsvDelimiter(*text);
  io::SplitCsv(*text, &cells_, &unquoted_, delimiter_);
  *header_errors = parser_.SetCsvHeader(cells_);
  csv_header_ = *text;
  return false;
}

bool ShipmentStream::Next(Shipment* s, int64_t* line, std::vector<std::string>* header_errors,
                          std::string* raw) {
  std::string_view text;
  bool too_long = false;
  while (reader_.Next(&text, &too_long)) {
    if (!too_long && IsBlank(text)) continue;
    *line = reader_.line_number();
    if (!started_ && !too_long && !First(&text, header_errors)) {
      if (!header_errors->empty()) return false;
      continue;
    }
    started_ = true;
    ++shipments_;
    if (raw != nullptr) {
      raw->clear();
      if (format_ == InputFormat::kCsv) *raw = csv_header_ + "\n";
      raw->append(text);
    }
    if (too_long) {
      s->Clear();
      s->errors.push_back(
          {"too_long", "",
           fmt::format("line {} is longer than {} bytes", *line, limits::line_bytes_max)});
      return true;
    }
    if (format_ == InputFormat::kCsv) {
      if (!io::SplitCsv(text, &cells_, &unquoted_, delimiter_)) {
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

void ReportNoShipments(const ShipmentStream& stream, const Input& in) {
  if (stream.shipments() > 0 || stream.read_error()) return;
  if (stream.lines_read() == 0) {
    std::fprintf(stderr, "highfence: %s is empty: no shipments to check\n", in.name.c_str());
  } else if (stream.csv()) {
    std::fprintf(stderr, "highfence: %s has a CSV header but no shipments\n", in.name.c_str());
  } else {
    std::fprintf(stderr, "highfence: %s holds only blank lines: no shipments\n", in.name.c_str());
  }
}

bool OpenInput(const CheckOptions& o, Input* in, std::string* flags_json) {
  if (!o.delimiter.empty()) in->delimiter = o.delimiter == "tab" ? '\t' : o.delimiter[0];
  if (o.flags.any()) {
    if (!o.input.empty()) {
      std::fprintf(stderr, "highfence: give either an input file or shipment flags, not both\n");
      return false;
    }
    *flags_json = ShipmentFlagsToJson(o.flags);
    in->file = fmemopen(flags_json->data(), flags_json->size(), "r");
    in->owned = true;
    in->name = "the shipment flags";
    in->format = InputFormat::kJsonl;
    return in->file != nullptr;
  }
  if (o.input.empty() || o.input == "-") {
    in->file = stdin;
    in->name = "standard input";
  } else {
    struct stat st {};
    if (::stat(o.input.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      std::fprintf(stderr,
                   "highfence: `%s` is a directory; give a shipments file (JSONL or CSV), "
                   "or - for standard input\n",
                   o.input.c_str());
      return false;
    }
    in->file = std::fopen(o.input.c_str(), "rb");
    if (in->file == nullptr) {
      std::fprintf(stderr, "highfence: cannot read `%s`: %s\n", o.input.c_str(),
                   std::strerror(errno));
      return false;
    }
    in->owned = true;
    in->name = fmt::format("`{}`", o.input);
    in->format = FormatOfName(o.input);
  }
  if (o.input_format == "csv") in->format = InputFormat::kCsv;
  if (o.input_format == "jsonl") in->format = InputFormat::kJsonl;
  return true;
}

}  // namespace highfence::cli
