// `highfence screen NAME|FILE`: screen one name, or a batch of names, against
// a restricted-party list snapshot.
#include <fmt/format.h>
#include <simdjson.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>

#include "cli/cli.h"
#include "cli/describe.h"
#include "cli/screen_commands.h"
#include "highfence/country.h"
#include "io/determination_writer.h"
#include "io/line_reader.h"
#include "io/shipment_parser.h"

namespace highfence::cli {
namespace {

struct ScreenArgs {
  std::string target;      // a name, or a batch file ("-" for stdin)
  bool name_only = false;  // --name: the target is a name even if a file has it as path
  std::string country, lists, store, format, input_format;
  screen::ScreenOptions options;
};

// One name to screen, from the command line or a batch line.
struct Request {
  std::string id, name, country;
  int64_t line = 0;
  std::string error;  // why the line could not be read
};

class Output {
 public:
  Output(const screen::Screener& s, bool table) : screener_(s), table_(table) {}
  ~Output() { Flush(); }

  void Write(const Request& r, const std::vector<screen::Hit>& hits) {
    if (table_) {
      WriteText(r, hits);
    } else {
      WriteJson(r, hits);
    }
    if (buffer_.size() > (1 << 20)) Flush();
  }
  void Flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
    buffer_.clear();
  }

 private:
  void WriteJson(const Request& r, const std::vector<screen::Hit>& hits) {
    buffer_ += "{\"id\":";
    io::AppendJsonString(r.id, &buffer_);
    buffer_ += ",\"name\":";
    io::AppendJsonString(r.name, &buffer_);
    if (!r.error.empty()) {
      buffer_ += fmt::format(",\"line\":{},\"error\":", r.line);
      io::AppendJsonString(r.error, &buffer_);
      buffer_ += "}\n";
      return;
    }
    buffer_ += ",\"country\":";
    if (r.country.empty()) {
      buffer_ += "null";
    } else {
      io::AppendJsonString(r.country, &buffer_);
    }
    buffer_ += fmt::format(",\"lists_sha256\":\"{}\",\"hits\":[",
                           screener_.snapshot().info.content_sha256);
    for (size_t i = 0; i < hits.size(); ++i) {
      if (i > 0) buffer_.push_back(',');
      AppendHitJson(hits[i], screener_.options(), &buffer_);
    }
    buffer_ += "]}\n";
  }
  void WriteText(const Request& r, const std::vector<screen::Hit>& hits) {
    const std::string who = r.id.empty() ? r.name : r.id + "  " + r.name;
    if (!r.error.empty()) {
      buffer_ += fmt::format("{}: line {}: {}\n", who, r.line, r.error);
      return;
    }
    const size_t matches = std::count_if(hits.begin(), hits.end(), [](const screen::Hit& h) {
      return h.band == screen::Band::kMatch;
    });
    buffer_ += fmt::format("{}{}: {} match(es), {} to review\n", who,
                           r.country.empty() ? "" : " (" + r.country + ")", matches,
                           hits.size() - matches);
    for (const screen::Hit& h : hits) AppendHitText(h, &buffer_);
  }

  const screen::Screener& screener_;
  bool table_;
  std::string buffer_;
};

std::string CheckCountry(const std::string& c) {
  if (c.empty() || CountryCode::Parse(c)) return "";
  return fmt::format("`country` must be an ISO 3166-1 alpha-2 code such as CN, not `{}`", c);
}

// {"id": ..., "name": ..., "country": ...}; id may be a string or a number.
void ParseJsonLine(simdjson::dom::parser& parser, std::string_view line, Request* r) {
  simdjson::dom::element doc;
  simdjson::dom::object o;
  if (parser.parse(line.data(), line.size()).get(doc) != simdjson::SUCCESS ||
      doc.get_object().get(o) != simdjson::SUCCESS) {
    r->error = "not a JSON object";
    return;
  }
  std::string_view s;
  int64_t n = 0;
  if (o["id"].get_string().get(s) == simdjson::SUCCESS) {
    r->id = s;
  } else if (o["id"].get_int64().get(n) == simdjson::SUCCESS) {
    r->id = std::to_string(n);
  }
  if (o["name"].get_string().get(s) != simdjson::SUCCESS || s.empty()) {
    r->error = "`name` must be a non-empty string";
    return;
  }
  r->name = s;
  simdjson::dom::element country;
  if (o["country"].get(country) == simdjson::SUCCESS && !country.is_null()) {
    if (country.get_string().get(s) != simdjson::SUCCESS) {
      r->error = "`country` must be a string";
      return;
    }
    r->country = s;
  }
  r->error = CheckCountry(r->country);
}

// CSV with a header naming at least `name`; `id` and `country` are optional.
struct CsvColumns {
  int id = -1, name = -1, country = -1;
  size_t width = 0;
};

bool ParseCsvHeader(std::string_view line, CsvColumns* c) {
  std::vector<std::string_view> cells;
  std::string buffer;
  if (!io::SplitCsv(line, &cells, &buffer)) return false;
  c->width = cells.size();
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i] == "id") c->id = static_cast<int>(i);
    if (cells[i] == "name") c->name = static_cast<int>(i);
    if (cells[i] == "country") c->country = static_cast<int>(i);
  }
  return c->name >= 0;
}

void ParseCsvLine(const CsvColumns& c, std::string_view line, Request* r) {
  std::vector<std::string_view> cells;
  std::string buffer;
  if (!io::SplitCsv(line, &cells, &buffer)) {
    r->error = "unterminated quote";
    return;
  }
  if (cells.size() != c.width) {
    r->error = fmt::format("the row has {} cells; the header has {}", cells.size(), c.width);
    return;
  }
  auto cell = [&](int i) {
    return i < 0 ? std::string() : std::string(cells[static_cast<size_t>(i)]);
  };
  r->id = cell(c.id);
  r->name = cell(c.name);
  r->country = cell(c.country);
  r->error = r->name.empty() ? "`name` is empty" : CheckCountry(r->country);
}

bool IsCsvInput(const ScreenArgs& a) {
  if (!a.input_format.empty()) return a.input_format == "csv";
  return a.target.size() > 4 && a.target.ends_with(".csv");
}

int ScreenBatch(const screen::Screener& screener, const ScreenArgs& a, Output* out) {
  std::FILE* in = a.target == "-" ? stdin : std::fopen(a.target.c_str(), "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "highfence: %s: cannot open\n", a.target.c_str());
    return kExitFailed;
  }
  io::LineReader reader(in);
  simdjson::dom::parser parser;
  const bool csv = IsCsvInput(a);
  CsvColumns columns;
  std::string_view line;
  bool too_long = false, malformed = false, header_read = false;
  while (reader.Next(&line, &too_long)) {
    if (line.empty()) continue;
    Request r;
    r.line = reader.line_number();
    if (csv && !header_read) {
      header_read = true;
      if (!ParseCsvHeader(line, &columns)) {
        std::fprintf(stderr, "highfence: %s: the CSV header needs a `name` column\n",
                     a.target.c_str());
        return kExitFailed;
      }
      continue;
    }
    if (too_long) {
      r.error = "line too long";
    } else if (csv) {
      ParseCsvLine(columns, line, &r);
    } else {
      ParseJsonLine(parser, line, &r);
    }
    if (r.error.empty() && r.country.empty()) r.country = a.country;
    malformed |= !r.error.empty();
    out->Write(r,
               r.error.empty() ? screener.Screen(r.name, r.country) : std::vector<screen::Hit>{});
  }
  const bool read_error = reader.read_error();
  if (in != stdin) std::fclose(in);
  if (read_error) {
    std::fprintf(stderr, "highfence: %s: read error\n", a.target.c_str());
    return kExitFailed;
  }
  return malformed ? kExitNeedsReview : kExitOk;
}

}  // namespace

int RunScreen(int argc, char** argv) {
  CLI::App app{"highfence screen: restricted-party screening (docs/screening.md)"};
  ScreenArgs a;
  app.add_option("target", a.target,
                 "a name, or a file of names (JSONL {id,name,country} or CSV), - for stdin")
      ->required();
  app.add_flag("--name", a.name_only, "screen TARGET as a name even if a file has that path");
  app.add_option("--country", a.country,
                 "the party's country (ISO alpha-2): a row elsewhere "
                 "scores lower");
  app.add_option("--lists", a.lists,
                 "a CSL file (CSV, JSON or compact JSON), or the sha256 "
                 "prefix of an imported snapshot (default: the current one)");
  app.add_option("--store", a.store, "folder of imported snapshots (default: see `lists`)");
  app.add_option("--format", a.format, "jsonl or table (default: table on a terminal)")
      ->check(CLI::IsMember({"jsonl", "table"}));
  app.add_option("--input-format", a.input_format, "jsonl or csv (default: by extension)")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  app.add_option("--match-threshold", a.options.match_threshold, "score of a match (default 0.86)");
  app.add_option("--review-threshold", a.options.review_threshold,
                 "lowest score reported for review (default 0.72)");
  app.add_option("--hits-max", a.options.hits_max, "hits per name, best first (default 25)");
  if (DescribeRequested()) return Describe(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitFailed;
  }
  if (std::string why = CheckCountry(a.country); !why.empty()) {
    std::fprintf(stderr, "highfence: --country: %s\n", why.c_str());
    return kExitFailed;
  }
  Result<screen::ListSnapshot> lists = LoadLists(a.lists, a.store);
  if (!lists.ok()) return kExitFailed;
  Result<std::unique_ptr<screen::Screener>> screener =
      screen::Screener::Build(std::move(lists).value(), a.options);
  if (!screener.ok()) {
    std::fprintf(stderr, "highfence: %s\n", screener.status().ToString().c_str());
    return kExitFailed;
  }
  const bool table = a.format.empty() ? isatty(fileno(stdout)) != 0 : a.format == "table";
  Output out(**screener, table);
  const bool batch =
      !a.name_only && (a.target == "-" || std::filesystem::is_regular_file(a.target));
  if (batch) return ScreenBatch(**screener, a, &out);
  Request r;
  r.name = a.target;
  r.country = a.country;
  out.Write(r, (*screener)->Screen(r.name, r.country));
  return kExitOk;
}

std::unique_ptr<screen::PartyScreener> LoadPartyScreener(const std::string& lists) {
  Result<screen::ListSnapshot> snapshot = LoadLists(lists, "");
  if (!snapshot.ok()) return nullptr;
  Result<std::unique_ptr<screen::Screener>> built =
      screen::Screener::Build(std::move(snapshot).value());
  if (!built.ok()) {
    std::fprintf(stderr, "highfence: --lists: %s\n", built.status().ToString().c_str());
    return nullptr;
  }
  return std::make_unique<screen::PartyScreener>(
      std::shared_ptr<const screen::Screener>(std::move(built).value()));
}

}  // namespace highfence::cli
