#include "decisions/decision_export.h"

#include <fmt/format.h>

#include "io/determination_writer.h"

namespace highfence::decisions {
namespace {

std::string CsvCell(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

void AppendDecisionJson(const DecisionRecord& r, std::string* out) {
  bool first = true;
  auto field = [out, &first](std::string_view key, std::string_view value) {
    out->append(first ? "{\"" : ",\"").append(key).append("\":");
    first = false;
    io::AppendJsonString(value, out);
  };
  field("decision_id", r.decision_id);
  field("recorded_at", IsoTime(r.recorded_ns));
  field("key_id", r.key_id);
  field("shipment_id", r.shipment_id);
  field("party", r.party);
  field("decision", r.decision);
  field("input", r.input);
  field("input_sha256", r.input_sha256);
  field("law_hash", r.law_hash);
  field("law_reviewed_on", r.law_reviewed_on);
  field("mode", r.mode);
  field("regime", r.regime);
  fmt::format_to(std::back_inserter(*out), ",\"dry_run\":{},\"determination\":{},\"seq\":{}",
                 r.dry_run, r.determination, r.seq);
  field("prev_hash", r.prev_hash);
  field("hash", r.hash);
  out->push_back('}');
}

void AppendDecisionCsv(const DecisionRecord& r, std::string* out) {
  fmt::format_to(std::back_inserter(*out), "{},{},{},{},{},{},{},{},{},{},{},{}\n", r.decision_id,
                 IsoTime(r.recorded_ns), r.key_id, CsvCell(r.shipment_id), CsvCell(r.party),
                 r.decision, r.mode, r.regime, r.law_hash, r.law_reviewed_on, r.input_sha256,
                 r.dry_run ? "true" : "false");
}

}  // namespace highfence::decisions
