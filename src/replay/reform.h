// A reform: parameter patches to the law, each with a citation or a rationale,
// applied to a copy of the law's files before the law is built (in the sense
// of OpenFisca's reforms and modify_parameters). The patched copy goes through
// the same strict loader and CheckLaw as the law itself, so a reform cannot
// produce law the engine would reject.
//
// File format (docs/simulator.md, "Replay"):
//   [reform]   id, title, rationale
//   [[patch]]  rule, parameter, value, effective_on (optional), citation | rationale
//   [[membership]]  group, country, action ("add" | "remove"), from, until, citation
#ifndef HIGHFENCE_REPLAY_REFORM_H_
#define HIGHFENCE_REPLAY_REFORM_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "highfence/date.h"
#include "highfence/status.h"
#include "law/law_data.h"

namespace highfence::replay {

struct Reform {
  std::string id, title, rationale;
  std::string source;  // file name
  std::string text;    // the file, kept to copy patch values verbatim
};

// Reads and checks the reform file's shape (the values are checked when the
// patched law is loaded).
Result<Reform> ParseReform(std::string_view text, std::string_view name);
Result<Reform> LoadReform(const std::string& path);

// The law's files with the reform applied. Errors name the reform file and
// the patch.
Result<std::vector<law::LawSource>> ApplyReform(const Reform& reform,
                                                std::vector<law::LawSource> sources);

}  // namespace highfence::replay

#endif  // HIGHFENCE_REPLAY_REFORM_H_
