#include "highfence/shipment.h"

namespace highfence {

void Shipment::Clear() {
  id.clear();
  date = Date();
  type = ShipmentType::kExport;
  from = *CountryCode::Parse("US");
  from_stated = false;
  destination = CountryCode();
  region = Region::kNone;
  item.kind = ItemKind::kIc;
  item.catalog_id.clear();
  item.ic = IcSpec();
  item.hbm_density_gbs_per_mm2 = Fixed();
  item.parts.clear();
  item.model = ModelSpec();
  item.eccn.clear();
  item.hts.clear();
  units = 0;
  consignee.name.clear();
  consignee.parent.clear();
  consignee.hq.reset();
  consignee.parent_hq.reset();
  consignee.veu = Veu::kNone;
  consignee.id.clear();
  consignee.parent_id.clear();
  end_use = 0;
  errors.clear();
  screening.reset();
}

std::string_view WireName(PartyRole r) {
  return r == PartyRole::kConsignee ? "consignee" : "parent";
}

std::string_view WireName(Region r) {
  switch (r) {
    case Region::kNone:
      return "";
    case Region::kCrimea:
      return "crimea";
    case Region::kDonetsk:
      return "donetsk";
    case Region::kLuhansk:
      return "luhansk";
    case Region::kZaporizhzhia:
      return "zaporizhzhia";
    case Region::kKherson:
      return "kherson";
  }
  return "";
}

}  // namespace highfence
