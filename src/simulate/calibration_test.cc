// The shipped calibration figures are exactly what Epoch AI's CSV files give.
// Reads the data in place (../shared/data/epoch); skipped, with the reason
// printed, where it is not at hand.
#include "simulate/calibration.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace highfence::simulate {
namespace {

const std::string kDir = std::string(HF_SHARED_DIR) + "/data/epoch/ai-chip-counts/";

// A CSV reader that honours quoted fields (with commas and newlines inside).
std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"')
        field += s[++i];
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

using Sums = std::map<std::pair<int, int>, double>;  // (year, quarter) -> sum

// Sums `column` by the calendar quarter of `Start date` (M/D/YYYY), for rows
// whose `filter_column` equals `filter` (when given).
Sums SumByQuarter(const std::string& file, std::string_view column,
                  std::string_view filter_column = {}, std::string_view filter = {}) {
  const auto rows = ReadCsv(kDir + file);
  Sums sums;
  if (rows.empty()) return sums;
  auto index = [&](std::string_view name) {
    for (size_t i = 0; i < rows[0].size(); ++i) {
      if (rows[0][i] == name) return i;
    }
    ADD_FAILURE() << file << " has no column " << name;
    return size_t{0};
  };
  const size_t start = index("Start date"), value = index(column);
  const size_t key = filter_column.empty() ? 0 : index(filter_column);
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() <= std::max({start, value, key})) continue;
    if (!filter_column.empty() && row[key] != filter) continue;
    int m = 0, d = 0, y = 0;
    if (std::sscanf(row[start].c_str(), "%d/%d/%d", &m, &d, &y) != 3) continue;
    sums[{y, (m - 1) / 3 + 1}] += row[value].empty() ? 0 : std::stod(row[value]);
  }
  return sums;
}

TEST(Calibration, QuarterlyFiguresAreEpochsSums) {
  if (!std::filesystem::exists(kDir)) {
    GTEST_SKIP() << "Epoch AI data not found at " << kDir << ": cannot re-derive the figures";
  }
  const std::string h100e = "Compute estimate in H100e (median)";
  const Sums nvidia = SumByQuarter("csv_export/nvidia_calendar_quarter_chip_timelines.csv", h100e);
  const Sums units =
      SumByQuarter("csv_export/nvidia_calendar_quarter_chip_timelines.csv", "Number of Units");
  const Sums tpu = SumByQuarter("csv_export/tpu_calendar_quarter_chip_timelines.csv", h100e);
  const Sums amd = SumByQuarter("csv_export/amd_chip_timelines.csv", h100e);
  const Sums trainium = SumByQuarter("csv_export/trainium_chip_timelines.csv", h100e);
  Sums legal[3];
  const char* cols[3] = {"Compute estimate in H100e (median)", "H100e (5th percentile)",
                         "H100e (95th percentile)"};
  for (int i = 0; i < 3; ++i) {
    legal[i] =
        SumByQuarter("owners_csv_export/nvidia_owners_quarters.csv", cols[i], "Owner", "China");
    for (const auto& [q, v] :
         SumByQuarter("owners_csv_export/amd_owners_quarters.csv", cols[i], "Owner", "China")) {
      legal[i][q] += v;
    }
  }
  ASSERT_EQ(EpochQuarters().size(), 16u);
  for (const EpochQuarter& e : EpochQuarters()) {
    const std::pair<int, int> q{e.year, e.quarter};
    SCOPED_TRACE(testing::Message() << e.year << "Q" << e.quarter);
    auto at = [&](const Sums& s) { return s.count(q) ? s.at(q) : 0.0; };
    EXPECT_NEAR(e.nvidia_h100e, at(nvidia), 0.5);
    EXPECT_NEAR(e.nvidia_units, at(units), 0.5);
    EXPECT_NEAR(e.tpu_h100e, at(tpu), 0.5);
    EXPECT_NEAR(e.amd_h100e, at(amd), 0.5);
    EXPECT_NEAR(e.trainium_h100e, at(trainium), 0.5);
    EXPECT_NEAR(e.china_legal_h100e, at(legal[0]), 0.5);
    EXPECT_NEAR(e.china_legal_p5, at(legal[1]), 0.5);
    EXPECT_NEAR(e.china_legal_p95, at(legal[2]), 0.5);
  }
}

TEST(Calibration, TargetsSumTheirYears) {
  std::optional<Target> t = FindTarget("epoch.china_legal", 2024, 2024);
  ASSERT_TRUE(t.has_value());
  EXPECT_NEAR(t->median, 20748 + 33363 + 40720 + 48517, 1e-9);
  EXPECT_LT(t->lo, t->median);
  EXPECT_GT(t->hi, t->median);
  EXPECT_TRUE(FindTarget("epoch.china_smuggled", 2024, 2025).has_value());
  EXPECT_FALSE(FindTarget("epoch.china_smuggled", 2026, 2026).has_value());
  EXPECT_NEAR(HistoricalCostRatio(2024), 1.95, 1e-12);
  EXPECT_NEAR(ChinaBudgetUsd(2025), 38e9, 1);
}

}  // namespace
}  // namespace highfence::simulate
