#include "catalog/po_writer.h"

#include "base/charset.h"
#include "base/utf8.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uversion.h>

#include <array>
#include <atomic>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

namespace l10n {

namespace {

// ---------------------------------------------------------------------------
// Unicode properties as libunistring 1.0 sees them (Unicode 14.0). gettext
// 0.21 wraps with libunistring's ulc_width_linebreaks(); we take the
// properties from ICU and correct the few places where libunistring's
// generated tables (gen-uni-tables.c) differ from ICU 72 (Unicode 15.0):
// characters new in Unicode 15 are unknown to libunistring.

// Line breaking classes. The first 33 index the pair table below.
// clang-format off
enum LineBreak : uint8_t {
  kWJ, kGL, kB2, kBA, kBB, kHY, kCL, kCP1, kCP2, kEX, kIN, kNS, kOP1, kOP2, kQU, kIS, kNU,
  kPO, kPR, kSY, kAL, kH2, kH3, kID1, kID2, kJL, kJV, kJT, kHL, kRI, kZWJ, kEB, kEM,
  // Resolved before the pair table is consulted.
  kBK, kCR, kLF, kCM, kZW, kSP, kCB, kAI, kSA, kXX,
  kHLBA,  // Hebrew letter followed by a hyphen or break-after (LB21a).
};
// clang-format on

// UAX #14 table 7.3 as libunistring 1.0 implements it, including its
// deviations (a break between IS and AL is direct, so "a.b" and "a,b" may
// break after the punctuation). Row: class before, column: class after.
// 'D' direct break, 'I' break only after spaces, 'P' prohibited.
constexpr const char* kPairTable[33] = {
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  // WJ
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  // GL
    "PIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  // B2
    "PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  // BA
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  // BB
    "PDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD",  // HY
    "PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDD",  // CL
    "PIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDD",  // CP1
    "PIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD",  // CP2
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  // EX
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  // IN
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  // NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  // OP1
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  // OP2
    "PIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII",  // QU
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD",  // IS
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  // NU
    "PIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD",  // PO
    "PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIII",  // PR
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDD",  // SY
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  // AL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD",  // H2
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD",  // H3
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD",  // ID1
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI",  // ID2
    "PIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDD",  // JL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD",  // JV
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD",  // JT
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  // HL
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  // RI
    "PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIII",  // ZWJ
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI",  // EB
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD",  // EM
};

// True when libunistring 1.0 knows `c` as an assigned character.
bool AssignedInUnicode14(UChar32 c) {
  UVersionInfo age;
  u_charAge(c, age);
  return age[0] != 0 && age[0] < 15;
}

bool EastAsianWideOrHalf(UChar32 c) {
  int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_FULLWIDTH || eaw == U_EA_WIDE || eaw == U_EA_HALFWIDTH;
}

LineBreak ClassifyLineBreak(UChar32 c) {
  // libunistring derives these from the general category, not LineBreak.txt.
  if (c == 0x1DCD || c == 0x1DFC) return kCM;
  if (c == 0x2057) return kAL;
  int lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
  if (!AssignedInUnicode14(c)) {
    if (lb == U_LB_PREFIX_NUMERIC && c >= 0x20BC && c <= 0x20CF) return kPR;
    bool ideographic_area = (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
                            (c >= 0x1F000 && c <= 0x3FFFD);
    if ((lb == U_LB_IDEOGRAPHIC || lb == U_LB_E_BASE) && ideographic_area) {
      return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ? kID2 : kID1;
    }
    return kXX;
  }
  switch (lb) {
    case U_LB_AMBIGUOUS:
      return kAI;
    case U_LB_ALPHABETIC:
      return kAL;
    case U_LB_BREAK_BOTH:
      return kB2;
    case U_LB_BREAK_AFTER:
      return kBA;
    case U_LB_BREAK_BEFORE:
      return kBB;
    case U_LB_MANDATORY_BREAK:
      return kBK;
    case U_LB_CONTINGENT_BREAK:
      return kCB;
    case U_LB_CLOSE_PUNCTUATION:
      return kCL;
    case U_LB_COMBINING_MARK:
      return kCM;
    case U_LB_CARRIAGE_RETURN:
      return kCR;
    case U_LB_EXCLAMATION:
      return kEX;
    case U_LB_GLUE:
      return kGL;
    case U_LB_HYPHEN:
      return kHY;
    case U_LB_IDEOGRAPHIC:
      return kID1;
    case U_LB_INSEPARABLE:
      return kIN;
    case U_LB_INFIX_NUMERIC:
      return kIS;
    case U_LB_LINE_FEED:
      return kLF;
    case U_LB_NONSTARTER:
      return kNS;
    case U_LB_NUMERIC:
      return kNU;
    case U_LB_OPEN_PUNCTUATION:
      return EastAsianWideOrHalf(c) ? kOP2 : kOP1;
    case U_LB_POSTFIX_NUMERIC:
      return kPO;
    case U_LB_PREFIX_NUMERIC:
      return kPR;
    case U_LB_QUOTATION:
      return kQU;
    case U_LB_COMPLEX_CONTEXT:
      return kSA;
    case U_LB_SPACE:
      return kSP;
    case U_LB_BREAK_SYMBOLS:
      return kSY;
    case U_LB_ZWSPACE:
      return kZW;
    case U_LB_NEXT_LINE:
      return kBK;
    case U_LB_WORD_JOINER:
      return kWJ;
    case U_LB_H2:
      return kH2;
    case U_LB_H3:
      return kH3;
    case U_LB_JL:
      return kJL;
    case U_LB_JT:
      return kJT;
    case U_LB_JV:
      return kJV;
    case U_LB_CLOSE_PARENTHESIS:
      return EastAsianWideOrHalf(c) ? kCP2 : kCP1;
    case U_LB_CONDITIONAL_JAPANESE_STARTER:
      return kNS;
    case U_LB_HEBREW_LETTER:
      return kHL;
    case U_LB_REGIONAL_INDICATOR:
      return kRI;
    case U_LB_E_BASE:
      return kEB;
    case U_LB_E_MODIFIER:
      return kEM;
    case U_LB_ZWJ:
      return kZWJ;
    default:
      return kXX;
  }
}

// libunistring's uc_width() for a non-CJK encoding: -1 for control
// characters (they are not counted), 0 for non-spacing characters.
int ComputeColumnWidth(char32_t uc) {
  UChar32 c = static_cast<UChar32>(uc);
  if (c == 0) return 0;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return -1;
  if (c < 0x300 && c != 0xAD) return 1;  // U+00AD SOFT HYPHEN is a format character
  if ((c >> 9) == (0xE0000 >> 9)) {
    if (c >= 0xE0100) {
      if (c <= 0xE01EF) return 0;
    } else if (c >= 0xE0020 ? c <= 0xE007F : c == 0xE0001) {
      return 0;
    }
  }
  bool assigned = AssignedInUnicode14(c);
  if (assigned) {
    int gc = u_charType(c);
    if (u_charDirection(c) == U_DIR_NON_SPACING_MARK || gc == U_FORMAT_CHAR ||
        gc == U_CONTROL_CHAR || (c >= 0x1160 && c <= 0x11FF) || (c >= 0xD7B0 && c <= 0xD7C6) ||
        (c >= 0xD7CB && c <= 0xD7FB)) {
      return 0;
    }
    int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return 2;
  }
  // Whole blocks libunistring treats as wide, assigned or not.
  if ((c >= 0x2E80 && c <= 0xA4CF && c != 0x303F && !(c >= 0x3248 && c <= 0x324F) &&
       !(c >= 0x4DC0 && c <= 0x4DFF)) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F) ||
      (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
      (c >= 0x1F200 && c <= 0x1F320) || (c >= 0x20000 && c <= 0x3FFFF)) {
    return 2;
  }
  return 1;
}

struct CharInfo {
  LineBreak line_break;
  int width;
};

// Line breaking class and width of a character. Those of the BMP are
// computed once and kept (one byte each, 0 meaning not yet known).
CharInfo InfoOf(char32_t c) {
  auto compute = [](char32_t ch) {
    return CharInfo{ClassifyLineBreak(static_cast<UChar32>(ch)), ComputeColumnWidth(ch)};
  };
  if (c >= 0x10000) return compute(c);
  static std::atomic<uint8_t> cache[0x10000];
  uint8_t packed = cache[c].load(std::memory_order_relaxed);
  if (packed == 0) {
    CharInfo info = compute(c);
    packed = static_cast<uint8_t>(((info.line_break << 2) | (info.width + 1)) + 1);
    cache[c].store(packed, std::memory_order_relaxed);
  }
  --packed;
  return CharInfo{static_cast<LineBreak>(packed >> 2), (packed & 3) - 1};
}

int ColumnWidth(char32_t c) { return InfoOf(c).width; }


// Decodes the character at s[i]; invalid bytes decode as U+FFFD, one each.
char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  size_t n = Utf8SequenceLength(s, i);
  if (n == 0) {
    *len = 1;
    return 0xFFFD;
  }
  *len = n;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  switch (n) {
    case 1:
      return p[0];
    case 2:
      return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    case 3:
      return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    default:
      return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
             (p[3] & 0x3Fu);
  }
}

// ---------------------------------------------------------------------------
// Format directives. gettext never breaks a line inside a format directive
// of the message's first (in gettext's order) possible format; we know the
// syntax of the C, Objective C, Python and Python brace formats.

// gettext's format_language[] order, which is also the order of the flags.
constexpr const char* kFormatNames[] = {
    "c",      "objc",       "python", "python-brace", "java",          "java-printf",
    "csharp", "javascript", "scheme", "lisp",         "elisp",         "librep",
    "ruby",   "sh",         "awk",    "lua",          "object-pascal", "smalltalk",
    "qt",     "qt-plural",  "kde",    "kde-kuit",     "boost",         "tcl",
    "perl",   "perl-brace", "php",    "gcc-internal", "gfc-internal",  "ycp"};
constexpr int kFormatCount = sizeof(kFormatNames) / sizeof(kFormatNames[0]);
constexpr int kFormatC = 0, kFormatObjC = 1, kFormatPython = 2, kFormatPythonBrace = 3;

enum FormatValue : uint8_t { kUndecided, kYes, kNo, kPossible, kImpossible };

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
    if (IsDigit(at(i))) {
      size_t f = i;
      unsigned m = 0;
      while (IsDigit(at(f))) m = 10 * m + (s[f++] - '0');
      if (at(f) == '$') {
        if (m == 0) {
          fdi[f] |= kDirError;
          return;
        }
        number = m;
        i = f + 1;
      }
    }
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
      if (IsDigit(at(i))) {
        size_t f = i;
        unsigned m = 0;
        while (IsDigit(at(f))) m = 10 * m + (s[f++] - '0');
        if (at(f) == '$') {
          if (m == 0) {
            fdi[f] |= kDirError;
            return false;
          }
          arg = m;
          i = f + 1;
        }
      }
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

// ---------------------------------------------------------------------------
// Flags, as gettext understands them.

struct ParsedFlags {
  bool fuzzy = false;
  std::array<FormatValue, kFormatCount> formats{};
  bool has_range = false;
  std::string range;                       // "range: 1..5"
  int wrap = 0;                            // -1 no-wrap, 1 wrap, 0 undecided
  std::vector<const std::string*> others;  // flags gettext would not write
};

bool ParseRange(std::string_view flag, std::string* out) {
  if (flag.substr(0, 6) != "range:") return false;
  size_t i = 6;
  while (i < flag.size() && (flag[i] == ' ' || flag[i] == '\t')) ++i;
  auto number = [&](long* value) {
    if (i >= flag.size() || !IsDigit(flag[i])) return false;
    long v = 0;
    while (i < flag.size() && IsDigit(flag[i])) {
      v = std::min<long>(10 * v + (flag[i] - '0'), INT_MAX);
      ++i;
    }
    *value = v;
    return true;
  };
  long min = 0, max = 0;
  if (!number(&min)) return false;
  if (flag.substr(i, 2) != "..") return false;
  i += 2;
  if (!number(&max) || min > max) return false;
  *out = "range: ";
  *out += std::to_string(min);
  *out += "..";
  *out += std::to_string(max);
  return true;
}

ParsedFlags ParseFlags(const std::vector<std::string>& flags) {
  ParsedFlags parsed;
  for (const std::string& flag : flags) {
    std::string_view f = flag;
    if (f == "fuzzy") {
      parsed.fuzzy = true;
      continue;
    }
    if (f == "no-wrap" || f == "wrap") {
      parsed.wrap = f == "wrap" ? 1 : -1;
      if (f == "wrap") parsed.others.push_back(&flag);
      continue;
    }
    constexpr std::string_view kSuffix = "-format";
    if (f.size() > kSuffix.size() && f.substr(f.size() - kSuffix.size()) == kSuffix) {
      std::string_view name = f.substr(0, f.size() - kSuffix.size());
      FormatValue value = kYes;
      if (name.substr(0, 3) == "no-") {
        name.remove_prefix(3);
        value = kNo;
      } else if (name.substr(0, 9) == "possible-") {
        name.remove_prefix(9);
        value = kPossible;
      } else if (name.substr(0, 11) == "impossible-") {
        name.remove_prefix(11);
        value = kImpossible;
      }
      bool known = false;
      for (int i = 0; i < kFormatCount; ++i) {
        if (name == kFormatNames[i]) {
          parsed.formats[i] = value;
          known = true;
          break;
        }
      }
      if (known) continue;
    }
    if (ParseRange(f, &parsed.range)) {
      parsed.has_range = true;
      continue;
    }
    bool seen = false;
    for (const std::string* other : parsed.others) seen = seen || *other == flag;
    if (!seen) parsed.others.push_back(&flag);
  }
  return parsed;
}

bool Significant(FormatValue v) { return v == kYes || v == kNo || v == kPossible; }

// ---------------------------------------------------------------------------

enum Break : int8_t { kBreakUndefined, kBreakProhibited, kBreakPossible, kBreakMandatory };

// libunistring's u8_possible_linebreaks(), one character at a time.
class BreakOpportunities {
 public:
  explicit BreakOpportunities(bool cjk) : cjk_(cjk) {}

  // Whether a line may break before the next character, of class `prop`.
  Break Before(int prop) {
    Break p;
    if (prop == kBK || prop == kLF || prop == kCR) {
      p = kBreakMandatory;
      prev_ = prop;
      last_ = kBK;
      seen_space_ = false;
    } else {
      if (prop == kAI) prop = cjk_ ? kID1 : kAL;
      if (prop == kSA || prop == kXX) prop = kAL;
      if (prop == kCB) prop = kID1;
      if (prop == kSP) {
        p = kBreakProhibited;
        seen_space_ = true;
      } else if (prop == kZW) {
        p = kBreakProhibited;
        last_ = kZW;
        seen_space_ = false;
      } else if (prop == kCM || prop == kZWJ) {
        if (last_ == kBK) {
          p = kBreakProhibited;
          last_ = kAL;
          seen_space_ = false;
        } else if (last_ == kZW || seen_space_) {
          p = kBreakPossible;
          last_ = kAL;
          seen_space_ = false;
        } else {
          p = kBreakProhibited;  // X CM is treated as X
        }
      } else {
        if (last_ == kBK) {
          p = kBreakProhibited;
        } else if (last_ == kZW) {
          p = kBreakPossible;
        } else if (prev_ == kZWJ) {
          p = kBreakProhibited;
        } else if (last_ == kRI && prop == kRI) {
          p = seen_space_ || ri_count_ % 2 == 0 ? kBreakPossible : kBreakProhibited;
        } else if (prev_ == kHLBA) {
          p = kBreakProhibited;
        } else {
          switch (kPairTable[last_][prop]) {
            case 'D':
              p = kBreakPossible;
              break;
            case 'I':
              p = seen_space_ ? kBreakPossible : kBreakProhibited;
              break;
            default:
              p = kBreakProhibited;
              break;
          }
        }
        last_ = prop;
        seen_space_ = false;
      }
      prev_ = prev_ == kHL && (prop == kHY || prop == kBA) ? kHLBA : prop;
    }
    ri_count_ = prop == kRI ? ri_count_ + 1 : 0;
    return p;
  }

 private:
  bool cjk_;
  int prev_ = kBK;  // class of the previous character
  int last_ = kBK;  // class of the last character that is not a space
  bool seen_space_ = false;
  size_t ri_count_ = 0;  // regional indicators just before
};

class Writer {
 public:
  Writer(const Message* header, const PoStyle& style) : crlf_(style.crlf) {
    page_width_ = style.width <= 0 ? INT_MAX : std::max(style.width, 20);
    wrap_strings_ = !style.no_wrap;
    utf8_ = true;
    if (header && !header->msgstr.empty()) {
      std::string_view text = header->msgstr[0];
      size_t pos = text.find("charset=");
      if (pos != std::string_view::npos) {
        std::string_view charset = text.substr(pos + 8);
        charset = charset.substr(0, charset.find_first_of(" \t\n"));
        std::string folded;
        for (char c : charset) {
          if (c != '-' && c != '_') folded += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        // An unfilled template says "CHARSET"; gettext treats it as ASCII,
        // which is UTF-8 for every string gettext accepts. (The one rule
        // for names: charset.h.)
        utf8_ = ResolveCharset(charset).utf8();
        if (!utf8_) {
          // gettext converts other charsets to UTF-8 with iconv to find
          // characters and break opportunities; legacy CJK charsets make
          // ambiguous characters wide and ideographic (libunistring's
          // is_cjk_encoding()).
          UErrorCode status = U_ZERO_ERROR;
          converter_.reset(ucnv_open(std::string(charset).c_str(), &status));
          if (U_FAILURE(status)) converter_.reset();
          for (const char* cjk :
               {"eucjp", "gb2312", "gbk", "euctw", "big5", "euckr", "cp949", "johab"}) {
            cjk_ = cjk_ || folded == cjk;
          }
        }
      }
    }
    if (!style.domain.empty()) {
      // As msgcat writes it: first, then a blank line.
      out_ += "domain \"";
      for (char c : style.domain) {
        if (c == '"' || c == '\\') out_ += '\\';
        out_ += c;
      }
      out_ += "\"\n";
      blank_line_ = true;
    }
  }

  // Active entries first, then obsolete ones, as gettext orders them.
  void Add(const Message& m) {
    if (!m.obsolete) {
      if (blank_line_) out_ += '\n';
      WriteMessage(m, false);
    } else if (!m.msgstr.empty() && !m.msgstr[0].empty()) {
      // gettext drops obsolete entries without a translation.
      if (blank_line_) out_ += '\n';
      WriteMessage(m, true);
    }
    blank_line_ = true;
  }

  // The text written since the last call.
  std::string Take() {
    std::string text;
    if (!crlf_) {
      text.swap(out_);
      return text;
    }
    text.reserve(out_.size() + out_.size() / 16);
    for (char c : out_) {
      if (c == '\n') text += '\r';
      text += c;
    }
    out_.clear();
    return text;
  }

  void Reserve(size_t bytes) { out_.reserve(bytes); }
  size_t buffered() const { return out_.size(); }
  void Continue() { blank_line_ = true; }

 private:
  void WriteMessage(const Message& m, bool obsolete) {
    for (const std::string& comment : m.translator_comments) {
      // One "#" line per line of the comment, as gettext splits them.
      size_t pos = 0;
      for (;;) {
        out_ += '#';
        if (pos < comment.size()) out_ += ' ';
        size_t end = comment.find('\n', pos);
        out_.append(comment, pos, end == std::string::npos ? std::string::npos : end - pos);
        out_ += '\n';
        if (end == std::string::npos) break;
        pos = end + 1;
      }
    }
    for (const std::string& comment : m.extracted_comments) {
      out_ += "#.";
      if (!comment.empty()) out_ += ' ';
      out_ += comment;
      out_ += '\n';
    }
    WriteReferences(m);

    ParsedFlags flags = ParseFlags(m.flags);
    bool translated = !m.msgstr.empty() && !m.msgstr[0].empty();
    WriteFlags(flags, obsolete ? flags.fuzzy : flags.fuzzy && translated, !obsolete);

    format_ = -1;
    for (int i = 0; i < kFormatCount && format_ < 0; ++i) {
      if (flags.formats[i] == kYes || flags.formats[i] == kPossible) format_ = i;
    }
    do_wrap_ = flags.wrap >= 0;

    std::string_view prev_prefix = obsolete ? "#~| " : "#| ";
    if (m.prev_msgctxt) WriteString(prev_prefix, "msgctxt", *m.prev_msgctxt);
    if (m.prev_msgid) WriteString(prev_prefix, "msgid", *m.prev_msgid);
    if (m.prev_msgid_plural) WriteString(prev_prefix, "msgid_plural", *m.prev_msgid_plural);

    std::string_view prefix = obsolete ? "#~ " : "";
    if (m.msgctxt) WriteString(prefix, "msgctxt", *m.msgctxt);
    WriteString(prefix, "msgid", m.msgid);
    if (m.msgid_plural) {
      WriteString(prefix, "msgid_plural", *m.msgid_plural);
      if (m.msgstr.empty()) WriteString(prefix, "msgstr[0]", "");
      for (size_t i = 0; i < m.msgstr.size(); ++i) {
        std::string name = "msgstr[";
        name += std::to_string(i);
        name += ']';
        WriteString(prefix, name, m.msgstr[i]);
      }
    } else {
      WriteString(prefix, "msgstr", m.msgstr.empty() ? std::string_view() : m.msgstr[0]);
    }
  }

  // "#:" lines, filled up to the page width as gettext does (never wrapped
  // by --no-wrap, which only concerns strings). A file name with spaces or
  // tabs goes between U+2068 and U+2069 (their UTF-8 bytes, which the reader
  // takes in any charset), as gettext 0.22 writes it; lines are filled as
  // gettext 0.21 fills them when it reads that back: split at the spaces
  // (docs/po_format.md).
  void WriteReferences(const Message& m) {
    if (m.references.empty()) return;
    out_ += "#:";
    size_t column = 2;
    // `piece` after `separator`: the line may break there when the
    // separator is one space (gettext 0.21 joins with one space).
    auto piece = [&](std::string_view separator, std::string_view p) {
      size_t width = static_cast<size_t>(page_width_);
      if (separator == " " && column > 2 && column + p.size() + 1 > width) {
        out_ += "\n#:";
        column = 2;
      }
      out_ += separator;
      out_ += p;
      column += separator.size() + p.size();
    };
    std::string isolated;
    bool after_colon = false;  // the last reference ends with ':'
    for (const std::string& ref : m.references) {
      std::string_view r = ref;
      while (r.size() >= 2 && r[0] == '.' && r[1] == '/') r.remove_prefix(2);
      size_t colon = r.size();
      while (colon > 0 && r[colon - 1] >= '0' && r[colon - 1] <= '9') --colon;
      if (colon == r.size() || colon < 2 || r[colon - 1] != ':') {
        colon = r.size();  // no line number
      } else {
        --colon;
      }
      // "a.c :12" and "a.c: 12" read as one reference: when two would
      // look like that, the second starts a line (gettext reads lines apart).
      if (column > 2 && (r.substr(0, 1) == ":" ||
                         (after_colon && !r.empty() && r[0] >= '0' && r[0] <= '9'))) {
        out_ += "\n#:";
        column = 2;
      }
      after_colon = !r.empty() && r.back() == ':';
      std::string_view file = r.substr(0, colon);
      std::string_view rest = r;
      if (file.find_first_of(" \t") != std::string_view::npos) {
        isolated = "\xE2\x81\xA8";
        isolated += file;
        isolated += "\xE2\x81\xA9";
        isolated += r.substr(colon);
        rest = isolated;
      }
      std::string_view separator = " ";
      for (;;) {
        size_t end = rest.find_first_of(" \t");
        piece(separator, rest.substr(0, end));
        if (end == std::string_view::npos) break;
        size_t next = rest.find_first_not_of(" \t", end);
        if (next == std::string_view::npos) next = rest.size();
        separator = rest.substr(end, next - end);
        rest.remove_prefix(next);
      }
    }
    out_ += '\n';
  }

  void WriteFlags(const ParsedFlags& flags, bool fuzzy, bool with_range) {
    bool first = true;
    auto add = [&](std::string_view flag) {
      out_ += first ? "#, " : ", ";
      out_ += flag;
      first = false;
    };
    if (fuzzy) add("fuzzy");
    for (int i = 0; i < kFormatCount; ++i) {
      if (!Significant(flags.formats[i])) continue;
      out_ += first ? "#, " : ", ";
      if (flags.formats[i] == kNo) out_ += "no-";
      out_ += kFormatNames[i];
      out_ += "-format";
      first = false;
    }
    if (with_range && flags.has_range) add(flags.range);
    if (flags.wrap < 0) add("no-wrap");
    for (const std::string* other : flags.others) add(*other);
    if (!first) out_ += '\n';
  }

  // The character at s[i] in the catalog's charset; invalid bytes decode as
  // U+FFFD, one by one.
  char32_t Decode(std::string_view s, size_t i, size_t* len) {
    if (utf8_) return DecodeAt(s, i, len);
    *len = 1;
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (!converter_) return b;  // unknown charset: read it as Latin-1
    ucnv_reset(converter_.get());
    UErrorCode status = U_ZERO_ERROR;
    const char* source = s.data() + i;
    UChar32 c = ucnv_getNextUChar(converter_.get(), &source, s.data() + s.size(), &status);
    if (U_FAILURE(status) || source == s.data() + i) return 0xFFFD;
    *len = static_cast<size_t>(source - (s.data() + i));
    return static_cast<char32_t>(c);
  }

  CharInfo Info(char32_t c) const {
    CharInfo info = InfoOf(c);
    // uc_width() in a legacy CJK charset.
    if (cjk_ && info.width == 1 && c >= 0xA1 && c < 0xFF61 && c != 0x20A9) info.width = 2;
    return info;
  }

  // Marks in no_break_ the bytes of `value` before which gettext does not
  // break because they are inside a format directive.
  void ComputeDirectives(std::string_view value, bool is_msgstr) {
    fdi_.assign(value.size(), 0);
    no_break_.assign(value.size(), 0);
    switch (format_) {
      case kFormatC:
      case kFormatObjC:
        ParseCFormat(value, is_msgstr, format_ == kFormatObjC, fdi_.data());
        break;
      case kFormatPython:
        ParsePythonFormat(value, fdi_.data());
        break;
      case kFormatPythonBrace:
        PythonBraceParser(value, fdi_.data()).Run();
        break;
      default:
        return;
    }
    for (size_t p = 0; p < value.size(); ++p) {
      if (!(fdi_[p] & kDirStart)) continue;
      size_t q = p;
      while (q < value.size() && !(fdi_[q] & (kDirEnd | kDirError))) ++q;
      if (q == value.size()) break;
      if (!(fdi_[q] & kDirError)) {
        for (size_t k = p + 1; k <= q; ++k) no_break_[k] = 1;
      }
      p = q;
    }
  }

  // The escaped form of value[begin, end) in portion_, with gettext's
  // break overrides: never inside an escape sequence, a multibyte character
  // or a format directive.
  // Returns the columns the portion takes (characters of negative width
  // not counted).
  int BuildPortion(std::string_view value, size_t begin, size_t end, bool directives) {
    portion_.clear();
    overrides_.clear();
    int columns = 0;
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
        overrides_.resize(overrides_.size() + (run - i), kBreakUndefined);
        columns += static_cast<int>(run - i);
        i = run;
        if (i == end) break;
      }
      char c = value[i];
      int8_t brk = directives && no_break_[i] ? kBreakProhibited : kBreakUndefined;
      char escaped = 0;
      switch (c) {
        case '\a':
          escaped = 'a';
          break;
        case '\b':
          escaped = 'b';
          break;
        case '\f':
          escaped = 'f';
          break;
        case '\n':
          escaped = 'n';
          break;
        case '\r':
          escaped = 'r';
          break;
        case '\t':
          escaped = 't';
          break;
        case '\v':
          escaped = 'v';
          break;
        case '\\':
          escaped = '\\';
          break;
        case '"':
          escaped = '"';
          break;
        default:
          break;
      }
      if (escaped) {
        portion_ += '\\';
        portion_ += escaped;
        overrides_.push_back(brk);
        overrides_.push_back(kBreakProhibited);
        columns += 2;
        ++i;
      } else if (c == '\0') {
        // gettext cannot hold a NUL; keep it readable for our own reader.
        portion_ += "\\000";
        overrides_.push_back(brk);
        overrides_.insert(overrides_.end(), 3, kBreakProhibited);
        columns += 4;
        ++i;
      } else {
        size_t len = 1;
        char32_t ch = static_cast<unsigned char>(c);
        if (ch >= 0x80) ch = Decode(value.substr(0, end), i, &len);
        int w = Info(ch).width;
        if (w > 0) columns += w;
        portion_.append(value.data() + i, len);
        overrides_.push_back(brk);
        if (len > 1) overrides_.insert(overrides_.end(), len - 1, kBreakProhibited);
        i += len;
      }
    }
    return columns;
  }

  // Decodes portion_ into chars_ and finds its break opportunities, as
  // libunistring's u8_possible_linebreaks() does, into possible_. They do
  // not depend on where the line starts.
  void AnalysePortion() {
    static const std::array<CharInfo, 128> kAscii = [] {
      std::array<CharInfo, 128> table{};
      for (char32_t c = 0; c < 128; ++c) table[c] = InfoOf(c);
      return table;
    }();
    chars_.clear();
    for (size_t i = 0; i < portion_.size();) {
      unsigned char b = static_cast<unsigned char>(portion_[i]);
      size_t len = 1;
      CharInfo info;
      if (b < 0x80) {
        info = kAscii[b];
      } else {
        info = Info(Decode(portion_, i, &len));
      }
      chars_.push_back(
          {static_cast<uint32_t>(i), info.line_break, static_cast<int8_t>(info.width)});
      i += len;
    }

    possible_.assign(portion_.size(), kBreakProhibited);
    BreakOpportunities opportunities(cjk_);
    for (const Char& ch : chars_) {
      int8_t p = opportunities.Before(ch.line_break);
      // gettext's overrides: never inside escapes, characters, directives.
      if (overrides_[ch.offset] != kBreakUndefined) p = overrides_[ch.offset];
      possible_[ch.offset] = p;
    }
  }

  // libunistring's u8_width_linebreaks(): keeps in breaks_ only the breaks
  // of possible_ needed to fit `width` columns, the first line starting at
  // `start_column`. Returns whether any line break is left.
  bool WidthBreaks(int width, int start_column) {
    breaks_.assign(portion_.size(), kBreakProhibited);
    int last = -1;  // offset of the last break opportunity
    int last_column = start_column;
    int piece_width = 0;
    bool any = false;
    for (const Char& ch : chars_) {
      int8_t p = possible_[ch.offset];
      if (p == kBreakPossible || p == kBreakMandatory) {
        if (last >= 0 && last_column + piece_width > width) {
          breaks_[last] = kBreakPossible;
          any = true;
          last_column = 0;
        }
      }
      if (p == kBreakMandatory) {
        last = -1;
        last_column = 0;
        piece_width = 0;
      } else {
        if (p == kBreakPossible) {
          last = static_cast<int>(ch.offset);
          last_column += piece_width;
          piece_width = 0;
        }
        if (ch.width >= 0) piece_width += ch.width;
      }
    }
    if (last >= 0 && last_column + piece_width > width) {
      breaks_[last] = kBreakPossible;
      any = true;
    }
    return any;
  }

  // gettext's write-po.c wrap(): one keyword and its string, escaped, split
  // after each "\n" and wrapped at the page width.
  void WriteString(std::string_view prefix, std::string_view name, std::string_view value) {
    bool is_msgstr = name.substr(0, 6) == "msgstr";
    bool directives = false;
    if (format_ >= 0 && !value.empty() && format_ <= kFormatPythonBrace) {
      ComputeDirectives(value, is_msgstr);
      directives = true;
    }
    const int after_break = static_cast<int>(prefix.size()) + 1;
    const int width = (wrap_strings_ && do_wrap_ ? page_width_ : INT_MAX) - 1 - after_break;
    bool first_line = true;
    size_t s = 0;
    do {
      size_t es = s;
      while (es < value.size()) {
        if (value[es++] == '\n') break;
      }
      const int columns = BuildPortion(value, s, es, directives);
      if (es > s && value[es - 1] == '\n') overrides_[portion_.size() - 2] = kBreakProhibited;

      bool analysed = false;
      bool has_breaks;
      for (;;) {
        int start_column = static_cast<int>(prefix.size()) +
                           (first_line ? static_cast<int>(name.size()) + 1 : 0) + 1 - after_break;
        has_breaks = false;
        if (start_column + columns > width) {
          if (!analysed) AnalysePortion();
          analysed = true;
          has_breaks = WidthBreaks(width, start_column);
        }
        if (first_line && !portion_.empty() &&
            (es < value.size() || start_column > width || has_breaks)) {
          out_ += prefix;
          out_ += name;
          out_ += " \"\"\n";
          first_line = false;
          continue;
        }
        break;
      }

      out_ += prefix;
      if (first_line) {
        out_ += name;
        out_ += ' ';
        first_line = false;
      }
      out_ += '"';
      if (!has_breaks) {
        out_ += portion_;
      } else {
        size_t from = 0;
        for (size_t i = 0; i < portion_.size(); ++i) {
          if (breaks_[i] != kBreakPossible) continue;
          out_.append(portion_, from, i - from);
          out_ += "\"\n";
          out_ += prefix;
          out_ += '"';
          from = i;
        }
        out_.append(portion_, from, std::string::npos);
      }
      out_ += "\"\n";
      s = es;
    } while (s < value.size());
  }

  struct Char {
    uint32_t offset;
    LineBreak line_break;
    int8_t width;
  };

  bool crlf_ = false;
  bool blank_line_ = false;  // an entry was written: the next one needs a blank line first
  int page_width_ = 79;
  bool wrap_strings_ = true;
  bool utf8_ = true;
  bool cjk_ = false;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter_{nullptr, &ucnv_close};
  // Per message.
  int format_ = -1;
  bool do_wrap_ = true;
  // Scratch buffers, reused for every string.
  std::string out_;
  std::string portion_;
  std::vector<int8_t> overrides_;
  std::vector<int8_t> possible_;
  std::vector<int8_t> breaks_;
  std::vector<Char> chars_;
  std::vector<uint8_t> fdi_;
  std::vector<uint8_t> no_break_;
};

}  // namespace

std::string WritePo(const Catalog& catalog) {
  Writer writer(catalog.FindHeader(), catalog.style);
  writer.Reserve(catalog.messages.size() * 96);
  for (const Message& m : catalog.messages) {
    if (!m.obsolete) writer.Add(m);
  }
  for (const Message& m : catalog.messages) {
    if (m.obsolete) writer.Add(m);
  }
  return writer.Take();
}

class PoWriter::Impl : public Writer {
 public:
  using Writer::Writer;
};

PoWriter::PoWriter(const Message* header, const PoStyle& style)
    : writer_(std::make_unique<Impl>(header, style)) {}

PoWriter::~PoWriter() = default;

void PoWriter::Add(const Message& m) { writer_->Add(m); }

std::string PoWriter::Take() { return writer_->Take(); }

size_t PoWriter::buffered() const { return writer_->buffered(); }

void PoWriter::Continue() { writer_->Continue(); }

size_t PoNextBreak(std::string_view escaped) {
  BreakOpportunities opportunities(false);
  int in_escape = 0;  // characters left in an escape sequence
  for (size_t i = 0; i < escaped.size();) {
    size_t len;
    char32_t c = DecodeAt(escaped, i, &len);
    Break p = opportunities.Before(InfoOf(c).line_break);
    if (in_escape > 0) {
      p = kBreakProhibited;
      --in_escape;
    } else if (c == '\\' && i + 1 < escaped.size()) {
      in_escape = IsDigit(escaped[i + 1]) ? 3 : 1;
      // gettext does not break just before the "\n" that ends a string.
      if (i + 2 == escaped.size() && escaped[i + 1] == 'n') p = kBreakProhibited;
    }
    if (i > 0 && p == kBreakPossible) return i;
    i += len;
  }
  return escaped.size();
}

int PoColumns(std::string_view text) {
  int columns = 0;
  for (size_t i = 0; i < text.size();) {
    size_t len;
    char32_t c = DecodeAt(text, i, &len);
    int w = ColumnWidth(c);
    if (w > 0) columns += w;
    i += len;
  }
  return columns;
}

}  // namespace l10n
