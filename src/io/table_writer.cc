#include "io/table_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "catalog/catalog.h"

namespace highfence::io {
namespace {

// Decodes the UTF-8 sequence at s[i]; sets `len` (1 for a stray byte, which is
// then shown as one column: output never splits what it cannot decode).
char32_t Decode(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return c;
  }
  char32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      *len = 1;
      return c;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *len = n;
  return cp;
}

// East Asian Wide and Fullwidth ranges (Unicode UAX #11), and combining marks,
// the ones order books hold: Han, Kana, Hangul, full-width forms, emoji.
size_t CharWidth(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

// Exact decimal text of a sum of thousandths ("126656", "0.5"), as Fixed
// writes it; 128 bits because a run's sum may pass int64.
std::string MilliText(__int128 milli) {
  std::string digits;
  unsigned __int128 v = static_cast<unsigned __int128>(milli < 0 ? -milli : milli);
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v > 0);
  while (digits.size() < 4) digits.insert(digits.begin(), '0');
  std::string out = digits.substr(0, digits.size() - 3);
  std::string frac = digits.substr(digits.size() - 3);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) out += "." + frac;
  return milli < 0 ? "-" + out : out;
}

}  // namespace

size_t DisplayWidth(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0, len = 0; i < s.size(); i += len) width += CharWidth(Decode(s, i, &len));
  return width;
}

void AppendCell(std::string_view s, size_t width, bool right_align, std::string* out) {
  size_t used = 0, end = 0;
  const bool fits = DisplayWidth(s) <= width;
  // Keep whole characters up to width (width - 1 when cut, for the `~`).
  const size_t room = fits ? width : (width == 0 ? 0 : width - 1);
  for (size_t len = 0; end < s.size(); end += len) {
    size_t w = CharWidth(Decode(s, end, &len));
    if (used + w > room) break;
    used += w;
  }
  std::string_view kept = s.substr(0, end);
  // Control characters (a tab, a line break in a CSV cell) would break the row.
  std::string clean;
  for (char c : kept) clean.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  if (!fits && width > 0) {
    clean.push_back('~');
    ++used;
  }
  if (right_align) out->append(width - used, ' ');
  out->append(clean);
  if (!right_align) out->append(width - used, ' ');
}

std::string ItemText(const Shipment& s) {
  const Item& item = s.item;
  if (!item.catalog_id.empty()) return item.catalog_id;
  switch (item.kind) {
    case ItemKind::kIc:
      return fmt::format("ic tpp {}", item.ic.tpp.ToString());
    case ItemKind::kHbm:
      return "hbm";
    case ItemKind::kModelWeights:
      return "model_weights";
    case ItemKind::kComputer: {
      std::string out = "computer";
      for (size_t i = 0; i < item.parts.size(); ++i) {
        const ComputerPart& p = item.parts[i];
        out += fmt::format("{}{}*{}", i ? ";" : " ", p.ic.accelerator ? p.ic.accelerator->id : "ic",
                           p.count);
      }
      return out;
    }
  }
  return "";
}

std::string DecidingReason(const Determination& d) {
  if (!d.errors.empty()) {
    const DeterminationError& e = d.errors.front();
    std::string out = fmt::format("{}: {}", e.field.empty() ? e.code : e.field, e.message);
    if (d.errors.size() > 1) out += fmt::format(" (+{} more)", d.errors.size() - 1);
    return out;
  }
  std::string out;
  if (!d.reasons.empty()) out = d.ReasonText(d.reasons.back());
  for (size_t i = 0; i < d.notices.size(); ++i) {
    out += fmt::format("{}{}", i ? ", " : "; owes ", d.notices[i]);
  }
  return out;
}

TableWriter::TableWriter(size_t width) {
  struct Spec {
    size_t min, preferred;
    int drop_order;  // left out first: highest
  };
  // Minimum and preferred widths; DECISION fits no_license_required whole.
  constexpr Spec kSpecs[kColumns] = {
      {8, 18, 0}, {10, 10, 6}, {2, 2, 0},   {10, 22, 0}, {5, 7, 3},
      {8, 18, 4}, {7, 7, 7},   {19, 19, 0}, {12, 23, 2}, {16, 16, 1},
  };
  std::array<bool, kColumns> shown;
  shown.fill(true);
  auto needed = [&] {
    size_t n = 0;
    for (size_t c = 0; c < kColumns; ++c) n += shown[c] ? kSpecs[c].min + 1 : 0;
    return n;
  };
  for (int order = 7; order >= 1 && needed() > width; --order) {
    for (size_t c = 0; c < kColumns; ++c) shown[c] = shown[c] && kSpecs[c].drop_order != order;
  }
  size_t spare = width > needed() ? width - needed() : 0;
  for (size_t c = 0; c < kColumns; ++c) {
    if (!shown[c]) continue;
    size_t grow = std::min(spare, kSpecs[c].preferred - kSpecs[c].min);
    width_[c] = kSpecs[c].min + (c == kReason ? 0 : grow);
    spare -= c == kReason ? 0 : grow;
  }
  width_[kReason] += spare;  // the reason takes what is left
}

void TableWriter::Header(std::string_view title, std::string* out) const {
  out->append(title);
  out->push_back('\n');
  static constexpr std::string_view kNames[kColumns] = {"ID",    "DATE",     "TO",
                                                        "ITEM",  "UNITS",    "CONSIGNEE",
                                                        "ECCN",  "DECISION", "AUTHORIZATION/POLICY",
                                                        "REASON"};
  std::string line;
  for (size_t c = 0; c < kColumns; ++c) {
    if (width_[c] == 0) continue;
    AppendCell(kNames[c], width_[c], c == kUnits, &line);
    line.push_back(' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out->append(line);
  out->push_back('\n');
}

void TableWriter::Row(const Determination& d, const Shipment& s, int64_t line,
                      std::string* out) const {
  std::string_view how = d.authorization != Authorization::kNone ? WireName(d.authorization)
                                                                 : WireName(d.license_policy);
  std::string_view eccn = WireName(d.eccn);
  std::string cells[kColumns] = {d.id.empty() ? fmt::format("(line {})", line) : d.id,
                                 s.date.days() != 0 ? s.date.ToString() : "-",
                                 s.destination.valid() ? std::string(s.destination.str()) : "-",
                                 ItemText(s),
                                 s.units > 0 ? std::to_string(s.units) : "-",
                                 s.consignee.name.empty() ? "-" : s.consignee.name,
                                 eccn.empty() ? "-" : std::string(eccn),
                                 std::string(WireName(d.decision)),
                                 how.empty() ? "-" : std::string(how),
                                 DecidingReason(d)};
  std::string row;
  for (size_t c = 0; c < kColumns; ++c) {
    if (width_[c] == 0) continue;
    AppendCell(cells[c].empty() ? "-" : cells[c], width_[c], c == kUnits, &row);
    row.push_back(' ');
  }
  while (!row.empty() && row.back() == ' ') row.pop_back();
  out->append(row);
  out->push_back('\n');
}

void RunSummary::Add(const Determination& d) {
  ++counts_[static_cast<size_t>(d.decision)];
  for (const Debit& debit : d.debits) {
    std::string_view kind = std::string_view(debit.account).substr(0, debit.account.find(':'));
    drawn_milli_[fmt::format("{} {}", kind, WireName(debit.state))] += debit.tpp.milli();
  }
  if (d.decision != Decision::kNeedsReview) return;
  // A line counts once under each of its distinct codes.
  for (size_t i = 0; i < d.errors.size(); ++i) {
    bool repeated = false;
    for (size_t j = 0; j < i; ++j) repeated = repeated || d.errors[j].code == d.errors[i].code;
    if (!repeated) ++review_codes_[d.errors[i].code];
  }
}

int64_t RunSummary::total() const {
  int64_t t = 0;
  for (int64_t c : counts_) t += c;
  return t;
}

void RunSummary::Append(std::string_view title, std::string* out) const {
  static constexpr Decision kOrder[] = {Decision::kNotControlled, Decision::kNoLicenseRequired,
                                        Decision::kAuthorized, Decision::kLicenseRequired,
                                        Decision::kNeedsReview};
  auto to = std::back_inserter(*out);
  fmt::format_to(to, "Summary: {} shipments ({})\n", total(), title);
  for (Decision d : kOrder) {
    fmt::format_to(to, "  {:<24} {:>10}\n", WireName(d), counts_[static_cast<size_t>(d)]);
  }
  if (!drawn_milli_.empty()) fmt::format_to(to, "TPP drawn, by account kind:\n");
  for (const auto& [kind, milli] : drawn_milli_) {
    fmt::format_to(to, "  {:<24} {:>18}\n", kind, MilliText(milli));
  }
  if (!review_codes_.empty()) fmt::format_to(to, "needs_review lines, by error code:\n");
  for (const auto& [code, n] : review_codes_) fmt::format_to(to, "  {:<24} {:>10}\n", code, n);
}

}  // namespace highfence::io
