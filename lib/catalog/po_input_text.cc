#include "catalog/po_input_text.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <utility>

#include "base/ui_text.h"
#include "base/utf8.h"

namespace l10n {

namespace {

// "\xe9" for a message.
std::string ByteName(char c) {
  char byte[8];
  std::snprintf(byte, sizeof byte, "\\x%02x", static_cast<unsigned char>(c));
  return byte;
}

Diagnostic EncodingError(const std::string& path, int line, int column, std::string message) {
  return Diagnostic{Severity::kError, path, line, column, std::move(message), false, "encoding"};
}

}  // namespace

PoInputText::PoInputText(std::string_view file, const std::string& path)
    : file_(file), path_(path) {}

void PoInputText::Decode(std::string_view declared, size_t at) {
  charset_ = ResolveCharset(declared);
  // Line and column of increasing offsets, counting lines once.
  size_t counted = 0, line_start = 0;
  int lines = 1;
  auto locate = [&](size_t offset) {
    for (; counted < offset; ++counted) {
      if (file_[counted] == '\n') {
        ++lines;
        line_start = counted + 1;
      }
    }
    return std::pair(lines, static_cast<int>(offset - line_start) + 1);
  };
  if (!charset_.known) {
    auto [line, column] = at == std::string_view::npos ? std::pair(1, 1) : locate(at + 8);
    errors_.push_back({EncodingError(
        path_, line, column,
        FormatUi("charset '{}' cannot be read: iconv does not know it, or it changes ASCII",
                 std::string(declared)))});
    charset_.canonical = "UTF-8";  // read as it is; not written
    return;
  }
  if (charset_.utf8()) return;
  std::vector<size_t> invalid;
  ConvertToUtf8(file_, charset_.canonical, &converted_text_, &invalid);
  int reported_line = 0;
  for (size_t offset : invalid) {
    auto [line, column] = locate(offset);
    if (line == reported_line) continue;  // one per line, as for UTF-8
    reported_line = line;
    errors_.push_back({EncodingError(path_, line, column,
                                     FormatUi("invalid byte '{}' in charset '{}'",
                                              ByteName(file_[offset]), charset_.canonical))});
  }
  converted_ = true;
}

void PoInputText::MapColumnsBack(std::vector<std::vector<Diagnostic>>* groups) const {
  if (!converted_ || groups->empty()) return;
  std::vector<size_t> starts{0};  // of the file's lines
  for (size_t i = file_.find('\n'); i != std::string_view::npos; i = file_.find('\n', i + 1)) {
    starts.push_back(i + 1);
  }
  // In file order, so that each line is walked once.
  std::vector<Diagnostic*> located;
  for (std::vector<Diagnostic>& group : *groups) {
    for (Diagnostic& d : group) {
      if (d.line < 1 || d.column < 1 || d.path != path_) continue;
      if (static_cast<size_t>(d.line) > starts.size()) continue;
      located.push_back(&d);
    }
  }
  std::stable_sort(located.begin(), located.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return std::pair(a->line, a->column) < std::pair(b->line, b->column);
  });
  ColumnMap map(charset_.canonical);
  int line = 0;
  for (Diagnostic* d : located) {
    if (d->line != line) {
      line = d->line;
      size_t l = static_cast<size_t>(line) - 1;
      size_t end = l + 1 < starts.size() ? starts[l + 1] : file_.size();
      map.Reset(file_.substr(starts[l], end - starts[l]));
    }
    d->column = static_cast<int>(map.Original(static_cast<size_t>(d->column) - 1)) + 1;
  }
}

void Utf8LineChecker::CheckUpTo(size_t n) {
  size_t i = checked_;
  while (i < n) {
    std::optional<size_t> invalid = FindInvalidUtf8(text_.substr(i, n - i));
    if (!invalid) {
      i = n;
      break;
    }
    i += *invalid;
    for (; counted_ < i; ++counted_) {
      if (text_[counted_] == '\n') {
        ++line_;
        line_start_ = counted_ + 1;
      }
    }
    if (line_ != reported_line_) {
      errors_.push_back(EncodingError(*path_, line_, static_cast<int>(i - line_start_) + 1,
                                      FormatUi("invalid UTF-8 byte '{}'", ByteName(text_[i]))));
      reported_line_ = line_;
    }
    ++i;
  }
  checked_ = std::max(i, n);
}

}  // namespace l10n
