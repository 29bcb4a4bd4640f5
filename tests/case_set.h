// The legal cases (tests/cases/**/*.yaml), read strictly, and their shipments
// evaluated: shared by the case runner (cases_runner.cc) and the law mutation
// test (law_mutation.cc).
//
// A case file holds `cases:`, each case `name`, `description`, optional `mode`
// (as_written | as_enforced) and `regime` (a regime id, as --regime), and the
// lists `shipments` and `expect` of one length: the shipments are evaluated in
// order on one fresh in-memory ledger, as one sequence. Every key is known: a
// misspelt one fails the run instead of being skipped.
//
// A file may name a restricted-party list beside `cases:`, `lists: FILE` (a
// CSL file in any form, relative to the case file): every shipment of its
// cases then has its consignee and parent screened against it, as
// `check --lists FILE` does, and an expectation may name the hits it must
// carry (`screening: [{party, list, band}]`).
#ifndef HIGHFENCE_TESTS_CASE_SET_H_
#define HIGHFENCE_TESTS_CASE_SET_H_

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <vector>

#include "highfence/engine.h"
#include "screen/party_screener.h"

namespace highfence::cases {

struct Case {
  std::string file;  // relative to the cases folder
  std::string name;
  RegimeChoice choice;
  std::vector<std::string> shipments;  // JSON lines
  YAML::Node expect;                   // a sequence, one entry per shipment
  // The file's `lists`, shared by its cases; null when it names none.
  std::shared_ptr<screen::PartyScreener> parties;
};

// Reads every *.yaml under `dir`, in name order. Problems (bad YAML, unknown
// keys, a bad mode or regime, lists of different lengths) are appended to
// `problems`, each naming the file and case; such cases are left out.
std::vector<Case> ReadCases(const std::string& dir, std::vector<std::string>* problems);

// Evaluates one case's shipments in order on a fresh in-memory ledger.
// `ledger_failures` gets a line per shipment whose evaluation failed.
std::vector<Determination> EvaluateCase(const Engine& engine, const Case& c,
                                        std::vector<std::string>* ledger_failures);

// A determination as the JSON line `check` writes (fields, reasons, errors).
std::string DeterminationJson(const Determination& d);

// law_mutation.cc: the mutation test over every parameter of params.h.
// Returns the process exit code.
int RunLawMutation(const std::vector<Case>& cases);

}  // namespace highfence::cases

#endif  // HIGHFENCE_TESTS_CASE_SET_H_
