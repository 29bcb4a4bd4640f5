#include "io/line_reader.h"

#include <cstring>

#include "base/limits.h"
#include "highfence/assert.h"

namespace highfence::io {
namespace {
// Read in blocks of 1 MiB; the buffer holds a block plus one partial line.
constexpr size_t kBlockBytes = 1 << 20;
}  // namespace

LineReader::LineReader(std::FILE* in) : in_(in) {
  buffer_.resize(kBlockBytes + static_cast<size_t>(limits::line_bytes_max) + 1);
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  size_t room = buffer_.size() - end_;
  if (room == 0) return false;
  size_t n = std::fread(buffer_.data() + end_, 1, room, in_);
  if (n < room) {
    eof_ = true;
    read_error_ = std::ferror(in_) != 0;
  }
  end_ += n;
  return n > 0;
}

bool LineReader::Next(std::string_view* line, bool* too_long) {
  *too_long = false;
  const size_t limit = static_cast<size_t>(limits::line_bytes_max);
  while (true) {
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    if (nl != nullptr) {
      size_t len = static_cast<size_t>(static_cast<const char*>(nl) - start);
      begin_ += len + 1;
      ++line_number_;
      if (len > limit) {
        *too_long = true;
        len = limit;
      }
      if (len > 0 && start[len - 1] == '\r') --len;
      *line = std::string_view(start, len);
      return true;
    }
    if (end_ - begin_ > limit) {
      // An overlong line: keep its first bytes for the report, skip the rest.
      std::string_view prefix(buffer_.data() + begin_, 64);
      std::string kept(prefix);
      while (true) {
        begin_ = end_;
        if (!Fill()) break;
        const void* found = std::memchr(buffer_.data(), '\n', end_);
        if (found != nullptr) {
          begin_ = static_cast<size_t>(static_cast<const char*>(found) - buffer_.data()) + 1;
          break;
        }
      }
      ++line_number_;
      *too_long = true;
      overlong_ = std::move(kept);
      *line = overlong_;
      return true;
    }
    if (!Fill()) {
      if (end_ == begin_) return false;
      // Last line without a newline.
      size_t len = end_ - begin_;
      const char* s = buffer_.data() + begin_;
      begin_ = end_;
      ++line_number_;
      if (len > 0 && s[len - 1] == '\r') --len;
      *line = std::string_view(s, len);
      return true;
    }
  }
}

}  // namespace highfence::io
