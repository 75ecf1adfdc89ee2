// Locator (check/locator.h): the line of an entry's keyword and the line
// and column of a byte of a decoded string, through escapes, continuation
// lines, obsolete entries and CRLF.
#include "check/locator.h"

#include <doctest/doctest.h>

#include <string>

namespace l10n {
namespace {

const char kPo[] =
    "# comment\n"              // 1
    "msgid \"a\\tb\"\n"        // 2
    "msgstr \"\"\n"            // 3
    "\"x\\\"y\\n\"\n"          // 4
    "  \"\\101\\x41z\"\n"      // 5
    "\n"                       // 6
    "#~ msgid \"old\"\r\n"     // 7
    "#~ msgstr \"viejo\"\r\n"  // 8
    "\n"                       // 9
    "msgid \"one\"\n"          // 10
    "msgid_plural \"many\"\n"  // 11
    "msgstr[0] \"uno\"\n"      // 12
    "msgstr[1] \"muchos\"\n";  // 13

TEST_CASE("Locator::KeywordLine finds an entry's keyword from the line it starts on") {
  struct Case {
    int entry_line;
    const char* keyword;
    int want;
  };
  const Case kCases[] = {
      {1, "msgid", 2},       {1, "msgstr", 3},   {7, "msgstr", 8},
      {10, "msgstr[1]", 13}, {10, "msgstr", 10},  // "msgstr[0]" is not "msgstr"
      {1, "msgctxt", 1},                          // not in the entry: its first line
      {0, "msgid", 0},                            // unknown
  };
  Locator locator(kPo);
  for (const Case& c : kCases) {
    CAPTURE(c.keyword);
    CHECK(locator.KeywordLine(c.entry_line, c.keyword) == c.want);
  }
}

TEST_CASE("Locator::InString counts an escape as the byte it decodes to") {
  struct Case {
    int line;
    size_t offset;
    int want_line, want_column;
  };
  const Case kCases[] = {
      {2, 0, 2, 8},  {2, 1, 2, 9},   {2, 2, 2, 11},                // 'a', '\t', 'b'
      {3, 0, 4, 2},  {3, 1, 4, 3},   {3, 2, 4, 5},  {3, 3, 4, 6},  // x \" y \n
      {3, 4, 5, 4},  {3, 5, 5, 8},   {3, 6, 5, 12},                // \101 \x41 z
      {3, 7, 5, 13},                                               // past the end: after the last
      {8, 2, 8, 14},                                               // "#~ ", then CRLF
      {0, 5, 0, 0},  {99, 0, 99, 1},
  };
  Locator locator(kPo);
  for (const Case& c : kCases) {
    CAPTURE(c.line);
    CAPTURE(c.offset);
    CHECK(locator.InString(c.line, c.offset) == std::pair(c.want_line, c.want_column));
  }
  // No text (a catalog read from XLIFF): the start of the line.
  CHECK(Locator("").InString(4, 3) == std::pair(4, 1));
}

TEST_CASE("LocateInTranslation and MsgidLine: from the line a Message records") {
  Message single;
  single.line = 1;
  CHECK(MsgidLine(kPo, single) == 2);
  CHECK(LocateInTranslation(kPo, single, 4) == std::pair(5, 4));
  Message plural;
  plural.line = 10;
  plural.msgid_plural = "many";
  CHECK(MsgidLine(kPo, plural) == 10);
  CHECK(LocateInTranslation(kPo, plural, 1) == std::pair(12, 13));
}

}  // namespace
}  // namespace l10n
