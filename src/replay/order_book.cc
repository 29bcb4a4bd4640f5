#include "replay/order_book.h"

#include <fmt/format.h>

#include <cstdio>
#include <vector>

#include "io/line_reader.h"
#include "io/shipment_parser.h"

namespace highfence::replay {
namespace {

class ShipmentsFile : public OrderBook {
 public:
  ShipmentsFile(std::FILE* file, const catalog::Catalog* catalog, bool csv, std::string path)
      : file_(file), reader_(file), parser_(catalog), csv_(csv), path_(std::move(path)) {}
  ~ShipmentsFile() override { std::fclose(file_); }

  bool Next(Shipment* s, int64_t* line) override {
    std::string_view text;
    bool too_long = false;
    while (reader_.Next(&text, &too_long)) {
      if (!too_long && text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      *line = reader_.line_number();
      s->Clear();
      if (too_long) {
        s->errors.push_back({"too_long", "", "the line is too long"});
        return true;
      }
      if (csv_ && !have_header_) {
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        io::SplitCsv(text, &cells_, &unquoted_);
        std::vector<std::string> problems = parser_.SetCsvHeader(cells_);
        have_header_ = true;
        if (!problems.empty()) {
          status_ = Status::InvalidArgument(fmt::format("{}: header: {}", path_, problems.front()));
          return false;
        }
        continue;
      }
      if (!csv_) {
        parser_.ParseJson(text, s);
      } else if (io::SplitCsv(text, &cells_, &unquoted_)) {
        parser_.ParseCsvRow(cells_, s);
      } else {
        s->errors.push_back({"invalid_csv", "", "unterminated quoted cell"});
      }
      return true;
    }
    if (reader_.read_error()) status_ = Status::IOError(fmt::format("{}: read error", path_));
    return false;
  }
  Status status() const override { return status_; }

 private:
  std::FILE* file_;
  io::LineReader reader_;
  io::ShipmentParser parser_;
  bool csv_;
  bool have_header_ = false;
  std::string path_;
  std::vector<std::string_view> cells_;
  std::string unquoted_;
  Status status_;
};

}  // namespace

bool IsDecisionLog(const std::string& source) {
  return source.starts_with("ledger:") || source.starts_with("postgres://") ||
         source.starts_with("postgresql://");
}

Result<std::unique_ptr<OrderBook>> OpenShipmentsFile(const std::string& path,
                                                     const catalog::Catalog* catalog) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IOError(fmt::format("cannot read `{}`", path));
  const bool csv = path.size() >= 4 && path.substr(path.size() - 4) == ".csv";
  return std::unique_ptr<OrderBook>(new ShipmentsFile(f, catalog, csv, path));
}

}  // namespace highfence::replay
