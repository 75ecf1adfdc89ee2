#include "catalog/po_wrap.h"

#include <climits>

#include "base/utf8.h"
#include "catalog/po_directives.h"
#include "catalog/po_line_break.h"
#include "catalog/po_syntax.h"

namespace l10n {

PoStringWriter::PoStringWriter(std::string_view charset, int page_width, bool wrap)
    : page_width_(page_width), wrap_(wrap) {
  CharsetName name = ResolveCharset(charset);
  utf8_ = name.utf8();
  if (!utf8_) {
    // gettext finds the characters of other charsets with iconv; a legacy
    // CJK one makes ambiguous characters wide (libunistring's
    // is_cjk_encoding(), which wants the canonical name).
    encoding_ = name.canonical;
    characters_ = std::make_unique<CharsetCharacters>(name.canonical);
  }
}

PoStringWriter::~PoStringWriter() = default;

// The escaped form of value[begin, end) in portion_, with gettext's break
// overrides: never inside an escape sequence, a multibyte character or a
// format directive. Returns the columns the portion takes as libunistring
// counts them, or -1 when not known (a charset other than UTF-8).
int PoStringWriter::BuildPortion(std::string_view value, size_t begin, size_t end,
                                 bool directives) {
  portion_.clear();
  overrides_.clear();
  int columns = utf8_ ? 0 : -1;
  const std::string_view line = value.substr(0, end);
  size_t i = begin;
  while (i < end) {
    // A run of printable ASCII outside format directives needs no care.
    size_t run = i;
    while (run < end && value[run] >= 0x20 && value[run] < 0x7F && value[run] != '\\' &&
           value[run] != '"' && !(directives && no_break_[run])) {
      ++run;
    }
    if (run > i) {
      portion_.append(value.data() + i, run - i);
      overrides_.resize(overrides_.size() + (run - i), kPoBreakUndefined);
      if (utf8_) columns += static_cast<int>(run - i);
      i = run;
      if (i == end) break;
    }
    const char c = value[i];
    const char brk = directives && no_break_[i] ? kPoBreakProhibited : kPoBreakUndefined;
    size_t len = 1;      // bytes of value taken
    size_t written = 0;  // bytes of portion_ they become
    int width = 0;
    if (char letter = PoEscapeLetter(c)) {
      portion_ += '\\';
      portion_ += letter;
      written = 2;
      width = 2;
    } else if (c == '\0') {
      // gettext cannot hold a NUL; keep it readable for our own reader.
      portion_ += "\\000";
      written = 4;
      width = 4;
    } else {
      if (static_cast<unsigned char>(c) < 0x80) {
        width = PoCharWidth(static_cast<unsigned char>(c), "UTF-8");
      } else if (!utf8_) {
        len = characters_->LengthAt(line, i);
      } else if ((len = Utf8SequenceLength(line, i)) == 0) {
        len = 1;
        width = 1;  // U+FFFD
      } else {
        size_t next = i;
        width = PoCharWidth(NextCodePoint(line, &next), "UTF-8");
      }
      portion_.append(value.data() + i, len);
      written = len;
    }
    overrides_.push_back(brk);
    overrides_.insert(overrides_.end(), written - 1, kPoBreakProhibited);
    if (utf8_ && width > 0) columns += width;
    i += len;
  }
  return columns;
}

void PoStringWriter::Write(std::string_view prefix, std::string_view name, std::string_view value,
                           int format, bool do_wrap, std::string* out) {
  bool directives = false;
  if (HasPoDirectives(format) && !value.empty()) {
    MarkNoBreakInDirectives(format, value, name.substr(0, 6) == "msgstr", &no_break_);
    directives = true;
  }
  // Columns as write-po.c counts them: after a break a line starts with the
  // prefix and the opening quote; the closing quote must fit too.
  const int after_break = static_cast<int>(prefix.size()) + 1;
  const int width = (wrap_ && do_wrap ? page_width_ : INT_MAX) - 1 - after_break;
  bool first_line = true;
  size_t s = 0;
  do {
    size_t es = s;
    while (es < value.size()) {
      if (value[es++] == '\n') break;
    }
    const int columns = BuildPortion(value, s, es, directives);
    // Never just before the "\n" that ends the portion.
    if (es > s && value[es - 1] == '\n') overrides_[portion_.size() - 2] = kPoBreakProhibited;

    bool has_breaks;
    for (;;) {
      int start_column = static_cast<int>(prefix.size()) +
                         (first_line ? static_cast<int>(name.size()) + 1 : 0) + 1 - after_break;
      has_breaks = false;
      // A portion that fits needs no line breaking.
      if (columns < 0 || start_column + columns > width) {
        breaks_.resize(portion_.size());
        has_breaks = PoWidthBreaks(portion_, width, start_column, overrides_.data(),
                                   encoding_.c_str(), breaks_.data());
      }
      if (first_line && !portion_.empty() &&
          (es < value.size() || start_column > width || has_breaks)) {
        *out += prefix;
        *out += name;
        *out += " \"\"\n";
        first_line = false;
        continue;
      }
      break;
    }

    *out += prefix;
    if (first_line) {
      *out += name;
      *out += ' ';
      first_line = false;
    }
    *out += '"';
    if (!has_breaks) {
      *out += portion_;
    } else {
      size_t from = 0;
      for (size_t i = 0; i < portion_.size(); ++i) {
        if (breaks_[i] != kPoBreakPossible) continue;
        out->append(portion_, from, i - from);
        *out += "\"\n";
        *out += prefix;
        *out += '"';
        from = i;
      }
      out->append(portion_, from, std::string::npos);
    }
    *out += "\"\n";
    s = es;
  } while (s < value.size());
}

}  // namespace l10n
