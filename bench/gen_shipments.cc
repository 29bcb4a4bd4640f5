// gen_shipments: writes a deterministic, realistic mix of shipments (contract.md
// section 2) as JSON Lines to stdout, for benchmarks and soak runs.
//
//   gen_shipments [--lines N] [--seed S] [--profile mixed|draw-heavy]
//                 (defaults: 500000 lines, seed 1, mixed)
//
// The same N and S give byte-identical output on every platform: the generator is
// std::mt19937_64 (fully specified by the standard) with our own integer mapping
// to ranges, and no floating point anywhere.
//
// `mixed`: ~70% catalog items, ~20% inline IC objects, ~5% computers, ~3% HBM,
// ~2% model weights; 35 destinations over the three tiers; 5,000 consignees, each
// with a home country (hq), some with an ultimate parent elsewhere, a few holding
// a VEU; dates from 2022-09 to 2026-11, roughly in order; units skewed small.
// About 17 % of its lines draw on the ledger (as written).
//
// `draw-heavy`: an AI-chip exporter's book under the AI Diffusion rule, dated
// 2025-06 to 2026-06: ~60 % of lines to Tier 1 (an AIA counter), ~35 % to Tier 2
// (LPP, then the country's allocation), a few to China and the U.S.; data-center
// accelerators and servers only, in small orders, so most lines draw (as written:
// `check --mode as-written`; BIS does not enforce the rule, so as enforced they
// draw nothing).

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  // Uniform in [0, n), by multiply-shift (bias below 2^-40 for our n).
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(engine_()) * n) >> 64);
  }
  int64_t Between(int64_t lo, int64_t hi) {  // inclusive
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo + 1)));
  }
  bool Percent(int p) { return Below(100) < static_cast<uint64_t>(p); }
  bool PerMille(int p) { return Below(1000) < static_cast<uint64_t>(p); }

 private:
  std::mt19937_64 engine_;
};

template <typename T>
struct Weighted {
  T value;
  int weight;
};

template <typename T>
const T& Pick(Rng& rng, const std::vector<Weighted<T>>& table) {
  int total = 0;
  for (const auto& w : table) total += w.weight;
  int64_t r = static_cast<int64_t>(rng.Below(static_cast<uint64_t>(total)));
  for (const auto& w : table) {
    if (r < w.weight) return w.value;
    r -= w.weight;
  }
  return table.back().value;
}

// Destinations, weighted by rough trade volume. Tier 1 (Supp. 5 para (a)),
// Tier 2, Tier 3 (D:5 and Macau; HK is treated as CN).
const std::vector<Weighted<std::string_view>> kDestinations = {
    {"US", 120}, {"DE", 30}, {"GB", 30}, {"FR", 20}, {"JP", 30}, {"KR", 25}, {"TW", 35},
    {"NL", 15},  {"CA", 15}, {"AU", 12}, {"IE", 10}, {"SE", 8},  {"IN", 40}, {"MY", 35},
    {"SG", 35},  {"AE", 25}, {"SA", 20}, {"BR", 12}, {"MX", 12}, {"VN", 12}, {"IL", 12},
    {"CH", 10},  {"PL", 8},  {"TH", 8},  {"ID", 8},  {"TR", 6},  {"KZ", 4},  {"PT", 4},
    {"CN", 40},  {"HK", 10}, {"MO", 2},  {"RU", 3},  {"IR", 1},  {"BY", 1},  {"VE", 1},
};

// The draw-heavy book's destinations: Tier 1 (Supp. 5 para (a)) and Tier 2
// buyers of data-center accelerators, a little China and domestic trade.
const std::vector<Weighted<std::string_view>> kDrawHeavyDestinations = {
    {"DE", 60}, {"GB", 60}, {"FR", 40}, {"JP", 60}, {"KR", 50}, {"TW", 50}, {"NL", 30},
    {"CA", 30}, {"AU", 25}, {"IE", 20}, {"SE", 15}, {"FI", 10}, {"IN", 60}, {"MY", 45},
    {"SG", 45}, {"AE", 40}, {"SA", 35}, {"BR", 20}, {"MX", 20}, {"VN", 20}, {"IL", 20},
    {"CH", 15}, {"PL", 15}, {"TH", 10}, {"ID", 10}, {"CN", 20}, {"US", 20},
};

const std::vector<Weighted<std::string_view>> kCatalogItems = {
    {"nvidia-h100-sxm", 30},
    {"nvidia-h200-sxm", 15},
    {"nvidia-b200", 10},
    {"nvidia-a100-sxm4-80gb", 8},
    {"nvidia-a800-sxm4-80gb", 2},
    {"nvidia-a30", 4},
    {"nvidia-h20", 8},
    {"nvidia-l40s", 8},
    {"nvidia-rtx-4090", 8},
    {"nvidia-rtx-4090d", 3},
    {"amd-mi300x", 5},
    {"huawei-ascend-910c", 1},
};

const std::vector<Weighted<std::string_view>> kServerParts = {
    {"nvidia-h100-sxm", 45},       {"nvidia-h200-sxm", 25}, {"nvidia-b200", 15},
    {"nvidia-a100-sxm4-80gb", 10}, {"amd-mi300x", 5},
};

const std::vector<Weighted<std::string_view>> kDataCenterItems = {
    {"nvidia-h100-sxm", 35}, {"nvidia-h200-sxm", 30}, {"nvidia-b200", 20},
    {"nvidia-a100-sxm4-80gb", 5}, {"amd-mi300x", 10},
};

const std::vector<Weighted<std::string_view>> kEndUses = {
    {"development", 30},       {"production", 20}, {"storage", 20},
    {"frontier_training", 25}, {"military", 3},    {"wmd", 2},
};

constexpr int kConsignees = 5000;
constexpr int kParents = 300;

struct Party {
  std::string_view hq;
  int parent = -1;       // index into the parent groups, or -1 when its own parent
  std::string_view veu;  // "", "UVEU" or "NVEU"
};

// Days since 1970-01-01 <-> civil date (H. Hinnant's algorithms).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (*m <= 2));
}

class Writer {
 public:
  Writer() { buf_.reserve(kFlushAt + 4096); }
  ~Writer() { Flush(); }
  Writer& operator<<(std::string_view s) {
    buf_.append(s);
    return *this;
  }
  Writer& operator<<(int64_t v) {
    char tmp[24];
    auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, res.ptr);
    return *this;
  }
  Writer& Pad(int64_t v, int width) {  // zero-padded, for dates and ids
    char tmp[24];
    auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
    for (int n = static_cast<int>(res.ptr - tmp); n < width; ++n) buf_.push_back('0');
    buf_.append(tmp, res.ptr);
    return *this;
  }
  // A decimal with one digit after the point, from tenths.
  Writer& Tenths(int64_t tenths) {
    *this << tenths / 10;
    buf_.push_back('.');
    buf_.push_back(static_cast<char>('0' + tenths % 10));
    return *this;
  }
  void EndLine() {
    buf_.push_back('\n');
    if (buf_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), stdout) != buf_.size()) {
      std::perror("gen_shipments: write");
      std::exit(1);
    }
    buf_.clear();
  }

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  std::string buf_;
};

// Units: most orders are small, a few are data-center scale.
int64_t Units(Rng& rng) {
  const uint64_t r = rng.Below(100);
  if (r < 50) return rng.Between(1, 8);
  if (r < 75) return rng.Between(9, 64);
  if (r < 90) return rng.Between(65, 256);
  if (r < 98) return rng.Between(257, 1000);
  return rng.Between(1001, 2000);
}

void WriteInlineIc(Rng& rng, Writer& out) {
  // TPP 1,000 to 40,000 and die area 200 to 1,700 mm2 span every 3A090 band.
  out << "{\"tpp\":" << rng.Between(1000, 40000) << ",\"die_area_mm2\":" << rng.Between(200, 1700)
      << ",\"datacenter\":" << (rng.Percent(80) ? "true" : "false");
  if (rng.Percent(50)) out << ",\"interconnect_gbs\":" << rng.Between(32, 1800);
  if (rng.Percent(30)) out << ",\"dram_bandwidth_gbs\":" << rng.Between(300, 8000);
  out << "}";
}

void WriteItem(Rng& rng, Writer& out, int64_t* units) {
  const uint64_t r = rng.Below(100);
  out << ",\"item\":";
  if (r < 70) {
    out << "\"" << Pick(rng, kCatalogItems) << "\"";
    *units = Units(rng);
  } else if (r < 90) {
    WriteInlineIc(rng, out);
    *units = Units(rng);
  } else if (r < 95) {
    out << "{\"kind\":\"computer\",\"contains\":[";
    if (rng.Percent(85)) {
      out << "{\"item\":\"" << Pick(rng, kServerParts)
          << "\",\"count\":" << (rng.Percent(80) ? 8 : 4) << "}";
    } else {
      out << "{\"item\":";
      WriteInlineIc(rng, out);
      out << ",\"count\":" << rng.Between(1, 8) << "}";
    }
    out << "]}";
    *units = rng.Between(1, 64);
  } else if (r < 98) {
    out << "{\"kind\":\"hbm\",\"memory_bandwidth_density\":";
    out.Tenths(rng.Between(15, 45));
    out << "}";
    *units = Units(rng);  // stacks
  } else {
    out << "{\"kind\":\"model_weights\",\"training_ops\":" << rng.Between(1, 9) << "e"
        << rng.Between(23, 27) << ",\"published\":" << (rng.Percent(30) ? "true" : "false") << "}";
    *units = 1;
  }
}

// The draw-heavy book's items: accelerators and 8-way servers of them, in
// orders of 1 to 32 units, so a party's LPP and a country's allocation last
// for most of the year.
void WriteDataCenterItem(Rng& rng, Writer& out, int64_t* units) {
  out << ",\"item\":";
  if (rng.Percent(80)) {
    out << "\"" << Pick(rng, kDataCenterItems) << "\"";
    *units = rng.Between(1, 32);
  } else {
    out << "{\"kind\":\"computer\",\"contains\":[{\"item\":\"" << Pick(rng, kDataCenterItems)
        << "\",\"count\":8}]}";
    *units = rng.Between(1, 4);
  }
}

struct Profile {
  const std::vector<Weighted<std::string_view>>* destinations;
  int64_t first_day, last_day;
  void (*write_item)(Rng&, Writer&, int64_t*);
  int home_percent;  // lines to the consignee's own country
};

Profile MixedProfile() {
  return {&kDestinations, DaysFromCivil(2022, 9, 1), DaysFromCivil(2026, 11, 30), WriteItem, 85};
}

Profile DrawHeavyProfile() {
  return {&kDrawHeavyDestinations, DaysFromCivil(2025, 6, 1), DaysFromCivil(2026, 6, 30),
          WriteDataCenterItem, 95};
}

int Usage() {
  std::fprintf(stderr,
               "usage: gen_shipments [--lines N] [--seed S] [--profile mixed|draw-heavy]\n");
  return 1;
}

bool ParseInt(const char* s, int64_t* out) {
  const char* end = s + std::strlen(s);
  auto res = std::from_chars(s, end, *out);
  return res.ec == std::errc() && res.ptr == end && *out >= 0;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t lines = 500000;
  int64_t seed = 1;
  Profile profile = MixedProfile();
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if ((arg == "--lines" || arg == "--seed") && i + 1 < argc) {
      if (!ParseInt(argv[++i], arg == "--lines" ? &lines : &seed)) return Usage();
    } else if (arg == "--profile" && i + 1 < argc) {
      const std::string_view name = argv[++i];
      if (name != "mixed" && name != "draw-heavy") return Usage();
      if (name == "draw-heavy") profile = DrawHeavyProfile();
    } else {
      return Usage();
    }
  }

  Rng rng(static_cast<uint64_t>(seed));

  // The parties: each consignee has a home country; some belong to a group
  // headquartered elsewhere; a few hold a data center VEU.
  std::vector<std::string_view> parent_hq(kParents);
  for (auto& hq : parent_hq) hq = Pick(rng, *profile.destinations);
  std::vector<Party> parties(kConsignees);
  for (int c = 0; c < kConsignees; ++c) {
    Party& p = parties[c];
    p.hq = Pick(rng, *profile.destinations);
    if (rng.Percent(15)) p.parent = static_cast<int>(rng.Below(kParents));
    if (c % 250 == 7) {  // 20 U.S. hyperscalers with a universal VEU
      p.veu = "UVEU";
      p.hq = "US";
      p.parent = -1;
    } else if (c % 500 == 11) {  // 10 national VEUs
      p.veu = "NVEU";
    }
  }

  const int64_t first_day = profile.first_day;
  const int64_t span = profile.last_day - first_day;
  static constexpr std::string_view kReexportFrom[] = {"TW", "SG", "MY", "KR", "NL"};

  Writer out;
  for (int64_t i = 0; i < lines; ++i) {
    const int c = static_cast<int>(rng.Below(kConsignees));
    const Party& p = parties[c];
    // Most shipments go to the consignee's own country; some to a site elsewhere.
    const std::string_view dest =
        rng.Percent(profile.home_percent) ? p.hq : Pick(rng, *profile.destinations);

    // Roughly chronological, as an order book is, with a week of jitter.
    int64_t day = first_day + (lines > 1 ? i * span / (lines - 1) : 0) + rng.Between(-3, 3);
    if (day < first_day) day = first_day;
    if (day > first_day + span) day = first_day + span;
    int y;
    unsigned m, d;
    CivilFromDays(day, &y, &m, &d);

    out << "{\"id\":\"GEN-";
    out.Pad(i + 1, 8);
    out << "\",\"date\":\"";
    out.Pad(y, 4) << "-";
    out.Pad(m, 2) << "-";
    out.Pad(d, 2) << "\"";
    if (rng.Percent(8)) {
      out << ",\"type\":\"reexport\",\"from\":\"" << kReexportFrom[rng.Below(5)] << "\"";
    } else if (dest != "US" && rng.PerMille(5)) {
      out << ",\"type\":\"transfer\",\"from\":\"" << dest << "\"";
    }
    out << ",\"destination\":\"" << dest << "\"";

    int64_t units = 1;
    profile.write_item(rng, out, &units);
    out << ",\"units\":" << units;

    out << ",\"consignee\":{\"name\":\"Consignee ";
    out.Pad(c, 4) << " Ltd\",\"hq\":\"" << p.hq << "\"";
    if (p.parent >= 0) {
      out << ",\"parent\":\"Parent Group ";
      out.Pad(p.parent, 3) << " Holdings\",\"parent_hq\":\"" << parent_hq[p.parent] << "\"";
    }
    if (!p.veu.empty()) out << ",\"veu\":\"" << p.veu << "\"";
    out << "}";

    if (rng.Percent(8)) {
      const std::string_view first = Pick(rng, kEndUses);
      out << ",\"end_use\":[\"" << first << "\"";
      const std::string_view second = Pick(rng, kEndUses);
      if (rng.Percent(20) && second != first) out << ",\"" << second << "\"";
      out << "]";
    }
    out << "}";
    out.EndLine();
  }
  return 0;
}
