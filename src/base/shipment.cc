#include "highfence/shipment.h"

namespace highfence {

void Shipment::Clear() {
  id.clear();
  date = Date();
  type = ShipmentType::kExport;
  from = *CountryCode::Parse("US");
  destination = CountryCode();
  item.kind = ItemKind::kIc;
  item.catalog_id.clear();
  item.ic = IcSpec();
  item.hbm_density_gbs_per_mm2 = Fixed();
  item.parts.clear();
  item.model = ModelSpec();
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
}

}  // namespace highfence
