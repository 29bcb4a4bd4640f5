#include "screen/snapshot_diff.h"

#include <map>
#include <set>

namespace highfence::screen {
namespace {

// One identity's rows, merged: each compared field as the set of its values.
struct Merged {
  const ListEntry* first = nullptr;
  std::map<std::string, std::set<std::string>> fields;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

std::string Identity(const ListEntry& e) {
  return e.list + '\x1f' + (e.entity_number.empty() ? Lower(e.name) : e.entity_number);
}

std::map<std::string, Merged> MergeRows(const ListSnapshot& s) {
  std::map<std::string, Merged> out;
  for (const ListEntry& e : s.entries) {
    Merged& m = out[Identity(e)];
    if (m.first == nullptr) m.first = &e;
    m.fields["name"].insert(e.name);
    m.fields["type"].insert(e.type);
    m.fields["programs"].insert(e.programs);
    m.fields["license_requirement"].insert(e.license_requirement);
    m.fields["license_policy"].insert(e.license_policy);
    m.fields["federal_register_notice"].insert(e.federal_register_notice);
    std::set<std::string>& alt = m.fields["alt_names"];
    alt.insert(e.alt_names.begin(), e.alt_names.end());
    std::set<std::string>& countries = m.fields["countries"];
    countries.insert(e.countries.begin(), e.countries.end());
  }
  return out;
}

std::string Join(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (v.empty()) continue;
    if (!out.empty()) out += "; ";
    out += v;
  }
  return out;
}

}  // namespace

SnapshotDiff DiffSnapshots(const ListSnapshot& before, const ListSnapshot& after) {
  const std::map<std::string, Merged> a = MergeRows(before);
  const std::map<std::string, Merged> b = MergeRows(after);
  SnapshotDiff diff;
  for (const auto& [key, old_rows] : a) {
    auto it = b.find(key);
    if (it == b.end()) {
      diff.removed.push_back(old_rows.first);
      continue;
    }
    EntryChange change{old_rows.first, it->second.first, {}};
    for (const auto& [field, values] : old_rows.fields) {
      const std::set<std::string>& now = it->second.fields.at(field);
      if (values != now) change.fields.push_back({field, Join(values), Join(now)});
    }
    if (!change.fields.empty()) diff.changed.push_back(std::move(change));
  }
  for (const auto& [key, new_rows] : b) {
    if (!a.contains(key)) diff.added.push_back(new_rows.first);
  }
  return diff;
}

}  // namespace highfence::screen
