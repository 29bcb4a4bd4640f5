// The shared half of ShipmentParser: the field setters that JSON and CSV input
// both use, with every check and error message (shipment_fields.cc). Internal
// to src/io.
#ifndef HIGHFENCE_IO_SHIPMENT_FIELDS_H_
#define HIGHFENCE_IO_SHIPMENT_FIELDS_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/shipment_parser.h"

namespace highfence::io {

// A scalar from either input format. CSV cells are untyped text (kCsv): the
// setter for the field decides how to read it.
struct Scalar {
  enum Kind { kString, kNumber, kBool, kNull, kCsv, kOther } kind = kOther;
  std::string_view text;
  bool boolean = false;
};

// `s` without trailing spaces, tabs and line ends.
std::string_view TrimRight(std::string_view s);

// Item fields as read, before the item's kind is known (JSON keys arrive in any
// order). Resolved into an Item by ResolveItem.
struct ItemFields {
  std::optional<std::string> kind;
  std::optional<Fixed> tpp, die_area, interconnect, dram_bandwidth, hbm_density;
  std::optional<bool> datacenter;
  std::optional<Magnitude> training_ops, base_ops, additional_ops;
  std::optional<bool> published, derived;
  std::optional<std::string> eccn, hts;
  bool has_contains = false;
  std::vector<ComputerPart> parts;
  // Keys seen, for the kind checks: views into the document (or CSV header),
  // at most one per known item key.
  std::array<std::string_view, 16> present{};
  size_t present_count = 0;
  void Present(std::string_view key) {
    if (present_count < present.size()) present[present_count++] = key;
  }
};

// The parsing logic, with access to the parser's state. One instance per line.
// Every setter records its problems as FieldErrors on the shipment and goes on.
class ShipmentParser::Impl {
 public:
  Impl(const catalog::Catalog* catalog, Shipment* out) : catalog_(catalog), out_(out) {}

  // Adds an error (at most limits::reasons_max per line).
  void Error(std::string_view code, std::string_view field, std::string message);
  bool HasError(std::string_view field) const;
  size_t error_count() const { return out_->errors.size(); }
  // `t` cut to 40 bytes for a message.
  static std::string Clip(std::string_view t);

  // A whole number from `min` to `max`.
  std::optional<int64_t> GetInt(std::string_view field, const Scalar& s, int64_t min, int64_t max);

  // Fields by their place in the shipment.
  void SetTop(std::string_view key, const Scalar& s);
  void SetItemId(std::string_view field, const Scalar& s, Item* item);
  // end_use: a JSON array of tags, or in CSV one cell with tags separated by ';'.
  void AddEndUse(std::string_view tag);
  void SetEndUses(std::string_view cell);
  void SetConsignee(std::string_view key, const Scalar& s);
  void SetPartyId(std::string_view key, const Scalar& s, std::string* out);
  void SetRegion(const Scalar& s);
  void SetStatedEccn(const std::string& field, const Scalar& s, ItemFields* f);
  void SetHts(const std::string& field, const Scalar& s, ItemFields* f);
  // One field of an item object (or of an IC inside a computer's `contains`).
  void SetItemField(std::string_view prefix, std::string_view key, const Scalar& s, ItemFields* f);
  // A CSV `item.contains` cell: catalog ids with counts, `id*count;id*count`.
  void SetCsvContains(std::string_view cell, ItemFields* f);
  // Turns the fields of an item object into an Item of its kind.
  void ResolveItem(std::string_view prefix, ItemFields* f, Item* item, bool nested);
  // Checks required fields and the limits that span fields.
  void Finish();

  Item* item() { return &out_->item; }
  void MarkItem() { have_item_ = true; }
  bool have_item() const { return have_item_; }

 private:
  bool ExpectKind(std::string_view field, const Scalar& s, Scalar::Kind want);
  bool SetString(std::string_view field, const Scalar& s, int64_t max_bytes, std::string* out);
  std::optional<Fixed> GetFixed(std::string_view field, const Scalar& s, int64_t max_units,
                                bool allow_zero);
  std::optional<bool> GetBool(std::string_view field, const Scalar& s);
  std::optional<CountryCode> GetCountry(std::string_view field, const Scalar& s);
  std::optional<Magnitude> GetMagnitude(std::string_view field, const Scalar& s);
  static IcSpec IcFromCatalog(const catalog::Accelerator* a);
  void ResolveModel(std::string_view prefix, const ItemFields& f, Item* item);
  void RequireOnce(const std::string& field, std::string_view what);

  bool have_date_ = false, have_destination_ = false, have_item_ = false, have_units_ = false;
  const catalog::Catalog* catalog_;
  Shipment* out_;
};

}  // namespace highfence::io

#endif  // HIGHFENCE_IO_SHIPMENT_FIELDS_H_
