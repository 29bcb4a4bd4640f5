#include "highfence/status.h"

namespace highfence {

std::string Status::ToString() const {
  if (ok()) return "ok";
  const char* name = "internal";
  switch (code()) {
    case Code::kOk:
      name = "ok";
      break;
    case Code::kInvalidArgument:
      name = "invalid argument";
      break;
    case Code::kNotFound:
      name = "not found";
      break;
    case Code::kConflict:
      name = "conflict";
      break;
    case Code::kLimitExceeded:
      name = "limit exceeded";
      break;
    case Code::kCorruption:
      name = "corruption";
      break;
    case Code::kIOError:
      name = "i/o error";
      break;
    case Code::kInternal:
      name = "internal";
      break;
  }
  return std::string(name) + ": " + std::string(message());
}

}  // namespace highfence
