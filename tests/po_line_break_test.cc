// Tests of po_line_break: columns and first break opportunities as
// libunistring (and so gettext) computes them.
#include "catalog/po_line_break.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace l10n {
namespace {

TEST_CASE("PoColumns and PoNextBreak follow libunistring") {
  struct ColumnsCase {
    const char* text;
    int want;
  };
  const ColumnsCase kColumns[] = {
      {"", 0},        {"abc", 3},      {"\u00e9\u00f1\u00bf", 3},
      {"e\u0301", 1}, {"a\u00adb", 2}, {"\u65e5\u672c", 4},
      {"\uff21", 2},  {"a\tb", 2},     {"\u200b", 0},
  };
  for (const ColumnsCase& c : kColumns) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK(PoColumns(c.text) == c.want);
  }
  // Every ASCII byte (PoColumns counts those itself), alone and among
  // others, as libunistring's uc_width counts it.
  for (int b = 0; b < 0x80; ++b) {
    CAPTURE(b);
    int w = PoCharWidth(static_cast<char32_t>(b), "UTF-8");
    std::string one(1, static_cast<char>(b));
    CHECK(PoColumns(one) == std::max(w, 0));
    CHECK(PoColumns("\u00e9" + one + "x" + one) == 2 + 2 * std::max(w, 0));
  }
  struct BreakCase {
    const char* escaped;
    size_t want;
  };
  const BreakCase kBreaks[] = {
      {"hello world", 6},       // after spaces
      {"state-of-the-art", 6},  // after a hyphen before a letter
      {"-5 and", 3},            // not between a hyphen and a digit
      {"and/or", 4},            // after a slash
      {"e.g. x", 2},            // libunistring breaks between '.' and a letter
      {"100\u00a0% x", 7},      // never at a no-break space (offsets in bytes)
      {"word \u060c next", 8},  // not before an Arabic comma
      {"a \\\"b\\\"", 2},       // before the backslash of \"
      {"x\\nyz", 5},            // never inside an escape sequence
      {"5;\\n", 4},             // nor before a final \n
      {"\u65e5\u672c", 3},      // between ideographs
      {"unbreakable", 11},
  };
  for (const BreakCase& c : kBreaks) {
    std::string escaped = c.escaped;
    CAPTURE(escaped);
    CHECK(PoNextBreak(c.escaped) == c.want);
  }
}

}  // namespace
}  // namespace l10n
