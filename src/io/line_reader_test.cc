#include "io/line_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "base/limits.h"

namespace highfence::io {
namespace {

struct Line {
  std::string text;
  bool too_long = false;
  int64_t number = 0;
};

// Writes `content` to a temporary file and reads it back line by line.
std::vector<Line> ReadAll(const std::string& content) {
  std::FILE* f = std::tmpfile();
  EXPECT_NE(f, nullptr);
  if (f == nullptr) return {};
  EXPECT_EQ(std::fwrite(content.data(), 1, content.size(), f), content.size());
  std::rewind(f);
  std::vector<Line> lines;
  LineReader reader(f);
  std::string_view text;
  bool too_long = true;
  while (reader.Next(&text, &too_long)) {
    lines.push_back({std::string(text), too_long, reader.line_number()});
  }
  EXPECT_FALSE(reader.read_error());
  std::fclose(f);
  return lines;
}

std::vector<std::string> Texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const Line& l : lines) {
    EXPECT_FALSE(l.too_long) << l.number;
    out.push_back(l.text);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(LineReader, SplitsOnNewline) {
  EXPECT_EQ(Texts(ReadAll("a\nbb\nccc\n")), (Strings{"a", "bb", "ccc"}));
}

TEST(LineReader, StripsCarriageReturnBeforeNewline) {
  EXPECT_EQ(Texts(ReadAll("a\r\nbb\r\n")), (Strings{"a", "bb"}));
  EXPECT_EQ(Texts(ReadAll("a\r\nb\nc\r\n")), (Strings{"a", "b", "c"}));
  // Only one trailing '\r' goes; one inside the line stays.
  EXPECT_EQ(Texts(ReadAll("a\rb\r\r\n")), (Strings{"a\rb\r"}));
}

TEST(LineReader, LastLineWithoutNewline) {
  EXPECT_EQ(Texts(ReadAll("a\nlast")), (Strings{"a", "last"}));
  EXPECT_EQ(Texts(ReadAll("a\r\nlast\r")), (Strings{"a", "last"}));
  EXPECT_EQ(Texts(ReadAll("only")), (Strings{"only"}));
}

TEST(LineReader, EmptyInputHasNoLines) { EXPECT_TRUE(ReadAll("").empty()); }

TEST(LineReader, BlankLinesAreLines) {
  std::vector<Line> lines = ReadAll("\n\na\n\r\n\nb\n");
  EXPECT_EQ(Texts(lines), (Strings{"", "", "a", "", "", "b"}));
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[2].number, 3);
  EXPECT_EQ(lines[5].number, 6);
}

TEST(LineReader, LineNumbersCount) {
  std::vector<Line> lines = ReadAll("one\ntwo\nthree");
  ASSERT_EQ(lines.size(), 3u);
  for (size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(lines[i].number, int64_t(i) + 1);
}

TEST(LineReader, LineAtTheLimitIsNotTooLong) {
  std::string at_limit(limits::line_bytes_max, 'x');
  std::vector<Line> lines = ReadAll(at_limit + "\nnext\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].too_long);
  EXPECT_EQ(lines[0].text, at_limit);
  EXPECT_EQ(lines[1].text, "next");
}

// An overlong line is reported once, as a bounded prefix, and the next line is
// read normally.
void ExpectOverlongThenNormal(size_t long_bytes, bool final_newline) {
  std::string content = "first\n" + std::string(long_bytes, 'z') + "\n{\"id\":\"after\"}";
  if (final_newline) content += "\n";
  std::vector<Line> lines = ReadAll(content);
  ASSERT_EQ(lines.size(), 3u) << long_bytes;
  EXPECT_EQ(lines[0].text, "first");
  EXPECT_FALSE(lines[0].too_long);
  EXPECT_TRUE(lines[1].too_long);
  EXPECT_EQ(lines[1].number, 2);
  EXPECT_LE(lines[1].text.size(), static_cast<size_t>(limits::line_bytes_max));
  EXPECT_EQ(lines[1].text.substr(0, 8), "zzzzzzzz");
  EXPECT_EQ(lines[2].text, "{\"id\":\"after\"}");
  EXPECT_FALSE(lines[2].too_long);
  EXPECT_EQ(lines[2].number, 3);
}

TEST(LineReader, OverlongLineOf200KiB) {
  ExpectOverlongThenNormal(200 * 1024, true);
  ExpectOverlongThenNormal(200 * 1024, false);
}

TEST(LineReader, OverlongLineOneByteOverTheLimit) {
  ExpectOverlongThenNormal(limits::line_bytes_max + 1, true);
}

TEST(LineReader, OverlongLineLargerThanTheReadBuffer) {
  ExpectOverlongThenNormal(3 * 1024 * 1024 + 17, true);
  ExpectOverlongThenNormal(3 * 1024 * 1024 + 17, false);
}

TEST(LineReader, OverlongLastLineWithoutNewline) {
  std::vector<Line> lines = ReadAll("a\n" + std::string(2 * 1024 * 1024, 'q'));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "a");
  EXPECT_TRUE(lines[1].too_long);
  EXPECT_EQ(lines[1].number, 2);
}

TEST(LineReader, ManyLinesAcrossBufferRefills) {
  // About 3 MiB of short lines: lines straddle the 1 MiB read blocks.
  std::string content;
  const int kLines = 200'000;
  for (int i = 0; i < kLines; ++i) content += "line-" + std::to_string(i) + "\r\n";
  std::vector<Line> lines = ReadAll(content);
  ASSERT_EQ(lines.size(), static_cast<size_t>(kLines));
  for (int i = 0; i < kLines; i += 9973) {
    EXPECT_EQ(lines[i].text, "line-" + std::to_string(i));
    EXPECT_EQ(lines[i].number, i + 1);
  }
  EXPECT_EQ(lines.back().text, "line-" + std::to_string(kLines - 1));
}

TEST(LineReader, ReadsFromMemoryStream) {
  char data[] = "x\ny\n";
  std::FILE* f = fmemopen(data, sizeof data - 1, "r");
  ASSERT_NE(f, nullptr);
  LineReader reader(f);
  std::string_view line;
  bool too_long = true;
  ASSERT_TRUE(reader.Next(&line, &too_long));
  EXPECT_EQ(line, "x");
  EXPECT_FALSE(too_long);
  ASSERT_TRUE(reader.Next(&line, &too_long));
  EXPECT_EQ(line, "y");
  EXPECT_FALSE(reader.Next(&line, &too_long));
  EXPECT_FALSE(reader.Next(&line, &too_long));  // stays at the end
  EXPECT_EQ(reader.line_number(), 2);
  std::fclose(f);
}

}  // namespace
}  // namespace highfence::io
