// Status and Result<T>: how highfence reports operating errors without exceptions.
//
// A Status is OK or carries a code from a small closed set and a message. An OK
// Status holds no allocation. Result<T> holds either a value or a non-OK Status,
// with the shape of std::expected<T, Status> so it can become one under C++23.
//
// Thread safety: distinct objects may be used from distinct threads; a const
// object may be shared.
#ifndef HIGHFENCE_STATUS_H_
#define HIGHFENCE_STATUS_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "highfence/assert.h"

namespace highfence {

class [[nodiscard]] Status {
 public:
  // DO NOT CHANGE THESE VALUES: they are printed and compared by tools.
  enum class Code : int {
    kOk = 0,
    kInvalidArgument = 1,
    kNotFound = 2,
    kConflict = 3,
    kLimitExceeded = 4,
    kCorruption = 5,
    kIOError = 6,
    kInternal = 7,
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view msg) { return {Code::kInvalidArgument, msg}; }
  static Status NotFound(std::string_view msg) { return {Code::kNotFound, msg}; }
  static Status Conflict(std::string_view msg) { return {Code::kConflict, msg}; }
  static Status LimitExceeded(std::string_view msg) { return {Code::kLimitExceeded, msg}; }
  static Status Corruption(std::string_view msg) { return {Code::kCorruption, msg}; }
  static Status IOError(std::string_view msg) { return {Code::kIOError, msg}; }
  static Status Internal(std::string_view msg) { return {Code::kInternal, msg}; }

  bool ok() const { return state_ == nullptr; }
  Code code() const { return state_ ? state_->code : Code::kOk; }
  std::string_view message() const { return state_ ? std::string_view(state_->message) : ""; }
  std::string ToString() const;

 private:
  struct State {
    Code code;
    std::string message;
  };
  Status(Code code, std::string_view msg)
      : state_(std::make_shared<const State>(State{code, std::string(msg)})) {}
  std::shared_ptr<const State> state_;  // null when OK
};

// Result<T>: a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    HF_ASSERT(!std::get<Status>(v_).ok());
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & {
    HF_ASSERT(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    HF_ASSERT(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    HF_ASSERT(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

// Returns from the enclosing function when `expr` (a Status) is not OK.
#define HF_RETURN_IF_ERROR(expr)        \
  do {                                  \
    ::highfence::Status hf_s_ = (expr); \
    if (!hf_s_.ok()) return hf_s_;      \
  } while (0)

}  // namespace highfence

#endif  // HIGHFENCE_STATUS_H_
