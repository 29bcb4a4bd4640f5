#include "law/reference.h"

#include <fmt/format.h>

#include "law/params.h"

namespace highfence::law {
namespace {

// A table cell: pipes escaped, line breaks flattened.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += c == '\n' ? ' ' : c;
    }
  }
  return out;
}

// "2025-01-13: 790000000 (citation)" per dated value, joined by line breaks.
std::string Values(const Param& p) {
  std::string out;
  for (const DatedValue& v : p.values) {
    if (!out.empty()) out += "<br>";
    if (v.from != kBeginning) out += fmt::format("from {}: ", v.from.ToString());
    out += fmt::format("`{}` ({})", Cell(ValueText(v.value)), Cell(v.citation));
  }
  return out;
}

void Section(const RuleFile& rule, std::string* out) {
  *out += fmt::format("\n## `{}`: {}\n\n", rule.id, Cell(rule.title));
  if (!rule.citation.empty()) *out += fmt::format("{}", rule.citation);
  if (rule.effective_on) *out += fmt::format(", effective {}", rule.effective_on->ToString());
  *out += fmt::format(". Last reviewed {}.\n\n", rule.last_reviewed_on.ToString());
  *out += "| parameter | unit | bounds | value (from, citation) | decision | meaning |\n";
  *out += "|---|---|---|---|---|---|\n";
  for (const ParamSpec& spec : ParamSpecs()) {
    if (spec.rule != rule.id) continue;
    const Param* p = rule.Find(spec.key);
    if (p == nullptr) continue;  // CheckLaw reports it
    *out += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", spec.key, UnitName(spec.unit),
                        BoundsName(spec.bounds), Values(*p),
                        p->decision.empty() ? "" : p->decision, Cell(p->description));
  }
  bool any_citation = false;
  for (const CitationSpec& spec : CitationSpecs()) {
    if (spec.rule != rule.id) continue;
    const StepCitation* c = rule.FindCitation(spec.key);
    if (c == nullptr) continue;
    if (!any_citation) *out += "\n| step citation | text |\n|---|---|\n";
    any_citation = true;
    *out += fmt::format("| `{}` | {} |\n", spec.key, Cell(c->text));
  }
}

}  // namespace

std::string ParameterReference(const LawData& data) {
  std::string out =
      "# Parameter reference\n\n"
      "Every value the engine reads from `law/`, by rule file: its unit, the bounds `law check`\n"
      "enforces, each dated value with its citation, and the project decision (D-number) for\n"
      "a reading of unclear law. Written by `highfence law reference` from the parameter\n"
      "table (`src/law/params.h`) and the law data; a test keeps this page equal to that\n"
      "output, so edit the law files, never this page.\n";
  for (const RuleSpec& spec : RuleSpecs()) {
    for (const RuleFile& rule : data.rules) {
      if (rule.id == spec.id) Section(rule, &out);
    }
  }
  return out;
}

}  // namespace highfence::law
