#include "screen/list_store.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <system_error>

#include "screen/snapshot.h"

namespace highfence::screen {
namespace {

namespace fs = std::filesystem;

constexpr char kIndex[] = "snapshots.tsv";
constexpr char kCurrent[] = "current";
constexpr size_t kRefDigitsMin = 6;

std::string UtcNow() {
  const std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

// Tabs and line breaks would split a TSV field.
std::string Field(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t at = 0;
  while (true) {
    const size_t tab = line.find('\t', at);
    out.emplace_back(line.substr(at, tab == std::string_view::npos ? tab : tab - at));
    if (tab == std::string_view::npos) return out;
    at = tab + 1;
  }
}

std::string Extension(const std::string& format) { return format == "csv" ? ".csv" : ".json"; }

}  // namespace

Result<std::string> ListStore::DefaultDir() {
  if (const char* d = std::getenv("HIGHFENCE_LISTS_DIR"); d != nullptr && *d != '\0')
    return std::string(d);
  if (const char* d = std::getenv("XDG_DATA_HOME"); d != nullptr && *d == '/') {
    return std::string(d) + "/highfence/lists";
  }
  if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') {
    return std::string(h) + "/.local/share/highfence/lists";
  }
  return Status::NotFound("no folder for list snapshots: set HIGHFENCE_LISTS_DIR or HOME");
}

Status ListStore::WriteAtomically(const std::string& name, std::string_view bytes) const {
  const std::string path = dir_ + "/" + name;
  const std::string temp = path + ".tmp";
  {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(temp.c_str(), "wb"), std::fclose);
    if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f.get()) != bytes.size() ||
        std::fflush(f.get()) != 0) {
      return Status::IOError(fmt::format("{}: cannot write", temp));
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) return Status::IOError(fmt::format("{}: {}", path, ec.message()));
  return Status::Ok();
}

Result<StoredSnapshot> ListStore::Import(const std::string& path) {
  Result<std::string> bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.status();
  Result<ListSnapshot> parsed = ParseSnapshot(*bytes);
  if (!parsed.ok())
    return Status::InvalidArgument(fmt::format("{}: {}", path, parsed.status().message()));
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return Status::IOError(fmt::format("{}: {}", dir_, ec.message()));
  const SnapshotInfo& info = parsed->info;
  StoredSnapshot s{info.content_sha256,
                   info.format,
                   UtcNow(),
                   info.generated_at,
                   fs::absolute(path, ec).string(),
                   info.entry_count,
                   ""};
  s.path = dir_ + "/" + s.sha256 + Extension(s.format);
  if (!fs::exists(s.path))
    HF_RETURN_IF_ERROR(WriteAtomically(s.sha256 + Extension(s.format), *bytes));
  Result<std::vector<StoredSnapshot>> known = List();
  if (!known.ok()) return known.status();
  std::string index;
  for (const StoredSnapshot& k : *known) {
    if (k.sha256 == s.sha256) continue;  // the new line below replaces it
    index += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", k.sha256, k.format, k.imported_at,
                         Field(k.generated_at), k.entries, Field(k.imported_from));
  }
  index += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", s.sha256, s.format, s.imported_at,
                       Field(s.generated_at), s.entries, Field(s.imported_from));
  HF_RETURN_IF_ERROR(WriteAtomically(kIndex, index));
  HF_RETURN_IF_ERROR(WriteAtomically(kCurrent, s.sha256 + "\n"));
  return s;
}

Result<std::vector<StoredSnapshot>> ListStore::List() const {
  std::vector<StoredSnapshot> out;
  const std::string path = dir_ + "/" + kIndex;
  if (!fs::exists(path)) return out;
  Result<std::string> text = ReadFileBytes(path);
  if (!text.ok()) return text.status();
  size_t at = 0, line = 0;
  while (at < text->size()) {
    size_t end = text->find('\n', at);
    if (end == std::string::npos) end = text->size();
    ++line;
    const std::vector<std::string> f = SplitTabs(std::string_view(*text).substr(at, end - at));
    at = end + 1;
    if (f.size() == 1 && f[0].empty()) continue;
    if (f.size() != 6 || f[0].size() != 64) {
      return Status::Corruption(fmt::format("{}:{}: not a snapshot line", path, line));
    }
    StoredSnapshot s{f[0], f[1], f[2], f[3], f[5], std::strtoll(f[4].c_str(), nullptr, 10), ""};
    s.path = dir_ + "/" + s.sha256 + Extension(s.format);
    out.push_back(std::move(s));
  }
  return out;
}

Result<StoredSnapshot> ListStore::Current() const {
  const std::string path = dir_ + "/" + kCurrent;
  if (!fs::exists(path)) {
    return Status::NotFound(
        fmt::format("no list snapshot in {}: run `highfence lists import FILE` "
                    "or pass --lists FILE",
                    dir_));
  }
  Result<std::string> text = ReadFileBytes(path);
  if (!text.ok()) return text.status();
  std::string sha = *text;
  while (!sha.empty() && (sha.back() == '\n' || sha.back() == ' ')) sha.pop_back();
  return Find(sha);
}

Result<ListSnapshot> ListStore::Load(const StoredSnapshot& stored) {
  Result<ListSnapshot> s = LoadSnapshotFile(stored.path);
  if (!s.ok()) return s.status();
  if (s->info.content_sha256 != stored.sha256) {
    return Status::Corruption(fmt::format("{}: content does not match its sha256", stored.path));
  }
  return s;
}

Result<StoredSnapshot> ListStore::Find(std::string_view ref) const {
  if (ref == "current") return Current();
  if (ref.size() < kRefDigitsMin ||
      ref.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
    return Status::InvalidArgument(fmt::format(
        "`{}` is neither a file nor the start of a stored sha256 (6+ hex digits)", ref));
  }
  Result<std::vector<StoredSnapshot>> all = List();
  if (!all.ok()) return all.status();
  const StoredSnapshot* found = nullptr;
  for (const StoredSnapshot& s : *all) {
    if (!s.sha256.starts_with(ref)) continue;
    if (found != nullptr)
      return Status::InvalidArgument(fmt::format("`{}` names several snapshots", ref));
    found = &s;
  }
  if (found == nullptr)
    return Status::NotFound(fmt::format("no stored snapshot starts with `{}`", ref));
  return *found;
}

}  // namespace highfence::screen
