// Splitting a determinations body into its shipments' JSON texts, exactly as
// received: a JSON array into its elements, a JSONL body into its non-blank
// lines. The texts are views into the body; each is parsed (strictly) later by
// the shipment parser, so a malformed element becomes that shipment's
// needs_review determination and the others go on.
#ifndef HIGHFENCE_SERVER_BODY_SPLIT_H_
#define HIGHFENCE_SERVER_BODY_SPLIT_H_

#include <string_view>
#include <vector>

#include "highfence/status.h"

namespace highfence::server {

// The elements of the JSON array `body` (whitespace around them trimmed).
// kInvalidArgument when the array is not closed or not an array;
// kLimitExceeded past `elements_max`. One pass, no recursion: only strings and
// bracket depth are tracked.
Status SplitJsonArray(std::string_view body, int64_t elements_max,
                      std::vector<std::string_view>* out);

// The non-blank lines of a JSONL body. kLimitExceeded past `lines_max`.
Status SplitJsonLines(std::string_view body, int64_t lines_max, std::vector<std::string_view>* out);

std::string_view TrimJsonSpace(std::string_view s);

}  // namespace highfence::server

#endif  // HIGHFENCE_SERVER_BODY_SPLIT_H_
