#include "cli/describe.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cstdio>
#include <string>
#include <vector>

namespace highfence::cli {
namespace {

// One option as the parser defines it.
struct OptionDoc {
  std::vector<std::string> names;  // "--format", "-h"; empty for a positional
  std::string positional;          // its name, for a positional
  std::string description;
  std::string type;                 // "TEXT:{jsonl,csv,table}"; empty for a flag
  std::vector<std::string> values;  // the allowed values, when a list is given
};

// One command: `path` is the words after `highfence` ("" for highfence itself).
struct CommandDoc {
  std::string path, description, footer;
  std::vector<OptionDoc> options;
  std::vector<std::string> children;  // subcommand names
};

bool g_describing = false;
std::vector<CommandDoc>* g_commands = nullptr;
std::string g_prefix;  // path of the app being recorded ("ledger" while running RunLedger)

std::vector<std::string> AllowedValues(const std::string& type) {
  std::vector<std::string> out;
  size_t open = type.find('{'), close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return out;
  std::string list = type.substr(open + 1, close - open - 1);
  for (size_t start = 0; start <= list.size();) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) out.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void Record(const CLI::App& app, const std::string& path) {
  CommandDoc doc{path, app.get_description(), app.get_footer(), {}, {}};
  for (const CLI::Option* o : app.get_options()) {
    OptionDoc od;
    for (const std::string& l : o->get_lnames()) od.names.push_back("--" + l);
    for (const std::string& s : o->get_snames()) od.names.push_back("-" + s);
    if (!o->nonpositional()) od.positional = o->get_name(true);
    od.description = o->get_description();
    if (o->get_type_size() != 0) od.type = o->get_type_name();
    od.values = AllowedValues(od.type);
    doc.options.push_back(std::move(od));
  }
  std::vector<const CLI::App*> subs = app.get_subcommands([](const CLI::App*) { return true; });
  for (const CLI::App* sub : subs) doc.children.push_back(sub->get_name());
  g_commands->push_back(std::move(doc));
  for (const CLI::App* sub : subs) {
    Record(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name());
  }
}

// roff text: backslashes and leading dots escaped, hyphens as \-.
std::string Roff(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out.push_back(c);
    if (c == '\n') out += "\\&";
  }
  return (!out.empty() && (out[0] == '.' || out[0] == '\'')) ? "\\&" + out : out;
}

std::string ManName(const std::string& path) {
  std::string out = "highfence";
  for (char c : path) out.push_back(c == ' ' ? '-' : c);
  return path.empty() ? out : "highfence-" + out.substr(9);
}

std::string ManPage(const CommandDoc& top, const std::vector<CommandDoc>& all) {
  const std::string name = top.path.empty() ? "highfence" : ManName(top.path);
  std::string upper;
  for (char c : name) upper.push_back(static_cast<char>(std::toupper(c)));
  std::string out = fmt::format(".TH {} 1 \"\" \"highfence\" \"highfence manual\"\n", upper);
  out += fmt::format(".SH NAME\n{} \\- {}\n", Roff(name), Roff(top.description));
  for (const CommandDoc& c : all) {
    bool inside = c.path == top.path || (!top.path.empty() && c.path.starts_with(top.path + " "));
    if (!inside || (top.path.empty() && c.path != "")) continue;
    std::string words = c.path.empty() ? "highfence" : "highfence " + c.path;
    out +=
        fmt::format(".SH {}\n.B {}\n", c.path == top.path ? "SYNOPSIS" : Roff(words), Roff(words));
    out += c.options.empty() ? "" : "[OPTIONS]";
    for (const OptionDoc& o : c.options) {
      if (!o.positional.empty()) out += fmt::format(" [{}]", Roff(o.positional));
    }
    if (!c.children.empty()) out += " COMMAND";
    out += "\n.PP\n" + Roff(c.description) + "\n";
    for (const OptionDoc& o : c.options) {
      std::string names;
      for (const std::string& n : o.names) names += (names.empty() ? "" : ", ") + n;
      if (names.empty()) names = o.positional;
      out +=
          fmt::format(".TP\n.B {}{}\n{}\n", Roff(names),
                      o.type.empty() ? "" : " \\fI" + Roff(o.type) + "\\fR", Roff(o.description));
    }
    if (!c.children.empty()) {
      out += ".PP\nCommands:\n";
      for (const std::string& child : c.children) {
        out += fmt::format(".TP\n.B {}\nsee \\fB{}\\fR(1)\n", Roff(child),
                           Roff(ManName(c.path.empty() ? child : c.path + " " + child)));
      }
    }
    if (!c.footer.empty()) out += ".PP\n.nf\n" + Roff(c.footer) + "\n.fi\n";
  }
  return out;
}

// The shell code shared by bash and zsh: which command the words name, and
// what each command and option offers. `add` is how the shell offers words.
struct Shell {
  const char* values_then;  // how to offer a list of words: "%s" is the list
  const char* files;        // how to offer file names
};

std::string CompletionBody(const std::vector<CommandDoc>& all, const Shell& sh) {
  std::string walk, values, offers;
  for (const CommandDoc& c : all) {
    for (const std::string& child : c.children) {
      walk += fmt::format("      \"{}|{}\") path=\"{}\" ;;\n", c.path, child,
                          c.path.empty() ? child : c.path + " " + child);
    }
    std::string opts;
    for (const OptionDoc& o : c.options) {
      for (const std::string& n : o.names) opts += (opts.empty() ? "" : " ") + n;
      if (!o.values.empty() && !o.names.empty()) {
        std::string list;
        for (const std::string& v : o.values) list += (list.empty() ? "" : " ") + v;
        for (const std::string& n : o.names) {
          values += fmt::format("    \"{}|{}\") {}; return ;;\n", c.path, n,
                                fmt::format(fmt::runtime(sh.values_then), list));
        }
      }
    }
    std::string children;
    for (const std::string& child : c.children) children += (children.empty() ? "" : " ") + child;
    offers += fmt::format("    \"{}\") opts=\"{}\"; subs=\"{}\" ;;\n", c.path, opts, children);
  }
  return "  local path=\"\" w i opts=\"\" subs=\"\"\n"
         "  for ((i = 1; i < ncur; i++)); do\n    w=${words_[i]}\n    case \"$path|$w\" in\n" +
         walk + "    esac\n  done\n  case \"$path|$prev\" in\n" + values +
         "  esac\n  case \"$path\" in\n" + offers + "  esac\n  if [[ $cur == -* ]]; then " +
         fmt::format(fmt::runtime(sh.values_then), "$opts") + "; return; fi\n" +
         "  if [[ -n $subs ]]; then " + fmt::format(fmt::runtime(sh.values_then), "$subs") +
         "; return; fi\n  " + sh.files + "\n";
}

std::string Bash(const std::vector<CommandDoc>& all) {
  return "# bash completion for highfence, generated from its option definitions\n"
         "# (highfence generate-docs). Do not edit.\n_highfence() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "  local -a words_=(\"${COMP_WORDS[@]}\")\n  local ncur=$COMP_CWORD\n" +
         CompletionBody(all, {"COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))",
                              "COMPREPLY=($(compgen -f -- \"$cur\"))"}) +
         "}\ncomplete -o filenames -F _highfence highfence\n";
}

std::string Zsh(const std::vector<CommandDoc>& all) {
  return "#compdef highfence\n# zsh completion for highfence, generated from its option "
         "definitions\n# (highfence generate-docs). Do not edit.\n_highfence() {\n"
         "  setopt localoptions ksharrays  # index words from 0, as bash does\n"
         "  local -a words_=(\"${words[@]}\")\n  local ncur=$((CURRENT - 1))\n"
         "  local cur=${words_[ncur]} prev=${words_[ncur-1]}\n" +
         CompletionBody(all, {"compadd -- ${{=:-\"{}\"}}", "_files"}) + "}\n_highfence \"$@\"\n";
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    std::fprintf(stderr, "highfence: cannot write `%s`\n", path.c_str());
    return false;
  }
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

std::string g_out_dir;

}  // namespace

bool DescribeRequested() { return g_describing; }

int Describe(const CLI::App& app) {
  Record(app, g_prefix);
  return 0;
}

int Describe(const CLI::App& app, const Delegated* delegated, size_t count) {
  std::vector<CommandDoc> all;
  g_commands = &all;
  Record(app, "");
  for (size_t i = 0; i < count; ++i) {
    // The top-level app only names the delegated command: its own app has the options.
    std::erase_if(all, [&](const CommandDoc& c) { return c.path == delegated[i].name; });
    g_prefix = delegated[i].name;
    char* argv[] = {const_cast<char*>(delegated[i].name), nullptr};
    delegated[i].run(1, argv);
  }
  g_prefix.clear();
  ::mkdir(g_out_dir.c_str(), 0755);
  const std::string man = g_out_dir + "/man1";
  ::mkdir(man.c_str(), 0755);
  bool ok = true;
  for (const CommandDoc& c : all) {
    if (c.path.find(' ') != std::string::npos) continue;  // within its command's page
    ok = ok && WriteFile(man + "/" + ManName(c.path) + ".1", ManPage(c, all));
  }
  ok = ok && WriteFile(g_out_dir + "/highfence.bash", Bash(all)) &&
       WriteFile(g_out_dir + "/_highfence", Zsh(all));
  return ok ? 0 : 1;
}

int RunGenerateDocs(int argc, char** argv, int (*run_cli)(int, char**)) {
  if (argc != 2) {
    std::fprintf(stderr,
                 "usage: highfence generate-docs DIR (writes DIR/man1/*.1, "
                 "DIR/highfence.bash and DIR/_highfence)\n");
    return 1;
  }
  g_out_dir = argv[1];
  g_describing = true;
  char* top[] = {const_cast<char*>("highfence"), nullptr};
  int rc = run_cli(1, top);
  g_describing = false;
  if (rc == 0)
    std::printf("wrote %s/man1, %s/highfence.bash, %s/_highfence\n", argv[1], argv[1], argv[1]);
  return rc;
}

}  // namespace highfence::cli
