// ShipmentParser's CSV half: header, rows and RFC 4180 splitting.
#include <fmt/format.h>

#include <array>
#include <cstring>
#include <optional>

#include "base/limits.h"
#include "io/shipment_fields.h"
#include "io/shipment_parser.h"
#include "io/suggest.h"

namespace highfence::io {
namespace sj = simdjson;
namespace od = simdjson::ondemand;

// --- CSV -----------------------------------------------------------------------

namespace {

// CSV columns: the contract's field names, flattened with dots.
constexpr std::string_view kCsvColumns[] = {"id",
                                            "date",
                                            "type",
                                            "from",
                                            "destination",
                                            "item",
                                            "units",
                                            "end_use",
                                            "consignee.name",
                                            "consignee.parent",
                                            "consignee.hq",
                                            "consignee.parent_hq",
                                            "consignee.veu",
                                            "consignee.id",
                                            "consignee.parent_id",
                                            "region",
                                            "item.eccn",
                                            "item.hts",
                                            "item.kind",
                                            "item.tpp",
                                            "item.die_area_mm2",
                                            "item.datacenter",
                                            "item.interconnect_gbs",
                                            "item.dram_bandwidth_gbs",
                                            "item.memory_bandwidth_density",
                                            "item.training_ops",
                                            "item.published",
                                            "item.derived_from_published",
                                            "item.base_training_ops",
                                            "item.additional_training_ops",
                                            "item.contains"};

// `s` without leading or trailing spaces and tabs.
std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return TrimRight(s);
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

std::string ValidColumns() {
  std::string out;
  for (std::string_view c : kCsvColumns) out += fmt::format("{}{}", out.empty() ? "" : ", ", c);
  return out;
}

}  // namespace

std::vector<std::string> ShipmentParser::SetCsvHeader(const std::vector<std::string_view>& cells) {
  std::vector<std::string> problems;
  csv_columns_.assign(cells.size(), -1);
  std::vector<bool> seen(std::size(kCsvColumns), false);
  bool unknown = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    // Headers are matched ignoring case and surrounding spaces: `Destination `
    // is `destination`.
    std::string_view name = Trim(cells[i]);
    for (size_t c = 0; c < std::size(kCsvColumns); ++c) {
      if (EqualsIgnoringCase(name, kCsvColumns[c])) csv_columns_[i] = static_cast<int>(c);
    }
    if (csv_columns_[i] < 0) {
      unknown = true;
      problems.push_back(fmt::format("unknown CSV column `{}`{}", Impl::Clip(name),
                                     DidYouMean(name, kCsvColumns)));
    } else if (seen[static_cast<size_t>(csv_columns_[i])]) {
      problems.push_back(fmt::format("CSV column `{}` appears twice", name));
    } else {
      seen[static_cast<size_t>(csv_columns_[i])] = true;
    }
  }
  if (unknown) problems.push_back(fmt::format("valid CSV columns: {}", ValidColumns()));
  return problems;
}

void ShipmentParser::ParseCsvRow(const std::vector<std::string_view>& cells, Shipment* out) {
  out->Clear();
  Impl impl(catalog_, out);
  // JSON input is validated by simdjson; CSV cells must be checked here, or a
  // stray byte would reach the JSON output.
  for (std::string_view cell : cells) {
    if (!sj::validate_utf8(cell.data(), cell.size())) {
      impl.Error(kErrInvalidValue, "", "the row is not valid UTF-8");
      return;
    }
  }
  if (cells.size() != csv_columns_.size()) {
    impl.Error(
        kErrInvalidValue, "",
        fmt::format("the row has {} cells; the header has {}", cells.size(), csv_columns_.size()));
  }
  ItemFields f;
  bool item_fields = false;
  for (size_t i = 0; i < cells.size() && i < csv_columns_.size(); ++i) {
    if (cells[i].empty() || csv_columns_[i] < 0) continue;
    std::string_view column = kCsvColumns[csv_columns_[i]];
    Scalar s{Scalar::kCsv, cells[i], false};
    if (column.rfind("consignee.", 0) == 0) {
      impl.SetConsignee(column.substr(10), s);
    } else if (column == "item.contains") {
      item_fields = true;
      f.Present("contains");
      impl.SetCsvContains(cells[i], &f);
    } else if (column.rfind("item.", 0) == 0) {
      item_fields = true;
      impl.SetItemField("item", column.substr(5), s, &f);
    } else if (column == "item" && cells[i].front() == '{') {
      ParseCsvItemJson(&impl, cells[i], out);
    } else {
      impl.SetTop(column, s);
    }
  }
  if (item_fields) {
    if (impl.have_item()) {
      impl.Error(kErrInvalidValue, "item", "give either `item` or `item.*` columns, not both");
    } else {
      // `item.contains` alone names a computer: its kind goes without saying.
      if (f.has_contains && !f.kind) f.kind = "computer";
      impl.ResolveItem("item", &f, &out->item, /*nested=*/false);
      impl.MarkItem();
    }
  }
  impl.Finish();
}

bool SplitCsv(std::string_view line, std::vector<std::string_view>* cells, std::string* buffer,
              char delimiter) {
  cells->clear();
  buffer->clear();
  buffer->reserve(line.size());
  // Unquoted cells are views into `line`; quoted ones are unescaped into
  // `buffer`, which is reserved up front so its views stay valid.
  size_t i = 0;
  while (true) {
    size_t start_of_cell = i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t') && line[i] != delimiter) ++i;
    if (i < line.size() && line[i] == '"') {
      size_t start = buffer->size();
      ++i;
      while (true) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            buffer->push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        buffer->push_back(line[i++]);
      }
      cells->emplace_back(buffer->data() + start, buffer->size() - start);
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t') && line[i] != delimiter) ++i;
      if (i < line.size() && line[i] != delimiter) return false;
    } else {
      i = start_of_cell;
      size_t end = line.find(delimiter, i);
      if (end == std::string_view::npos) end = line.size();
      cells->push_back(Trim(line.substr(i, end - i)));
      i = end;
    }
    if (i >= line.size()) return true;
    ++i;  // the delimiter
    if (i == line.size()) {
      cells->emplace_back();
      return true;
    }
  }
}

char SniffCsvDelimiter(std::string_view header) {
  // The header names hold none of the three, so the one that occurs most
  // outside quotes splits it; a one-column header is comma-separated.
  size_t counts[3] = {0, 0, 0};
  constexpr char kDelimiters[3] = {',', ';', '\t'};
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    for (size_t k = 0; k < 3; ++k) counts[k] += !quoted && c == kDelimiters[k];
  }
  size_t best = 0;
  for (size_t k = 1; k < 3; ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return kDelimiters[best];
}

}  // namespace highfence::io
