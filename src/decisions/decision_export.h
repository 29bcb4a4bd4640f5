// The decision log's export formats, shared by the API
// (GET /v1/decisions/export, /v1/decisions/{id}) and `highfence decisions`:
// a whole record as one JSON object, and a summary row as CSV.
#ifndef HIGHFENCE_DECISIONS_DECISION_EXPORT_H_
#define HIGHFENCE_DECISIONS_DECISION_EXPORT_H_

#include <string>

#include "decisions/decision_record.h"

namespace highfence::decisions {

inline constexpr char kDecisionCsvHeader[] =
    "decision_id,recorded_at,key_id,shipment_id,party,decision,mode,regime,law_hash,"
    "law_reviewed_on,input_sha256,dry_run\n";

// {decision_id, recorded_at, key_id, shipment_id, party, decision, input,
//  input_sha256, law_hash, law_reviewed_on, mode, regime, dry_run,
//  determination (the object), seq, prev_hash, hash}; no newline.
void AppendDecisionJson(const DecisionRecord& r, std::string* out);
// One CSV row (RFC 4180 quoting) and a newline, the columns of kDecisionCsvHeader.
void AppendDecisionCsv(const DecisionRecord& r, std::string* out);

}  // namespace highfence::decisions

#endif  // HIGHFENCE_DECISIONS_DECISION_EXPORT_H_
