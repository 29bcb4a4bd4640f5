// The scenario file reader: the toml++ adapter (the one place its exceptions
// are caught) and the checks that make a scenario well formed.
#include "simulate/scenario.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "simulate/calibration.h"
#include "simulate/metrics.h"

namespace highfence::simulate {
namespace {

constexpr int kBaseDepthMax = 4;   // scenario -> base -> base ... (no cycles)
constexpr size_t kRoundsMax = 16;  // Shapley runs 2^rounds per draw

// Collects every problem, each naming the file and the key.
class Errors {
 public:
  void Add(std::string_view where, std::string_view what) {
    lines_.push_back(fmt::format("{}: {}", where, what));
  }
  bool empty() const { return lines_.empty(); }
  Status ToStatus() const {
    std::string msg;
    for (const std::string& l : lines_) msg += (msg.empty() ? "" : "\n") + l;
    return Status::InvalidArgument(msg);
  }

 private:
  std::vector<std::string> lines_;
};

std::optional<toml::table> ParseToml(std::string_view text, std::string_view name, Errors* e) {
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, name);
  } catch (const toml::parse_error& err) {
    e->Add(fmt::format("{}:{}:{}", name, err.source().begin.line, err.source().begin.column),
           fmt::format("invalid TOML: {}", err.description()));
  } catch (const std::exception& err) {
    e->Add(name, fmt::format("cannot parse: {}", err.what()));
  }
  return std::nullopt;
#else
  toml::parse_result r = toml::parse(text, name);
  if (r) return std::move(r).table();
  e->Add(
      fmt::format("{}:{}:{}", name, r.error().source().begin.line, r.error().source().begin.column),
      fmt::format("invalid TOML: {}", r.error().description()));
  return std::nullopt;
#endif
}

bool CheckKeys(const toml::table& t, std::initializer_list<std::string_view> allowed,
               const std::string& where, Errors* e) {
  bool ok = true;
  for (const auto& [key, node] : t) {
    (void)node;
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      e->Add(where, fmt::format("unknown key `{}`", key.str()));
      ok = false;
    }
  }
  return ok;
}

std::optional<std::string> Text(const toml::table& t, std::string_view key,
                                const std::string& where, Errors* e) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return std::nullopt;
  if (!n->is_string()) {
    e->Add(where + "." + std::string(key), "must be a string");
    return std::nullopt;
  }
  return n->value<std::string>();
}

std::optional<double> Number(const toml::node& n, const std::string& where, Errors* e) {
  if (!n.is_number()) {
    e->Add(where, "must be a number");
    return std::nullopt;
  }
  return n.value<double>();
}

std::optional<Date> ToDate(const toml::node& n, const std::string& where, const LawInputs& law,
                           std::vector<std::string>* used, Errors* e) {
  if (const auto* d = n.as_date()) {
    const toml::date v = d->get();
    std::optional<Date> out =
        Date::Parse(fmt::format("{:04}-{:02}-{:02}", v.year, unsigned(v.month), unsigned(v.day)));
    if (!out) e->Add(where, "is not a valid date between 1900 and 2199");
    return out;
  }
  if (n.is_string()) {
    std::string ref = *n.value<std::string>();
    if (ref.starts_with("law:")) {
      const LawFact* f = law.Fact(ref.substr(4));
      if (f != nullptr && f->date) {
        used->push_back(f->name);
        return f->date;
      }
      e->Add(where, fmt::format("`{}` names no date fact of the law", ref));
      return std::nullopt;
    }
  }
  e->Add(where, "must be a date (2025-01-13) or a law reference (\"law:hbm_rule\")");
  return std::nullopt;
}

// A number, or a reference to a number fact of the law.
std::optional<double> ToValue(const toml::node& n, const std::string& where, const LawInputs& law,
                              std::vector<std::string>* used, Errors* e) {
  if (n.is_string() && n.value<std::string>()->starts_with("law:")) {
    std::string name = n.value<std::string>()->substr(4);
    const LawFact* f = law.Fact(name);
    if (f == nullptr || f->date) {
      e->Add(where, fmt::format("`law:{}` names no number fact of the law", name));
      return std::nullopt;
    }
    used->push_back(f->name);
    return f->value;
  }
  return Number(n, where, e);
}

}  // namespace

namespace {

// Reads one file of a scenario chain into `s` (which holds the bases' values).
class FileReader {
 public:
  FileReader(std::string name, const LawInputs& law, Scenario* s, Errors* e)
      : name_(std::move(name)), law_(law), s_(s), e_(e) {}

  void Read(const toml::table& doc, bool is_leaf) {
    CheckKeys(doc, {"scenario", "params", "round", "variant", "check"}, name_, e_);
    if (const toml::table* t = doc["scenario"].as_table()) Header(*t);
    if (const toml::table* t = doc["params"].as_table()) {
      for (const auto& [key, node] : *t) Param(std::string(key.str()), node);
    }
    ForEach(doc, "round", [&](const toml::table& t, const std::string& w) { RoundTable(t, w); });
    if (!is_leaf) return;  // variants and checks belong to the file that names them
    ForEach(doc, "variant",
            [&](const toml::table& t, const std::string& w) { VariantTable(t, w); });
    ForEach(doc, "check", [&](const toml::table& t, const std::string& w) { CheckTable(t, w); });
  }

 private:
  template <typename F>
  void ForEach(const toml::table& doc, std::string_view key, F&& f) {
    const toml::node* n = doc.get(key);
    if (n == nullptr) return;
    const toml::array* a = n->as_array();
    if (a == nullptr)
      return e_->Add(Where(key), "must be an array of tables ([[" + std::string(key) + "]])");
    for (size_t i = 0; i < a->size(); ++i) {
      std::string where = fmt::format("{}[{}]", Where(key), i);
      if (const toml::table* t = (*a)[i].as_table())
        f(*t, where);
      else
        e_->Add(where, "must be a table");
    }
  }
  std::string Where(std::string_view key) const { return name_ + ": " + std::string(key); }

  void Header(const toml::table& t) {
    const std::string w = Where("scenario");
    CheckKeys(
        t,
        {"id", "title", "title_zh", "description", "base", "counterfactual", "horizon_quarters",
         "report_year", "draws", "seed", "shapley_draws", "tightening_share_min"},
        w, e_);
    if (auto v = Text(t, "id", w, e_)) s_->id = *v;
    if (auto v = Text(t, "title", w, e_)) s_->title = *v;
    if (auto v = Text(t, "title_zh", w, e_)) s_->title_zh = *v;
    if (auto v = Text(t, "description", w, e_)) s_->description = *v;
    if (auto v = Text(t, "counterfactual", w, e_)) {
      if (*v == "budget")
        s_->closure = Closure::kBudget;
      else if (*v == "share")
        s_->closure = Closure::kShare;
      else
        e_->Add(w + ".counterfactual", "must be \"budget\" or \"share\"");
    }
    Int(t, "horizon_quarters", w, 1, 24, &s_->horizon_quarters);
    Int(t, "report_year", w, 2021, kLastYear, &s_->report_year);
    Int(t, "draws", w, 1, kDrawsMax, &s_->draws);
    Int(t, "shapley_draws", w, 0, kDrawsMax, &s_->shapley_draws);
    if (const toml::node* n = t.get("tightening_share_min")) {
      std::optional<double> v = n->value<double>();
      if (!n->is_number() || !v || *v < 0 || *v > 1) {
        e_->Add(w + ".tightening_share_min", "must be a number from 0 to 1");
      } else {
        s_->tightening_share_min = *v;
      }
    }
    int seed = static_cast<int>(s_->seed);
    Int(t, "seed", w, 0, 2'000'000'000, &seed);
    s_->seed = static_cast<uint64_t>(seed);
  }

  void Int(const toml::table& t, std::string_view key, const std::string& w, int lo, int hi,
           int* out) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return;
    std::optional<int64_t> v = n->value<int64_t>();
    if (!n->is_integer() || !v || *v < lo || *v > hi) {
      return e_->Add(w + "." + std::string(key),
                     fmt::format("must be an integer from {} to {}", lo, hi));
    }
    *out = static_cast<int>(*v);
  }

  void Param(const std::string& key, const toml::node& node) {
    ReadParam(key, node, Where("params." + key), &s_->params);
  }

 public:
  // A parameter override: a number fixes it; a table may set its default
  // (`value`) and its distribution (`uniform`, `log_uniform`, `log_normal`).
  void ReadParam(const std::string& key, const toml::node& node, const std::string& w,
                 ParamTable* table) {
    std::optional<ParamId> id = FindParam(key);
    if (!id) return e_->Add(w, "unknown parameter (docs/simulator.md lists them)");
    ParamSpec& spec = (*table)[*id];
    if (node.is_number()) {
      spec.value = *node.value<double>();
      spec.dist = Dist::kFixed;
      if (std::string why = CheckSpec(*id, spec); !why.empty()) e_->Add(w, why);
      return;
    }
    const toml::table* t = node.as_table();
    if (t == nullptr) return e_->Add(w, "must be a number or a table");
    CheckKeys(*t, {"value", "uniform", "log_uniform", "log_normal"}, w, e_);
    if (const toml::node* v = t->get("value")) {
      if (auto d = Number(*v, w + ".value", e_)) spec.value = *d;
    }
    static constexpr std::pair<std::string_view, Dist> kDists[] = {
        {"uniform", Dist::kUniform},
        {"log_uniform", Dist::kLogUniform},
        {"log_normal", Dist::kLogNormal}};
    for (const auto& [dist_key, dist] : kDists) {
      const toml::array* a = t->get_as<toml::array>(dist_key);
      if (a == nullptr) continue;
      std::optional<double> lo = a->size() == 2 ? (*a)[0].value<double>() : std::nullopt;
      std::optional<double> hi = a->size() == 2 ? (*a)[1].value<double>() : std::nullopt;
      const bool positive = dist == Dist::kUniform || (lo && *lo > 0);
      if (!lo || !hi || !positive || (dist != Dist::kLogNormal && *hi < *lo)) {
        e_->Add(w + "." + std::string(dist_key), "must be [low, high] (log: both > 0)");
        continue;
      }
      spec.dist = dist;
      spec.a = *lo;
      spec.b = *hi;
    }
    if (std::string why = CheckSpec(*id, spec); !why.empty()) e_->Add(w, why);
  }

 private:
  void Changes(const toml::table& t, const std::string& w, Date on, Round* r) {
    static constexpr std::pair<std::string_view, bool> kOps[] = {{"set", false}, {"add", true}};
    for (const auto& [op, add] : kOps) {
      const toml::table* ops = t.get_as<toml::table>(op);
      if (ops == nullptr) continue;
      for (const auto& [key, node] : *ops) {
        const std::string kw = w + "." + std::string(op) + "." + std::string(key.str());
        std::optional<PolicyId> id = FindPolicy(key.str());
        if (!id) {
          e_->Add(kw, "unknown policy component (docs/simulator.md lists them)");
          continue;
        }
        if (auto v = ToValue(node, kw, law_, &s_->law_facts, e_)) {
          if (std::string why = CheckChange(*id, add, *v); !why.empty()) {
            e_->Add(kw, why);
            continue;
          }
          r->changes.push_back({on, *id, add, *v});
        }
      }
    }
  }

  std::optional<Date> ChangeDate(const toml::table& t, const std::string& w) {
    const toml::node* on = t.get("on");
    if (on == nullptr) {
      e_->Add(w, "needs `on`");
      return std::nullopt;
    }
    std::optional<Date> d = ToDate(*on, w + ".on", law_, &s_->law_facts, e_);
    if (d && on->is_date() && !t.contains("citation")) {
      e_->Add(w, "a date not taken from the law needs a `citation`");
    }
    return d;
  }

  void RoundTable(const toml::table& t, const std::string& w);
  void VariantTable(const toml::table& t, const std::string& w);
  void CheckTable(const toml::table& t, const std::string& w);

  std::string name_;
  const LawInputs& law_;
  Scenario* s_;
  Errors* e_;
};

void FileReader::RoundTable(const toml::table& t, const std::string& w) {
  CheckKeys(t,
            {"id", "title", "title_zh", "on", "citation", "kind", "active", "notes", "set", "add",
             "below", "change"},
            w, e_);
  Round r;
  r.id = Text(t, "id", w, e_).value_or("");
  if (r.id.empty()) return e_->Add(w, "needs an `id`");
  r.title = Text(t, "title", w, e_).value_or(r.id);
  r.title_zh = Text(t, "title_zh", w, e_).value_or(r.title);
  r.citation = Text(t, "citation", w, e_).value_or("");
  r.notes = Text(t, "notes", w, e_).value_or("");
  const std::string kind = Text(t, "kind", w, e_).value_or("control");
  if (kind != "control" && kind != "event") e_->Add(w + ".kind", "must be control or event");
  r.attributed = kind == "control";
  if (const toml::node* a = t.get("active")) r.active = a->value<bool>().value_or(true);
  std::optional<Date> on = ChangeDate(t, w);
  if (!on) return;
  r.date = *on;
  Changes(t, w, *on, &r);
  if (const toml::array* extra = t.get_as<toml::array>("change")) {
    for (size_t i = 0; i < extra->size(); ++i) {
      const std::string cw = fmt::format("{}.change[{}]", w, i);
      const toml::table* ct = (*extra)[i].as_table();
      if (ct == nullptr) {
        e_->Add(cw, "must be a table");
        continue;
      }
      CheckKeys(*ct, {"on", "citation", "set", "add"}, cw, e_);
      if (std::optional<Date> d = ChangeDate(*ct, cw)) {
        Changes(*ct, cw, *d, &r);
        r.date = std::min(r.date, *d);
      }
    }
  }
  // `below`: a value this round sets must stay below a threshold of the law
  // (a legal chip must be one the law lets through).
  if (const toml::table* below = t.get_as<toml::table>("below")) {
    for (const auto& [key, node] : *below) {
      const std::string bw = w + ".below." + std::string(key.str());
      std::optional<PolicyId> id = FindPolicy(key.str());
      std::optional<double> limit = ToValue(node, bw, law_, &s_->law_facts, e_);
      if (!id || !limit) continue;
      for (const PolicyChange& c : r.changes) {
        if (c.id == *id && !(c.value < *limit)) {
          e_->Add(bw, fmt::format("the round sets {} to {}, not below the law's {}", key.str(),
                                  c.value, *limit));
        }
      }
    }
  }
  auto same = [&](const Round& x) { return x.id == r.id; };
  std::erase_if(s_->rounds, same);  // a file may redefine its base's round
  s_->rounds.push_back(std::move(r));
}

void FileReader::VariantTable(const toml::table& t, const std::string& w) {
  CheckKeys(t, {"id", "title", "title_zh", "rounds", "add", "remove", "counterfactual", "params"},
            w, e_);
  Variant v;
  v.id = Text(t, "id", w, e_).value_or("");
  if (v.id.empty() || v.id == "main" || v.id == "none") {
    return e_->Add(w + ".id", "needs an id other than `main` and `none`");
  }
  v.title = Text(t, "title", w, e_).value_or(v.id);
  v.title_zh = Text(t, "title_zh", w, e_).value_or(v.title);
  if (auto r = Text(t, "rounds", w, e_)) {
    if (*r != "none") e_->Add(w + ".rounds", "can only be \"none\"");
    v.no_rounds = true;
  }
  for (auto [key, list] : {std::pair{"add", &v.add}, std::pair{"remove", &v.remove}}) {
    if (const toml::array* a = t.get_as<toml::array>(key)) {
      for (const toml::node& n : *a) list->push_back(n.value<std::string>().value_or(""));
    }
  }
  if (auto c = Text(t, "counterfactual", w, e_)) {
    if (*c == "budget")
      v.closure = Closure::kBudget;
    else if (*c == "share")
      v.closure = Closure::kShare;
    else
      e_->Add(w + ".counterfactual", "must be \"budget\" or \"share\"");
  }
  if (const toml::table* p = t.get_as<toml::table>("params")) {
    for (const auto& [key, node] : *p) {
      ParamTable table = s_->params;
      const std::string k(key.str());
      ReadParam(k, node, w + ".params." + k, &table);
      if (std::optional<ParamId> id = FindParam(k)) v.params.push_back({*id, table[*id]});
    }
  }
  s_->variants.push_back(std::move(v));
}

void FileReader::CheckTable(const toml::table& t, const std::string& w) {
  CheckKeys(t,
            {"id", "title", "variant", "metric", "year", "years", "stat", "ratio_to", "target",
             "range", "prob_min", "pooled", "expected_failure"},
            w, e_);
  Check c;
  c.id = Text(t, "id", w, e_).value_or("");
  if (c.id.empty()) return e_->Add(w, "needs an `id`");
  c.title = Text(t, "title", w, e_).value_or(c.id);
  c.variant = Text(t, "variant", w, e_).value_or("main");
  c.metric = Text(t, "metric", w, e_).value_or("");
  c.stat = Text(t, "stat", w, e_).value_or("p50");
  c.ratio_to = Text(t, "ratio_to", w, e_).value_or("");
  c.target = Text(t, "target", w, e_).value_or("");
  c.expected_failure = Text(t, "expected_failure", w, e_).value_or("");
  if (const toml::node* y = t.get("year")) {
    c.year_from = c.year_to = static_cast<int>(y->value<int64_t>().value_or(0));
  }
  if (const toml::array* ys = t.get_as<toml::array>("years"); ys && ys->size() == 2) {
    c.year_from = static_cast<int>((*ys)[0].value<int64_t>().value_or(0));
    c.year_to = static_cast<int>((*ys)[1].value<int64_t>().value_or(0));
  }
  if (c.year_from < kFirstYear || c.year_to > kLastYear || c.year_from > c.year_to) {
    e_->Add(w, fmt::format("needs `year` or `years` within {}..{}", kFirstYear, kLastYear));
  }
  if (const toml::array* r = t.get_as<toml::array>("range"); r && r->size() == 2) {
    c.lo = (*r)[0].value<double>().value_or(c.lo);
    c.hi = (*r)[1].value<double>().value_or(c.hi);
  } else if (c.target.empty()) {
    e_->Add(w, "needs `range = [low, high]` or a calibration `target`");
  }
  if (const toml::node* p = t.get("prob_min")) c.prob_min = p->value<double>().value_or(0);
  if (const toml::array* a = t.get_as<toml::array>("pooled")) {
    for (const toml::node& n : *a) c.pooled.push_back(n.value<std::string>().value_or(""));
  }
  s_->checks.push_back(std::move(c));
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(fmt::format("{}: cannot read the scenario file", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

namespace {

bool KnownVariant(const Scenario& s, std::string_view id) {
  return id == "main" || id == "none" || FindVariant(s, id) != nullptr;
}

void Validate(Scenario* s, Errors* e) {
  const std::string& w = s->source;
  std::stable_sort(s->rounds.begin(), s->rounds.end(),
                   [](const Round& a, const Round& b) { return a.date < b.date; });
  size_t attributed = 0;
  for (const Round& r : s->rounds) attributed += r.attributed ? 1 : 0;
  if (attributed > kRoundsMax) {
    e->Add(w, fmt::format("{} control rounds; at most {} (Shapley runs 2^rounds)", attributed,
                          kRoundsMax));
  }
  auto known_round = [&](const std::string& id) {
    return std::any_of(s->rounds.begin(), s->rounds.end(),
                       [&](const Round& r) { return r.id == id; });
  };
  for (const Variant& v : s->variants) {
    for (const std::string& id : v.add) {
      if (!known_round(id))
        e->Add(w, fmt::format("variant `{}` adds unknown round `{}`", v.id, id));
    }
    for (const std::string& id : v.remove) {
      if (!known_round(id))
        e->Add(w, fmt::format("variant `{}` removes unknown round `{}`", v.id, id));
    }
    if (std::count_if(s->variants.begin(), s->variants.end(),
                      [&](const Variant& x) { return x.id == v.id; }) > 1) {
      e->Add(w, fmt::format("variant `{}` is defined twice", v.id));
    }
  }
  for (Check& c : s->checks) {
    const std::string cw = fmt::format("{}: check `{}`", w, c.id);
    if (!FindMetric(c.metric)) e->Add(cw, fmt::format("unknown metric `{}`", c.metric));
    static constexpr std::string_view kStats[] = {"p5", "p50", "p95", "mean", "prob", "bimodality"};
    if (std::find(std::begin(kStats), std::end(kStats), c.stat) == std::end(kStats)) {
      e->Add(cw, fmt::format("unknown stat `{}`", c.stat));
    }
    for (const std::string& v : {c.variant, c.ratio_to}) {
      if (!v.empty() && !KnownVariant(*s, v)) e->Add(cw, fmt::format("unknown variant `{}`", v));
    }
    for (const std::string& v : c.pooled) {
      if (!KnownVariant(*s, v)) e->Add(cw, fmt::format("unknown variant `{}`", v));
    }
    if (!c.target.empty()) {
      std::optional<Target> t = FindTarget(c.target, c.year_from, c.year_to);
      if (!t) {
        e->Add(cw, fmt::format("no calibration target `{}` for {}-{}", c.target, c.year_from,
                               c.year_to));
      } else {
        c.lo = t->lo;
        c.hi = t->hi;
      }
    }
  }
  std::sort(s->law_facts.begin(), s->law_facts.end());
  s->law_facts.erase(std::unique(s->law_facts.begin(), s->law_facts.end()), s->law_facts.end());
}

std::string Stem(std::string_view name) {
  size_t slash = name.rfind('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return std::string(base.substr(0, base.rfind('.')));
}

}  // namespace

const Variant* FindVariant(const Scenario& s, std::string_view id) {
  for (const Variant& v : s.variants) {
    if (v.id == id) return &v;
  }
  return nullptr;
}

Result<Scenario> ParseScenario(std::string_view text, std::string_view name, const std::string& dir,
                               const LawInputs& law) {
  Errors errors;
  // The chain of files: this one, its base, the base's base, ...
  std::vector<std::pair<std::string, toml::table>> chain;
  std::optional<toml::table> doc = ParseToml(text, name, &errors);
  if (!doc) return errors.ToStatus();
  chain.emplace_back(std::string(name), std::move(*doc));
  while (const toml::node* base = chain.back().second["scenario"]["base"].node()) {
    if (chain.size() > kBaseDepthMax) {
      errors.Add(name, fmt::format("`base` chain longer than {}", kBaseDepthMax));
      return errors.ToStatus();
    }
    std::optional<std::string> file = base->value<std::string>();
    if (!file || file->empty() || file->find("..") != std::string::npos) {
      errors.Add(chain.back().first + ": scenario.base", "must name a file beside the scenario");
      return errors.ToStatus();
    }
    const std::string path = dir + "/" + *file;
    Result<std::string> base_text = ReadFile(path);
    if (!base_text.ok()) return base_text.status();
    std::optional<toml::table> base_doc = ParseToml(*base_text, path, &errors);
    if (!base_doc) return errors.ToStatus();
    chain.emplace_back(path, std::move(*base_doc));
  }
  Scenario s;
  s.params = DefaultParams();
  s.source = std::string(name);
  for (size_t i = chain.size(); i-- > 0;) {
    FileReader(chain[i].first, law, &s, &errors).Read(chain[i].second, i == 0);
  }
  if (s.id.empty()) s.id = Stem(name);
  Validate(&s, &errors);
  if (!errors.empty()) return errors.ToStatus();
  return s;
}

Result<Scenario> LoadScenario(const std::string& path, const LawInputs& law) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseScenario(*text, path, DirOf(path), law);
}

}  // namespace highfence::simulate
