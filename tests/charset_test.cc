// Tests of base/charset: gettext's charset names, the header's charset=,
// conversion to UTF-8 with located invalid bytes, characters one at a time
// and columns mapped back.
#include "base/charset.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace l10n {
namespace {

TEST_CASE("ResolveCharset reads charset names as gettext does") {
  struct Case {
    const char* declared;
    const char* want;  // "canonical portable known"
  };
  const Case kCases[] = {
      {"UTF-8", "UTF-8 1 1"},
      {"utf-8", "UTF-8 1 1"},
      {"UTF8", "UTF-8 0 1"},
      {"", "UTF-8 0 1"},
      {"CHARSET", "UTF-8 1 1"},
      {"iso-8859-1", "ISO-8859-1 1 1"},
      {"ISO_8859-1", "ISO-8859-1 1 1"},
      {"eucjp", "EUC-JP 0 1"},
      {"shift-jis", "SHIFT_JIS 0 1"},
      {"big5", "BIG5 1 1"},
      {"windows-1252", "windows-1252 0 1"},
      {"UTF-16", "UTF-16 0 0"},
      {"NO-SUCH", "NO-SUCH 0 0"},
  };
  for (const Case& c : kCases) {
    std::string declared = c.declared;
    CAPTURE(declared);
    CharsetName name = ResolveCharset(c.declared);
    CHECK(name.canonical + " " + std::to_string(name.portable) + " " + std::to_string(name.known) ==
          c.want);
  }
}

TEST_CASE("HeaderCharset finds the first charset= of a header") {
  struct Case {
    const char* header;
    const char* want;  // "value@offset", or "none"
  };
  const Case kCases[] = {
      {"Content-Type: text/plain; charset=UTF-8\n", "UTF-8@26"},
      {"Content-Type: text/plain; charset=BIG5 x\n", "BIG5@26"},
      {"charset=\n", "@0"},
      {"charset=a\tcharset=b", "a@0"},
      {"Content-Type: text/plain\n", "none"},
  };
  for (const Case& c : kCases) {
    std::string header = c.header;
    CAPTURE(header);
    size_t at = 0;
    std::optional<std::string_view> value = HeaderCharset(c.header, &at);
    CHECK((value ? std::string(*value) + "@" + std::to_string(at) : "none") == c.want);
  }
}

TEST_CASE("SetHeaderCharset replaces the value HeaderCharset finds") {
  std::string header = "Content-Type: text/plain; charset=ISO-8859-1\nX: charset=y\n";
  SetHeaderCharset(&header, "UTF-8");
  CHECK(header == "Content-Type: text/plain; charset=UTF-8\nX: charset=y\n");
  std::string none = "Language: es\n";
  SetHeaderCharset(&none, "UTF-8");
  CHECK(none == "Language: es\n");
}

TEST_CASE("ConvertToUtf8 keeps ASCII and locates invalid bytes") {
  std::string out;
  std::vector<size_t> invalid;
  CHECK(ConvertToUtf8("caf\xE9 \xA4", "ISO-8859-15", &out, &invalid));
  CHECK(out == "caf\xC3\xA9 \xE2\x82\xAC");
  // BIG5: a second byte 0x5C belongs to its character; 0xFF starts none.
  CHECK_FALSE(ConvertToUtf8("\xA5\x5C\\n\xFF.", "BIG5", &out, &invalid));
  CHECK(out == "\xE5\x8A\x9F\\n.");
  CHECK(invalid == std::vector<size_t>{4});
}

TEST_CASE("CharsetCharacters and ColumnMap walk a line character by character") {
  CharsetCharacters big5("BIG5");
  const std::string_view line =
      "a\xA5\x5C\xFF"
      "b";
  size_t utf8 = 0;
  CHECK(big5.LengthAt(line, 0, &utf8) == 1);
  CHECK(utf8 == 1);
  CHECK(big5.LengthAt(line, 1, &utf8) == 2);
  CHECK(utf8 == 3);
  CHECK(big5.LengthAt(line, 3, &utf8) == 1);  // invalid: one byte, converts to nothing
  CHECK(utf8 == 0);
  CharsetCharacters unknown("NO-SUCH");
  CHECK(unknown.LengthAt(line, 1) == 1);

  ColumnMap map("BIG5");
  map.Reset(line);
  // UTF-8 "a" "功" "b" (0xFF converts to nothing): the fewest bytes of the
  // line that convert to the first 0, 1, 4, 5 bytes.
  CHECK(map.Original(0) == 0);
  CHECK(map.Original(1) == 1);
  CHECK(map.Original(4) == 3);
  CHECK(map.Original(5) == 5);
}

}  // namespace
}  // namespace l10n
