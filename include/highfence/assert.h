// HF_ASSERT: a programmer error. On in every build; aborts with the location.
// It never fires on input: bad input is an error value, not an assertion.
#ifndef HIGHFENCE_ASSERT_H_
#define HIGHFENCE_ASSERT_H_

namespace highfence::detail {
[[noreturn]] void AssertFail(const char* expr, const char* file, int line);
}  // namespace highfence::detail

#define HF_ASSERT(cond) \
  ((cond) ? static_cast<void>(0) : ::highfence::detail::AssertFail(#cond, __FILE__, __LINE__))

#endif  // HIGHFENCE_ASSERT_H_
