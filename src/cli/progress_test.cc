#include "cli/progress.h"

#include <gtest/gtest.h>

namespace highfence::cli {
namespace {

TEST(ProgressLineTest, LinesAndRateWithoutASize) {
  EXPECT_EQ(ProgressLine(1234567, 2.0, 0, 0, 80), "1,234,567 lines  617,283 lines/s");
}

TEST(ProgressLineTest, PercentAndEtaFromBytes) {
  // A quarter of the file in 3 s: 9 s to go.
  std::string line = ProgressLine(250000, 3.0, 25, 100, 100);
  EXPECT_NE(line.find(" 25%  ETA 0:09"), std::string::npos) << line;
  EXPECT_EQ(line.rfind("[#######", 0), 0u) << line;
  EXPECT_LE(line.size(), 100u);
}

TEST(ProgressLineTest, FitsANarrowTerminal) {
  EXPECT_LE(ProgressLine(250000, 3.0, 25, 100, 30).size(), 30u);
}

}  // namespace
}  // namespace highfence::cli
