#include "screen/csv_reader.h"

#include <fmt/format.h>

#include "screen/limits.h"

namespace highfence::screen {

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte-order mark
}

bool CsvReader::Next(std::vector<std::string>* fields, Status* status) {
  fields->clear();
  *status = Status::Ok();
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  const size_t begin = pos_;
  std::string field;
  bool quoted = false, after_quote = false;
  auto fail = [&](std::string_view why) {
    *status = Status::InvalidArgument(fmt::format("line {}: {}", record_line_, why));
    pos_ = text_.size();
    return false;
  };
  while (pos_ < text_.size()) {
    const char ch = text_[pos_++];
    if (pos_ - begin > limits::csv_record_bytes_max) return fail("record too long");
    if (ch == '\n') ++line_;
    if (quoted) {
      if (ch != '"') {
        field.push_back(ch);
      } else if (pos_ < text_.size() && text_[pos_] == '"') {
        field.push_back('"');
        ++pos_;
      } else {
        quoted = false;
        after_quote = true;
      }
      continue;
    }
    if (ch == ',' || ch == '\n' || ch == '\r') {
      if (fields->size() >= limits::csv_fields_max) return fail("too many fields");
      fields->push_back(std::move(field));
      field.clear();
      after_quote = false;
      if (ch == ',') continue;
      if (ch == '\r' && pos_ < text_.size() && text_[pos_] == '\n') {
        ++pos_;
        ++line_;
      }
      return true;
    }
    if (after_quote) return fail("text after a closing quote");
    if (ch == '"' && field.empty()) {
      quoted = true;
    } else {
      field.push_back(ch);
    }
  }
  if (quoted) return fail("a quoted field is not closed");
  fields->push_back(std::move(field));
  return true;
}

}  // namespace highfence::screen
