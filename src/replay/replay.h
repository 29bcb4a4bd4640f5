// Replay: re-determine an order book under two laws (the law as it stands and
// another regime, or a reform of the law), and report the decisions that flip
// and how each country's Tier 2 allocation burns down under each.
//
// Each side draws on its own in-memory ledger from zero, in the order book's
// order, so the burn-down is what the allocation would have been under that
// side's law.
#ifndef HIGHFENCE_REPLAY_REPLAY_H_
#define HIGHFENCE_REPLAY_REPLAY_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "highfence/engine.h"
#include "law/law_data.h"
#include "replay/order_book.h"

namespace highfence::replay {

// Bounds on what a replay lists (counts stay exact beyond them).
inline constexpr size_t kFlipsListedMax = 10'000;
inline constexpr size_t kBurnPointsMax = 100'000;

struct Side {
  std::string label;  // "law as it stands", "--regime us-2023-11", "reform <id>"
  const Engine* engine = nullptr;
  RegimeChoice choice;
};

struct Outcome {
  Decision decision = Decision::kNeedsReview;
  Authorization authorization = Authorization::kNone;
  LicensePolicy policy = LicensePolicy::kNone;
  std::string regime;
  int tier = 0;
  std::vector<std::string> rules;  // the reasons' rule ids, in order
};

struct Flip {
  int64_t line = 0;
  std::string id;
  Date date;
  std::string destination;
  std::array<Outcome, 2> side;
};

// One allocation account's cumulative draws after each shipment that drew
// on it under either side.
struct BurnPoint {
  Date on;
  std::string shipment_id;
  std::array<Fixed, 2> drawn{};             // posted + pending, cumulative
  std::array<std::optional<Fixed>, 2> cap;  // the cap on that date
};

struct BurnDown {
  std::string account;  // allocation:CC
  std::vector<BurnPoint> points;
};

struct ReplayResult {
  std::array<std::string, 2> labels;
  int64_t lines = 0, flips = 0;
  std::array<std::map<std::string, int64_t>, 2> decisions;  // wire name -> count
  std::map<std::string, int64_t> transitions;               // "a -> b" -> count
  std::vector<Flip> flip_list;                              // first kFlipsListedMax
  std::vector<BurnDown> burn_down;                          // by account
  bool truncated = false;
};

Result<ReplayResult> Replay(OrderBook* orders, const Side& a, const Side& b);

// An engine over the given law files (a reformed copy of the law). They are
// written to a private temporary folder and loaded like any --law folder, so
// they pass the same loader and CheckLaw as the law itself; the folder is
// removed before returning.
Result<std::unique_ptr<Engine>> EngineWithLaw(const std::vector<law::LawSource>& sources,
                                              const std::string& catalog_path);

// "license_required (presumption_of_denial)", "authorized (LPP)".
std::string ShortOutcome(const Outcome& o);

std::string ReplayJson(const ReplayResult& r);
std::string ReplayCsv(const ReplayResult& r);  // one row per flip
std::string ReplayText(const ReplayResult& r);

}  // namespace highfence::replay

#endif  // HIGHFENCE_REPLAY_REPLAY_H_
