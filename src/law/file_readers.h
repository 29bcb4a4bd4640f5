// The readers of each kind of law file (law/README.md): rule files (a regime,
// a dated change or the project's defaults), country-groups.toml and
// countries.toml. Each reads one parsed TOML table strictly and reports every
// problem through `f`. Internal to src/law; loader.cc reads the set.
#ifndef HIGHFENCE_LAW_FILE_READERS_H_
#define HIGHFENCE_LAW_FILE_READERS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "law/law_data.h"
#include "law/toml_reader.h"

namespace highfence::law::reader {

inline constexpr std::string_view kGroupsFile = "country-groups.toml";
inline constexpr std::string_view kCountriesFile = "countries.toml";

// "us-2025-01" for "us-2025-01.toml".
std::string_view Stem(std::string_view file);

// rule_file_reader.cc
std::optional<RuleFile> ParseRuleFile(const toml::table& root, const FileCtx& f);
// country_groups_reader.cc
bool ParseGroupsFile(const toml::table& root, const FileCtx& f, std::vector<CountryGroup>* out);
// countries_reader.cc
bool ParseCountriesFile(const toml::table& root, const FileCtx& f, std::vector<Country>* out);

}  // namespace highfence::law::reader

#endif  // HIGHFENCE_LAW_FILE_READERS_H_
