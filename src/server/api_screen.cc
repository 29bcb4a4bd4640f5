// POST /v1/screen: names against the restricted-party lists (docs/api.md).
// One object {name, country?, id?}, or a JSON array or JSONL body of them; a
// bad element is answered in its place with `error` and no hits, and the
// others are screened. Screening reads an immutable Screener, so it runs on
// the I/O thread that read the request.
#include <fmt/format.h>
#include <simdjson.h>

#include "highfence/country.h"
#include "screen/list_entry.h"
#include "server/api_internal.h"
#include "server/json_writer.h"
#include "server/screening.h"

namespace highfence::server {
namespace {

// The longest name screened: list names are under 300 bytes.
constexpr size_t kNameBytesMax = 1000;

struct NameQuery {
  std::string id, name, country;
  std::string error, field;  // why the element cannot be screened, and its field
};

NameQuery ReadQuery(simdjson::dom::parser& parser, std::string_view text) {
  NameQuery q;
  simdjson::dom::object o;
  if (parser.parse(text.data(), text.size()).get(o)) {
    q.error = "not a JSON object";
    q.field = "body";
    return q;
  }
  for (auto f : o) {
    std::string_view s;
    int64_t n = 0;
    if (f.key == "id" && !f.value.get(n)) {
      q.id = std::to_string(n);
    } else if (f.key == "country" && f.value.is_null()) {
      continue;
    } else if (f.key != "id" && f.key != "name" && f.key != "country") {
      q.error = fmt::format("unknown field `{}`", f.key);
    } else if (f.value.get(s)) {
      q.error = fmt::format("`{}` must be a string", f.key);
    } else {
      (f.key == "id" ? q.id : f.key == "name" ? q.name : q.country) = s;
      continue;
    }
    if (!q.error.empty()) {
      q.field = f.key;
      return q;
    }
  }
  if (q.name.empty() || q.name.size() > kNameBytesMax) {
    q.error = fmt::format("`name` must be a non-empty string of at most {} bytes", kNameBytesMax);
    q.field = "name";
  } else if (!q.country.empty() && !CountryCode::Parse(q.country)) {
    q.error =
        fmt::format("`country` must be an ISO 3166-1 alpha-2 code such as CN, not `{}`", q.country);
    q.field = "country";
  }
  return q;
}

void Number(JsonWriter& w, double v) { w.Raw(fmt::format("{:.3f}", v)); }

void WriteHit(const screen::Hit& h, const screen::ScreenOptions& o, JsonWriter& w) {
  const screen::ListEntry& e = *h.entry;
  w.BeginObject().Key("list").String(e.list).Key("list_name").StringOrNull(e.source);
  w.Key("entity_number").StringOrNull(e.entity_number).Key("name").String(e.name);
  w.Key("matched_name").String(h.matched_name).Key("score");
  Number(w, h.score);
  w.Key("threshold");
  Number(w, o.match_threshold);
  w.Key("review_threshold");
  Number(w, o.review_threshold);
  w.Key("band").String(screen::BandName(h.band)).Key("features").BeginArray();
  for (const screen::Feature& f : h.features) {
    w.BeginObject().Key("name").String(f.name).Key("weight");
    Number(w, f.weight);
    w.Key("value");
    Number(w, f.value);
    w.Key("contribution");
    Number(w, f.contribution);
    w.Key("detail").String(f.detail).EndObject();
  }
  w.EndArray().Key("row").Int(static_cast<int64_t>(h.entry_index));
  w.Key("type").StringOrNull(e.type);
  w.Key("license_requirement").StringOrNull(e.license_requirement);
  w.Key("license_policy").StringOrNull(e.license_policy);
  w.Key("fr_citation").StringOrNull(e.federal_register_notice);
  w.Key("programs").StringOrNull(e.programs).Key("countries").BeginArray();
  for (const std::string& c : e.countries) w.String(c);
  w.EndArray().EndObject();
}

void WriteLists(const screen::SnapshotInfo& info, JsonWriter& w) {
  std::string_view generated = info.generated_at;
  w.Key("lists").BeginObject().Key("sha256").String(info.content_sha256);
  w.Key("generated_on").StringOrNull(generated.substr(0, std::min<size_t>(10, generated.size())));
  w.Key("latest_start_date").StringOrNull(info.latest_start_date);
  w.Key("entries").Int(info.entry_count).Key("format").String(info.format).EndObject();
}

}  // namespace

void HandleScreen(ApiContext& ctx, const CallPtr& c) {
  std::shared_ptr<const screen::Screener> screener =
      ctx.screening ? ctx.screening->screener() : nullptr;
  if (!screener) {
    return c->reply(Problem(
        503, "no-screening-lists",
        ctx.screening ? ctx.screening->HowToLoad() : "this server screens against no list"));
  }
  std::vector<std::string_view> texts;
  bool single = false;
  if (auto bad = SplitBody(*c, "name", &texts, &single)) return c->reply(std::move(*bad));
  thread_local simdjson::dom::parser parser;
  std::string out;
  JsonWriter w(&out);
  w.BeginObject().Key("results").BeginArray();
  for (size_t i = 0; i < texts.size(); ++i) {
    NameQuery q = ReadQuery(parser, texts[i]);
    if (single && !q.error.empty()) return c->reply(BadField(q.field, "invalid_value", q.error));
    w.BeginObject().Key("line").Int(static_cast<int64_t>(i + 1)).Key("id").StringOrNull(q.id);
    w.Key("name").String(q.name).Key("country").StringOrNull(q.country);
    if (!q.error.empty()) {
      w.Key("error").String(q.error).Key("field").String(q.field);
      w.Key("hits").BeginArray().EndArray().EndObject();
      continue;
    }
    w.Key("hits").BeginArray();
    for (const screen::Hit& h : screener->Screen(q.name, q.country)) {
      WriteHit(h, screener->options(), w);
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  WriteLists(screener->snapshot().info, w);
  w.EndObject();
  c->reply(Json(std::move(out)));
}

}  // namespace highfence::server
