// The value types of the public ledger interface (highfence/ledger.h).
#include "highfence/ledger.h"

#include "highfence/assert.h"

namespace highfence {

std::string_view WireName(RecordOutcome o) {
  switch (o) {
    case RecordOutcome::kOk:
      return "ok";
    case RecordOutcome::kExists:
      return "exists";
    case RecordOutcome::kIdMismatch:
      return "id_mismatch";
    case RecordOutcome::kCapExceeded:
      return "cap_exceeded";
    case RecordOutcome::kOverflow:
      return "overflow";
    case RecordOutcome::kUnavailable:
      return "unavailable";
    case RecordOutcome::kInvalid:
      return "invalid";
  }
  HF_ASSERT(false);
}

RecordResult RecordResult::Done(RecordOutcome outcome) {
  HF_ASSERT(outcome == RecordOutcome::kOk || outcome == RecordOutcome::kExists);
  RecordResult r;
  r.outcome_ = outcome;
  return r;
}

RecordResult RecordResult::Refused(RecordOutcome outcome, Status why) {
  HF_ASSERT(outcome != RecordOutcome::kOk);
  HF_ASSERT(outcome != RecordOutcome::kExists);
  HF_ASSERT(!why.ok());
  RecordResult r;
  r.outcome_ = outcome;
  r.status_ = std::move(why);
  return r;
}

std::string RecordResult::ToString() const {
  std::string out(WireName(outcome_));
  if (!status_.ok()) out += ": " + status_.ToString();
  return out;
}

}  // namespace highfence
