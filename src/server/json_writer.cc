#include "server/json_writer.h"

#include <fmt/format.h>

#include "io/determination_writer.h"

namespace highfence::server {

void JsonWriter::Comma() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_->push_back(',');
  first_.back() = false;
}

JsonWriter& JsonWriter::BeginObject() {
  Comma();
  out_->push_back('{');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  out_->push_back('}');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Comma();
  out_->push_back('[');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  out_->push_back(']');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  Comma();
  io::AppendJsonString(key, out_);
  out_->push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Comma();
  io::AppendJsonString(s, out_);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t v) {
  Comma();
  fmt::format_to(std::back_inserter(*out_), "{}", v);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool v) {
  Comma();
  out_->append(v ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Comma();
  out_->append("null");
  return *this;
}

JsonWriter& JsonWriter::Fixed(highfence::Fixed v) {
  Comma();
  out_->append(v.ToString());
  return *this;
}

JsonWriter& JsonWriter::OptionalFixed(const std::optional<highfence::Fixed>& v) {
  return v ? Fixed(*v) : Null();
}

JsonWriter& JsonWriter::StringOrNull(std::string_view s) { return s.empty() ? Null() : String(s); }

JsonWriter& JsonWriter::Raw(std::string_view json) {
  Comma();
  out_->append(json);
  return *this;
}

}  // namespace highfence::server
