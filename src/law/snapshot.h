// Law and Snapshot: the law resolved for one date, mode and regime choice.
//
// A Snapshot holds every value the decision procedure reads, typed and with its
// citation, and a flat per-country table of group bits. Its parameter fields
// are the rows of params.h, named by their TOML keys. The law changes only on
// a few dozen dates, so Law precomputes one Snapshot per interval between
// change dates (per mode and regime choice); looking one up is a binary search
// over those dates. Snapshots are immutable and shared by all threads.
#ifndef HIGHFENCE_LAW_SNAPSHOT_H_
#define HIGHFENCE_LAW_SNAPSHOT_H_

#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/cited.h"
#include "highfence/country.h"
#include "highfence/date.h"
#include "highfence/determination.h"
#include "highfence/fixed.h"
#include "highfence/mode.h"
#include "highfence/status.h"
#include "law/law_data.h"
#include "law/params.h"

namespace highfence::law {

// Country group bits in Snapshot::groups.
enum GroupBit : uint16_t {
  kA5 = 1 << 0,
  kA6 = 1 << 1,
  kD1 = 1 << 2,
  kD4 = 1 << 3,
  kD5 = 1 << 4,
  kE1 = 1 << 5,
  kE2 = 1 << 6,
  kTier1 = 1 << 7,      // Supp. No. 5 to part 740, paragraph (a)
  kSupp5b = 1 << 8,     // Supp. No. 5 to part 740, paragraph (b)
  kMacauOrD5 = 1 << 9,  // "Macau or a destination specified in Country Group D:5"
  kDest2022 = 1 << 10,  // the 2022 rule's licence destinations
  kDest2023 = 1 << 11,  // D:1, D:4, D:5 not also A:5/A:6, plus Macau (and the UAE from 2026-07-10)
  kBandDest = 1 << 12,  // destinations of the 2026 China licence-review band
  kUaeDest = 1 << 13,   // the UAE rule's destinations
};

// The step citations of the law's files (params.h, HF_LAW_CITATIONS), by key.
// They do not change with the date, so one object serves every snapshot.
struct Citations {
#define HF_CITATION_FIELD(rule, key) std::string_view key;
  HF_LAW_CITATIONS(HF_CITATION_FIELD)
#undef HF_CITATION_FIELD
};

struct Snapshot {
  uint32_t index = 0;  // unique among one Law's snapshots, 0 .. Law::snapshot_count() - 1
  Date from, until;    // the interval this snapshot covers, both inclusive
  Mode mode = Mode::kAsWritten;
  RegimeId regime = RegimeId::kNone;
  bool forced = false;  // chosen with --regime
  std::string_view regime_citation;
  std::string_view regime_title;
  std::array<uint16_t, CountryCode::kSlots> groups{};
  const Citations* cite = nullptr;  // never null in a built snapshot

  // Every parameter of params.h, by its key, as in force on this interval.
#define HF_PARAM_FIELD(rule, key, unit, type, bounds) Cited<type> key;
  HF_LAW_PARAMS(HF_PARAM_FIELD)
#undef HF_PARAM_FIELD

  // When rule files take effect, read like parameters ("us-2022-10.effective_on").
  Cited<Date> us_2022_10_effective_on, us_2023_11_effective_on, us_2025_01_effective_on;
  Cited<Date> non_enforcement_on, china_band_on, uae_on;
  RegimeId transition_regime_id = RegimeId::kUs2023;  // transition_regime, parsed

  // Facts derived from the values above for this interval.
  bool nac_aca_split = false;   // NAC/ACA split in force (us-2023-11 from its date, us-2025-01)
  bool hbm_controlled = false;  // 3A090.c exists
  bool hq_rule = false;         // 744.23(a)(3) applies (from hq_rule_on, or forced 2023+)
  bool model_weights_codified = false;  // 4E091 exists in the CFR on this date
  bool storage_certification_required = false;
  bool non_enforced = false;  // as_enforced, on or after the non-enforcement, not enforced
  bool gp10 = false;
  bool is_informed = false;
  bool china_band = false;
  bool uae_change = false;

  uint16_t Groups(CountryCode c) const { return groups[static_cast<size_t>(c.index())]; }
  bool In(CountryCode c, uint16_t bits) const { return (Groups(c) & bits) != 0; }
  // Tier under the AI Diffusion rule: 1, 2 or 3.
  int Tier(CountryCode c) const {
    if (In(c, kMacauOrD5)) return 3;
    return In(c, kTier1) ? 1 : 2;
  }
};

class Law {
 public:
  // Checks the law (CheckLaw: every problem listed) and builds every snapshot.
  // No law data that fails the checks reaches the decision procedure.
  static Result<std::unique_ptr<Law>> Create(LawData data);

  // The snapshot for `on`. REQUIRES: 1900 <= on.year() <= 2199.
  const Snapshot& At(Date on, const RegimeChoice& choice) const;
  const LawData& data() const { return data_; }
  // The dates on which some part of the law changes, ascending.
  const std::vector<Date>& change_dates() const { return boundaries_; }
  size_t snapshot_count() const { return snapshot_count_; }

 private:
  Law() = default;
  Status Build();
  void BuildReads();
  Result<Snapshot> BuildSnapshot(const RegimeChoice& choice, size_t segment) const;
  Cited<Date> Effective(std::string_view rule) const;
  static size_t ChoiceIndex(const RegimeChoice& c);

  LawData data_;
  Citations citations_;
  // One ParamRead per dated value of every parameter and per rule file's
  // effective_on; the strings they view. Deques keep their addresses.
  std::deque<ParamRead> reads_;
  std::deque<std::string> read_texts_;
  std::unordered_map<const DatedValue*, const ParamRead*> value_reads_;
  std::unordered_map<std::string, const ParamRead*> effective_reads_;  // by rule id
  std::vector<Date> boundaries_;  // snapshot i covers [boundaries_[i-1], boundaries_[i])
  // [choice][segment]; choice = mode x {by date, forced 2022, 2023, 2025, none}
  std::vector<std::vector<Snapshot>> snapshots_;
  size_t snapshot_count_ = 0;
};

}  // namespace highfence::law

#endif  // HIGHFENCE_LAW_SNAPSHOT_H_
