// Bounds on screening input, each with the reason for its size. Exceeding one is
// an error naming the field or record, never a crash. (They belong beside the
// other bounds in base/limits.h once the layers settle.)
#ifndef HIGHFENCE_SCREEN_LIMITS_H_
#define HIGHFENCE_SCREEN_LIMITS_H_

#include <cstddef>

namespace highfence::screen::limits {

// One list file. The 2026 CSL is 3.4 MB compact, about 16 MB as CSV; 512 MiB
// is far past any published form.
inline constexpr size_t snapshot_bytes_max = 512u << 20;
// Rows in one snapshot (the 2026 CSL has 25,921).
inline constexpr size_t entries_max = 2'000'000;
// Alternative names of one row (the longest SDN row has about a hundred).
inline constexpr size_t alt_names_max = 4096;
// One name, as the list or a caller writes it. The longest list name is about
// 300 bytes; a name past 1 KiB is not a name.
inline constexpr size_t name_bytes_max = 1024;
// Words of one normalised name considered for matching.
inline constexpr size_t name_words_max = 48;
// Fields in one CSV record (the CSL has 29) and bytes in one record.
inline constexpr size_t csv_fields_max = 256;
inline constexpr size_t csv_record_bytes_max = 4u << 20;
// Names in one batch line / one batch call to the library.
inline constexpr size_t batch_names_max = 10'000'000;

}  // namespace highfence::screen::limits

#endif  // HIGHFENCE_SCREEN_LIMITS_H_
