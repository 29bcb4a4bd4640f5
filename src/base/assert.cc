#include "highfence/assert.h"

#include <cstdio>
#include <cstdlib>

namespace highfence::detail {

void AssertFail(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "highfence: assertion failed: %s (%s:%d)\n", expr, file, line);
  std::abort();
}

}  // namespace highfence::detail
