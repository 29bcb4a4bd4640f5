// The strict loader of law/*.toml (schema: law/README.md): reads the set of
// files, each with the reader of its kind (file_readers.h), then checks what
// spans files (unique rule ids, `change` references) and hashes the sources.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <utility>

#include "base/sha256.h"
#include "law/file_readers.h"
#include "law/law_data.h"

namespace highfence::law {
namespace detail {
// Generated from law/*.toml by cmake/embed.cmake: (file name, contents) pairs.
std::vector<std::pair<std::string, std::string>> EmbeddedLawFiles();
}  // namespace detail

namespace {

using namespace reader;  // NOLINT: the readers' vocabulary (Errors, FileCtx, Quoted)

constexpr size_t kSourcesMax = 64;           // files in one law set
constexpr size_t kSourceBytesMax = 1 << 20;  // one file (the largest is ~10 KiB)

struct SetState {
  LawData law;
  int groups_files = 0;
  int countries_files = 0;
};

void ParseSource(const LawSource& src, Errors* errors, SetState* state) {
  const FileCtx f{src.name, errors};
  if (src.name.size() <= 5 || Stem(src.name) == src.name ||
      src.name.find_first_of("/\\") != std::string::npos) {
    f.Add("", "a law file name is NAME.toml, without a folder");
    return;
  }
  if (src.text.size() > kSourceBytesMax) {
    f.Add("", "larger than " + std::to_string(kSourceBytesMax) + " bytes");
    return;
  }
  std::optional<toml::table> root = ParseToml(src, errors);
  if (!root) return;
  if (src.name == kGroupsFile) {
    if (++state->groups_files == 1) ParseGroupsFile(*root, f, &state->law.groups);
  } else if (src.name == kCountriesFile) {
    if (++state->countries_files == 1) ParseCountriesFile(*root, f, &state->law.countries);
  } else if (std::optional<RuleFile> r = ParseRuleFile(*root, f)) {
    state->law.rules.push_back(std::move(*r));
  }
  if (state->groups_files > 1 || state->countries_files > 1) f.Add("", "duplicate file");
}

// Rule ids are unique; every membership's `change` names a kind-"change" rule.
void CheckCrossFile(LawData* law, Errors* errors) {
  std::stable_sort(law->rules.begin(), law->rules.end(),
                   [](const RuleFile& a, const RuleFile& b) { return a.id < b.id; });
  for (size_t i = 1; i < law->rules.size(); ++i) {
    if (law->rules[i].id != law->rules[i - 1].id) continue;
    const FileCtx f{law->rules[i].source, errors};
    f.Add("rule.id", "duplicate rule id " + Quoted(law->rules[i].id) + " (also in " +
                         law->rules[i - 1].source + ")");
  }
  const FileCtx groups{kGroupsFile, errors};
  for (const CountryGroup& g : law->groups) {
    for (const Membership& m : g.members) {
      if (m.change.empty()) continue;
      const std::string key =
          "group " + Quoted(g.id) + " (" + std::string(m.code.str()) + ").change";
      const RuleFile* r = law->FindRule(m.change);
      if (r == nullptr) {
        groups.Add(key, Quoted(m.change) + " names no rule file");
      } else if (r->kind != "change") {
        groups.Add(key, Quoted(m.change) + " is a " + r->kind + ", not a change");
      }
    }
  }
}

std::string ContentHash(const std::vector<const LawSource*>& sorted) {
  Sha256 h;
  const std::string_view nul("\0", 1);
  for (const LawSource* src : sorted) {
    h.Update(src->name);
    h.Update(nul);
    h.Update(src->text);
    h.Update(nul);
  }
  return h.FinishHex();
}

}  // namespace

Result<LawData> ParseLaw(const std::vector<LawSource>& sources) {
  if (sources.size() > kSourcesMax) {
    return Status::LimitExceeded("more than " + std::to_string(kSourcesMax) + " law files");
  }
  std::vector<const LawSource*> sorted;
  sorted.reserve(sources.size());
  for (const LawSource& src : sources) sorted.push_back(&src);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const LawSource* a, const LawSource* b) { return a->name < b->name; });
  Errors errors;
  SetState state;
  for (const LawSource* src : sorted) ParseSource(*src, &errors, &state);
  CheckCrossFile(&state.law, &errors);
  if (!errors.empty()) return errors.ToStatus();
  state.law.content_hash = ContentHash(sorted);
  return std::move(state.law);
}

std::vector<LawSource> EmbeddedLawSources() {
  std::vector<LawSource> out;
  for (auto& [name, text] : detail::EmbeddedLawFiles()) {
    out.push_back(LawSource{std::move(name), std::move(text)});
  }
  return out;
}

Result<std::vector<LawSource>> ReadLawDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::IOError("cannot read law folder " + dir + ": " + ec.message());
  std::vector<fs::path> paths;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IOError("cannot list " + dir + ": " + ec.message());
    const fs::path& p = it->path();
    if (p.extension() != ".toml" || !it->is_regular_file(ec)) continue;
    if (paths.size() == kSourcesMax) {
      return Status::LimitExceeded(dir + ": more than " + std::to_string(kSourcesMax) +
                                   " law files");
    }
    paths.push_back(p);
  }
  if (ec) return Status::IOError("cannot list " + dir + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  std::vector<LawSource> out;
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::string text;
    text.resize(kSourceBytesMax + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad() || (!in.eof() && !in)) return Status::IOError("cannot read " + p.string());
    text.resize(static_cast<size_t>(in.gcount()));
    if (text.size() > kSourceBytesMax) {
      return Status::LimitExceeded(p.string() + ": larger than " + std::to_string(kSourceBytesMax) +
                                   " bytes");
    }
    out.push_back(LawSource{p.filename().string(), std::move(text)});
  }
  return out;
}

}  // namespace highfence::law