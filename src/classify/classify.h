// Classification: an item's TPP, performance density and ECCN under the regime
// of a Snapshot, with the arithmetic written into the determination's reasons.
//
// Classification never decides a licence question; it states what the item is.
// A missing figure that the class depends on (rules.md D19) marks the result
// `missing_figure` and adds an error naming the field.
#ifndef HIGHFENCE_CLASSIFY_CLASSIFY_H_
#define HIGHFENCE_CLASSIFY_CLASSIFY_H_

#include <optional>

#include "highfence/determination.h"
#include "highfence/fixed.h"
#include "highfence/shipment.h"
#include "law/snapshot.h"

namespace highfence::classify {

struct Classification {
  Eccn eccn = Eccn::kNone;
  std::optional<Fixed> tpp;                  // one unit (a computer: summed)
  std::optional<Fixed> performance_density;  // an IC only
  bool missing_figure = false;               // D19: needs_review
  // Licence-exception facts.
  bool nac_eligible = false;   // 740.8: not a datacenter-designed 3A090.a item
  bool gp10 = false;           // contains an IC named in the GP10 guidance (D16)
  bool hbm_exception = false;  // 740.25: density below the HBM exception limit
  // 2026 China band facts: every IC under both limits; bandwidth known for all.
  bool band_tpp_ok = true;
  bool band_dram_ok = true;
  bool band_dram_missing = false;

  bool a_level() const { return eccn == Eccn::k3A090a || eccn == Eccn::k4A090a; }
  bool b_level() const { return eccn == Eccn::k3A090b || eccn == Eccn::k4A090b; }
  bool controlled() const { return eccn != Eccn::kNone; }
};

// Classifies `s.item` under `law`, appending reasons (and, for a missing
// figure, an error) to `d`. REQUIRES: `s` parsed without errors.
Classification Classify(const Shipment& s, const law::Snapshot& law, Determination* d);

}  // namespace highfence::classify

#endif  // HIGHFENCE_CLASSIFY_CLASSIFY_H_
