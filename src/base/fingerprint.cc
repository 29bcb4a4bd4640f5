#include "base/fingerprint.h"

#include <cstring>

// xxHash's XXH3-128: a fingerprint is taken for every shipment that draws,
// and a cryptographic hash would cost a tenth of a determination. It guards
// against an id reused by mistake, not against an attacker (who could only
// make their own shipment needs_review).
#include "base/xxhash.h"
#include "highfence/assert.h"

namespace highfence {
namespace {

// Appends fields as tagged binary: a field's bytes can never run into the next.
class Encoder {
 public:
  void Int(int64_t v) { Raw(&v, sizeof v); }
  void Text(std::string_view s) {
    Int(static_cast<int64_t>(s.size()));
    out_.append(s);
  }
  void Amount(Fixed v) { Int(v.milli()); }
  void Amount(const std::optional<Fixed>& v) {
    Int(v.has_value());
    if (v) Int(v->milli());
  }
  void Ops(const Magnitude& m) { Text(m.ToString()); }
  void Ops(const std::optional<Magnitude>& m) {
    Int(m.has_value());
    if (m) Ops(*m);
  }
  void Ic(const IcSpec& ic) {
    Amount(ic.tpp);
    Amount(ic.die_area_mm2);
    Int(ic.datacenter);
    Amount(ic.interconnect_gbs);
    Amount(ic.dram_bandwidth_gbs);
  }
  const std::string& bytes() const { return out_; }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

void EncodeItem(const Item& item, Encoder* e) {
  e->Int(static_cast<int64_t>(item.kind));
  e->Text(item.catalog_id);
  switch (item.kind) {
    case ItemKind::kIc:
      e->Ic(item.ic);
      break;
    case ItemKind::kHbm:
      e->Amount(item.hbm_density_gbs_per_mm2);
      break;
    case ItemKind::kComputer:
      e->Int(static_cast<int64_t>(item.parts.size()));
      for (const ComputerPart& p : item.parts) {
        e->Text(p.ic.accelerator != nullptr ? "catalog" : "inline");
        e->Ic(p.ic);
        e->Int(p.count);
      }
      break;
    case ItemKind::kModelWeights:
      e->Ops(item.model.training_ops);
      e->Int(item.model.published);
      e->Int(item.model.derived_from_published);
      e->Ops(item.model.base_training_ops);
      e->Ops(item.model.additional_training_ops);
      break;
  }
}

}  // namespace

std::string ShipmentFingerprint(const Shipment& s) {
  HF_ASSERT(s.errors.empty());
  Encoder e;
  e.Text(s.id);
  e.Int(s.date.days());
  e.Int(static_cast<int64_t>(s.type));
  e.Int(s.from.index());
  e.Int(s.destination.index());
  e.Int(static_cast<int64_t>(s.region));
  EncodeItem(s.item, &e);
  e.Int(s.units);
  e.Text(s.consignee.name);
  e.Text(s.Parent());
  e.Int(s.Hq().index());
  e.Int(s.ParentHq().index());
  e.Int(static_cast<int64_t>(s.consignee.veu));
  e.Text(s.consignee.id);
  e.Text(s.consignee.parent_id);
  e.Text(s.item.eccn);
  e.Text(s.item.hts);
  e.Int(s.end_use);
  // Last and only when given, so the fingerprint of a shipment without ids is
  // the one recorded before ids existed.
  if (!s.consignee.id.empty() || !s.consignee.parent_id.empty()) {
    e.Text(s.consignee.id);
    e.Text(s.consignee.parent_id);
  }
  XXH128_hash_t h = XXH3_128bits(e.bytes().data(), e.bytes().size());
  char hex[33];
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int i = 0; i < 16; ++i) {
    uint64_t half = i < 8 ? h.high64 : h.low64;
    int shift = 56 - 8 * (i % 8);
    unsigned byte = static_cast<unsigned>((half >> shift) & 0xff);
    hex[2 * i] = kDigits[byte >> 4];
    hex[2 * i + 1] = kDigits[byte & 0xf];
  }
  return std::string(hex, 32);
}

}  // namespace highfence
