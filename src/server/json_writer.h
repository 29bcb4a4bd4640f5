// JsonWriter: appends JSON to a string with commas placed for the caller, for
// the API's answers. Strings go through io::AppendJsonString (the contract's
// escaping); amounts through Fixed::ToString (exact, at most three decimals).
//
//   JsonWriter w(&out);
//   w.BeginObject().Key("id").String("PO-1").Key("tpp").Fixed(f).EndObject();
//
// Thread safety: one writer per thread.
#ifndef HIGHFENCE_SERVER_JSON_WRITER_H_
#define HIGHFENCE_SERVER_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/fixed.h"

namespace highfence::server {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  JsonWriter& Fixed(highfence::Fixed v);
  JsonWriter& OptionalFixed(const std::optional<highfence::Fixed>& v);
  // `s` or null when empty.
  JsonWriter& StringOrNull(std::string_view s);
  // Text that is already JSON (a determination from io::AppendJson).
  JsonWriter& Raw(std::string_view json);

 private:
  void Comma();
  std::string* out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_JSON_WRITER_H_
