// The XLIFF writer's fast paths against the general ones they skip: the
// checks and escapes of xliff_xml (eight bytes at a time) against a loop
// over every byte, and Codable for a text against itself (no CheckMarkup
// when its placeholders nest) against the whole check, on adversarial
// texts: control bytes and invalid UTF-8 at every offset, CJK, escapes,
// tabs, CRLF, long lines, placeholders crossed, repeated, unclosed or
// closed twice.
#include <doctest/doctest.h>

#include <cstring>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/utf8.h"
#include "catalog/catalog.h"
#include "catalog/xliff.h"
#include "catalog/xliff_inline.h"
#include "catalog/xliff_xml.h"
#include "unit/unit_text.h"

namespace l10n {
namespace {

// CheckXmlText as one loop over the characters (the code before its fast
// path): the oracle.
std::string SlowCheckXmlText(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return "invalid UTF-8";
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return "control " + std::to_string(c);
    if (n == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        static_cast<unsigned char>(s[i + 2]) >= 0xBE) {
      return "U+FFFE or U+FFFF";
    }
    i += n;
  }
  return "";
}

std::string SlowXmlText(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string SlowXmlAttr(std::string_view name, std::string_view value) {
  std::string out = " " + std::string(name) + "=\"";
  for (char c : value) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

// Codable(text, text) the long way: the text tokenizes, rebuilds to its own
// bytes, and CheckMarkup finds nothing that blocks a merge.
bool SlowCodableItself(std::string_view text) {
  if (text.find('<') != std::string_view::npos || text.find('&') != std::string_view::npos) {
    Result<std::vector<Token>> tokens = TokenizeUnitText(text);
    if (!tokens.ok()) return false;
    std::string rebuilt;
    for (const Token& t : *tokens) {
      switch (t.type) {
        case Token::kText:
          AppendUnitText(t.text, &rebuilt);
          break;
        case Token::kOpen:
          rebuilt += "<" + t.text + ">";
          break;
        case Token::kClose:
          rebuilt += "</" + t.text + ">";
          break;
        case Token::kSelfClosing:
          rebuilt += "<" + t.text + "/>";
          break;
      }
    }
    if (rebuilt != text) return false;
  }
  return CodableMarkup(text, text);
}

// Pieces that make the fast paths take every branch, glued at random.
const char* const kPieces[] = {
    "plain text ",
    "x",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "  ",
    "&",
    "&amp;",
    "&lt;",
    "&lt;b1&gt;",
    "<",
    ">",
    "\"",
    "'",
    "=",
    "a=b",
    ":",
    "http://example.com/",
    "mailto:x@y",
    "javascript:",
    "?",
    "!",
    "\x01",
    "\x1f",
    "\x7f",
    "\x80",
    "\xC3",
    "\xC3\xA9",
    "\xE2\x80\xAE",  // U+202E, a bidi control
    "\xE2\x80\x8B",  // U+200B
    "\xEF\xBF\xBE",  // U+FFFE
    "\xEF\xBF\xBF",  // U+FFFF
    "\xEF\xBF\xBD",  // U+FFFD
    "\xED\xA0\x80",  // a surrogate: invalid
    "\xF0\x9F\x98\x80",
    "\xF4\x90\x80\x80",  // past U+10FFFF
    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
    "<b1>",
    "</b1>",
    "<b1/>",
    "<a1>",
    "</a1>",
    "<a2>",
    "</a2>",
    "<br1/>",
    "<time/>",
    "<comment1/>",
    "<em1>",
    "</em1>",
    "<script>",
    "<div >",
    "<!--",
    "<b1 x=y>",
    "a long run of printable text that spans several eight-byte words ",
};

std::string RandomText(std::mt19937* rng) {
  std::uniform_int_distribution<size_t> count(0, 12);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (size_t n = count(*rng); n > 0; --n) s += kPieces[pick(*rng)];
  return s;
}

// Placeholders only, mostly of three names, so that many nest (and many
// do not, in every way).
std::string RandomMarkup(std::mt19937* rng) {
  static const char* const kTags[] = {"<a1>",  "</a1>",  "<b1>",  "</b1>", "<a2>",
                                      "</a2>", "<br1/>", "<a1/>", "x",     "&amp;"};
  std::uniform_int_distribution<size_t> count(0, 8);
  std::uniform_int_distribution<size_t> pick(0, std::size(kTags) - 1);
  std::string s;
  for (size_t n = count(*rng); n > 0; --n) s += kTags[pick(*rng)];
  return s;
}

TEST_CASE("CheckXmlText agrees with a check of every character") {
  // Each byte value at each offset of a printable line (the eight-byte
  // steps meet it at every place in a word).
  for (int b = 0; b < 256; ++b) {
    for (size_t at = 0; at < 20; ++at) {
      std::string s(20, 'a');
      s[at] = static_cast<char>(b);
      CAPTURE(b);
      CAPTURE(at);
      CHECK(CheckXmlText(s).ok() == SlowCheckXmlText(s).empty());
    }
  }
  std::mt19937 rng(17);
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomText(&rng);
    CAPTURE(s);
    Status status = CheckXmlText(s);
    std::string slow = SlowCheckXmlText(s);
    REQUIRE(status.ok() == slow.empty());
    if (status.ok()) continue;
    // The same first problem.
    if (slow == "invalid UTF-8") {
      CHECK(status.message() == "invalid UTF-8 cannot be written to XLIFF");
    } else if (slow.rfind("control ", 0) == 0) {
      CHECK(status.message().find("control character U+00") == 0);
    } else {
      CHECK(status.message() == "U+FFFE and U+FFFF cannot be written to XLIFF");
    }
  }
  CHECK(CheckXmlText(std::string(1000, 'a') + "\x02").message() ==
        "control character U+0002 cannot be written to XLIFF");
}

TEST_CASE("AppendXmlText and AppendXmlAttr escape as a loop over the bytes does") {
  for (int b = 0; b < 256; ++b) {
    for (size_t at = 0; at < 20; ++at) {
      std::string s(20, 'a');
      s[at] = static_cast<char>(b);
      std::string out = "kept";
      AppendXmlText(s, &out);
      CHECK(out == "kept" + SlowXmlText(s));
    }
  }
  std::mt19937 rng(18);
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomText(&rng);
    CAPTURE(s);
    std::string out = "<";
    AppendXmlText(s, &out);
    CHECK(out == "<" + SlowXmlText(s));
    CHECK(XmlAttr("id", s) == SlowXmlAttr("id", s));
    std::string attr = "<x";
    AppendXmlAttr("name", s, &attr);
    CHECK(attr == "<x" + SlowXmlAttr("name", s));
  }
}

TEST_CASE("Codable of a text against itself agrees with the whole markup check") {
  struct Case {
    const char* text;
    bool want;
  };
  const Case cases[] = {
      {"", true},
      {"plain", true},
      {"R&D, R&amp;amp; &lt;b1&gt;", true},
      {"R&amp;D", false},  // not canonical: "R&D" is
      {"a <b1>bold</b1> and <br1/>", true},
      {"<a1>link <b1>bold</b1></a1>", true},
      {"<time/> and <comment1/>", true},
      {"http://x.org/ a=b \xE2\x80\xAE", true},  // text rules: the source has them too
      {"<a1><b1>x</a1></b1>", false},            // crossed
      {"<b1>x</b1> <b1>y</b1>", false},          // used twice
      {"<br1/><br1/>", false},
      {"<b1>x</b1><b1/>", false},  // paired and not
      {"<b1>unclosed", false},
      {"stray</b1>", false},
      {"<script>", false},  // not a placeholder: does not tokenize
      {"a < b", false},     // not canonical unit text
  };
  for (const Case& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK(SlowCodableItself(c.text) == c.want);
    CHECK(Codable(c.text, c.text) == c.want);
  }
  std::mt19937 rng(19);
  int codable = 0, not_codable = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomText(&rng);
    CAPTURE(s);
    bool want = SlowCodableItself(s);
    REQUIRE(Codable(s, s) == want);
    // The source a separate copy: equal bytes, not the same string.
    std::string copy = s;
    REQUIRE(Codable(s, copy) == want);
    (want ? codable : not_codable)++;
  }
  int nested = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomMarkup(&rng);
    CAPTURE(s);
    bool want = SlowCodableItself(s);
    REQUIRE(Codable(s, s) == want);
    (want ? codable : not_codable)++;
    if (want && s.find("</") != std::string::npos) ++nested;
  }
  // Both answers were tried many times, and texts with paired codes.
  CHECK(codable > 1000);
  CHECK(not_codable > 1000);
  CHECK(nested > 100);
}

// A reference in XLIFF 1.2 as the writer made it before it scanned the
// line number from the end: the digits after the last ':', if all are.
std::string SlowContextGroup(const std::string& r) {
  size_t colon = r.rfind(':');
  bool line = colon != std::string::npos && colon + 1 < r.size() &&
              r.find_first_not_of("0123456789", colon + 1) == std::string::npos;
  std::string out = "<context context-type=\"sourcefile\">" +
                    SlowXmlText(line ? r.substr(0, colon) : r) + "</context>";
  if (line) out += "<context context-type=\"linenumber\">" + r.substr(colon + 1) + "</context>";
  return out;
}

TEST_CASE("XLIFF 1.2 splits references at their line numbers as before") {
  static const char* const kRefPieces[] = {"a.html", ":", "12", "0", "x", "1x", " ", "&", ""};
  std::mt19937 rng(31);
  std::uniform_int_distribution<size_t> count(0, 5);
  std::uniform_int_distribution<size_t> pick(0, std::size(kRefPieces) - 1);
  Catalog catalog;
  std::string want;
  for (int i = 0; i < 3000; ++i) {
    Message& m = catalog.messages.emplace_back();
    m.msgid = "entry " + std::to_string(i);
    std::string r;
    for (size_t n = count(rng); n > 0; --n) r += kRefPieces[pick(rng)];
    m.references.push_back(r);
    want += SlowContextGroup(r) + "\n";
  }
  Result<std::string> xliff = WriteXliff(catalog, XliffOptions());
  REQUIRE(xliff.ok());
  // Each <context-group>'s <context>s on one line.
  std::string got;
  const std::string& text = *xliff;
  for (size_t group = text.find("<context-group"); group != std::string::npos;
       group = text.find("<context-group", group + 1)) {
    size_t group_end = text.find("</context-group>", group);
    for (size_t at = text.find("<context ", group); at < group_end;
         at = text.find("<context ", at + 1)) {
      size_t end = text.find("</context>", at) + std::strlen("</context>");
      got += text.substr(at, end - at);
    }
    got += "\n";
  }
  CHECK(got == want);
}

}  // namespace
}  // namespace l10n
