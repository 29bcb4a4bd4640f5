#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef HF_SOURCE_DIR
#error "the build must define HF_SOURCE_DIR (the repository path)"
#endif
#ifndef HF_SHARED_DIR
#error "the build must define HF_SHARED_DIR (the repository's ../shared)"
#endif

namespace highfence::catalog {
namespace {

constexpr std::string_view kContractIds[] = {
    "nvidia-a100-sxm4-80gb",
    "nvidia-a800-sxm4-80gb",
    "nvidia-a30",
    "nvidia-h100-sxm",
    "nvidia-h20",
    "nvidia-h200-sxm",
    "nvidia-b200",
    "nvidia-l40s",
    "nvidia-rtx-4090",
    "nvidia-rtx-4090d",
    "amd-mi300x",
    "huawei-ascend-910c",
};

Fixed F(std::string_view text) {
  std::optional<Fixed> f = Fixed::Parse(text);
  EXPECT_TRUE(f.has_value()) << text;
  return f.value_or(Fixed());
}

const Catalog& Embedded() {
  static const Catalog* const kCatalog = [] {
    Result<Catalog> c = Catalog::Embedded();
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return new Catalog(c.ok() ? std::move(c).value() : Catalog());
  }();
  return *kCatalog;
}

// ---------------------------------------------------------------------------
// The embedded catalog.

TEST(CatalogEmbedded, Parses) {
  Result<Catalog> c = Catalog::Embedded();
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_GE(c->all().size(), 60u);
  for (size_t i = 1; i < c->all().size(); ++i) {
    EXPECT_LT(c->all()[i - 1].id, c->all()[i].id) << "not sorted by id";
  }
}

TEST(CatalogEmbedded, SameAsFileInSourceTree) {
  const std::filesystem::path path =
      std::filesystem::path(HF_SOURCE_DIR) / "catalog" / "accelerators.toml";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "source tree not available: cannot open " << path;
  std::stringstream text;
  text << in.rdbuf();
  Result<Catalog> c = Catalog::Parse(text.str(), path.string());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->all().size(), Embedded().all().size());
  for (size_t i = 0; i < c->all().size(); ++i) {
    EXPECT_EQ(c->all()[i].id, Embedded().all()[i].id);
    EXPECT_EQ(c->all()[i].tpp, Embedded().all()[i].tpp);
  }
}

TEST(CatalogEmbedded, ContractIdsExist) {
  for (std::string_view id : kContractIds) {
    const Accelerator* a = Embedded().Find(id);
    ASSERT_NE(a, nullptr) << "missing contract id " << id;
    EXPECT_EQ(a->id, id);
  }
}

TEST(CatalogEmbedded, FindUnknownIsNull) {
  EXPECT_EQ(Embedded().Find(""), nullptr);
  EXPECT_EQ(Embedded().Find("nvidia-h100"), nullptr);
  EXPECT_EQ(Embedded().Find("nvidia-h100-sxm-x"), nullptr);
  EXPECT_EQ(Embedded().Find("zzz-unknown"), nullptr);
  EXPECT_EQ(Embedded().Find("NVIDIA-H100-SXM"), nullptr);
}

TEST(CatalogEmbedded, FindsEveryEntry) {
  for (const Accelerator& a : Embedded().all()) EXPECT_EQ(Embedded().Find(a.id), &a);
}

TEST(CatalogEmbedded, TppIsExactlyDenseTopsTimesBitLength) {
  for (const Accelerator& a : Embedded().all()) {
    std::optional<Fixed> product = Fixed::MulCount(a.dense_tops, a.bit_length);
    ASSERT_TRUE(product.has_value()) << a.id;
    EXPECT_EQ(product->ToString(), a.tpp.ToString())
        << a.id << ": " << a.dense_tops.ToString() << " x " << a.bit_length
        << " != " << a.tpp.ToString();
  }
}

TEST(CatalogEmbedded, EveryEntryHasSourcesAndNotes) {
  for (const Accelerator& a : Embedded().all()) {
    EXPECT_FALSE(a.sources.empty()) << a.id;
    EXPECT_FALSE(a.notes.empty()) << a.id;
    EXPECT_FALSE(a.vendor.empty()) << a.id;
    EXPECT_FALSE(a.model.empty()) << a.id;
    EXPECT_GT(a.year, 0) << a.id;
  }
}

TEST(CatalogEmbedded, SpotValues) {
  const Catalog& c = Embedded();
  const Accelerator* h100 = c.Find("nvidia-h100-sxm");
  ASSERT_NE(h100, nullptr);
  EXPECT_EQ(h100->tpp.ToString(), "15832");
  ASSERT_TRUE(h100->die_area_mm2.has_value());
  EXPECT_EQ(h100->die_area_mm2->ToString(), "814");
  EXPECT_TRUE(h100->datacenter);
  EXPECT_FALSE(h100->gp10);

  const Accelerator* rtx = c.Find("nvidia-rtx-4090");
  ASSERT_NE(rtx, nullptr);
  EXPECT_EQ(rtx->tpp.ToString(), "5284.8");
  EXPECT_EQ(rtx->dense_tops, F("660.6"));
  EXPECT_EQ(rtx->bit_length, 8);
  EXPECT_FALSE(rtx->datacenter);

  const Accelerator* rtxd = c.Find("nvidia-rtx-4090d");
  ASSERT_NE(rtxd, nullptr);
  EXPECT_EQ(rtxd->tpp.ToString(), "4706.8");
  EXPECT_FALSE(rtxd->datacenter);

  const Accelerator* c910 = c.Find("huawei-ascend-910c");
  ASSERT_NE(c910, nullptr);
  EXPECT_TRUE(c910->gp10);
  const Accelerator* b910 = c.Find("huawei-ascend-910b");
  ASSERT_NE(b910, nullptr);
  EXPECT_TRUE(b910->gp10);

  const Accelerator* h20 = c.Find("nvidia-h20");
  ASSERT_NE(h20, nullptr);
  EXPECT_EQ(h20->tpp.ToString(), "2368");
  ASSERT_TRUE(h20->dram_bandwidth_gbs.has_value());
  EXPECT_EQ(h20->dram_bandwidth_gbs->ToString(), "4000");

  // gp10 is set only for the chips named in the 2025-05-13 guidance.
  for (const Accelerator& a : c.all()) {
    EXPECT_EQ(a.gp10, a.id == "huawei-ascend-910b" || a.id == "huawei-ascend-910c") << a.id;
  }
}

// ---------------------------------------------------------------------------
// The catalog against ../shared/data/chips.csv.

// Parses RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside
// quotes). Returns nullopt on an unterminated quote.
std::optional<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool field_started = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (field_started || !field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      field_started = false;
    } else {
      field.push_back(c);
      field_started = true;
    }
  }
  if (quoted) return std::nullopt;
  if (field_started || !field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> SplitUrls(std::string_view s) {
  std::vector<std::string> out;
  constexpr std::string_view kSep = " | ";
  while (true) {
    size_t pos = s.find(kSep);
    out.emplace_back(s.substr(0, pos));
    if (pos == std::string_view::npos) break;
    s.remove_prefix(pos + kSep.size());
  }
  return out;
}

TEST(CatalogCsv, EveryEntryMatchesItsChipsCsvRow) {
  const std::filesystem::path path = std::filesystem::path(HF_SHARED_DIR) / "data" / "chips.csv";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    GTEST_SKIP() << "chips.csv not available at " << path
                 << " (the shared data directory is not checked out beside the repo)";
  }
  std::stringstream buf;
  buf << in.rdbuf();
  std::optional<std::vector<std::vector<std::string>>> rows = ParseCsv(buf.str());
  ASSERT_TRUE(rows.has_value()) << "unterminated quote in " << path;
  ASSERT_GE(rows->size(), 2u);

  std::map<std::string, size_t> col;
  for (size_t i = 0; i < (*rows)[0].size(); ++i) col[(*rows)[0][i]] = i;
  for (const char* name :
       {"vendor", "model", "die_area_mm2", "bitlength_for_tpp", "dense_tops_at_that_bitlength",
        "tpp", "datacenter_marketed", "source_urls"}) {
    ASSERT_TRUE(col.count(name)) << "chips.csv has no column " << name;
  }
  auto cell = [&](const std::vector<std::string>& row, const char* name) -> std::string {
    const size_t i = col.at(name);
    return i < row.size() ? row[i] : std::string();
  };

  // (vendor, model) -> row
  std::map<std::pair<std::string, std::string>, const std::vector<std::string>*> by_name;
  for (size_t r = 1; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    auto [it, inserted] = by_name.emplace(std::pair(cell(row, "vendor"), cell(row, "model")), &row);
    EXPECT_TRUE(inserted) << "duplicate CSV row " << cell(row, "vendor") << " "
                          << cell(row, "model");
  }

  for (const Accelerator& a : Embedded().all()) {
    SCOPED_TRACE(a.id);
    auto it = by_name.find({a.vendor, a.model});
    ASSERT_NE(it, by_name.end()) << "no chips.csv row for " << a.vendor << " / " << a.model;
    const std::vector<std::string>& row = *it->second;

    EXPECT_EQ(a.dense_tops.ToString(), F(cell(row, "dense_tops_at_that_bitlength")).ToString());
    EXPECT_EQ(std::to_string(a.bit_length), cell(row, "bitlength_for_tpp"));
    const std::string die = cell(row, "die_area_mm2");
    if (die.empty()) {
      EXPECT_FALSE(a.die_area_mm2.has_value());
    } else {
      ASSERT_TRUE(a.die_area_mm2.has_value());
      EXPECT_EQ(a.die_area_mm2->ToString(), F(die).ToString());
    }
    const std::string dc = cell(row, "datacenter_marketed");
    ASSERT_TRUE(dc == "yes" || dc == "no") << dc;
    EXPECT_EQ(a.datacenter, dc == "yes");
    // The CSV's tpp column is our exact tpp rounded to an integer.
    const Fixed csv_tpp = F(cell(row, "tpp"));
    const int64_t diff = csv_tpp.milli() - a.tpp.milli();
    EXPECT_LE(std::llabs(diff), Fixed::kScale)
        << "csv tpp " << csv_tpp.ToString() << " vs exact " << a.tpp.ToString();
    EXPECT_EQ(a.sources, SplitUrls(cell(row, "source_urls")));
  }

  // Conversely, every CSV row with a dense figure and a bit length is in the catalog.
  for (const auto& [name, row] : by_name) {
    if (cell(*row, "dense_tops_at_that_bitlength").empty() ||
        cell(*row, "bitlength_for_tpp").empty()) {
      continue;
    }
    bool found = false;
    for (const Accelerator& a : Embedded().all()) {
      found = found || (a.vendor == name.first && a.model == name.second);
    }
    EXPECT_TRUE(found) << "chips.csv row not in the catalog: " << name.first << " / "
                       << name.second;
  }
}

// ---------------------------------------------------------------------------
// Strictness of Catalog::Parse.

constexpr std::string_view kSource = "test-catalog.toml";

// A valid entry as ordered (key, TOML value) pairs, so tests can drop or replace
// one key.
using Entry = std::vector<std::pair<std::string, std::string>>;

Entry ValidEntry(std::string_view id = "acme-x1") {
  return {
      {"id", "\"" + std::string(id) + "\""},
      {"vendor", "\"Acme\""},
      {"model", "\"X1\""},
      {"year", "2024"},
      {"dense_tops", "\"660.6\""},
      {"bit_length", "8"},
      {"tpp", "\"5284.8\""},
      {"die_area_mm2", "\"608.5\""},
      {"dies", "1"},
      {"datacenter", "false"},
      {"memory_gb", "\"24\""},
      {"dram_bandwidth_gbs", "\"1008\""},
      {"interconnect_gbs", "\"64\""},
      {"gp10", "false"},
      {"sources", "[\"https://example.com/x1\"]"},
      {"notes", "\"FP8 660.6 x 8 = 5,284.8\""},
  };
}

Entry With(Entry e, std::string_view key, std::string_view value) {
  for (auto& [k, v] : e) {
    if (k == key) {
      v = std::string(value);
      return e;
    }
  }
  e.emplace_back(std::string(key), std::string(value));
  return e;
}

Entry Without(Entry e, std::string_view key) {
  std::erase_if(e, [&](const auto& kv) { return kv.first == key; });
  return e;
}

std::string Toml(const std::vector<Entry>& entries) {
  std::string out = "# test catalog\n";
  for (const Entry& e : entries) {
    out += "\n[[accelerator]]\n";
    for (const auto& [k, v] : e) out += k + " = " + v + "\n";
  }
  return out;
}

// Parses `text` expecting failure; returns the message.
std::string ParseError(const std::string& text) {
  Result<Catalog> c = Catalog::Parse(text, kSource);
  EXPECT_FALSE(c.ok()) << "parsed unexpectedly:\n" << text;
  if (c.ok()) return "";
  EXPECT_EQ(c.status().code(), Status::Code::kInvalidArgument);
  return std::string(c.status().message());
}

TEST(CatalogParse, AcceptsValidEntries) {
  Result<Catalog> c = Catalog::Parse(Toml({ValidEntry("acme-x2"), ValidEntry("acme-x1")}), kSource);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->all().size(), 2u);
  EXPECT_EQ(c->all()[0].id, "acme-x1");  // sorted
  const Accelerator* a = c->Find("acme-x1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->vendor, "Acme");
  EXPECT_EQ(a->model, "X1");
  EXPECT_EQ(a->year, 2024);
  EXPECT_EQ(a->tpp, F("5284.8"));
  EXPECT_EQ(a->bit_length, 8);
  EXPECT_EQ(a->die_area_mm2, F("608.5"));
  EXPECT_EQ(a->dies, 1);
  EXPECT_FALSE(a->datacenter);
  EXPECT_EQ(a->memory_gb, F("24"));
  EXPECT_EQ(a->dram_bandwidth_gbs, F("1008"));
  EXPECT_EQ(a->interconnect_gbs, F("64"));
  EXPECT_FALSE(a->gp10);
  EXPECT_EQ(a->sources, std::vector<std::string>{"https://example.com/x1"});
  EXPECT_EQ(a->notes, "FP8 660.6 x 8 = 5,284.8");
}

TEST(CatalogParse, OptionalKeysMayBeAbsent) {
  Entry e = ValidEntry();
  for (const char* key : {"year", "die_area_mm2", "dies", "memory_gb", "dram_bandwidth_gbs",
                          "interconnect_gbs", "gp10", "notes"}) {
    e = Without(e, key);
  }
  Result<Catalog> c = Catalog::Parse(Toml({e}), kSource);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const Accelerator& a = c->all().at(0);
  EXPECT_FALSE(a.die_area_mm2.has_value());
  EXPECT_FALSE(a.memory_gb.has_value());
  EXPECT_FALSE(a.interconnect_gbs.has_value());
  EXPECT_FALSE(a.gp10);
  EXPECT_EQ(a.dies, 0);
  EXPECT_EQ(a.year, 0);
}

TEST(CatalogParse, EmptyTextIsAnEmptyCatalog) {
  Result<Catalog> c = Catalog::Parse("", kSource);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(c->all().empty());
  EXPECT_EQ(c->Find("acme-x1"), nullptr);
}

TEST(CatalogParse, RejectsUnknownKey) {
  const std::string msg = ParseError(Toml({With(ValidEntry(), "sparse_tops", "\"1321.2\"")}));
  EXPECT_NE(msg.find("sparse_tops"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unknown key"), std::string::npos) << msg;
  EXPECT_NE(msg.find(kSource), std::string::npos) << msg;
  EXPECT_NE(msg.find("acme-x1"), std::string::npos) << msg;
}

TEST(CatalogParse, RejectsUnknownTopLevelKey) {
  const std::string msg = ParseError("version = 1\n" + Toml({ValidEntry()}));
  EXPECT_NE(msg.find("version"), std::string::npos) << msg;
  EXPECT_NE(msg.find(kSource), std::string::npos) << msg;
}

TEST(CatalogParse, RejectsAcceleratorThatIsNotAnArrayOfTables) {
  std::string msg = ParseError("accelerator = 3\n");
  EXPECT_NE(msg.find("accelerator"), std::string::npos) << msg;
  msg = ParseError("accelerator = [1, 2]\n");
  EXPECT_NE(msg.find("accelerator"), std::string::npos) << msg;
}

TEST(CatalogParse, RejectsDuplicateId) {
  const std::string msg = ParseError(Toml({ValidEntry("acme-x1"), ValidEntry("acme-x1")}));
  EXPECT_NE(msg.find("duplicate id"), std::string::npos) << msg;
  EXPECT_NE(msg.find("\"acme-x1\""), std::string::npos) << msg;
  EXPECT_NE(msg.find("\"id\""), std::string::npos) << msg;
  EXPECT_NE(msg.find(kSource), std::string::npos) << msg;
}

TEST(CatalogParse, RejectsBadIdSyntax) {
  for (const char* bad : {"\"Acme-X1\"", "\"acme_x1\"", "\"acmex1\"", "\"-acme-x1\"",
                          "\"acme-x1-\"", "\"acme--x1\"", "\"acme x1\"", "\"\"", "\"acme-x1.5\""}) {
    const std::string msg = ParseError(Toml({With(ValidEntry(), "id", bad)}));
    EXPECT_NE(msg.find("\"id\""), std::string::npos) << bad << ": " << msg;
    EXPECT_NE(msg.find(kSource), std::string::npos) << msg;
  }
  const std::string msg = ParseError(Toml({With(ValidEntry(), "id", "42")}));
  EXPECT_NE(msg.find("\"id\""), std::string::npos) << msg;
}

TEST(CatalogParse, RejectsMissingRequiredKeys) {
  for (const char* key :
       {"id", "vendor", "model", "dense_tops", "bit_length", "tpp", "datacenter", "sources"}) {
    const std::string msg = ParseError(Toml({Without(ValidEntry(), key)}));
    EXPECT_NE(msg.find("\"" + std::string(key) + "\""), std::string::npos) << key << ": " << msg;
    EXPECT_NE(msg.find("missing required key"), std::string::npos) << key << ": " << msg;
    EXPECT_NE(msg.find(kSource), std::string::npos) << msg;
  }
}

TEST(CatalogParse, RejectsTomlFloats) {
  const std::pair<const char*, const char*> cases[] = {
      {"dense_tops", "660.6"},
      {"tpp", "5284.8"},
      {"die_area_mm2", "608.5"},
      {"year", "2024.0"},
      {"bit_length", "8.0"},
      {"memory_gb", "24.0"},
      {"dram_bandwidth_gbs", "1e3"},
      {"interconnect_gbs", "inf"},
      {"sources", "[\"https://example.com/x1\", 1.5]"},
  };
  for (const auto& [key, value] : cases) {
    const std::string msg = ParseError(Toml({With(ValidEntry(), key, value)}));
    EXPECT_NE(msg.find("\"" + std::string(key) + "\""), std::string::npos) << key << ": " << msg;
    EXPECT_NE(msg.find("float"), std::string::npos) << key << ": " << msg;
    EXPECT_NE(msg.find("acme-x1"), std::string::npos) << msg;
  }
}

TEST(CatalogParse, RejectsTppThatIsNotTheExactProduct) {
  // The CSV's rounded 5285 is not 660.6 x 8.
  const std::string msg = ParseError(Toml({With(ValidEntry(), "tpp", "\"5285\"")}));
  EXPECT_NE(msg.find("\"tpp\""), std::string::npos) << msg;
  EXPECT_NE(msg.find("5284.8"), std::string::npos) << msg;
  EXPECT_NE(msg.find("acme-x1"), std::string::npos) << msg;
  EXPECT_NE(msg.find(kSource), std::string::npos) << msg;
  // Integers are exact too, and checked the same way.
  const std::string msg2 = ParseError(Toml({With(ValidEntry(), "tpp", "5285")}));
  EXPECT_NE(msg2.find("\"tpp\""), std::string::npos) << msg2;
  EXPECT_NE(msg2.find("5284.8"), std::string::npos) << msg2;
  // A tpp equal to the product with a different spelling is accepted.
  Result<Catalog> c = Catalog::Parse(Toml({With(ValidEntry(), "tpp", "\"5284.800\"")}), kSource);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
}

TEST(CatalogParse, AcceptsIntegersForDecimals) {
  Entry e = With(With(ValidEntry(), "dense_tops", "1979"), "tpp", "15832");
  e = With(With(e, "die_area_mm2", "814"), "memory_gb", "80");
  Result<Catalog> c = Catalog::Parse(Toml({e}), kSource);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->all().at(0).tpp, F("15832"));
  EXPECT_EQ(c->all().at(0).die_area_mm2, F("814"));
}

TEST(CatalogParse, RejectsBadValues) {
  const std::pair<const char*, const char*> cases[] = {
      {"dense_tops", "\"abc\""},
      {"dense_tops", "\"0.0001\""},  // finer than thousandths
      {"dense_tops", "\"-660.6\""},
      {"dense_tops", "-660"},
      {"tpp", "true"},
      {"die_area_mm2", "\"0\""},
      {"bit_length", "0"},
      {"bit_length", "65"},
      {"bit_length", "\"8\""},
      {"dies", "0"},
      {"year", "1066"},
      {"datacenter", "\"yes\""},
      {"gp10", "1"},
      {"vendor", "\"\""},
      {"model", "7"},
      {"sources", "[]"},
      {"sources", "\"https://example.com\""},
      {"sources", "[\"ftp://example.com/x\"]"},
      {"notes", "[\"a\"]"},
  };
  for (const auto& [key, value] : cases) {
    const std::string msg = ParseError(Toml({With(ValidEntry(), key, value)}));
    EXPECT_NE(msg.find("\"" + std::string(key) + "\""), std::string::npos)
        << key << " = " << value << ": " << msg;
  }
}

TEST(CatalogParse, InvalidTomlIsAnErrorNotAnException) {
  const std::string msg = ParseError("[[accelerator]]\nid = \"acme-x1\nvendor = 3\n");
  EXPECT_NE(msg.find(kSource), std::string::npos) << msg;
  const std::string msg2 = ParseError(Toml({ValidEntry()}) + "vendor = \"Again\"\n");
  EXPECT_NE(msg2.find(kSource), std::string::npos) << msg2;
}

}  // namespace
}  // namespace highfence::catalog

namespace highfence::catalog {
namespace {

TEST(CatalogSources, BuiltInCatalogCitesPublicUrls) {
  Result<Catalog> c = Catalog::Embedded();
  ASSERT_TRUE(c.ok());
  for (const Accelerator& a : c->all()) {
    for (const std::string& s : a.sources) {
      EXPECT_TRUE(s.starts_with("https://") || s.starts_with("http://")) << a.id << ": " << s;
    }
  }
}

TEST(CatalogSources, UserCatalogMayCiteADocumentThatIsNotAUrl) {
  const std::string entry =
      "[[accelerator]]\nid = \"acme-x1\"\nvendor = \"Acme\"\nmodel = \"X1\"\nyear = 2025\n"
      "dense_tops = \"1000\"\nbit_length = 8\ntpp = \"8000\"\ndatacenter = true\n"
      "sources = [\"ACME-DS-0042 rev C (internal datasheet)\"]\n";
  Result<Catalog> c = Catalog::Parse(entry, "ours.toml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->all()[0].sources[0], "ACME-DS-0042 rev C (internal datasheet)");
  std::string blank = entry;
  blank.replace(blank.find("ACME-DS-0042 rev C (internal datasheet)"), 39, " ");
  EXPECT_FALSE(Catalog::Parse(blank, "ours.toml").ok());
}

}  // namespace
}  // namespace highfence::catalog
