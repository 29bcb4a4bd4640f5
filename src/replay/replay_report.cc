// Replay reports: JSON (everything), CSV (one row per flipped decision) and a
// short text summary.
#include <fmt/format.h>

#include "io/determination_writer.h"
#include "replay/replay.h"

namespace highfence::replay {
namespace {

void Str(std::string_view s, std::string* out) { io::AppendJsonString(s, out); }

void OutcomeJson(const Outcome& o, std::string* out) {
  *out += "{\"decision\":";
  Str(WireName(o.decision), out);
  *out += ",\"authorization\":";
  Str(WireName(o.authorization), out);
  *out += ",\"license_policy\":";
  Str(WireName(o.policy), out);
  *out += ",\"regime\":";
  Str(o.regime, out);
  fmt::format_to(std::back_inserter(*out), ",\"tier\":{},\"rules\":[", o.tier);
  for (size_t i = 0; i < o.rules.size(); ++i) {
    if (i) *out += ',';
    Str(o.rules[i], out);
  }
  *out += "]}";
}

std::string Amount(const std::optional<Fixed>& f) { return f ? f->ToString() : "null"; }

// A CSV cell, quoted when it must be (RFC 4180).
std::string Cell(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void BurnJson(const BurnDown& b, std::string* out) {
  *out += "{\"account\":";
  Str(b.account, out);
  *out += ",\"points\":[";
  for (size_t i = 0; i < b.points.size(); ++i) {
    const BurnPoint& p = b.points[i];
    if (i) *out += ',';
    *out += "{\"date\":";
    Str(p.on.ToString(), out);
    *out += ",\"shipment\":";
    Str(p.shipment_id, out);
    fmt::format_to(std::back_inserter(*out),
                   ",\"baseline_drawn_tpp\":{},\"baseline_cap_tpp\":{},"
                   "\"alternative_drawn_tpp\":{},\"alternative_cap_tpp\":{}}}",
                   p.drawn[0].ToString(), Amount(p.cap[0]), p.drawn[1].ToString(),
                   Amount(p.cap[1]));
  }
  *out += "]}";
}

}  // namespace

std::string ReplayJson(const ReplayResult& r) {
  std::string out = "{\"baseline\":";
  Str(r.labels[0], &out);
  out += ",\"alternative\":";
  Str(r.labels[1], &out);
  fmt::format_to(std::back_inserter(out), ",\"lines\":{},\"flipped\":{},\"truncated\":{}", r.lines,
                 r.flips, r.truncated ? "true" : "false");
  for (int i = 0; i < 2; ++i) {
    out += i == 0 ? ",\"baseline_decisions\":{" : ",\"alternative_decisions\":{";
    bool first = true;
    for (const auto& [name, n] : r.decisions[i]) {
      if (!first) out += ',';
      first = false;
      Str(name, &out);
      fmt::format_to(std::back_inserter(out), ":{}", n);
    }
    out += '}';
  }
  out += ",\"transitions\":{";
  bool first = true;
  for (const auto& [name, n] : r.transitions) {
    if (!first) out += ',';
    first = false;
    Str(name, &out);
    fmt::format_to(std::back_inserter(out), ":{}", n);
  }
  out += "},\"flips\":[";
  for (size_t i = 0; i < r.flip_list.size(); ++i) {
    const Flip& f = r.flip_list[i];
    if (i) out += ',';
    fmt::format_to(std::back_inserter(out), "{{\"line\":{},\"id\":", f.line);
    Str(f.id, &out);
    out += ",\"date\":";
    Str(f.date.ToString(), &out);
    out += ",\"destination\":";
    Str(f.destination, &out);
    out += ",\"baseline\":";
    OutcomeJson(f.side[0], &out);
    out += ",\"alternative\":";
    OutcomeJson(f.side[1], &out);
    out += '}';
  }
  out += "],\"allocation_burn_down\":[";
  for (size_t i = 0; i < r.burn_down.size(); ++i) {
    if (i) out += ',';
    BurnJson(r.burn_down[i], &out);
  }
  out += "]}\n";
  return out;
}

std::string ReplayCsv(const ReplayResult& r) {
  std::string out =
      "line,id,date,destination,baseline_decision,baseline_authorization,baseline_policy,"
      "alternative_decision,alternative_authorization,alternative_policy\n";
  for (const Flip& f : r.flip_list) {
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{},{},{}\n", f.line, Cell(f.id),
                   f.date.ToString(), f.destination, WireName(f.side[0].decision),
                   WireName(f.side[0].authorization), WireName(f.side[0].policy),
                   WireName(f.side[1].decision), WireName(f.side[1].authorization),
                   WireName(f.side[1].policy));
  }
  return out;
}

std::string ReplayText(const ReplayResult& r) {
  std::string out = fmt::format("baseline:    {}\nalternative: {}\n{} lines, {} flipped\n",
                                r.labels[0], r.labels[1], r.lines, r.flips);
  for (const auto& [name, n] : r.transitions) out += fmt::format("  {:>6}  {}\n", n, name);
  for (const Flip& f : r.flip_list) {
    out += fmt::format("  {:<16} {} {:<2} {} -> {}\n", f.id, f.date.ToString(), f.destination,
                       ShortOutcome(f.side[0]), ShortOutcome(f.side[1]));
  }
  for (const BurnDown& b : r.burn_down) {
    if (b.points.empty()) continue;
    const BurnPoint& last = b.points.back();
    out += fmt::format("  {:<16} drawn {} of {} (baseline) | {} of {} (alternative)\n", b.account,
                       last.drawn[0].ToString(), Amount(last.cap[0]), last.drawn[1].ToString(),
                       Amount(last.cap[1]));
  }
  if (r.truncated) out += "  (lists truncated; counts are complete)\n";
  return out;
}

}  // namespace highfence::replay
