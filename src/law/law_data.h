// The law as data: what the loader reads from law/*.toml, before it is resolved
// into Snapshots (src/law/snapshot.h).
//
// Every value carries a citation. Values are exact: amounts are Fixed, large
// counts Magnitude, dates Date; TOML floats are rejected by the loader.
//
// Thread safety: LawData is immutable after loading and may be shared.
#ifndef HIGHFENCE_LAW_LAW_DATA_H_
#define HIGHFENCE_LAW_LAW_DATA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "highfence/country.h"
#include "highfence/date.h"
#include "highfence/fixed.h"
#include "highfence/status.h"

namespace highfence::law {

// The closed list of parameter units. A parameter's unit fixes the C++ type of
// its values (see Value below).
enum class Unit : uint8_t {
  kTpp,        // Fixed
  kTppPerMm2,  // Fixed
  kGbs,        // Fixed (GB/s)
  kGbsPerMm2,  // Fixed
  kOps,        // Magnitude (operations, e.g. "1e26")
  kDate,       // Date
  kBool,       // bool
  kCount,      // int64_t
  kPercent,    // int64_t (whole percent)
  kPolicy,     // std::string: a license_policy wire name, or "none"
  kCountries,  // std::vector<CountryCode>
  kParties,    // std::vector<std::string>: party slugs (contract.md section 4)
  kEndUses,    // std::vector<std::string>: end-use tags
  kEccns,      // std::vector<std::string>: ECCNs (`5A992`, `5A992.c`), sorted
  kText,       // std::string
};
std::string_view UnitName(Unit u);
std::optional<Unit> ParseUnit(std::string_view name);

// How the snapshot holds list and tag values (params.h).
using CountryList = std::vector<CountryCode>;  // sorted
using PartyList = std::vector<std::string>;    // party slugs, sorted
using EndUseBits = uint8_t;                    // EndUse bits of highfence/shipment.h
using EccnList = std::vector<std::string>;     // ECCNs, sorted

using Value = std::variant<Fixed, Magnitude, Date, bool, int64_t, std::string,
                           std::vector<CountryCode>, std::vector<std::string>>;

// A value as written for people: "26900000", "1e26", "2025-05-15", "CN, MO".
std::string ValueText(const Value& v);

// One value of a parameter, in force from `from` (inclusive) until the next
// value's `from`. A parameter written with a single `value` has one DatedValue
// whose `from` is kBeginning.
struct DatedValue {
  Date from;
  Value value;
  std::string citation;  // never empty
};

inline const Date kBeginning = Date::FromDays(0);  // 1970-01-01

struct Param {
  std::string name;
  Unit unit = Unit::kText;
  std::string description;
  std::string decision;            // project decision id ("D1".."D44") or empty
  std::vector<DatedValue> values;  // ascending by `from`, non-empty

  // The value in force on `on`, or nullptr before the first value.
  const DatedValue* At(Date on) const;
};

// A citation the decision procedure gives for a step of its own (a licence
// requirement, an exception's scope) rather than for a parameter's value: the
// `[citations]` table of a rule file, `name = "text"`.
struct StepCitation {
  std::string name;  // snake_case, unique across the law's files
  std::string text;  // never empty
};

// One file of law/: a regime (kind "regime"), a dated change to the law after
// a regime (kind "change"), or this project's defaults (kind "defaults").
struct RuleFile {
  std::string source;  // file name, for error messages
  std::string id;      // "us-2023-11", "us-2026-01-china-band", "defaults"
  std::string kind;    // "regime" | "change" | "program" | "defaults"
  std::string title;
  std::string citation;  // the instrument, e.g. "88 FR 73458 (FR Doc 2023-23055)"
  std::string url;
  std::optional<Date> published_on;
  std::optional<Date> effective_on;  // required for regimes and changes
  Date last_reviewed_on;
  std::vector<Param> params;            // sorted by name
  std::vector<StepCitation> citations;  // sorted by name

  const Param* Find(std::string_view name) const;
  const StepCitation* FindCitation(std::string_view name) const;
};

// A country's membership of a group over an interval [from, until] (both
// inclusive; absent = open). `change` names the RuleFile (kind "change") that
// added or removed it; such a boundary is ignored under --regime.
struct Membership {
  CountryCode code;
  std::optional<Date> from;
  std::optional<Date> until;
  std::string citation;  // required when from or until is set
  std::string change;    // id of a kind-"change" RuleFile, or empty
};

struct CountryGroup {
  std::string id;  // "A:5", "A:6", "D:1", "D:4", "D:5", "E:1", "E:2", "tier1", "supp5b"
  std::string name;
  std::string citation;
  std::vector<Membership> members;
};

struct Country {
  CountryCode code;
  std::string name;       // English short name
  std::string ecfr_name;  // the name in the EAR's Country Groups table, if different
};

struct LawData {
  std::vector<RuleFile> rules;       // sorted by id
  std::vector<CountryGroup> groups;  // sorted by id
  std::vector<Country> countries;    // sorted by code
  std::string content_hash;          // hex digest over all sources, in name order

  const RuleFile* FindRule(std::string_view id) const;
  const CountryGroup* FindGroup(std::string_view id) const;
  // The newest `last_reviewed_on` of the rule files: how current the law is.
  Date LastReviewed() const;
};

// One law file's name and text (embedded in the binary, or read from a folder).
struct LawSource {
  std::string name;
  std::string text;
};

// Parses every source strictly: unknown keys, missing citations, bad dates,
// floats, wrong value types, duplicate ids and overlapping validity are errors
// naming the file and key.
Result<LawData> ParseLaw(const std::vector<LawSource>& sources);

// Cross-file checks on parsed law: every parameter the engine reads exists with
// the right unit, groups reference known countries, `change` ids exist, no
// country is in a group twice on one date, tiers do not overlap. Returns every
// problem found, one per line, in the Status message.
Status CheckLaw(const LawData& law);

// The law files compiled into the binary (law/*.toml at build time).
std::vector<LawSource> EmbeddedLawSources();
// Reads every *.toml in `dir`.
Result<std::vector<LawSource>> ReadLawDir(const std::string& dir);

}  // namespace highfence::law

#endif  // HIGHFENCE_LAW_LAW_DATA_H_
