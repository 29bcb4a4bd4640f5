#include "io/determination_writer.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <cstring>

#include "io/table_writer.h"

namespace highfence::io {

using std::string_view_literals::operator""sv;

namespace {

void AppendFixedOrNull(const std::optional<Fixed>& v, std::string* out) {
  if (v)
    v->AppendTo(out);
  else
    out->append("null"sv);
}

void AppendNameOrNull(std::string_view name, std::string* out) {
  if (name.empty()) {
    out->append("null"sv);
  } else {
    out->push_back('"');
    out->append(name);  // wire names need no escaping
    out->push_back('"');
  }
}

void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

}  // namespace

namespace {

// True when any of the 8 bytes of `w` needs escaping in JSON: a control byte
// (< 0x20), '"' or '\\'. Classic SWAR tests, 8 bytes per step, because reason
// texts are most of the output and rarely need any escape.
inline bool NeedsEscape8(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  uint64_t ctrl = (w - kOnes * 0x20) & ~w & kHigh;
  uint64_t q = w ^ (kOnes * '"');
  uint64_t bs = w ^ (kOnes * '\\');
  uint64_t quote = (q - kOnes) & ~q & kHigh;
  uint64_t slash = (bs - kOnes) & ~bs & kHigh;
  return (ctrl | quote | slash) != 0;
}

void AppendEscaped(std::string_view s, size_t from, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t run = from;
  for (size_t i = from; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out->append("\\\""sv);
        break;
      case '\\':
        out->append("\\\\"sv);
        break;
      case '\n':
        out->append("\\n"sv);
        break;
      case '\r':
        out->append("\\r"sv);
        break;
      case '\t':
        out->append("\\t"sv);
        break;
      default:
        out->append("\\u00"sv);
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (NeedsEscape8(w)) break;
  }
  if (i + 8 > s.size()) {
    for (; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == '"' || c == '\\') break;
    }
  }
  if (i == s.size()) {
    out->append(s);
  } else {
    out->append(s.data(), i);
    AppendEscaped(s, i, out);
  }
  out->push_back('"');
}

namespace {

void AppendStringOrNull(std::string_view s, std::string* out) {
  if (s.empty()) {
    out->append("null"sv);
  } else {
    AppendJsonString(s, out);
  }
}

// `"screening":{"snapshot","hits":[...]}`: present only when the parties were
// screened (docs/formats.md).
void AppendScreening(const PartyScreening& sc, std::string* out) {
  out->append(",\"screening\":{\"snapshot\":"sv);
  AppendJsonString(sc.snapshot, out);
  out->append(",\"hits\":["sv);
  for (size_t i = 0; i < sc.hits.size(); ++i) {
    const PartyListHit& h = sc.hits[i];
    if (i) out->push_back(',');
    out->append("{\"party\":\""sv);
    out->append(WireName(h.role));
    out->append("\",\"list\":"sv);
    AppendJsonString(h.list, out);
    out->append(",\"entity_number\":"sv);
    AppendStringOrNull(h.entity_number, out);
    out->append(",\"name\":"sv);
    AppendJsonString(h.name, out);
    out->append(",\"matched_name\":"sv);
    AppendJsonString(h.matched_name, out);
    out->append(",\"score\":"sv);
    h.score.AppendTo(out);
    out->append(",\"band\":\""sv);
    out->append(h.match ? "match"sv : "review"sv);
    out->append("\",\"license_policy\":"sv);
    AppendStringOrNull(h.license_policy, out);
    out->append(",\"federal_register_notice\":"sv);
    AppendStringOrNull(h.federal_register_notice, out);
    out->append(",\"row\":"sv);
    AppendInt(h.row, out);
    out->push_back('}');
  }
  out->append("]}"sv);
}

}  // namespace

void AppendJson(const Determination& d, int64_t line, std::string* out) {
  out->append("{\"id\":"sv);
  AppendJsonString(d.id, out);
  out->append(",\"regime\":\""sv);
  out->append(d.regime);
  out->append("\",\"mode\":\""sv);
  out->append(WireName(d.mode));
  out->append("\",\"eccn\":"sv);
  AppendNameOrNull(WireName(d.eccn), out);
  out->append(",\"tpp\":"sv);
  AppendFixedOrNull(d.tpp, out);
  out->append(",\"tpp_total\":"sv);
  AppendFixedOrNull(d.tpp_total, out);
  out->append(",\"performance_density\":"sv);
  AppendFixedOrNull(d.performance_density, out);
  out->append(",\"tier\":"sv);
  if (d.tier == 0)
    out->append("null"sv);
  else
    AppendInt(d.tier, out);
  out->append(",\"decision\":\""sv);
  out->append(WireName(d.decision));
  out->append("\",\"authorization\":"sv);
  AppendNameOrNull(WireName(d.authorization), out);
  out->append(",\"license_policy\":"sv);
  AppendNameOrNull(WireName(d.license_policy), out);
  out->append(",\"notices\":["sv);
  for (size_t i = 0; i < d.notices.size(); ++i) {
    if (i) out->push_back(',');
    AppendNameOrNull(d.notices[i], out);
  }
  out->append("],\"debits\":["sv);
  for (size_t i = 0; i < d.debits.size(); ++i) {
    if (i) out->push_back(',');
    out->append("{\"account\":"sv);
    AppendJsonString(d.debits[i].account, out);
    out->append(",\"tpp\":"sv);
    d.debits[i].tpp.AppendTo(out);
    out->append(",\"state\":\""sv);
    out->append(WireName(d.debits[i].state));
    out->append("\"}"sv);
  }
  out->append("],\"reasons\":["sv);
  for (size_t i = 0; i < d.reasons.size(); ++i) {
    const Reason& r = d.reasons[i];
    if (i) out->push_back(',');
    out->append("{\"rule\":\""sv);
    out->append(r.rule);
    out->append("\",\"citation\":"sv);
    AppendJsonString(r.citation, out);
    out->append(",\"text\":"sv);
    AppendJsonString(d.ReasonText(r), out);
    out->push_back('}');
  }
  out->append("],\"errors\":["sv);
  for (size_t i = 0; i < d.errors.size(); ++i) {
    const DeterminationError& e = d.errors[i];
    if (i) out->push_back(',');
    out->append("{\"code\":"sv);
    AppendJsonString(e.code, out);
    out->append(",\"field\":"sv);
    AppendJsonString(e.field, out);
    out->append(",\"message\":"sv);
    AppendJsonString(e.message, out);
    out->push_back('}');
  }
  out->append("],\"assumed\":["sv);
  for (size_t i = 0; i < d.assumed.size(); ++i) {
    if (i) out->push_back(',');
    out->append("{\"field\":\""sv);
    out->append(d.assumed[i].field);
    out->append("\",\"value\":"sv);
    AppendJsonString(d.assumed[i].value, out);
    out->push_back('}');
  }
  out->push_back(']');
  if (d.other_mode) {
    const OtherMode& o = *d.other_mode;
    out->append(",\"other_mode\":{\"mode\":\""sv);
    out->append(WireName(o.mode));
    out->append("\",\"decision\":\""sv);
    out->append(WireName(o.decision));
    out->append("\",\"authorization\":"sv);
    AppendNameOrNull(WireName(o.authorization), out);
    out->append(",\"license_policy\":"sv);
    AppendNameOrNull(WireName(o.license_policy), out);
    out->push_back('}');
  }
  if (d.screening) AppendScreening(*d.screening, out);
  if (d.decision == Decision::kNeedsReview && line > 0) {
    out->append(",\"line\":"sv);
    AppendInt(line, out);
  }
  out->append("}\n"sv);
}

// --- CSV -------------------------------------------------------------------------

void AppendCsvCell(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvHeader(std::string* out) {
  out->append(
      "id,date,destination,item,units,consignee,regime,mode,eccn,tpp,tpp_total,"
      "performance_density,tier,decision,authorization,license_policy,reason,notices,debits,"
      "reasons,errors,assumed,other_mode\n");
}

void AppendCsv(const Determination& d, const Shipment& s, std::string* out) {
  AppendCsvCell(d.id, out);
  out->push_back(',');
  if (s.date.days() != 0) out->append(s.date.ToString());
  out->push_back(',');
  if (s.destination.valid()) out->append(s.destination.str());
  out->push_back(',');
  AppendCsvCell(ItemText(s), out);
  out->push_back(',');
  if (s.units > 0) AppendInt(s.units, out);
  out->push_back(',');
  AppendCsvCell(s.consignee.name, out);
  out->push_back(',');
  out->append(d.regime);
  out->push_back(',');
  out->append(WireName(d.mode));
  out->push_back(',');
  out->append(WireName(d.eccn));
  out->push_back(',');
  if (d.tpp) d.tpp->AppendTo(out);
  out->push_back(',');
  if (d.tpp_total) d.tpp_total->AppendTo(out);
  out->push_back(',');
  if (d.performance_density) d.performance_density->AppendTo(out);
  out->push_back(',');
  if (d.tier) AppendInt(d.tier, out);
  out->push_back(',');
  out->append(WireName(d.decision));
  out->push_back(',');
  out->append(WireName(d.authorization));
  out->push_back(',');
  out->append(WireName(d.license_policy));
  out->push_back(',');
  AppendCsvCell(DecidingReason(d), out);
  out->push_back(',');
  std::string cell;
  for (size_t i = 0; i < d.notices.size(); ++i) {
    if (i) cell.push_back(';');
    cell.append(d.notices[i]);
  }
  AppendCsvCell(cell, out);
  out->push_back(',');
  cell.clear();
  // account=tpp:state, so a pending reservation is told from a posted draw.
  for (size_t i = 0; i < d.debits.size(); ++i) {
    if (i) cell.push_back(';');
    cell += d.debits[i].account + "=" + d.debits[i].tpp.ToString() + ":";
    cell += WireName(d.debits[i].state);
  }
  AppendCsvCell(cell, out);
  out->push_back(',');
  cell.clear();
  for (size_t i = 0; i < d.reasons.size(); ++i) {
    if (i) cell.push_back(';');
    cell.append(d.reasons[i].rule);
  }
  AppendCsvCell(cell, out);
  out->push_back(',');
  cell.clear();
  for (size_t i = 0; i < d.errors.size(); ++i) {
    if (i) cell.append("; ");
    cell += d.errors[i].field + ": " + d.errors[i].message;
  }
  AppendCsvCell(cell, out);
  out->push_back(',');
  cell.clear();
  for (size_t i = 0; i < d.assumed.size(); ++i) {
    if (i) cell.push_back(';');
    cell.append(d.assumed[i].field);
    cell.push_back('=');
    cell.append(d.assumed[i].value);
  }
  AppendCsvCell(cell, out);
  out->push_back(',');
  if (d.other_mode) {
    const OtherMode& o = *d.other_mode;
    cell = fmt::format("{} {}", WireName(o.mode), WireName(o.decision));
    std::string_view how = o.authorization != Authorization::kNone ? WireName(o.authorization)
                                                                   : WireName(o.license_policy);
    if (!how.empty()) fmt::format_to(std::back_inserter(cell), " {}", how);
    AppendCsvCell(cell, out);
  }
  out->push_back('\n');
}

}  // namespace highfence::io
