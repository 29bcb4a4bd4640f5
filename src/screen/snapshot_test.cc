#include "screen/snapshot.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "screen/csv_reader.h"

namespace highfence::screen {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(HF_SOURCE_DIR) + "/tests/screening/fixtures/" + name;
}

const ListEntry* Find(const ListSnapshot& s, std::string_view name) {
  for (const ListEntry& e : s.entries) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

TEST(CsvReader, QuotesCommasNewlinesAndCrlf) {
  CsvReader r("a,\"b,1\",\"c \"\"q\"\"\"\r\n\"multi\nline\",,x\n");
  std::vector<std::string> f;
  Status s;
  ASSERT_TRUE(r.Next(&f, &s));
  EXPECT_EQ(f, (std::vector<std::string>{"a", "b,1", "c \"q\""}));
  ASSERT_TRUE(r.Next(&f, &s));
  EXPECT_EQ(f, (std::vector<std::string>{"multi\nline", "", "x"}));
  EXPECT_EQ(r.record_line(), 2);
  EXPECT_FALSE(r.Next(&f, &s));
  EXPECT_TRUE(s.ok());
}

TEST(CsvReader, UnclosedQuoteIsAnErrorNamingTheLine) {
  CsvReader r("a,b\n\"open,c\n");
  std::vector<std::string> f;
  Status s;
  ASSERT_TRUE(r.Next(&f, &s));
  EXPECT_FALSE(r.Next(&f, &s));
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("line 2"), std::string::npos) << s.message();
}

TEST(ListCode, FromTheSourceName) {
  EXPECT_EQ(ListCode("Entity List (EL) - Bureau of Industry and Security"), "EL");
  EXPECT_EQ(ListCode("Military End User (MEU) List - Bureau of Industry and Security"), "MEU");
  EXPECT_EQ(ListCode("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"),
            "NS-MBS");
  EXPECT_EQ(ListCode("Some Other List"), "Some Other List");
}

// The three forms of the same rows read to the same entries.
TEST(Snapshot, TheThreeFormsReadAlike) {
  Result<ListSnapshot> csv = LoadSnapshotFile(Fixture("csl-sample.csv"));
  Result<ListSnapshot> json = LoadSnapshotFile(Fixture("csl-sample.json"));
  Result<ListSnapshot> compact = LoadSnapshotFile(Fixture("csl-sample-compact.json"));
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  ASSERT_TRUE(compact.ok()) << compact.status().ToString();
  EXPECT_EQ(csv->info.format, "csv");
  EXPECT_EQ(json->info.format, "json");
  EXPECT_EQ(compact->info.format, "compact-json");
  ASSERT_EQ(csv->entries.size(), 7u);
  for (const ListSnapshot* s : {&*json, &*compact}) {
    ASSERT_EQ(s->entries.size(), csv->entries.size());
    for (size_t i = 0; i < s->entries.size(); ++i) {
      const ListEntry& a = csv->entries[i];
      const ListEntry& b = s->entries[i];
      EXPECT_EQ(a.name, b.name);
      EXPECT_EQ(a.list, b.list);
      EXPECT_EQ(a.source, b.source);
      EXPECT_EQ(a.entity_number, b.entity_number);
      EXPECT_EQ(a.type, b.type);
      EXPECT_EQ(a.alt_names, b.alt_names);
      EXPECT_EQ(a.countries, b.countries);
      EXPECT_EQ(a.programs, b.programs);
      EXPECT_EQ(a.license_requirement, b.license_requirement);
      EXPECT_EQ(a.license_policy, b.license_policy);
      EXPECT_EQ(a.federal_register_notice, b.federal_register_notice);
      EXPECT_EQ(a.source_list_url, b.source_list_url);
    }
  }
  const ListEntry* huawei = Find(*csv, "Huawei Technologies Co., Ltd. (Huawei)");
  ASSERT_NE(huawei, nullptr);
  EXPECT_EQ(huawei->list, "EL");
  EXPECT_EQ(huawei->countries, std::vector<std::string>{"CN"});
  EXPECT_EQ(huawei->license_policy, "Presumption of denial.");
  EXPECT_EQ(huawei->federal_register_notice, "84 FR 22961, 85 FR 51603");
  EXPECT_EQ(huawei->start_date, "2019-05-21");
  const ListEntry* ship = Find(*csv, "EXAMPLE \"BLUE\" SHIPPING LLC");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->countries, (std::vector<std::string>{"AE", "IR"}));
  EXPECT_EQ(ship->programs, "IRAN; SDGT");
}

TEST(Snapshot, IdentityHoldsHashDatesAndCountsByList) {
  Result<std::string> bytes = ReadFileBytes(Fixture("csl-sample.json"));
  ASSERT_TRUE(bytes.ok());
  Result<ListSnapshot> s = ParseSnapshot(*bytes);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->info.content_sha256, ContentSha256(*bytes));
  EXPECT_EQ(s->info.content_sha256.size(), 64u);
  EXPECT_EQ(s->info.generated_at, "2026-01-02T03:04:05+00:00");
  EXPECT_EQ(s->info.latest_start_date, "2023-02-17");
  EXPECT_EQ(s->info.entry_count, 7);
  std::map<std::string, int64_t> counts(s->info.counts_by_list.begin(),
                                        s->info.counts_by_list.end());
  EXPECT_EQ(counts, (std::map<std::string, int64_t>{
                        {"EL", 2}, {"SDN", 2}, {"DPL", 1}, {"MEU", 1}, {"NS-MBS", 1}}));
  EXPECT_EQ(s->info.counts_by_list.front().second, 2);  // most rows first
  EXPECT_EQ(ContentSha256("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Snapshot, MalformedInputIsAnErrorNamingTheRowAndField) {
  auto error = [](std::string_view text) {
    Result<ListSnapshot> s = ParseSnapshot(text);
    return s.ok() ? std::string("ok") : std::string(s.status().message());
  };
  EXPECT_NE(error("name,source\nA,EL\nB\n").find("line 3"), std::string::npos);
  EXPECT_NE(error("x,y\n1,2\n").find("`source` and `name`"), std::string::npos);
  EXPECT_NE(error("name,source\n,EL\n").find("must not be empty"), std::string::npos);
  EXPECT_NE(error("{\"results\": [{\"name\": \"A\", \"source\": \"EL\"}, {\"name\": 5}]}")
                .find("result 2"),
            std::string::npos);
  EXPECT_NE(error("{\"results\": [{\"name\": \"A\", \"source\": \"X\", \"alt_names\": [1]}]}")
                .find("`alt_names`"),
            std::string::npos);
  const std::string compact =
      "{\"tables\": {\"sources\": [\"Entity List (EL)\"], \"licenceRequirements\": [], "
      "\"licencePolicies\": [], \"programmes\": [], \"urls\": []}, \"entries\": [";
  EXPECT_EQ(error(compact + "{\"n\": \"A\", \"s\": 0}]}"), "ok");
  EXPECT_NE(
      error(compact + "{\"n\": \"A\", \"s\": 0}, {\"n\": \"B\", \"s\": 3}]}").find("entry 2: `s`"),
      std::string::npos);
  EXPECT_NE(error(compact + "{\"n\": \"A\", \"s\": 0, \"lp\": 0}]}").find("`lp`"),
            std::string::npos);
  EXPECT_NE(error("{\"results\": 3}").find("`results`"), std::string::npos);
  EXPECT_NE(error("{\"results\": [").find("not valid JSON"), std::string::npos);
  EXPECT_NE(error("").find("empty"), std::string::npos);
}

// --- the real lists, read in place -------------------------------------------

std::string SharedList(const std::string& name) {
  return std::string(HF_SHARED_DIR) + "/data/screening/" + name;
}

TEST(Snapshot, Real2022CsvReadsEveryRecord) {
  const std::string path = SharedList("consolidated.csv");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent: nothing to read";
  Result<ListSnapshot> s = LoadSnapshotFile(path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->info.entry_count, 14160);
  std::map<std::string, int64_t> counts(s->info.counts_by_list.begin(),
                                        s->info.counts_by_list.end());
  EXPECT_EQ(counts["SDN"], 10026);
  EXPECT_EQ(counts["EL"], 2001);
  EXPECT_EQ(counts["DPL"], 462);
  EXPECT_EQ(counts["CMIC"], 68);
  EXPECT_EQ(s->info.latest_start_date, "2022-04-21");
  EXPECT_EQ(s->info.content_sha256,
            "80e780b91b7b50e193c0077b17d75ec6f6dbd8223ae0bd54b343d297db5e767f");
}

TEST(Snapshot, Real2026CompactListReadsEveryEntry) {
  const std::string path = SharedList("csl-2025.json");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent: nothing to read";
  Result<ListSnapshot> s = LoadSnapshotFile(path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->info.format, "compact-json");
  EXPECT_EQ(s->info.entry_count, 25921);
  EXPECT_EQ(s->info.generated_at, "2026-07-31T13:15:00.015113+00:00");
  std::map<std::string, int64_t> counts(s->info.counts_by_list.begin(),
                                        s->info.counts_by_list.end());
  EXPECT_EQ(counts["SDN"], 19181);
  EXPECT_EQ(counts["EL"], 3420);
  EXPECT_EQ(counts["MEU"], 70);
  EXPECT_EQ(counts["CAP"], 1);
  const ListEntry* cambricon = Find(*s, "Cambricon Technologies Corporation Limited");
  ASSERT_NE(cambricon, nullptr);
  EXPECT_EQ(cambricon->list, "EL");
  EXPECT_NE(cambricon->federal_register_notice.find("87 FR 77508"), std::string::npos);
}

}  // namespace
}  // namespace highfence::screen
