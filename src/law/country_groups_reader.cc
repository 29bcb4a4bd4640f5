// country-groups.toml (law/README.md): each group with its members and dated
// memberships, no country twice in one group on one date.
#include <algorithm>

#include "law/file_readers.h"
#include "law/membership.h"

namespace highfence::law::reader {
namespace {

constexpr size_t kGroupsMax = 64;  // groups in country-groups.toml

std::optional<Membership> ParseDatedMember(const toml::node& n, const FileCtx& f,
                                           const std::string& path) {
  const auto* t = n.as_table();
  if (t == nullptr) {
    WrongType(f, path, "a table {code, from, until, citation, change}", n);
    return std::nullopt;
  }
  bool ok = CheckKeys(*t, {"code", "from", "until", "citation", "change"}, f, path);
  Membership m;
  std::string code;
  ok &= GetText(*t, "code", Need::kRequired, f, path, &code);
  if (!code.empty()) {
    std::optional<CountryCode> c = CountryCode::Parse(code);
    if (c) {
      m.code = *c;
    } else {
      f.Add(Join(path, "code"), "unknown country code " + Quoted(code));
      ok = false;
    }
  }
  ok &= GetDate(*t, "from", Need::kOptional, f, path, &m.from);
  ok &= GetDate(*t, "until", Need::kOptional, f, path, &m.until);
  ok &= GetText(*t, "citation", Need::kRequired, f, path, &m.citation);
  ok &= GetText(*t, "change", Need::kOptional, f, path, &m.change);
  if (ok && !m.from && !m.until) {
    f.Add(path, "a dated member needs `from` or `until` (list it in `members` otherwise)");
    ok = false;
  }
  if (ok && m.from && m.until && *m.until < *m.from) {
    f.Add(Join(path, "until"), "is before `from`");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return m;
}

bool ParseDatedMembers(const toml::node& n, const FileCtx& f, const std::string& path,
                       std::vector<Membership>* out) {
  const auto* arr = n.as_array();
  if (arr == nullptr || arr->size() > kListMax) {
    f.Add(path, "expected an array of at most " + std::to_string(kListMax) + " tables");
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < arr->size(); ++i) {
    std::optional<Membership> m = ParseDatedMember((*arr)[i], f, Indexed(path, i));
    if (m) {
      out->push_back(std::move(*m));
    } else {
      ok = false;
    }
  }
  return ok;
}

// Sorts `g.members` by (code, start) and reports any two intervals of one
// country that share a day.
bool CheckOverlaps(CountryGroup* g, const FileCtx& f, const std::string& path) {
  std::sort(g->members.begin(), g->members.end(), [](const Membership& a, const Membership& b) {
    if (a.code != b.code) return a.code < b.code;
    if (!a.from || !b.from) return !a.from && b.from.has_value();
    return *a.from < *b.from;
  });
  bool ok = true;
  for (size_t i = 1; i < g->members.size(); ++i) {
    const Membership& a = g->members[i - 1];
    const Membership& b = g->members[i];
    if (a.code != b.code || !Overlaps(a, b)) continue;
    f.Add(path + " (" + std::string(b.code.str()) + ")", "membership " + DescribeInterval(b) +
                                                             " overlaps " + DescribeInterval(a) +
                                                             " for the same country");
    ok = false;
  }
  return ok;
}

std::optional<CountryGroup> ParseGroup(const toml::table& t, const FileCtx& f, std::string path) {
  bool ok = CheckKeys(t, {"id", "name", "citation", "members", "dated"}, f, path);
  CountryGroup g;
  ok &= GetText(t, "id", Need::kRequired, f, path, &g.id);
  if (!g.id.empty()) path = "group " + Quoted(g.id);
  ok &= GetText(t, "name", Need::kRequired, f, path, &g.name);
  ok &= GetText(t, "citation", Need::kRequired, f, path, &g.citation);
  if (const toml::node* members = t.get("members")) {
    std::optional<std::vector<CountryCode>> codes =
        NodeCountries(*members, f, Join(path, "members"));
    if (codes) {
      for (CountryCode c : *codes) g.members.push_back(Membership{c, {}, {}, "", ""});
    } else {
      ok = false;
    }
  }
  if (const toml::node* dated = t.get("dated")) {
    ok &= ParseDatedMembers(*dated, f, Join(path, "dated"), &g.members);
  }
  if (!ok || !CheckOverlaps(&g, f, path)) return std::nullopt;
  return g;
}

}  // namespace

bool ParseGroupsFile(const toml::table& root, const FileCtx& f, std::vector<CountryGroup>* out) {
  bool ok = CheckKeys(root, {"group"}, f, "");
  const toml::node* n = root.get("group");
  const toml::array* arr = n ? n->as_array() : nullptr;
  if (arr == nullptr || arr->size() > kGroupsMax) {
    f.Add("group", "expected [[group]] tables (at most " + std::to_string(kGroupsMax) + ")");
    return false;
  }
  for (size_t i = 0; i < arr->size(); ++i) {
    const std::string path = Indexed("group", i);
    const auto* t = (*arr)[i].as_table();
    if (t == nullptr) {
      WrongType(f, path, "a table", (*arr)[i]);
      ok = false;
      continue;
    }
    std::optional<CountryGroup> g = ParseGroup(*t, f, path);
    if (g) {
      out->push_back(std::move(*g));
    } else {
      ok = false;
    }
  }
  std::sort(out->begin(), out->end(),
            [](const CountryGroup& a, const CountryGroup& b) { return a.id < b.id; });
  for (size_t i = 1; i < out->size(); ++i) {
    if ((*out)[i].id != (*out)[i - 1].id) continue;
    f.Add("group " + Quoted((*out)[i].id) + ".id", "duplicate group id");
    ok = false;
  }
  return ok;
}

}  // namespace highfence::law::reader
