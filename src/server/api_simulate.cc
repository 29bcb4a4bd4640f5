// GET /v1/simulate?scenario=B1&draws=200&seed=1: the simulator on a shipped
// scenario (server/simulations.h), on the I/O thread that read the request.
#include <fmt/format.h>

#include <charconv>

#include "server/api_internal.h"
#include "server/limits.h"
#include "server/simulations.h"

namespace highfence::server {
namespace {

// A whole number in [low, high], or nullopt.
std::optional<int64_t> Whole(std::string_view text, int64_t low, int64_t high) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < low || v > high) {
    return std::nullopt;
  }
  return v;
}

}  // namespace

void HandleSimulate(ApiContext& ctx, const CallPtr& c) {
  if (ctx.simulations == nullptr) {
    return c->reply(Problem(503, "no-scenarios",
                            "this server has no scenario folder: start it with --scenarios DIR"));
  }
  std::string scenario = QueryOr(*c, "scenario");
  if (scenario.empty()) {
    return c->reply(
        BadField("scenario", "missing_field",
                 fmt::format("give a scenario: {}", fmt::join(ctx.simulations->names(), ", "))));
  }
  constexpr int kDrawsDefault = 200;
  std::optional<int64_t> draws =
      Whole(QueryOr(*c, "draws", std::to_string(kDrawsDefault)), 1, limits::sim_draws_max);
  if (!draws) {
    return c->reply(
        BadField("draws", "invalid_value",
                 fmt::format("draws must be a whole number from 1 to {}", limits::sim_draws_max)));
  }
  std::optional<uint64_t> seed;
  if (std::string text = QueryOr(*c, "seed"); !text.empty()) {
    std::optional<int64_t> s = Whole(text, 0, int64_t{1} << 53);
    if (!s) {
      return c->reply(
          BadField("seed", "invalid_value", "seed must be a whole number from 0 to 2^53"));
    }
    seed = static_cast<uint64_t>(*s);
  }
  Result<std::string> report = ctx.simulations->Run(scenario, static_cast<int>(*draws), seed);
  if (report.ok()) return c->reply(Json(std::move(*report)));
  if (report.status().code() == Status::Code::kNotFound) {
    return c->reply(BadField("scenario", "invalid_value", report.status().message()));
  }
  if (report.status().code() == Status::Code::kLimitExceeded) {
    HttpResponse busy = Problem(503, "busy", report.status().message());
    busy.headers.emplace_back("Retry-After", "5");
    return c->reply(std::move(busy));
  }
  c->reply(ProblemOf(report.status()));
}

}  // namespace highfence::server
