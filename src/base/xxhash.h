// xxHash (Debian's libxxhash-dev), inlined: XXH3 is the fastest well-kept hash
// for short keys. GCC 12 reports false "used uninitialized" warnings inside its
// own AVX-512 intrinsics when xxHash's vector code is inlined at -O2 and
// above; they are silenced here, for this header only.
#ifndef HIGHFENCE_BASE_XXHASH_H_
#define HIGHFENCE_BASE_XXHASH_H_

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#if !defined(__clang__)  // GCC's own warning group; clang has none of that name
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#define XXH_INLINE_ALL
#include <xxhash.h>
#pragma GCC diagnostic pop

#endif  // HIGHFENCE_BASE_XXHASH_H_
