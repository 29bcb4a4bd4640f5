// Every bound highfence puts on external input, in one place. Each is a
// constexpr *_max with the reason for its size. Exceeding one is an input error
// naming the field (or kLimitExceeded for whole inputs), never a crash.
#ifndef HIGHFENCE_BASE_LIMITS_H_
#define HIGHFENCE_BASE_LIMITS_H_

#include <cstdint>

namespace highfence::limits {

// One input line (JSONL or CSV). A shipment with a 64-part computer and long
// names fits in a few KiB; 64 KiB leaves room and bounds memory per line.
inline constexpr int64_t line_bytes_max = 64 * 1024;
// Shipment id, as the contract says: 1 to 128 characters (not bytes).
inline constexpr int64_t shipment_id_chars_max = 128;
// Party names: long legal names fit in 256 bytes.
inline constexpr int64_t party_name_bytes_max = 256;
// A party's stable id (consignee.id, consignee.parent_id): an LEI is 20
// characters, customer numbers are shorter; 128 bytes leaves room.
inline constexpr int64_t party_id_bytes_max = 128;
// Catalog ids are lowercase vendor-model strings.
inline constexpr int64_t catalog_id_bytes_max = 64;
// Units in one shipment line (contract.md section 2): HBM ships in millions of
// stacks, so a line may hold up to a billion units.
inline constexpr int64_t units_max = 1'000'000'000;
// Distinct entries in a computer's `contains` list (boards hold at most a few
// kinds of IC).
inline constexpr int64_t computer_parts_max = 64;
// Count of one IC kind in one computer or assembly (a rack holds hundreds).
inline constexpr int64_t part_count_max = 100'000;
// TPP of one IC: today's largest is about 60,000; ten million leaves headroom.
inline constexpr int64_t ic_tpp_max = 10'000'000;
// Die area of one IC in mm2: reticle limit is about 858 mm2 per die.
inline constexpr int64_t die_area_mm2_max = 100'000;
// Bandwidth figures in GB/s.
inline constexpr int64_t bandwidth_gbs_max = 100'000'000;
// HBM memory bandwidth density in GB/s per mm2.
inline constexpr int64_t hbm_density_max = 1'000'000;
// End-use tags on one shipment (six are defined).
inline constexpr int64_t end_use_tags_max = 16;
// Reasons and errors on one determination.
inline constexpr int64_t reasons_max = 64;

// TPP of one unit (a computer sums its ICs) and of a whole line. The largest
// cap in the law is 5,064,000,000 TPP (an NVEU's 2027 country cap). A line of
// a billion of today's largest ICs (about 6 x 10^13 TPP) must fit, and its
// total in thousandths must fit int64: 10^15 TPP does both.
inline constexpr int64_t unit_tpp_max = 10'000'000'000;
inline constexpr int64_t line_tpp_max = 1'000'000'000'000'000;

static_assert(ic_tpp_max * part_count_max <= unit_tpp_max * 100, "unit bound is checked");
static_assert(line_tpp_max * 1000 < INT64_MAX, "tpp_total in thousandths fits int64");

}  // namespace highfence::limits

#endif  // HIGHFENCE_BASE_LIMITS_H_
