// The CLI's commands, each a function over parsed options. Internal to src/cli.
#ifndef HIGHFENCE_CLI_COMMANDS_H_
#define HIGHFENCE_CLI_COMMANDS_H_

#include <optional>
#include <string>
#include <vector>

#include "highfence/engine.h"

namespace highfence::cli {

struct CommonOptions {
  std::string law_dir;
  std::string catalog_path;
  std::string mode = "as-enforced";
  std::string regime;
};

// One shipment given with flags instead of a file.
struct ShipmentFlags {
  std::string id = "cli-1", item, to, date, type, from, consignee, parent, hq, parent_hq, veu;
  std::string consignee_id, parent_id;  // stable party ids (contract.md section 4)
  std::vector<std::string> end_use;
  std::optional<int64_t> units;
  bool any() const { return !item.empty() || !to.empty() || !date.empty() || units.has_value(); }
};

// Checks that a shipment given by flags names what every shipment needs
// (--item, --units, --to, --date) and turns `--date today` into today's date
// (UTC). Prints what is missing and returns false.
bool CompleteShipmentFlags(ShipmentFlags* f);
// Today's date (UTC) as YYYY-MM-DD.
std::string TodayText();

struct CheckOptions {
  std::string input;         // file, "-" for stdin, empty with shipment flags
  std::string format;        // jsonl | csv | table; empty: table on a terminal
  std::string input_format;  // jsonl | csv; empty: by extension or first line
  std::string delimiter;     // CSV: , ; or tab; empty: sniffed from the header
  std::string ledger;
  bool dry_run = false;
  bool log = false;     // record each determination in the ledger's decision log
  std::string fail_on;  // --fail-on DECISION[,DECISION]: exit 3 when a line gets one
  bool summary = false;
  std::string save;  // also write JSONL determinations here
  // --lists: a restricted-party list (a file or a stored snapshot's sha256
  // prefix) to screen each consignee and parent against; empty: no screening.
  std::string lists;
  ShipmentFlags flags;
};

struct ClassifyOptions {
  std::string id;
  std::optional<std::string> tpp, die_area, interconnect, dram;
  bool consumer = false;
  bool list = false;
  std::string date;
  std::string format = "text";
};

// Loads the engine or prints why it cannot.
std::unique_ptr<Engine> LoadEngine(const CommonOptions& common);
// Resolves --mode and --regime; prints the problem and returns nullopt on error.
std::optional<RegimeChoice> ParseChoice(const CommonOptions& common);

int RunCheck(const CommonOptions& common, CheckOptions options);
int RunClassify(const CommonOptions& common, const ClassifyOptions& options);
struct ExplainOptions {
  std::string file, id;
  std::string format = "text";  // text | json
  std::string input_format, delimiter;
  ShipmentFlags flags;  // the shipment, instead of a file
  std::string ledger;   // read (never written): balances as the line saw them there
  std::string lists;   // as CheckOptions::lists
};
int RunExplain(const CommonOptions& common, ExplainOptions options);
int RunRegimes(const CommonOptions& common, const std::string& format);
struct CountriesOptions {
  std::string date = "today";
  std::string format = "text";
  std::vector<std::string> codes;  // empty: every country
};
int RunCountries(const CommonOptions& common, const CountriesOptions& options);
int RunLawCheck(const CommonOptions& common);
// `law reference`: the parameter reference (docs/parameters.md) on stdout.
int RunLawReference(const CommonOptions& common);
struct PartyKeyOptions {
  std::vector<std::string> names;
  bool ids = false;  // the arguments are stable ids (consignee.id), not names
  std::string format = "text";
};
// `highfence party-key NAME...`: each name's party key.
int RunPartyKey(const PartyKeyOptions& options);
// `highfence ledger ...`; argv[0] is "ledger".
int RunLedger(int argc, char** argv);
// `highfence serve`, `keys ...`, `decisions ...` (server_commands.cc,
// decisions_command.cc); argv[0] is the command's name.
int RunServe(int argc, char** argv);
int RunKeys(int argc, char** argv);
int RunDecisions(int argc, char** argv);
// Checks the decision log kept in the ledger `target` (exit code; prints the
// outcome). A ledger without a decision log passes.
int VerifyDecisionLog(const std::string& target);

// The JSON text of one shipment given with flags.
std::string ShipmentFlagsToJson(const ShipmentFlags& f);

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_COMMANDS_H_
