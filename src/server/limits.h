// Every bound the HTTP server puts on a request, in one place (the server's
// part of base/limits.h). Each is a constexpr *_max with the reason for its
// size. Over a bound the caller gets a 4xx problem document naming the limit,
// never a crash and never an allocation the bound does not cap.
#ifndef HIGHFENCE_SERVER_LIMITS_H_
#define HIGHFENCE_SERVER_LIMITS_H_

#include <cstdint>

#include "base/limits.h"

namespace highfence::server::limits {

// A request body. A batch of batch_lines_max shipments of about 300 bytes each
// is 3 MB; 8 MiB leaves room for long names and inline computers.
inline constexpr int64_t body_bytes_max = 8 * 1024 * 1024;
// Shipments in one POST /v1/determinations: one durable transaction, about
// 10 ms of work, an answer of about 14 MB at most.
inline constexpr int64_t batch_lines_max = 10'000;
// The request line and headers together. Browsers send under 2 KB; a long
// Authorization and a few cookies fit in 16 KiB.
inline constexpr int64_t header_bytes_max = 16 * 1024;
// Open connections. Each costs a socket and about 20 KB of buffers; past this
// a new connection gets 503 and is closed at once.
inline constexpr int64_t connections_max = 1024;
// From the first byte awaited to the whole request read (idle keep-alive wait
// included): a slow client holds a connection at most this long per request.
inline constexpr int64_t request_read_ms_max = 10'000;
// Writing one answer to a client that reads slowly.
inline constexpr int64_t response_write_ms_max = 30'000;
// After SIGTERM: how long in-flight requests may take to finish.
inline constexpr int64_t drain_ms_max = 30'000;
// Determination requests queued for the committer before new ones get 503.
inline constexpr int64_t queued_shipments_max = 100'000;
// Shipments evaluated and committed in one group-commit transaction.
inline constexpr int64_t group_shipments_max = 20'000;
// Query parameters per request, and `name` values for /v1/party-key.
inline constexpr int64_t query_params_max = 64;
inline constexpr int64_t party_names_max = 1'000;
// Rows one GET /v1/decisions page returns, and one export at most.
inline constexpr int64_t decisions_page_max = 1'000;
inline constexpr int64_t decisions_export_max = 1'000'000;
// Labels of API keys.
inline constexpr int64_t key_label_bytes_max = 200;
// A transfer note or reason given through the API.
inline constexpr int64_t note_bytes_max = 1'000;
// The web UI's files held in memory (with their .gz copies). The built UI is
// about 1.2 MB; a manifest listing more is refused at start-up.
inline constexpr int64_t web_bytes_max = 64 * 1024 * 1024;
// GET /v1/simulate: Monte Carlo draws of one run, and the draws with Shapley
// attributions (they cost most). 200 draws of B1 with 50 Shapley draws take
// about 0.7 s of one core (`highfence simulate scenarios/B1.toml --draws 200
// --shapley-draws 50 --threads 1`).
inline constexpr int sim_draws_max = 2'000;
inline constexpr int sim_shapley_draws_max = 50;

static_assert(batch_lines_max <= group_shipments_max, "a batch fits in one group commit");
static_assert(batch_lines_max * 300 < body_bytes_max, "a batch of ordinary lines fits the body");
static_assert(highfence::limits::line_bytes_max < body_bytes_max, "one line fits the body");

}  // namespace highfence::server::limits

#endif  // HIGHFENCE_SERVER_LIMITS_H_
