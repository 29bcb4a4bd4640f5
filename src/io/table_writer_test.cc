#include "io/table_writer.h"

#include <gtest/gtest.h>

#include <string>

namespace highfence::io {
namespace {

Shipment Echoed(std::string id, std::string consignee) {
  Shipment s;
  s.Clear();
  s.id = std::move(id);
  s.date = *Date::Parse("2025-06-01");
  s.destination = *CountryCode::Parse("CN");
  s.item.catalog_id = "nvidia-h20";
  s.units = 10;
  s.consignee.name = std::move(consignee);
  return s;
}

Determination Decided(std::string id) {
  Determination d;
  d.Clear();
  d.id = std::move(id);
  d.regime = "us-2025-01";
  d.decision = Decision::kLicenseRequired;
  d.license_policy = LicensePolicy::kPresumptionOfDenial;
  d.AddReason("classify.tpp", "15 CFR 774", "TPP 2368");
  d.AddReason("policy.denial", "15 CFR 742.6(b)(10)", "Macau or D:5: presumption_of_denial");
  return d;
}

// Every line of `text` is valid UTF-8 and at most `width` columns wide.
void ExpectFits(const std::string& text, size_t width) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end - start);
    EXPECT_LE(DisplayWidth(line), width) << line;
    start = end + 1;
  }
}

TEST(DisplayWidthTest, CountsColumnsNotBytes) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("Société"), 7u);
  EXPECT_EQ(DisplayWidth("订单"), 4u);       // wide characters
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute
}

TEST(AppendCellTest, CutsOnCharacterBoundaries) {
  // The bug the issue reports: `订单-2025-华` cut inside the UTF-8 of 华.
  std::string out;
  AppendCell("订单-2025-华为技术", 12, false, &out);
  EXPECT_EQ(out, "订单-2025-~ ");  // 华 (2 columns) does not fit before the `~`
  EXPECT_EQ(DisplayWidth(out), 12u);
  out.clear();
  AppendCell("abc", 5, true, &out);
  EXPECT_EQ(out, "  abc");
  out.clear();
  AppendCell("Société Générale", 8, false, &out);
  EXPECT_EQ(out, "Société~");
  out.clear();
  AppendCell("line\nbreak", 10, false, &out);
  EXPECT_EQ(out, "line break");
}

TEST(TableWriterTest, EchoesTheShipmentAndTheDecidingReason) {
  TableWriter table(160);
  std::string text;
  table.Header("mode as_enforced, regime by each shipment's date", &text);
  table.Row(Decided("PO-1"), Echoed("PO-1", "Beijing Ltd"), 1, &text);
  EXPECT_EQ(text.rfind("mode as_enforced", 0), 0u) << text;
  for (std::string_view want :
       {"ID", "DATE", "TO", "ITEM", "UNITS", "CONSIGNEE", "DECISION", "AUTHORIZATION/POLICY",
        "REASON", "PO-1", "2025-06-01", "CN", "nvidia-h20", "10", "Beijing Ltd", "license_required",
        "presumption_of_denial", "Macau or D:5"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  }
  ExpectFits(text, 160);
}

TEST(TableWriterTest, FitsNarrowTerminalsByLeavingColumnsOut) {
  for (size_t width : {60u, 80u, 100u, 120u}) {
    TableWriter table(width);
    std::string text;
    table.Header("mode as_written", &text);
    table.Row(Decided("订单-2025-华为技术有限公司-0001"), Echoed("x", "华为技术有限公司"), 1,
              &text);
    ExpectFits(text, width);
    EXPECT_NE(text.find("DECISION"), std::string::npos) << width;
    EXPECT_NE(text.find("license_required"), std::string::npos) << width;
  }
}

TEST(TableWriterTest, RowWithoutIdNamesTheLine) {
  Determination d = Decided("");
  Shipment s;
  s.Clear();
  std::string text;
  TableWriter(120).Row(d, s, 9, &text);
  EXPECT_EQ(text.rfind("(line 9)", 0), 0u) << text;
}

TEST(RunSummaryTest, CountsDecisionsDrawsAndErrorCodes) {
  RunSummary summary;
  Determination a = Decided("a");
  a.decision = Decision::kAuthorized;
  a.debits.push_back({"lpp:acme:2025", *Fixed::Parse("100.5"), TransferState::kPosted, {}});
  a.debits.push_back({"allocation:MY", *Fixed::Parse("7"), TransferState::kPending, {}});
  summary.Add(a);
  summary.Add(a);
  Determination r;
  r.Clear();
  r.decision = Decision::kNeedsReview;
  r.errors.push_back({"missing_field", "units", "x"});
  r.errors.push_back({"missing_field", "date", "x"});
  summary.Add(r);
  EXPECT_EQ(summary.total(), 3);
  EXPECT_EQ(summary.count(Decision::kAuthorized), 2);
  std::string text;
  summary.Append("mode as_enforced", &text);
  EXPECT_NE(text.find("Summary: 3 shipments (mode as_enforced)"), std::string::npos) << text;
  EXPECT_NE(text.find("lpp posted"), std::string::npos) << text;
  EXPECT_NE(text.find("201"), std::string::npos) << text;  // 2 x 100.5, exact
  EXPECT_NE(text.find("allocation pending"), std::string::npos) << text;
  size_t at = text.find("missing_field");
  ASSERT_NE(at, std::string::npos) << text;
  EXPECT_EQ(text[text.find('\n', at) - 1], '1') << text;  // one line, not two errors
}

}  // namespace
}  // namespace highfence::io
