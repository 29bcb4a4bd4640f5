#include "io/determination_writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "io/shipment_parser.h"

namespace highfence::io {
namespace {

namespace dom = simdjson::dom;

// Static storage: reasons and notices hold views.
constexpr std::string_view kTricky =
    "quote \" backslash \\ slash / tab \t nl \n cr \r "
    "ctl \x01\x1f del \x7f utf8 Zürich 東京 🚀";

Determination Filled() {
  Determination d;
  d.Clear();
  d.id = "S-1";
  d.regime = "us-2025-01";
  d.mode = Mode::kAsEnforced;
  d.eccn = Eccn::k3A090a;
  d.tpp = *Fixed::Parse("15832");
  d.tpp_total = *Fixed::Parse("126656");
  d.performance_density = *Fixed::Parse("19.45");
  d.tier = 2;
  d.decision = Decision::kAuthorized;
  d.authorization = Authorization::kLpp;
  d.AddNotice("lpp_prior_notice");
  d.AddNotice("lpp_certification");
  d.debits.push_back({"lpp:acme:2025", *Fixed::Parse("126656"), TransferState::kPosted, {}});
  d.debits.push_back(
      {"allocation:MY", *Fixed::Parse("0.5"), TransferState::kPending, *Fixed::Parse("1000")});
  d.AddReason("classify.tpp", "15 CFR 774 supp. 1", "TPP 15832 = 1979 x 8");
  d.AddReason("auth.lpp", "15 CFR 740.29(b)", "LPP available");
  return d;
}

Determination NeedsReview() {
  Determination d;
  d.Clear();
  d.id = "S-2";
  d.errors.push_back({"out_of_range", "units", "`units` must be from 1 to 1000000, got 0"});
  return d;
}

// A parsed `null`: what lookups return on failure, so a failed expectation does
// not crash the tests that follow it.
dom::element Null() {
  static dom::parser* const parser = new dom::parser();
  static const dom::element null = parser->parse("null", 4).value_unsafe();
  return null;
}

class WriterJsonTest : public ::testing::Test {
 protected:
  // Writes `d` and parses it back; the text must be exactly one line.
  dom::element Write(const Determination& d, int64_t line) {
    text_.clear();
    AppendJson(d, line, &text_);
    EXPECT_EQ(text_.back(), '\n');
    EXPECT_EQ(text_.find('\n'), text_.size() - 1) << text_;
    dom::element root;
    simdjson::error_code e = parser_.parse(text_).get(root);
    EXPECT_EQ(e, simdjson::SUCCESS) << simdjson::error_message(e) << "\n" << text_;
    if (e) return Null();
    EXPECT_TRUE(root.is_object()) << text_;
    return root;
  }
  std::string text_;
  dom::parser parser_;
};

dom::element Get(dom::element e, std::string_view key) {
  dom::element v;
  simdjson::error_code error = e[key].get(v);
  EXPECT_EQ(error, simdjson::SUCCESS) << key;
  return error ? Null() : v;
}

bool Absent(dom::element e, std::string_view key) {
  return e[key].error() == simdjson::NO_SUCH_FIELD;
}

dom::element At(dom::element array, size_t i) {
  dom::element v;
  simdjson::error_code error = array.at(i).get(v);
  EXPECT_EQ(error, simdjson::SUCCESS) << i;
  return error ? Null() : v;
}

size_t Size(dom::element array) {
  dom::array a;
  EXPECT_EQ(array.get_array().get(a), simdjson::SUCCESS);
  return a.size();
}

std::string_view Str(dom::element e) {
  std::string_view s;
  EXPECT_EQ(e.get_string().get(s), simdjson::SUCCESS);
  return s;
}

int64_t Int(dom::element e) {
  int64_t v = -1;
  EXPECT_EQ(e.get_int64().get(v), simdjson::SUCCESS);
  return v;
}

// The raw JSON text of a top-level scalar member.
std::string_view Raw(const std::string& text, std::string_view key) {
  size_t at = text.find("\"" + std::string(key) + "\":");
  if (at == std::string::npos) return {};
  std::string_view rest = std::string_view(text).substr(at + key.size() + 3);
  return rest.substr(0, rest.find_first_of(",}"));
}

TEST_F(WriterJsonTest, EveryContractFieldWithItsType) {
  dom::element o = Write(Filled(), 7);
  EXPECT_EQ(Str(Get(o, "id")), "S-1");
  EXPECT_EQ(Str(Get(o, "regime")), "us-2025-01");
  EXPECT_EQ(Str(Get(o, "mode")), "as_enforced");
  EXPECT_EQ(Str(Get(o, "eccn")), "3A090.a");
  EXPECT_EQ(Int(Get(o, "tpp")), 15832);
  EXPECT_EQ(Int(Get(o, "tpp_total")), 126656);
  EXPECT_EQ(Raw(text_, "performance_density"), "19.45");  // exact text
  EXPECT_TRUE(Get(o, "performance_density").is_double());
  EXPECT_EQ(Int(Get(o, "tier")), 2);
  EXPECT_EQ(Str(Get(o, "decision")), "authorized");
  EXPECT_EQ(Str(Get(o, "authorization")), "LPP");
  EXPECT_TRUE(Get(o, "license_policy").is_null());
  EXPECT_TRUE(Absent(o, "line"));  // not needs_review
}

TEST_F(WriterJsonTest, Arrays) {
  dom::element o = Write(Filled(), 7);
  dom::element notices = Get(o, "notices");
  ASSERT_EQ(Size(notices), 2u);
  EXPECT_EQ(Str(At(notices, 0)), "lpp_prior_notice");
  dom::element debits = Get(o, "debits");
  ASSERT_EQ(Size(debits), 2u);
  EXPECT_EQ(Str(Get(At(debits, 0), "account")), "lpp:acme:2025");
  EXPECT_EQ(Int(Get(At(debits, 0), "tpp")), 126656);
  EXPECT_EQ(Str(Get(At(debits, 1), "state")), "pending");
  EXPECT_EQ(Get(At(debits, 1), "tpp").get_double().value_unsafe(), 0.5);
  dom::element reasons = Get(o, "reasons");
  ASSERT_EQ(Size(reasons), 2u);
  EXPECT_EQ(Str(Get(At(reasons, 1), "rule")), "auth.lpp");
  EXPECT_EQ(Str(Get(At(reasons, 1), "citation")), "15 CFR 740.29(b)");
  EXPECT_EQ(Str(Get(At(reasons, 1), "text")), "LPP available");
  EXPECT_EQ(Size(Get(o, "errors")), 0u);
}

TEST_F(WriterJsonTest, EmptyFieldsAreNull) {
  Determination d;
  d.Clear();
  d.id = "S-3";
  d.decision = Decision::kNotControlled;
  dom::element o = Write(d, 3);
  for (const char* key : {"eccn", "tpp", "tpp_total", "performance_density", "tier",
                          "authorization", "license_policy"}) {
    EXPECT_TRUE(Get(o, key).is_null()) << key << " in " << text_;
  }
  EXPECT_EQ(Str(Get(o, "regime")), "none");
  EXPECT_EQ(Str(Get(o, "mode")), "as_enforced");  // the default mode (contract section 5)
  EXPECT_EQ(Str(Get(o, "decision")), "not_controlled");
  dom::element other;
  EXPECT_NE(o["other_mode"].get(other), simdjson::SUCCESS) << "absent unless the modes differ";
  for (const char* key : {"notices", "debits", "reasons", "errors", "assumed"}) {
    EXPECT_EQ(Size(Get(o, key)), 0u) << key;
  }
  EXPECT_TRUE(Absent(o, "line"));
}

TEST_F(WriterJsonTest, LineOnlyForNeedsReview) {
  dom::element o = Write(NeedsReview(), 12);
  EXPECT_EQ(Int(Get(o, "line")), 12);
  EXPECT_EQ(Str(Get(o, "decision")), "needs_review");
  dom::element errors = Get(o, "errors");
  ASSERT_EQ(Size(errors), 1u);
  EXPECT_EQ(Str(Get(At(errors, 0), "code")), "out_of_range");
  EXPECT_EQ(Str(Get(At(errors, 0), "field")), "units");
  EXPECT_FALSE(Str(Get(At(errors, 0), "message")).empty());
  // No line number known (one shipment from flags): no `line`.
  EXPECT_TRUE(Absent(Write(NeedsReview(), 0), "line"));
}

TEST_F(WriterJsonTest, StringsAreEscapedAndRoundTrip) {
  Determination d = NeedsReview();
  d.id = std::string(kTricky);
  d.AddReason("r", kTricky, kTricky);
  d.errors.push_back({"c", std::string(kTricky), std::string(kTricky)});
  d.debits.push_back({std::string(kTricky), *Fixed::Parse("1"), TransferState::kPosted, {}});
  dom::element o = Write(d, 1);
  EXPECT_EQ(Str(Get(o, "id")), kTricky);
  EXPECT_EQ(Str(Get(At(Get(o, "reasons"), 0), "citation")), kTricky);
  EXPECT_EQ(Str(Get(At(Get(o, "reasons"), 0), "text")), kTricky);
  EXPECT_EQ(Str(Get(At(Get(o, "errors"), 1), "field")), kTricky);
  EXPECT_EQ(Str(Get(At(Get(o, "errors"), 1), "message")), kTricky);
  EXPECT_EQ(Str(Get(At(Get(o, "debits"), 0), "account")), kTricky);
}

TEST(WriterJsonString, EscapesExactly) {
  std::string out;
  AppendJsonString("a\"b\\c\nd\re\tf\x01g\x1fh\x7fi/é", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\x7fi/é\"");
  out.clear();
  AppendJsonString(std::string_view("\0x", 2), &out);
  EXPECT_EQ(out, "\"\\u0000x\"");
  out.clear();
  AppendJsonString("", &out);
  EXPECT_EQ(out, "\"\"");
}

TEST(WriterJsonString, EveryControlCharacterRoundTrips) {
  std::string all;
  for (int c = 0; c < 0x20; ++c) all.push_back(static_cast<char>(c));
  std::string out;
  AppendJsonString(all, &out);
  for (char c : out) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << out;
  dom::parser parser;
  std::string_view back;
  ASSERT_EQ(parser.parse(out).get_string().get(back), simdjson::SUCCESS) << out;
  EXPECT_EQ(back, all);
}

// --- CSV and table -----------------------------------------------------------------

std::vector<std::string> SplitRow(const std::string& row) {
  std::string line = row.substr(0, row.size() - 1);  // without '\n'
  std::vector<std::string_view> cells;
  std::string buffer;
  EXPECT_TRUE(SplitCsv(line, &cells, &buffer)) << row;
  return std::vector<std::string>(cells.begin(), cells.end());
}

Shipment Echoed() {
  Shipment s;
  s.Clear();
  s.id = "S-1";
  s.date = *Date::Parse("2025-06-01");
  s.destination = *CountryCode::Parse("MY");
  s.item.catalog_id = "nvidia-h100-sxm";
  s.units = 8;
  s.consignee.name = "Acme, Sdn Bhd";
  return s;
}

TEST(WriterCsv, HeaderMatchesRowWidth) {
  std::string header, row;
  AppendCsvHeader(&header);
  AppendCsv(Filled(), Echoed(), &row);
  std::vector<std::string> h = SplitRow(header);
  std::vector<std::string> r = SplitRow(row);
  ASSERT_EQ(h.size(), r.size());
  EXPECT_EQ(h[0], "id");
  EXPECT_EQ(h[13], "decision");
  EXPECT_EQ(r[13], "authorized");
  EXPECT_EQ(r[8], "3A090.a");
  EXPECT_EQ(r[11], "19.45");
  EXPECT_EQ(r[14], "LPP");
  EXPECT_EQ(r[17], "lpp_prior_notice;lpp_certification");
}

TEST(WriterCsv, EchoesTheShipmentBesideTheId) {
  std::string row;
  AppendCsv(Filled(), Echoed(), &row);
  std::vector<std::string> r = SplitRow(row);
  ASSERT_GE(r.size(), 17u);
  EXPECT_EQ(r[1], "2025-06-01");
  EXPECT_EQ(r[2], "MY");
  EXPECT_EQ(r[3], "nvidia-h100-sxm");
  EXPECT_EQ(r[4], "8");
  EXPECT_EQ(r[5], "Acme, Sdn Bhd");
  // The deciding reason is the derivation's last step, with the notices owed.
  EXPECT_EQ(r[16], "LPP available; owes lpp_prior_notice, lpp_certification");
}

TEST(WriterCsv, DebitsKeepTheirState) {
  std::string row;
  AppendCsv(Filled(), Echoed(), &row);
  EXPECT_EQ(SplitRow(row)[18], "lpp:acme:2025=126656:posted;allocation:MY=0.5:pending");
}

TEST(WriterCsv, QuotesCellsWithCommasQuotesAndNewlines) {
  Determination d = NeedsReview();
  d.id = "a,\"b\"";
  d.errors.push_back({"wrong_type", "x", "line one\nline, two"});
  std::string row;
  Shipment s;
  s.Clear();
  AppendCsv(d, s, &row);
  EXPECT_EQ(row.rfind("\"a,\"\"b\"\"\",", 0), 0u) << row;
  EXPECT_EQ(row.back(), '\n');
  // The error cell holds a newline inside quotes: split on the first record only.
  std::string first = row.substr(0, row.find('\n'));
  EXPECT_NE(first.find(",\"units: "), std::string::npos) << row;
}

TEST(WriterCsv, CellsRoundTripThroughSplitCsv) {
  Determination d = NeedsReview();
  d.id = "Acme, \"Ltd\"";
  d.errors[0].message = "bad, very \"bad\"";
  std::string row;
  Shipment s;
  s.Clear();
  AppendCsv(d, s, &row);
  std::vector<std::string> cells = SplitRow(row);
  ASSERT_EQ(cells.size(), 23u) << row;
  EXPECT_EQ(cells[0], d.id);
  EXPECT_EQ(cells[1], "");  // nothing parsed: nothing echoed
  EXPECT_EQ(cells[13], "needs_review");
  EXPECT_EQ(cells[20], "units: bad, very \"bad\"");
}

}  // namespace
}  // namespace highfence::io

namespace highfence::io {
namespace {

TEST_F(WriterJsonTest, AssumedAndOtherMode) {
  Determination d;
  d.Clear();
  d.id = "S-4";
  d.decision = Decision::kNoLicenseRequired;
  d.Assume("consignee.hq", "MY");
  d.Assume("consignee.hq", "SG");  // a field is listed once
  d.other_mode = OtherMode{Mode::kAsWritten, Decision::kAuthorized, Authorization::kLpp,
                           LicensePolicy::kNone};
  dom::element o = Write(d, 4);
  ASSERT_EQ(Size(Get(o, "assumed")), 1u) << text_;
  dom::element a;
  ASSERT_EQ(Get(o, "assumed").at(0).get(a), simdjson::SUCCESS);
  EXPECT_EQ(Str(Get(a, "field")), "consignee.hq");
  EXPECT_EQ(Str(Get(a, "value")), "MY");
  dom::element other = Get(o, "other_mode");
  EXPECT_EQ(Str(Get(other, "mode")), "as_written");
  EXPECT_EQ(Str(Get(other, "decision")), "authorized");
  EXPECT_EQ(Str(Get(other, "authorization")), "LPP");
  EXPECT_TRUE(Get(other, "license_policy").is_null());
}

}  // namespace
}  // namespace highfence::io
