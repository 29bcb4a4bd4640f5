// The CSL's 29-column CSV. Columns are found by their header names, so a file
// with the columns in another order, or with more of them, reads the same.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "screen/csv_reader.h"
#include "screen/limits.h"
#include "screen/snapshot.h"

namespace highfence::screen::detail {
namespace {

enum Column : size_t {
  kId,
  kSource,
  kEntityNumber,
  kType,
  kPrograms,
  kName,
  kAddresses,
  kFederalRegister,
  kStartDate,
  kLicenseRequirement,
  kLicensePolicy,
  kSourceListUrl,
  kAltNames,
  kColumns
};
constexpr std::array<std::string_view, kColumns> kHeaders = {"_id",
                                                             "source",
                                                             "entity_number",
                                                             "type",
                                                             "programs",
                                                             "name",
                                                             "addresses",
                                                             "federal_register_notice",
                                                             "start_date",
                                                             "license_requirement",
                                                             "license_policy",
                                                             "source_list_url",
                                                             "alt_names"};

// "Komitas 26/114, Yerevan, Armenia, AM; Chengdu, CN" -> {"AM", "CN"}: the CSV
// writes each address's country code last.
std::vector<std::string> AddressCountries(std::string_view addresses) {
  std::vector<std::string> out;
  for (const std::string& address : SplitList(addresses)) {
    const size_t comma = address.rfind(',');
    std::string_view code = comma == std::string::npos
                                ? std::string_view(address)
                                : std::string_view(address).substr(comma + 1);
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    if (code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z' &&
        std::find(out.begin(), out.end(), code) == out.end()) {
      out.emplace_back(code);
    }
  }
  return out;
}

Status ReadHeader(const std::vector<std::string>& header, std::array<int, kColumns>* columns) {
  columns->fill(-1);
  for (size_t i = 0; i < header.size(); ++i) {
    for (size_t c = 0; c < kColumns; ++c) {
      if (header[i] == kHeaders[c]) (*columns)[c] = static_cast<int>(i);
    }
  }
  if ((*columns)[kSource] < 0 || (*columns)[kName] < 0) {
    return Status::InvalidArgument(
        "not a CSL file: a CSV needs the columns `source` and `name` (and is the 29-column "
        "consolidated.csv), JSON an object holding `results` or `entries`");
  }
  return Status::Ok();
}

ListEntry ReadRow(const std::vector<std::string>& row, const std::array<int, kColumns>& columns) {
  auto cell = [&](Column c) -> std::string_view {
    return columns[c] < 0 ? std::string_view()
                          : std::string_view(row[static_cast<size_t>(columns[c])]);
  };
  ListEntry e;
  e.source = CollapseSpace(cell(kSource));
  e.list = ListCode(e.source);
  e.id = CollapseSpace(cell(kId));
  e.entity_number = CollapseSpace(cell(kEntityNumber));
  e.type = CollapseSpace(cell(kType));
  e.name = CollapseSpace(cell(kName));
  e.alt_names = SplitList(cell(kAltNames));
  e.countries = AddressCountries(cell(kAddresses));
  e.programs = CollapseSpace(cell(kPrograms));
  e.license_requirement = CollapseSpace(cell(kLicenseRequirement));
  e.license_policy = CollapseSpace(cell(kLicensePolicy));
  e.federal_register_notice = CollapseSpace(cell(kFederalRegister));
  e.start_date = CollapseSpace(cell(kStartDate));
  e.source_list_url = CollapseSpace(cell(kSourceListUrl));
  return e;
}

}  // namespace

Status ParseCsv(std::string_view bytes, ListSnapshot* out) {
  out->info.format = "csv";
  CsvReader reader(bytes);
  std::vector<std::string> fields;
  Status status;
  if (!reader.Next(&fields, &status)) {
    return status.ok() ? Status::InvalidArgument("the list file is empty") : status;
  }
  std::array<int, kColumns> columns;
  HF_RETURN_IF_ERROR(ReadHeader(fields, &columns));
  const size_t width = fields.size();
  while (reader.Next(&fields, &status)) {
    if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
    if (fields.size() != width) {
      return Status::InvalidArgument(fmt::format("line {}: {} fields; the header has {}",
                                                 reader.record_line(), fields.size(), width));
    }
    ListEntry e = ReadRow(fields, columns);
    if (e.name.empty() || e.source.empty()) {
      return Status::InvalidArgument(
          fmt::format("line {}: `name` and `source` must not be empty", reader.record_line()));
    }
    if (e.alt_names.size() > limits::alt_names_max || out->entries.size() >= limits::entries_max) {
      return Status::LimitExceeded(
          fmt::format("line {}: too many rows or names", reader.record_line()));
    }
    out->entries.push_back(std::move(e));
  }
  return status;
}

}  // namespace highfence::screen::detail
