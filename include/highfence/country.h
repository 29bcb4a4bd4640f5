// CountryCode: an ISO 3166-1 alpha-2 code, held as an index 0..675 (26 x 26) so
// per-country tables are flat arrays. Only assigned codes (and XK, which the EAR
// uses for Kosovo) parse.
#ifndef HIGHFENCE_COUNTRY_H_
#define HIGHFENCE_COUNTRY_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace highfence {

class CountryCode {
 public:
  static constexpr int kSlots = 26 * 26;

  constexpr CountryCode() = default;
  // Parses two uppercase letters naming an assigned code; nullopt otherwise.
  static std::optional<CountryCode> Parse(std::string_view text);
  static CountryCode FromIndex(int index);

  constexpr int index() const { return index_; }
  bool valid() const { return index_ >= 0; }
  std::string_view str() const;  // "CN"
  friend constexpr auto operator<=>(CountryCode, CountryCode) = default;

 private:
  int16_t index_ = -1;
};

// Every code Parse accepts, for iteration in tests and tools.
std::string_view AssignedCountryCodes();

}  // namespace highfence

#endif  // HIGHFENCE_COUNTRY_H_
