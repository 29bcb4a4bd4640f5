// One authorization tried under the AI Diffusion rule: whether it covers the
// shipment, what it would draw and the notices it would owe. The chooser
// (authorizations.cc) picks the first eligible in contract order. Internal to
// src/determine.
#ifndef HIGHFENCE_DETERMINE_CANDIDATE_H_
#define HIGHFENCE_DETERMINE_CANDIDATE_H_

#include <array>
#include <string_view>
#include <vector>

#include "determine/context.h"

namespace highfence::determine {

struct Candidate {
  explicit Candidate(Authorization a) : auth(a) {}
  Authorization auth = Authorization::kNone;
  bool eligible = false;
  bool needs_account = false;  // D17: needs the consignee's name
  std::vector<Debit> debits;
  std::array<std::string_view, 4> notices{};

  void AddNotice(std::string_view code) {
    for (std::string_view& n : notices) {
      if (n.empty()) {
        n = code;
        return;
      }
    }
    HF_ASSERT(false && "a candidate owes at most four notices");
  }
};

// veu.cc
Candidate TryUveu(Context& x);
Candidate TryNveu(Context& x);

}  // namespace highfence::determine

#endif  // HIGHFENCE_DETERMINE_CANDIDATE_H_
