// What the simulator reads from the law, through this one adapter.
//
// The simulator never holds a copy of a legal figure: the control rounds'
// dates, the Tier 2 allocation, the VEU limits, the TPP thresholds and the
// country tiers by date all come from the same law data the determinations
// use (law/*.toml), here. When the law layer's internals change, only
// law_inputs.cc needs adapting.
//
// Facts have names of the simulator's own choosing ("hbm_rule",
// "tier2_allocation_h100e"), so scenario files can refer to them
// (`on = "law:hbm_rule"`) whatever the law files are called.
//
// Thread safety: immutable after FromLaw; share freely.
#ifndef HIGHFENCE_SIMULATE_LAW_INPUTS_H_
#define HIGHFENCE_SIMULATE_LAW_INPUTS_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/date.h"
#include "highfence/status.h"
#include "law/snapshot.h"
#include "simulate/quarters.h"

namespace highfence::simulate {

// TPP of one H100e: the H100 SXM's 1,979 dense 8-bit TOPS x 8 bits. Epoch's
// H100e is a chip's 8-bit TOPS / 1,979, so H100e = TPP / 15,832 for a chip
// whose TPP comes from its 8-bit rate.
inline constexpr double kTppPerH100e = 15832.0;

// The Tier 2 countries the model follows one by one (research notes 4.1);
// every other Tier 2 country is in the aggregate "rest". Tiers are the law's.
inline constexpr int kTier2Slots = 6;
inline constexpr std::array<std::string_view, kTier2Slots> kTier2Codes = {"AE", "SA", "MY",
                                                                          "SG", "IN", ""};
inline constexpr int kRestSlot = 5;

struct LawFact {
  std::string name;
  std::optional<Date> date;  // a date fact
  double value = 0;          // a number fact (TPP, H100e, percent)
  std::string unit;          // "date", "tpp", "h100e", "percent"
  std::string citation;
};

class LawInputs {
 public:
  static Result<LawInputs> FromLaw(const law::Law& law);

  // The fact called `name`, or nullptr.
  const LawFact* Fact(std::string_view name) const;
  const std::vector<LawFact>& facts() const { return facts_; }

  // The tier (1, 2, 3) of a followed Tier 2 slot in quarter q (its first day).
  int Tier(int slot, int q) const { return tier_[slot][q]; }
  // Whether the slot has government-to-government assurances (Supp. No. 5 (b)).
  bool G2g(int slot, int q) const { return g2g_[slot][q]; }
  // Tier 2 countries in the aggregate "rest" in quarter q.
  int RestCount(int q) const { return rest_count_[q]; }
  // The Data Center NVEU's installed-base cap per country, in H100e, in force
  // on quarter q's first day (0 before the AI Diffusion rule's table starts).
  double NveuCapH100e(int q) const { return nveu_cap_h100e_[q]; }
  const std::string& content_hash() const { return content_hash_; }

 private:
  std::vector<LawFact> facts_;
  std::array<std::array<int, kQuarters>, kTier2Slots> tier_{};
  std::array<std::array<bool, kQuarters>, kTier2Slots> g2g_{};
  std::array<int, kQuarters> rest_count_{};
  std::array<double, kQuarters> nveu_cap_h100e_{};
  std::string content_hash_;
};

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_LAW_INPUTS_H_
