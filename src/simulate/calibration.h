// The small derived figures the simulator is calibrated on, with their sources.
//
// Quarterly figures are sums over chip types of Epoch AI's medians in the
// `ai-chip-counts` repository (github.com/epoch-research/ai-chip-counts, commit
// d1b1bc311479ed385befa400e94533afc8b59fb7; MIT licence, "Copyright (c) 2025
// Epoch AI"; Epoch publishes the same data under CC BY: cite "Epoch AI, 'AI
// Chip Sales', epoch.ai"). calibration_test.cc re-derives every quarterly
// figure from the CSV files when they are at hand. The figures Epoch's public
// repository does not hold (smuggling, Huawei) are the research notes' quotes
// of Epoch's published estimates and of other sources, marked as such.
#ifndef HIGHFENCE_SIMULATE_CALIBRATION_H_
#define HIGHFENCE_SIMULATE_CALIBRATION_H_

#include <optional>
#include <span>
#include <string_view>

namespace highfence::simulate {

// One calendar quarter of Epoch AI's estimates (H100e = 8-bit OP/s / H100's).
struct EpochQuarter {
  int year;
  int quarter;            // 1..4
  double nvidia_h100e;    // csv_export/nvidia_calendar_quarter_chip_timelines.csv
  double nvidia_units;    // same file, Number of Units
  double tpu_h100e;       // csv_export/tpu_calendar_quarter_chip_timelines.csv
  double amd_h100e;       // csv_export/amd_chip_timelines.csv
  double trainium_h100e;  // csv_export/trainium_chip_timelines.csv
  // Licensed imports by owner China: owners_csv_export/nvidia_owners_quarters.csv
  // plus amd_owners_quarters.csv (one MI308X row, 2025Q4): median, 5th, 95th.
  double china_legal_h100e, china_legal_p5, china_legal_p95;
};

// 2022Q1 .. 2025Q4 (16 quarters), the complete quarters of every designer.
std::span<const EpochQuarter> EpochQuarters();

// China's AI-accelerator budget in US$ per year (2020..2030).
double ChinaBudgetUsd(int year);
// The average price China paid per H100e over the frontier price in the
// historical record, by year: the prices the budget above was spent at.
double HistoricalCostRatio(int year);

// A calibration target: an interval for an annual figure, with its source.
struct Target {
  std::string_view id;     // "epoch.china_legal", ...
  int year_from, year_to;  // the sum over these years
  double lo, median, hi;
  std::string_view source;
};

// The target `id` for the years [year_from, year_to]; nullopt when none.
std::optional<Target> FindTarget(std::string_view id, int year_from, int year_to);
// Every target (for the report).
std::span<const Target> StaticTargets();

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_CALIBRATION_H_
