#include "cli/check_log.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "base/clock.h"
#include "determine/party.h"
#include "io/determination_writer.h"
#include "law/snapshot.h"

namespace highfence::cli {

DecisionLogger::DecisionLogger(std::unique_ptr<decisions::DecisionStore> store,
                               const Engine& engine, bool dry_run)
    : store_(std::move(store)),
      caller_(Caller()),
      law_hash_(engine.law().data().content_hash),
      law_reviewed_on_(engine.law().data().LastReviewed().ToString()),
      dry_run_(dry_run) {}

std::string DecisionLogger::Caller() {
  const char* user = std::getenv("USER");
  if (user == nullptr || *user == '\0') {
    const passwd* entry = getpwuid(getuid());  // a cron job or container may set no $USER
    user = entry != nullptr ? entry->pw_name : nullptr;
  }
  return std::string("cli:") + (user != nullptr && *user != '\0' ? user : "unknown");
}

void DecisionLogger::Add(const Shipment& s, std::string_view raw, const Determination& d,
                         int64_t line) {
  decisions::DecisionRecord& r = pending_.emplace_back();
  int64_t now_ns = NowNs();
  r.decision_id = decisions::NewDecisionId(now_ns);
  r.recorded_ns = now_ns;
  r.key_id = caller_;
  r.shipment_id = d.id;
  r.party = s.errors.empty() ? determine::PartyKeyOf(s) : "";
  r.decision = WireName(d.decision);
  r.input = raw;
  decisions::DigestInput(&r);
  io::AppendJson(d, line, &r.determination);
  if (!r.determination.empty() && r.determination.back() == '\n') r.determination.pop_back();
  r.law_hash = law_hash_;
  r.law_reviewed_on = law_reviewed_on_;
  r.mode = WireName(d.mode);
  r.regime = d.regime;
  r.dry_run = dry_run_;
}

Status DecisionLogger::Append() {
  if (pending_.empty()) return Status::Ok();
  Status st = store_->Append(pending_);
  if (st.ok()) appended_ += static_cast<int64_t>(pending_.size());
  pending_.clear();
  return st;
}

}  // namespace highfence::cli
