#include "server/body_split.h"

#include <fmt/format.h>

namespace highfence::server {
namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Status TooMany(int64_t max) {
  return Status::LimitExceeded(fmt::format("the body holds more than {} shipments", max));
}

}  // namespace

std::string_view TrimJsonSpace(std::string_view s) {
  while (!s.empty() && IsJsonSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsJsonSpace(s.back())) s.remove_suffix(1);
  return s;
}

Status SplitJsonArray(std::string_view body, int64_t elements_max,
                      std::vector<std::string_view>* out) {
  out->clear();
  body = TrimJsonSpace(body);
  if (body.size() < 2 || body.front() != '[' || body.back() != ']') {
    return Status::InvalidArgument("the body is not a JSON array");
  }
  std::string_view inner = body.substr(1, body.size() - 2);
  int64_t depth = 0;
  bool in_string = false, escaped = false;
  size_t start = 0;
  for (size_t i = 0; i < inner.size(); ++i) {
    char c = inner[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') {
      if (--depth < 0) return Status::InvalidArgument("the JSON array has an unmatched bracket");
    }
    if (c == ',' && depth == 0) {
      if (static_cast<int64_t>(out->size()) >= elements_max) return TooMany(elements_max);
      out->push_back(TrimJsonSpace(inner.substr(start, i - start)));
      start = i + 1;
    }
  }
  if (in_string || depth != 0) return Status::InvalidArgument("the JSON array is not closed");
  std::string_view last = TrimJsonSpace(inner.substr(start));
  if (!last.empty() || !out->empty()) {
    if (static_cast<int64_t>(out->size()) >= elements_max) return TooMany(elements_max);
    out->push_back(last);
  }
  return Status::Ok();
}

Status SplitJsonLines(std::string_view body, int64_t lines_max,
                      std::vector<std::string_view>* out) {
  out->clear();
  while (!body.empty()) {
    size_t nl = body.find('\n');
    std::string_view line = TrimJsonSpace(body.substr(0, nl));
    body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
    if (line.empty()) continue;
    if (static_cast<int64_t>(out->size()) >= lines_max) return TooMany(lines_max);
    out->push_back(line);
  }
  return Status::Ok();
}

}  // namespace highfence::server
