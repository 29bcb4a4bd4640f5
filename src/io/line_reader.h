// LineReader: reads a stream line by line with bounded memory. A line longer
// than limits::line_bytes_max is reported as too long and skipped to its end,
// so no input makes the reader allocate without bound.
#ifndef HIGHFENCE_IO_LINE_READER_H_
#define HIGHFENCE_IO_LINE_READER_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace highfence::io {

class LineReader {
 public:
  explicit LineReader(std::FILE* in);
  // Next line without its newline (and without a trailing '\r'). False at end of
  // input. `*too_long` is set when the line passed the limit; `line` is then a
  // prefix of it.
  bool Next(std::string_view* line, bool* too_long);
  int64_t line_number() const { return line_number_; }
  bool read_error() const { return read_error_; }

 private:
  bool Fill();

  std::FILE* in_;
  std::string buffer_;
  std::string overlong_;  // the kept prefix of the last overlong line
  size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  bool read_error_ = false;
  int64_t line_number_ = 0;
};

}  // namespace highfence::io

#endif  // HIGHFENCE_IO_LINE_READER_H_
