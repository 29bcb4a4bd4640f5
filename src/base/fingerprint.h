// ShipmentFingerprint: what a shipment says, as 32 hex digits (contract.md
// section 6). It is computed from the parsed fields with the contract's
// defaults applied, so formatting (key order, spacing, JSON or CSV, a default
// written out or left implicit) does not change it, and a change of any field
// does. The ledger stores it with a shipment's draws to tell a retry (same
// fingerprint) from a reused id (another one).
#ifndef HIGHFENCE_BASE_FINGERPRINT_H_
#define HIGHFENCE_BASE_FINGERPRINT_H_

#include <string>

#include "highfence/shipment.h"

namespace highfence {

// REQUIRES: `s` parsed without errors.
std::string ShipmentFingerprint(const Shipment& s);

}  // namespace highfence

#endif  // HIGHFENCE_BASE_FINGERPRINT_H_
