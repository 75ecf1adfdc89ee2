// Tests of po_syntax: PO strings, escapes, keywords and comment lines as
// the parser reads them and the writer escapes them.
#include "catalog/po_syntax.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace l10n {
namespace {

// "bytes|errors": the string's bytes (escaped back for reading), then each
// error as "offset:message", and "open" when the closing quote is missing.
std::string DumpString(std::string_view line) {
  std::string bytes;
  std::vector<PoStringError> errors;
  PoString s = ReadPoString(line, 0, line.size(), &bytes, &errors);
  std::string out;
  for (char c : bytes) {
    if (char letter = PoEscapeLetter(c)) {
      out += '\\';
      out += letter;
    } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += "|end=" + std::to_string(s.end);
  if (!s.closed) out += " open";
  if (s.high_escape) out += s.escapes_utf8 ? " high" : " high-not-utf8";
  for (const PoStringError& e : errors) {
    out += " " + std::to_string(e.offset) + ":" + e.message;
    if (e.encoding) out += "[encoding]";
  }
  return out;
}

TEST_CASE("ReadPoString decodes escapes and reports what it cannot read") {
  struct Case {
    const char* line;
    const char* want;
  };
  const Case kCases[] = {
      {"\"\"", "|end=2"},
      {"\"plain\" rest", "plain|end=7"},
      {"\"a\\nb\\t\\\"q\\\"\\\\\"", "a\\nb\\t\\\"q\\\"\\\\|end=15"},
      {"\"\\a\\b\\f\\r\\v\"", "\\a\\b\\f\\r\\v|end=12"},
      {"\"\\101\\0\\7x\"", "A\\x00\\ax|end=11"},
      {"\"\\351\"", "\\xe9|end=6 high-not-utf8"},
      {"\"\\303\\251\"", "\\xc3\\xa9|end=10 high"},
      {"\"\\x41\\xE9\\x1234\"", "A\\xe94|end=16 high-not-utf8"},
      {"\"a\\004b\" \"\"", "a\\x04b|end=8 0:context separator <EOT> within string"},
      {"\"\\x\"", "|end=4 1:invalid escape sequence '\\x'"},
      {"\"\\q\"", "q|end=4 1:invalid escape sequence '\\q'"},
      {"\"\\\xC3\xA9\"", "\\xc3\\xa9|end=5 1:invalid escape sequence '\\\xC3\xA9'"},
      {"\"unterminated", "unterminated|end=13 open 0:unterminated string"},
      {"\"ends in \\", "ends in |end=10 open 0:unterminated string"},
  };
  for (const Case& c : kCases) {
    std::string line = c.line;
    CAPTURE(line);
    CHECK(DumpString(c.line) == c.want);
  }
  // A NUL byte (a C string cannot hold it) is an [encoding] error.
  CHECK(DumpString(std::string_view("\"a\0b\"", 5)) == "ab|end=5 2:NUL byte in a string[encoding]");
}

TEST_CASE("PoEscapeLetter gives the escapes gettext writes") {
  CHECK(std::string() + PoEscapeLetter('\n') + PoEscapeLetter('\t') + PoEscapeLetter('"') +
            PoEscapeLetter('\\') + PoEscapeLetter('\a') + PoEscapeLetter('\v') ==
        "nt\"\\av");
  CHECK(PoEscapeLetter('a') == 0);
  CHECK(PoEscapeLetter('\0') == 0);  // written \000 by the writer
  CHECK(PoEscapeLetter('\x01') == 0);
}

TEST_CASE("ReadPoKeyword reads keywords and plural indexes") {
  struct Case {
    const char* line;
    const char* want;  // "word index end" or "bad at N"
  };
  const Case kCases[] = {
      {"msgid \"x\"", "msgid -1 5"},
      {"msgstr \"x\"", "msgstr -1 6"},
      {"msgstr[0] \"x\"", "msgstr 0 9"},
      {"msgstr [ 12 ] \"x\"", "msgstr 12 13"},
      {"msgid_plural\"x\"", "msgid_plural -1 12"},
      {"msgstr[", "bad at 7"},
      {"msgstr[x]", "bad at 7"},
      {"msgstr[1", "bad at 8"},
      {"msgid[0]", "msgid -1 5"},
      {"$weird9 x", "$weird9 -1 7"},
  };
  for (const Case& c : kCases) {
    std::string_view line = c.line;
    CAPTURE(line);
    PoKeyword k = ReadPoKeyword(line, 0, line.size());
    std::string got = k.bad_index ? "bad at " + std::to_string(k.bad_at)
                                  : std::string(k.word) + " " + std::to_string(k.index) + " " +
                                        std::to_string(k.end);
    CHECK(got == c.want);
  }
}

TEST_CASE("AddPoComment sorts comment lines into the entry") {
  Message m;
  bool open = false;
  for (const char* line : {" translator", "", "  two spaces", ". extracted", ".", ": a.c:1 b.c",
                           ", fuzzy, c-format", "! no-wrap"}) {
    AddPoComment(line, &m, &open);
  }
  CHECK(m.translator_comments == std::vector<std::string>{"translator", "", " two spaces"});
  CHECK(m.extracted_comments == std::vector<std::string>{"extracted", ""});
  CHECK(m.references == std::vector<std::string>{"a.c:1", "b.c"});
  CHECK(m.flags == std::vector<std::string>{"fuzzy", "c-format", "no-wrap"});
  CHECK_FALSE(open);
}

}  // namespace
}  // namespace l10n
