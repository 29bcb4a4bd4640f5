// `check --ledger TARGET --log`: a CLI run recorded in the ledger's decision
// log, beside the server's decisions (docs/api.md, "The decision log"), so one
// `highfence decisions` search answers for both.
//
//   DecisionLogger log(std::move(store), engine, dry_run);
//   log.Add(shipment, raw_line, determination, line);   // for each line
//   Status st = log.Append();   // once the ledger committed the batch
//
// Each record keeps what a server record keeps: a decision id, the time, who
// asked (`cli:` and the login name, in place of an API key id), the input as received and its
// digest, the law's content hash and review date, the mode, the regime and
// the whole determination with every reason. A record is appended after the
// ledger commits the draws it reports and before its line is printed, so a
// line printed is a line logged.
//
// Thread safety: one thread.
#ifndef HIGHFENCE_CLI_CHECK_LOG_H_
#define HIGHFENCE_CLI_CHECK_LOG_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "decisions/decision_store.h"
#include "highfence/determination.h"
#include "highfence/engine.h"
#include "highfence/shipment.h"

namespace highfence::cli {

class DecisionLogger {
 public:
  DecisionLogger(std::unique_ptr<decisions::DecisionStore> store, const Engine& engine,
                 bool dry_run);

  // Who the log names for a CLI run: `cli:` and the login name ($USER).
  static std::string Caller();

  void Add(const Shipment& s, std::string_view raw, const Determination& d, int64_t line);
  // Appends what Add collected, in one transaction; durable when OK.
  Status Append();
  int64_t appended() const { return appended_; }

 private:
  std::unique_ptr<decisions::DecisionStore> store_;
  std::string caller_, law_hash_, law_reviewed_on_;
  bool dry_run_;
  std::vector<decisions::DecisionRecord> pending_;
  int64_t appended_ = 0;
};

}  // namespace highfence::cli

#endif  // HIGHFENCE_CLI_CHECK_LOG_H_
