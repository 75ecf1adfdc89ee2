#include "catalog/po_directives.h"

#include <cstdint>

namespace l10n {

namespace {

enum : uint8_t { kDirStart = 1, kDirEnd = 2, kDirError = 4 };

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A printf width and precision: digits or '*', then '.' and digits or '*'.
// `star` consumes a '*' (advancing *i) and says whether it may stand there.
template <typename At, typename Star>
bool SkipWidthAndPrecision(size_t* i, At at, Star star) {
  auto number_or_star = [&]() {
    if (at(*i) == '*') return star();
    while (IsDigit(at(*i))) ++*i;
    return true;
  };
  if (!number_or_star()) return false;
  if (at(*i) != '.') return true;
  ++*i;
  return number_or_star();
}

// A positional argument number "12$" at s[*i], moving *i past it; *number
// stays 0 without one. "0$" is an error, marked at the '$'.
bool ArgNumber(std::string_view s, size_t* i, unsigned* number, uint8_t* fdi) {
  size_t f = *i;
  unsigned m = 0;
  while (f < s.size() && IsDigit(s[f])) m = 10 * m + static_cast<unsigned>(s[f++] - '0');
  if (f == *i || f >= s.size() || s[f] != '$') return true;
  if (m == 0) {
    fdi[f] |= kDirError;
    return false;
  }
  *number = m;
  *i = f + 1;
  return true;
}

// Marks directive starts, ends and errors of a C (or Objective C) format
// string in `fdi`, stopping at the first invalid directive as gettext does.
void ParseCFormat(std::string_view s, bool translated, bool objc, uint8_t* fdi) {
  const size_t n = s.size();
  auto at = [&](size_t i) { return i < n ? s[i] : '\0'; };
  unsigned numbered = 0, unnumbered = 0;
  size_t i = 0;
  while (i < n) {
    if (s[i++] != '%') continue;
    fdi[i - 1] |= kDirStart;
    unsigned number = 0;
    if (!ArgNumber(s, &i, &number, fdi)) return;
    for (;;) {
      char c = at(i);
      if (c == ' ' || c == '+' || c == '-' || c == '#' || c == '0' || c == '\'' ||
          (translated && c == 'I')) {
        ++i;
      } else {
        break;
      }
    }
    // A '*' width or precision, possibly with its own argument number.
    auto star = [&]() -> bool {
      ++i;
      unsigned arg = 0;
      if (!ArgNumber(s, &i, &arg, fdi)) return false;
      if (arg != 0 ? unnumbered > 0 : numbered > 0) {
        fdi[i - 1] |= kDirError;
        return false;
      }
      ++(arg != 0 ? numbered : unnumbered);
      return true;
    };
    if (!SkipWidthAndPrecision(&i, at, star)) return;
    auto error_here = [&]() { fdi[at(i) == '\0' ? i - 1 : i] |= kDirError; };
    bool typed = true;
    if (at(i) == '<') {
      // <PRIdMAX> and friends (ISO C 99 section 7.8.1).
      ++i;
      for (char want : {'P', 'R', 'I'}) {
        if (at(i) != want) {
          error_here();
          return;
        }
        ++i;
      }
      char conv = at(i);
      if (conv != 'd' && conv != 'i' && conv != 'o' && conv != 'u' && conv != 'x' && conv != 'X') {
        error_here();
        return;
      }
      ++i;
      auto match = [&](std::string_view word) {
        if (s.substr(std::min(i, n)).substr(0, word.size()) != word) return false;
        i += word.size();
        return true;
      };
      if (!match("MAX") && !match("PTR")) {
        if (!match("LEAST")) match("FAST");
        if (!match("8") && !match("16") && !match("32") && !match("64")) {
          error_here();
          return;
        }
      }
      if (at(i) != '>') {
        error_here();
        return;
      }
    } else {
      for (;;) {
        char c = at(i);
        if (c == 'h' || c == 'l' || c == 'L' || c == 'q' || c == 'j' || c == 'z' || c == 'Z' ||
            c == 't') {
          ++i;
        } else {
          break;
        }
      }
      char conv = at(i);
      if (conv == '%' || conv == 'm') {
        typed = false;
      } else if (conv == '\0' ||
                 (std::string_view("cCsSiduoxXeEfFgGaApn").find(conv) == std::string_view::npos &&
                  !(objc && conv == '@'))) {
        error_here();
        return;
      }
    }
    if (typed) {
      if (number != 0 ? unnumbered > 0 : numbered > 0) {
        fdi[i] |= kDirError;
        return;
      }
      ++(number != 0 ? numbered : unnumbered);
    }
    fdi[i] |= kDirEnd;
    ++i;
  }
}

void ParsePythonFormat(std::string_view s, uint8_t* fdi) {
  const size_t n = s.size();
  auto at = [&](size_t i) { return i < n ? s[i] : '\0'; };
  bool named = false, unnamed = false;
  size_t i = 0;
  while (i < n) {
    if (s[i++] != '%') continue;
    fdi[i - 1] |= kDirStart;
    bool has_name = false;
    if (at(i) == '(') {
      ++i;
      unsigned depth = 0;
      for (; at(i) != '\0'; ++i) {
        if (s[i] == '(') {
          ++depth;
        } else if (s[i] == ')') {
          if (depth == 0) break;
          --depth;
        }
      }
      if (at(i) == '\0') {
        fdi[i - 1] |= kDirError;
        return;
      }
      ++i;
      has_name = true;
    }
    while (at(i) == '-' || at(i) == '+' || at(i) == ' ' || at(i) == '#' || at(i) == '0') ++i;
    auto star = [&]() -> bool {
      ++i;
      if (named) {
        fdi[i - 1] |= kDirError;
        return false;
      }
      unnamed = true;
      return true;
    };
    if (!SkipWidthAndPrecision(&i, at, star)) return;
    if (at(i) == 'h' || at(i) == 'l' || at(i) == 'L') ++i;
    char conv = at(i);
    if (conv == '\0' || std::string_view("%csriduoxXeEfgG").find(conv) == std::string_view::npos) {
      fdi[conv == '\0' ? i - 1 : i] |= kDirError;
      return;
    }
    if (has_name) {
      if (unnamed) {
        fdi[i] |= kDirError;
        return;
      }
      named = true;
    } else if (conv != '%') {
      if (named) {
        fdi[i] |= kDirError;
        return;
      }
      unnamed = true;
    }
    fdi[i] |= kDirEnd;
    ++i;
  }
}

// gettext 0.21 records the marks of a brace directive relative to the
// directive's own start, not to the string's (format_start is local to its
// parse_directive()), so they land near the start of the string. We do the
// same, so that we break lines where it does.
class PythonBraceParser {
 public:
  PythonBraceParser(std::string_view s, uint8_t* fdi) : s_(s), fdi_(fdi) {}

  void Run() {
    size_t i = 0;
    while (At(i) != '\0') {
      if (s_[i] == '{') {
        if (!Directive(&i, true)) return;
      } else {
        ++i;
      }
    }
  }

 private:
  char At(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  static bool IsAlpha(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }
  bool Named(size_t* i) const {
    if (!IsAlpha(At(*i))) return false;
    do ++*i;
    while (IsAlpha(At(*i)) || IsDigit(At(*i)));
    return true;
  }
  bool Numeric(size_t* i) const {
    if (!IsDigit(At(*i))) return false;
    do ++*i;
    while (IsDigit(At(*i)));
    return true;
  }
  void Mark(size_t base, size_t i, uint8_t flag) {
    if (i - base < s_.size()) fdi_[i - base] |= flag;
  }

  bool Directive(size_t* pos, bool toplevel) {
    const size_t base = *pos;
    auto fail = [&](size_t i) {
      Mark(base, i, kDirError);
      return false;
    };
    size_t i = *pos + 1;
    if (At(i) == '{') {
      *pos = i + 1;
      return true;
    }
    size_t name_start = i;
    if (!Named(&i) && !Numeric(&i)) return fail(i);
    char c;
    for (;;) {
      c = At(i);
      if (c == '.') {
        ++i;
        if (!Named(&i)) return fail(i);
      } else if (c == '[') {
        ++i;
        if (!Named(&i) && !Numeric(&i)) return fail(i);
        c = At(i++);
        if (c != ']') return fail(i);
      } else {
        break;
      }
    }
    if (c == ':') {
      if (!toplevel) return fail(i);
      ++i;
      if (At(i) == '{') {
        if (!Directive(&i, false)) return false;
        if (At(i) != '}') return fail(i);
      } else {
        char c1 = At(i), c2 = At(i + 1);
        auto align = [](char a) { return a == '<' || a == '>' || a == '=' || a == '^'; };
        if (c1 != '\0' && align(c2)) {
          i += 2;
        } else if (align(c1)) {
          ++i;
        }
        if (At(i) == '+' || At(i) == '-' || At(i) == ' ') ++i;
        if (At(i) == '#') ++i;
        if (At(i) == '0') ++i;
        while (IsDigit(At(i))) ++i;
        if (At(i) == '.') {
          ++i;
          while (IsDigit(At(i))) ++i;
        }
        switch (At(i)) {
          case 'b':
          case 'c':
          case 'd':
          case 'o':
          case 'x':
          case 'X':
          case 'n':
          case 'e':
          case 'E':
          case 'f':
          case 'F':
          case 'g':
          case 'G':
          case '%':
            ++i;
            break;
          default:
            break;
        }
        if (At(i) != '}') return fail(i);
      }
      c = At(i);
    }
    if (c != '}') return fail(i);
    if (toplevel) {
      Mark(base, name_start - 1, kDirStart);
      Mark(base, i, kDirEnd);
    }
    *pos = i + 1;
    return true;
  }

  std::string_view s_;
  uint8_t* fdi_;
};

}  // namespace

void MarkNoBreakInDirectives(int format, std::string_view value, bool is_msgstr,
                             std::vector<uint8_t>* no_break) {
  // gettext's fmtdir: the start, end and error marks of each directive.
  std::vector<uint8_t> fdi(value.size(), 0);
  no_break->assign(value.size(), 0);
  switch (format) {
    case kPoFormatC:
    case kPoFormatObjC:
      ParseCFormat(value, is_msgstr, format == kPoFormatObjC, fdi.data());
      break;
    case kPoFormatPython:
      ParsePythonFormat(value, fdi.data());
      break;
    case kPoFormatPythonBrace:
      PythonBraceParser(value, fdi.data()).Run();
      break;
    default:
      return;
  }
  for (size_t p = 0; p < value.size(); ++p) {
    if (!(fdi[p] & kDirStart)) continue;
    size_t q = p;
    while (q < value.size() && !(fdi[q] & (kDirEnd | kDirError))) ++q;
    if (q == value.size()) break;
    if (!(fdi[q] & kDirError)) {
      for (size_t k = p + 1; k <= q; ++k) (*no_break)[k] = 1;
    }
    p = q;
  }
}

}  // namespace l10n
