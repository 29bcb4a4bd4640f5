// The accelerator catalog: integrated circuits highfence knows by id, with the
// figures that classify them and the sources of those figures.
//
// Thread safety: a Catalog is immutable after loading and may be shared.
#ifndef HIGHFENCE_CATALOG_CATALOG_H_
#define HIGHFENCE_CATALOG_CATALOG_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/fixed.h"
#include "highfence/status.h"

namespace highfence::catalog {

struct Accelerator {
  std::string id;      // lowercase vendor-model, e.g. "nvidia-h100-sxm"
  std::string vendor;  // "NVIDIA"
  std::string model;   // "H100 SXM5"
  int year = 0;
  // TPP = dense_tops x bit_length (Technical Note 1 to 3A090); the loader
  // checks that `tpp` equals this product exactly.
  Fixed dense_tops;
  int bit_length = 0;
  Fixed tpp;
  std::optional<Fixed> die_area_mm2;  // applicable (non-planar logic) die area
  int dies = 0;
  bool datacenter = true;  // designed or marketed for use in datacenters
  std::optional<Fixed> memory_gb;
  std::optional<Fixed> dram_bandwidth_gbs;
  std::optional<Fixed> interconnect_gbs;
  // Named in BIS's 2025-05-13 General Prohibition 10 guidance (Huawei Ascend
  // 910B/910C/910D): rules.md D16.
  bool gp10 = false;
  std::vector<std::string> sources;  // URLs
  std::string notes;
};

class Catalog {
 public:
  // Parses catalog TOML strictly (unknown keys, duplicate ids, ids that are not
  // lowercase vendor-model, a tpp that is not dense_tops x bit_length: errors).
  static Result<Catalog> Parse(std::string_view toml_text, std::string_view source_name);
  // The catalog compiled into the binary (catalog/accelerators.toml).
  static Result<Catalog> Embedded();

  const Accelerator* Find(std::string_view id) const;             // nullptr when unknown
  const std::vector<Accelerator>& all() const { return items_; }  // sorted by id

 private:
  std::vector<Accelerator> items_;
};

}  // namespace highfence::catalog

#endif  // HIGHFENCE_CATALOG_CATALOG_H_
