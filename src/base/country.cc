#include "highfence/country.h"

#include <array>

#include "highfence/assert.h"

namespace highfence {
namespace {

constexpr std::string_view kAssigned =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR "
    "BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ "
    "EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW "
    "GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY "
    "KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV "
    "MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY "
    "QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG "
    "TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM "
    "ZW XK";

struct Table {
  std::array<bool, CountryCode::kSlots> assigned{};
  std::array<char, CountryCode::kSlots * 2> names{};
  constexpr Table() {
    for (size_t i = 0; i + 1 < kAssigned.size(); i += 3) {
      int index = (kAssigned[i] - 'A') * 26 + (kAssigned[i + 1] - 'A');
      assigned[static_cast<size_t>(index)] = true;
    }
    for (int i = 0; i < CountryCode::kSlots; ++i) {
      names[static_cast<size_t>(i) * 2] = static_cast<char>('A' + i / 26);
      names[static_cast<size_t>(i) * 2 + 1] = static_cast<char>('A' + i % 26);
    }
  }
};

// Built at compile time: Parse is on every line's hot path.
constexpr Table kTable;

const Table& GetTable() { return kTable; }

}  // namespace

std::optional<CountryCode> CountryCode::Parse(std::string_view t) {
  if (t.size() != 2 || t[0] < 'A' || t[0] > 'Z' || t[1] < 'A' || t[1] > 'Z') return std::nullopt;
  int index = (t[0] - 'A') * 26 + (t[1] - 'A');
  if (!GetTable().assigned[static_cast<size_t>(index)]) return std::nullopt;
  return FromIndex(index);
}

CountryCode CountryCode::FromIndex(int index) {
  HF_ASSERT(index >= 0 && index < kSlots);
  CountryCode c;
  c.index_ = static_cast<int16_t>(index);
  return c;
}

std::string_view CountryCode::str() const {
  HF_ASSERT(valid());
  return std::string_view(&GetTable().names[static_cast<size_t>(index_) * 2], 2);
}

std::string_view AssignedCountryCodes() { return kAssigned; }

}  // namespace highfence
