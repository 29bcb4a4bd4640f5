// How hits are written: JSON for machines, indented text for people.
#include <fmt/format.h>

#include <filesystem>

#include "cli/screen_commands.h"
#include "io/determination_writer.h"
#include "screen/list_store.h"
#include "screen/snapshot.h"

namespace highfence::cli {
namespace {

void Key(std::string_view key, std::string* out) {
  out->push_back(',');
  io::AppendJsonString(key, out);
  out->push_back(':');
}

// An empty text is written as null: the row does not carry the field.
void TextOrNull(std::string_view key, std::string_view value, std::string* out) {
  Key(key, out);
  if (value.empty()) {
    *out += "null";
  } else {
    io::AppendJsonString(value, out);
  }
}

std::string Number(double v) { return fmt::format("{:.3f}", v); }

}  // namespace

void AppendHitJson(const screen::Hit& hit, const screen::ScreenOptions& options, std::string* out) {
  const screen::ListEntry& e = *hit.entry;
  *out += "{\"list\":";
  io::AppendJsonString(e.list, out);
  TextOrNull("entity_number", e.entity_number, out);
  Key("name", out);
  io::AppendJsonString(e.name, out);
  Key("matched_name", out);
  io::AppendJsonString(hit.matched_name, out);
  *out += fmt::format(",\"score\":{},\"band\":\"{}\",\"threshold\":{},\"review_threshold\":{}",
                      Number(hit.score), screen::BandName(hit.band),
                      Number(options.match_threshold), Number(options.review_threshold));
  *out += ",\"features\":[";
  for (size_t i = 0; i < hit.features.size(); ++i) {
    const screen::Feature& f = hit.features[i];
    if (i > 0) out->push_back(',');
    *out += "{\"feature\":";
    io::AppendJsonString(f.name, out);
    *out += fmt::format(",\"value\":{},\"weight\":{},\"contribution\":{}", Number(f.value),
                        Number(f.weight), Number(f.contribution));
    Key("detail", out);
    io::AppendJsonString(f.detail, out);
    out->push_back('}');
  }
  out->push_back(']');
  *out += fmt::format(",\"row\":{}", hit.entry_index);
  TextOrNull("list_name", e.source, out);
  TextOrNull("type", e.type, out);
  TextOrNull("license_requirement", e.license_requirement, out);
  TextOrNull("license_policy", e.license_policy, out);
  TextOrNull("federal_register_notice", e.federal_register_notice, out);
  TextOrNull("programs", e.programs, out);
  Key("countries", out);
  out->push_back('[');
  for (size_t i = 0; i < e.countries.size(); ++i) {
    if (i > 0) out->push_back(',');
    io::AppendJsonString(e.countries[i], out);
  }
  *out += "]}";
}

void AppendHitText(const screen::Hit& hit, std::string* out) {
  const screen::ListEntry& e = *hit.entry;
  *out += fmt::format("  {} {:<6} {:<6} {}{}\n", Number(hit.score), screen::BandName(hit.band),
                      e.list, e.name, e.entity_number.empty() ? "" : " [" + e.entity_number + "]");
  if (hit.matched_name != e.name) *out += fmt::format("      matched  {}\n", hit.matched_name);
  for (const screen::Feature& f : hit.features) {
    *out += fmt::format("      {:<15} {} x {:>6} = {:>7}  {}\n", f.name, Number(f.value),
                        Number(f.weight), fmt::format("{:+.3f}", f.contribution), f.detail);
  }
  auto fact = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) *out += fmt::format("      {:<15} {}\n", label, value);
  };
  fact("licence", e.license_requirement);
  fact("policy", e.license_policy);
  fact("citation", e.federal_register_notice);
  fact("programs", e.programs);
}

Result<screen::ListSnapshot> LoadLists(const std::string& lists, const std::string& store) {
  auto fail = [](const Status& s) {
    std::fprintf(stderr, "highfence: %s\n", s.ToString().c_str());
    return s;
  };
  if (!lists.empty() && std::filesystem::is_regular_file(lists)) {
    Result<screen::ListSnapshot> s = screen::LoadSnapshotFile(lists);
    if (!s.ok()) return fail(s.status());
    return s;
  }
  std::string dir = store;
  if (dir.empty()) {
    Result<std::string> d = screen::ListStore::DefaultDir();
    if (!d.ok()) return fail(d.status());
    dir = *d;
  }
  screen::ListStore st(dir);
  Result<screen::StoredSnapshot> found = lists.empty() ? st.Current() : st.Find(lists);
  if (!found.ok()) return fail(found.status());
  Result<screen::ListSnapshot> s = screen::ListStore::Load(*found);
  if (!s.ok()) return fail(s.status());
  return s;
}

}  // namespace highfence::cli
