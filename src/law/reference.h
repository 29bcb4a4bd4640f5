// The parameter reference (docs/parameters.md), written from the parameter
// table (params.h) and the law data it reads: one section per rule file, one
// row per parameter with its unit, bounds, dated values and citations.
// `highfence law reference` prints it; a test keeps the committed page equal
// to it, so the page cannot drift from the data.
#ifndef HIGHFENCE_LAW_REFERENCE_H_
#define HIGHFENCE_LAW_REFERENCE_H_

#include <string>

#include "law/law_data.h"

namespace highfence::law {

// Markdown. `data` must have passed CheckLaw (every table row is present).
std::string ParameterReference(const LawData& data);

}  // namespace highfence::law

#endif  // HIGHFENCE_LAW_REFERENCE_H_
