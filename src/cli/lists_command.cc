// `highfence lists import|show|diff`: keep and compare list snapshots.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>

#include "cli/cli.h"
#include "cli/describe.h"
#include "cli/screen_commands.h"
#include "io/determination_writer.h"
#include "screen/list_store.h"
#include "screen/snapshot.h"
#include "screen/snapshot_diff.h"

namespace highfence::cli {
namespace {

struct ListsArgs {
  std::string file, ref, before, after, store, format = "text";
  bool all = false;
};

int Fail(const Status& s) {
  std::fprintf(stderr, "highfence: %s\n", s.ToString().c_str());
  return kExitFailed;
}

void Print(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

Result<screen::ListStore> OpenStore(const std::string& dir) {
  if (!dir.empty()) return screen::ListStore(dir);
  Result<std::string> d = screen::ListStore::DefaultDir();
  if (!d.ok()) return d.status();
  return screen::ListStore(*d);
}

std::string IdentityText(const screen::SnapshotInfo& i, const std::string& stored) {
  std::string out = fmt::format(
      "sha256        {}\nformat        {}\ngenerated at  {}\nnewest start  {}\nrows          {}\n",
      i.content_sha256, i.format,
      i.generated_at.empty() ? "(not stated by the file)" : i.generated_at,
      i.latest_start_date.empty() ? "(rows carry no dates)" : i.latest_start_date, i.entry_count);
  if (!stored.empty()) out += fmt::format("stored        {}\n", stored);
  out += "rows by list\n";
  for (const auto& [list, n] : i.counts_by_list) out += fmt::format("  {:<10} {:>7}\n", list, n);
  return out;
}

std::string IdentityJson(const screen::SnapshotInfo& i) {
  std::string out = fmt::format(
      "{{\"sha256\":\"{}\",\"format\":\"{}\",\"generated_at\":", i.content_sha256, i.format);
  io::AppendJsonString(i.generated_at, &out);
  out += ",\"latest_start_date\":";
  io::AppendJsonString(i.latest_start_date, &out);
  out += fmt::format(",\"rows\":{},\"rows_by_list\":{{", i.entry_count);
  for (size_t k = 0; k < i.counts_by_list.size(); ++k) {
    if (k > 0) out.push_back(',');
    io::AppendJsonString(i.counts_by_list[k].first, &out);
    out += fmt::format(":{}", i.counts_by_list[k].second);
  }
  return out + "}}\n";
}

// A file path, else a stored snapshot named by sha256 prefix or "current".
Result<screen::ListSnapshot> Resolve(const std::string& ref, const std::string& store) {
  return LoadLists(ref == "current" ? "" : ref, store);
}

int Import(const ListsArgs& a) {
  Result<screen::ListStore> store = OpenStore(a.store);
  if (!store.ok()) return Fail(store.status());
  Result<screen::StoredSnapshot> s = store->Import(a.file);
  if (!s.ok()) return Fail(s.status());
  Result<screen::ListSnapshot> snapshot = screen::LoadSnapshotFile(s->path);
  if (!snapshot.ok()) return Fail(snapshot.status());
  Print(a.format == "json" ? IdentityJson(snapshot->info)
                           : "imported, now current\n" + IdentityText(snapshot->info, s->path));
  return kExitOk;
}

int ShowAll(const ListsArgs& a) {
  Result<screen::ListStore> store = OpenStore(a.store);
  if (!store.ok()) return Fail(store.status());
  Result<std::vector<screen::StoredSnapshot>> all = store->List();
  if (!all.ok()) return Fail(all.status());
  Result<screen::StoredSnapshot> current = store->Current();
  std::string out;
  for (const screen::StoredSnapshot& s : *all) {
    const bool is_current = current.ok() && current->sha256 == s.sha256;
    out +=
        fmt::format("{} {}  {:<12} {:>7} rows  generated {}  imported {}  from {}\n",
                    is_current ? "*" : " ", s.sha256.substr(0, 16), s.format, s.entries,
                    s.generated_at.empty() ? "-" : s.generated_at, s.imported_at, s.imported_from);
  }
  Print(out.empty() ? "no snapshot imported in " + store->dir() + "\n" : out);
  return kExitOk;
}

int Show(const ListsArgs& a) {
  if (a.all) return ShowAll(a);
  Result<screen::ListSnapshot> s = Resolve(a.ref, a.store);
  if (!s.ok()) return kExitFailed;
  Print(a.format == "json" ? IdentityJson(s->info) : IdentityText(s->info, ""));
  return kExitOk;
}

void AppendEntryJson(std::string_view change, const screen::ListEntry& e, std::string* out) {
  *out += "{\"change\":\"" + std::string(change) + "\",\"list\":";
  io::AppendJsonString(e.list, out);
  *out += ",\"entity_number\":";
  io::AppendJsonString(e.entity_number, out);
  *out += ",\"name\":";
  io::AppendJsonString(e.name, out);
}

std::string DiffJsonl(const screen::SnapshotDiff& d) {
  std::string out;
  for (const screen::ListEntry* e : d.added) AppendEntryJson("added", *e, &out), out += "}\n";
  for (const screen::ListEntry* e : d.removed) AppendEntryJson("removed", *e, &out), out += "}\n";
  for (const screen::EntryChange& c : d.changed) {
    AppendEntryJson("changed", *c.after, &out);
    out += ",\"fields\":[";
    for (size_t i = 0; i < c.fields.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += "{\"field\":";
      io::AppendJsonString(c.fields[i].field, &out);
      out += ",\"before\":";
      io::AppendJsonString(c.fields[i].before, &out);
      out += ",\"after\":";
      io::AppendJsonString(c.fields[i].after, &out);
      out.push_back('}');
    }
    out += "]}\n";
  }
  return out;
}

std::string DiffText(const screen::SnapshotDiff& d, const screen::ListSnapshot& a,
                     const screen::ListSnapshot& b) {
  std::string out = fmt::format("{} ({}) -> {} ({}): {} added, {} removed, {} changed\n",
                                a.info.content_sha256.substr(0, 16), a.info.format,
                                b.info.content_sha256.substr(0, 16), b.info.format, d.added.size(),
                                d.removed.size(), d.changed.size());
  for (const screen::ListEntry* e : d.added) out += fmt::format("+ {:<6} {}\n", e->list, e->name);
  for (const screen::ListEntry* e : d.removed) out += fmt::format("- {:<6} {}\n", e->list, e->name);
  for (const screen::EntryChange& c : d.changed) {
    out += fmt::format("~ {:<6} {}\n", c.after->list, c.after->name);
    for (const screen::FieldChange& f : c.fields) {
      out += fmt::format("    {}: {} -> {}\n", f.field, f.before.empty() ? "(none)" : f.before,
                         f.after.empty() ? "(none)" : f.after);
    }
  }
  return out;
}

int Diff(const ListsArgs& a) {
  Result<screen::ListSnapshot> before = Resolve(a.before, a.store);
  if (!before.ok()) return kExitFailed;
  Result<screen::ListSnapshot> after = Resolve(a.after, a.store);
  if (!after.ok()) return kExitFailed;
  const screen::SnapshotDiff d = screen::DiffSnapshots(*before, *after);
  Print(a.format == "json" ? DiffJsonl(d) : DiffText(d, *before, *after));
  return kExitOk;
}

}  // namespace

int RunLists(int argc, char** argv) {
  CLI::App app{"highfence lists: restricted-party list snapshots (docs/screening.md)"};
  app.require_subcommand(1);
  ListsArgs a;
  auto common = [&](CLI::App* c) {
    c->add_option("--store", a.store,
                  "snapshot folder (default $HIGHFENCE_LISTS_DIR, else "
                  "$XDG_DATA_HOME/highfence/lists, else ~/.local/share/highfence/lists)");
    c->add_option("--format", a.format, "text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    return c;
  };
  CLI::App* import = common(app.add_subcommand("import", "store a CSL file and make it current"));
  import->add_option("file", a.file, "CSL CSV, JSON or compact JSON")->required();
  CLI::App* show = common(app.add_subcommand("show", "a snapshot's identity"));
  show->add_option("snapshot", a.ref, "a file, a stored sha256 prefix, or current (default)");
  show->add_flag("--all", a.all, "every stored snapshot, the current one starred");
  CLI::App* diff =
      common(app.add_subcommand("diff", "rows added, removed and changed from A to B"));
  diff->add_option("a", a.before, "a file or a stored sha256 prefix")->required();
  diff->add_option("b", a.after, "a file, a stored sha256 prefix, or current")->required();
  if (DescribeRequested()) return Describe(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitFailed;
  }
  if (import->parsed()) return Import(a);
  if (show->parsed()) return Show(a);
  return Diff(a);
}

}  // namespace highfence::cli
