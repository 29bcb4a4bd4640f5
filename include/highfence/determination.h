// Determination: the outcome for one shipment (contract.md section 3), with the
// derivation that produced it.
//
// Reason texts live in one arena string owned by the Determination, so a
// determination can be cleared and refilled line after line without allocating.
// Rule ids and citations are views into the law data, which outlives every
// Determination made from it.
#ifndef HIGHFENCE_DETERMINATION_H_
#define HIGHFENCE_DETERMINATION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/date.h"
#include "highfence/fixed.h"
#include "highfence/mode.h"
#include "highfence/shipment.h"

namespace highfence {

// DO NOT CHANGE the wire names below (contract.md): tests outside the project
// compare them.
enum class Decision : uint8_t {
  kNotControlled,
  kNoLicenseRequired,
  kAuthorized,
  kLicenseRequired,
  kNeedsReview,
};
enum class Authorization : uint8_t {
  kNone,
  kAia,
  kLpp,
  kAca,
  kNac,
  kAcm,
  kHbm,
  kUveu,
  kNveu,
  kSpp,
};
enum class LicensePolicy : uint8_t {
  kNone,
  kPresumptionOfApproval,
  kCaseByCase,
  kPresumptionOfDenial,
  kPolicyOfDenial,
};
enum class Eccn : uint8_t { kNone, k3A090a, k3A090b, k3A090c, k4A090a, k4A090b, k4E091 };

std::string_view WireName(Decision d);
std::string_view WireName(Authorization a);
std::string_view WireName(LicensePolicy p);
std::string_view WireName(Eccn e);

// Transfer states (contract.md section 4).
enum class TransferState : uint8_t { kPending, kPosted, kVoided };
std::string_view WireName(TransferState s);

struct Debit {
  std::string account;  // allocation:CC, lpp:PARTY:YYYY, nveu:PARTY:CC, uveu:PARTY:CC, aia:PARTY
  Fixed tpp;
  TransferState state = TransferState::kPosted;
  std::optional<Fixed> cap;  // the account's cap on the shipment's date; none for counters
};

// One value of the law that a reason read (OpenFisca's trace): the parameter,
// its value as written in the law data, the date that value took effect and
// its citation. Owned by the law the engine loaded, which outlives every
// Determination made from it; determinations point at them.
struct ParamRead {
  std::string_view name;             // "us-2025-01.lpp_annual_cap_tpp"
  std::string_view value;            // "26900000"
  std::optional<Date> effective_on;  // none for a project default without a date
  std::string_view citation;         // e.g. "15 CFR 740.29(a), (d) and (h), as added by 90 FR 4544"
  std::string_view decision;         // "D7" for a project default, else empty
};

struct Reason {
  std::string_view rule;      // stable rule-step id, e.g. "auth.lpp"
  std::string_view citation;  // e.g. "15 CFR 740.29(b)"
  uint32_t text_offset = 0;   // into Determination::text_arena
  uint32_t text_size = 0;
  uint16_t params_offset = 0;  // into Determination::params
  uint16_t params_size = 0;
};

// An input default applied that can change the outcome (contract.md section 3,
// `assumed`; rules.md D28): the field and the value taken.
struct Assumption {
  std::string_view field;  // "consignee.hq", "from", "item.eccn", ...
  std::string value;
};

// What the other mode decides, when it decides differently (rules.md D27).
struct OtherMode {
  Mode mode = Mode::kAsWritten;
  Decision decision = Decision::kNeedsReview;
  Authorization authorization = Authorization::kNone;
  LicensePolicy license_policy = LicensePolicy::kNone;
};

struct DeterminationError {
  std::string code;
  std::string field;
  std::string message;
};

struct Determination {
  std::string id;
  std::string_view regime = "none";
  Mode mode = Mode::kAsEnforced;
  Eccn eccn = Eccn::kNone;
  std::optional<Fixed> tpp;
  std::optional<Fixed> tpp_total;
  std::optional<Fixed> performance_density;
  int tier = 0;  // 0 = null
  Decision decision = Decision::kNeedsReview;
  Authorization authorization = Authorization::kNone;
  LicensePolicy license_policy = LicensePolicy::kNone;
  std::vector<std::string_view> notices;  // codes; views into static storage
  std::vector<Debit> debits;
  std::vector<Reason> reasons;
  std::vector<DeterminationError> errors;
  std::vector<Assumption> assumed;
  std::optional<OtherMode> other_mode;
  // The shipment's party screening, when its parties were screened (the
  // output's `screening`: the list snapshot's hash and the hits).
  std::shared_ptr<const PartyScreening> screening;
  std::string text_arena;
  std::vector<const ParamRead*> params;  // what the reasons read, reason by reason
  // Set (and kept by Clear) for a determination whose outcome alone is read,
  // such as the other mode's (D27): reasons keep their rule and citation but
  // get no text and record no reads, which halves its cost.
  bool outcome_only = false;

  void Clear();
  std::string_view ReasonText(const Reason& r) const {
    return std::string_view(text_arena).substr(r.text_offset, r.text_size);
  }
  // The law values `r` read, in the order it read them.
  std::span<const ParamRead* const> ReasonParams(const Reason& r) const {
    return std::span<const ParamRead* const>(params).subspan(r.params_offset, r.params_size);
  }
  // Appends a reason whose text is `text`.
  void AddReason(std::string_view rule, std::string_view citation, std::string_view text);
  void AddNotice(std::string_view code);
  void Assume(std::string_view field, std::string_view value);  // once per field
  bool HasNotice(std::string_view code) const;
};

}  // namespace highfence

#endif  // HIGHFENCE_DETERMINATION_H_
