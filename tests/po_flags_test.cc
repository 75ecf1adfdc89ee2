// Tests of po_flags and po_directives: "#," lines read as gettext reads
// them and written back in its order; the format directives a line must
// not break inside.
#include "catalog/po_flags.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "catalog/po_directives.h"

namespace l10n {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += "[" + item + "]";
  return out;
}

TEST_CASE("SplitPoFlags splits a #, line as gettext does") {
  struct Case {
    const char* line;
    const char* want;
  };
  const Case kCases[] = {
      {" fuzzy", "[fuzzy]"},
      {" fuzzy, c-format", "[fuzzy][c-format]"},
      {" fuzzy,c-format  no-wrap", "[fuzzy][c-format][no-wrap]"},
      {" range: 1..5, fuzzy", "[range: 1..5][fuzzy]"},
      {" fuzzy, fuzzy", "[fuzzy]"},
      {"", ""},
      {" ,, ", ""},
  };
  for (const Case& c : kCases) {
    std::string line = c.line;
    CAPTURE(line);
    std::vector<std::string> flags;
    SplitPoFlags(c.line, &flags);
    CHECK(Join(flags) == c.want);
  }
}

TEST_CASE("ParsePoFlags and AppendPoFlagsLine write flags in gettext's order") {
  struct Case {
    std::vector<std::string> flags;
    bool translated;
    const char* want;
  };
  const Case kCases[] = {
      {{}, true, ""},
      {{"fuzzy"}, true, "#, fuzzy\n"},
      {{"fuzzy"}, false, ""},  // an untranslated entry is not fuzzy
      {{"python-format", "no-wrap", "c-format", "fuzzy"},
       true,
       "#, fuzzy, c-format, python-format, no-wrap\n"},
      {{"no-c-format", "possible-sh-format", "impossible-lisp-format"},
       true,
       "#, no-c-format, sh-format\n"},
      {{"range: 01..10", "my-flag", "wrap", "my-flag"}, true, "#, range: 1..10, my-flag, wrap\n"},
      {{"range: 5..1", "unknown-format"}, true, "#, range: 5..1, unknown-format\n"},
  };
  for (const Case& c : kCases) {
    std::string want = c.want;
    CAPTURE(want);
    PoFlags flags = ParsePoFlags(c.flags);
    std::string out;
    AppendPoFlagsLine(flags, flags.fuzzy && c.translated, true, &out);
    CHECK(out == want);
  }
  PoFlags flags = ParsePoFlags({"no-c-format", "possible-python-brace-format", "sh-format"});
  CHECK(FirstPossibleFormat(flags) == kPoFormatPythonBrace);
  CHECK(FirstPossibleFormat(ParsePoFlags({"no-c-format"})) == -1);
}

// '|' under each byte a line must not break before, '.' elsewhere.
std::string NoBreaks(int format, const char* value, bool is_msgstr = false) {
  std::vector<uint8_t> no_break;
  MarkNoBreakInDirectives(format, value, is_msgstr, &no_break);
  std::string out;
  for (uint8_t b : no_break) out += b ? '|' : '.';
  return out;
}

TEST_CASE("MarkNoBreakInDirectives keeps directives whole, as gettext does") {
  struct Case {
    int format;
    const char* value;
    const char* want;
  };
  const Case kCases[] = {
      {kPoFormatC, "a %5d b", "...||.."},
      {kPoFormatC, "%1$s %2$-*3$d", ".|||..|||||||"},
      {kPoFormatC, "%<PRId64>", ".||||||||"},
      {kPoFormatC, "100%% sure", "....|....."},
      {kPoFormatC, "%q and %d", "........."},  // gettext stops at an invalid one
      {kPoFormatObjC, "%@ x", ".|.."},
      // Named then unnamed is invalid: the directives before stay whole.
      {kPoFormatPython, "%(name)s %d", ".|||||||..."},
      {kPoFormatPython, "%(a)s %s", ".||||..."},
      // Marks relative to the directive's start, as gettext 0.21 has them.
      {kPoFormatPythonBrace, "{name}", ".|||||"},
      {kPoFormatPythonBrace, "ab {x}", ".||..."},
      {4, "%s {x}", "......"},  // java: no syntax known here
  };
  for (const Case& c : kCases) {
    std::string value = c.value;
    CAPTURE(value);
    CHECK(NoBreaks(c.format, c.value) == c.want);
  }
  // In a translation, C formats take the 'I' flag too.
  CHECK(NoBreaks(kPoFormatC, "%Id", false) == "...");
  CHECK(NoBreaks(kPoFormatC, "%Id", true) == ".||");
}

}  // namespace
}  // namespace l10n
