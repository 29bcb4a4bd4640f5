// Shipment: one line of input, parsed and validated (contract.md section 2).
//
// A Shipment is plain data. Parsing (src/io) fills it and records every problem
// as a FieldError instead of failing, so a malformed line still yields a
// determination (`needs_review`) and the rest of the batch goes on.
#ifndef HIGHFENCE_SHIPMENT_H_
#define HIGHFENCE_SHIPMENT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/country.h"
#include "highfence/date.h"
#include "highfence/fixed.h"

namespace highfence {

namespace catalog {
struct Accelerator;
}

enum class ShipmentType : uint8_t { kExport, kReexport, kTransfer };

// End-use tags, as bits of Shipment::end_use.
enum EndUse : uint8_t {
  kEndUseMilitary = 1 << 0,
  kEndUseWmd = 1 << 1,
  kEndUseFrontierTraining = 1 << 2,
  kEndUseDevelopment = 1 << 3,
  kEndUseProduction = 1 << 4,
  kEndUseStorage = 1 << 5,
};

enum class ItemKind : uint8_t { kIc, kHbm, kComputer, kModelWeights };
enum class Veu : uint8_t { kNone, kUniversal, kNational };
// A region of Ukraine the law may name (contract.md section 2, `region`).
enum class Region : uint8_t { kNone, kCrimea, kDonetsk, kLuhansk, kZaporizhzhia, kKherson };
std::string_view WireName(Region r);  // "crimea", ...; "" for kNone

// An integrated circuit's figures. From the catalog or given inline.
struct IcSpec {
  Fixed tpp;
  std::optional<Fixed> die_area_mm2;
  bool datacenter = true;
  std::optional<Fixed> interconnect_gbs;
  std::optional<Fixed> dram_bandwidth_gbs;
  const catalog::Accelerator* accelerator = nullptr;  // when from the catalog
  bool datacenter_stated = true;                      // false when an inline IC took the default
};

struct ComputerPart {
  IcSpec ic;
  int64_t count = 0;
};

struct ModelSpec {
  Magnitude training_ops;
  bool published = false;
  bool derived_from_published = false;
  std::optional<Magnitude> base_training_ops;        // the published model's
  std::optional<Magnitude> additional_training_ops;  // training added to it
  bool published_stated = true;                      // false when `published` took its default
};

struct Item {
  ItemKind kind = ItemKind::kIc;
  std::string catalog_id;           // empty for inline items
  IcSpec ic;                        // kIc
  Fixed hbm_density_gbs_per_mm2;    // kHbm
  std::vector<ComputerPart> parts;  // kComputer
  ModelSpec model;                  // kModelWeights
  // The caller's own classification (`eccn`, e.g. "EAR99", "5A992.c") and
  // 6-digit HTS code, for items below 3A090; empty when not given.
  std::string eccn;
  std::string hts;
};

struct Consignee {
  std::string name;                      // may be empty
  std::string parent;                    // ultimate parent; defaults to name
  std::optional<CountryCode> hq;         // defaults to destination
  std::optional<CountryCode> parent_hq;  // defaults to hq
  Veu veu = Veu::kNone;
  // The caller's stable identifiers (an LEI, a customer number); empty when not
  // given. They key the party's ledger accounts (contract.md section 4).
  std::string id;
  std::string parent_id;
};

// A field the parser could not accept. `code` is a stable snake_case code.
struct FieldError {
  std::string code;
  std::string field;
  std::string message;
};

// Restricted-party screening of the consignee and its ultimate parent, done by
// the caller before the engine: the caller owns the lists and the matching
// (src/screen), the engine only applies what they found (the determine step
// party_lists; docs/screening.md, "In determinations"). Plain data, shared by
// every shipment of the same parties.
enum class PartyRole : uint8_t { kConsignee, kParent };
std::string_view WireName(PartyRole r);  // "consignee" | "parent"

// One list row a party matched, or nearly matched, with the row's own facts.
struct PartyListHit {
  PartyRole role = PartyRole::kConsignee;
  bool match = false;  // at or above the match threshold; else in the review band
  Fixed score, threshold, review_threshold;  // 0 to 1, to the thousandth
  std::string list;                          // the list's code: EL, SDN, DPL, MEU, UVL, ...
  std::string list_name;                     // the list's full name
  std::string entity_number;                 // empty when the row has none
  std::string name;                          // the row's primary name, as the list writes it
  std::string matched_name;                  // the row's name (primary or alternative) that matched
  std::string license_requirement, license_policy;  // as the row writes them
  std::string federal_register_notice;
  int64_t row = 0;  // the row's place in the snapshot
};

struct PartyScreening {
  std::string snapshot;            // SHA-256 of the list snapshot screened against
  std::vector<PartyListHit> hits;  // the consignee's, then the parent's; best first
};

struct Shipment {
  std::string id;
  Date date;
  ShipmentType type = ShipmentType::kExport;
  CountryCode from;          // with the contract's default applied (ShipmentParser)
  bool from_stated = false;  // the line gave `from` itself
  CountryCode destination;
  Region region = Region::kNone;
  Item item;
  int64_t units = 0;
  Consignee consignee;
  uint8_t end_use = 0;  // EndUse bits
  // Set by the parser: the line's problems. Non-empty => needs_review.
  std::vector<FieldError> errors;
  // Set by a caller that screens parties (check --lists, the server); null when
  // no lists were given, and the determination then says nothing of them.
  std::shared_ptr<const PartyScreening> screening;

  void Clear();
  // The consignee's headquarters country and its ultimate parent's, with the
  // contract's defaults applied (hq -> destination, parent_hq -> hq).
  CountryCode Hq() const { return consignee.hq ? *consignee.hq : destination; }
  CountryCode ParentHq() const { return consignee.parent_hq ? *consignee.parent_hq : Hq(); }
  const std::string& Parent() const {
    return consignee.parent.empty() ? consignee.name : consignee.parent;
  }
};

}  // namespace highfence

#endif  // HIGHFENCE_SHIPMENT_H_
