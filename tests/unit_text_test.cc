// The unit-text syntax (unit/unit_text.h): tokens as a compact dump, every
// error message whole, the escaping of decoded text, word counts.
#include "unit/unit_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace l10n {
namespace {

// "text@0{Read }open@5{a}..." or "error: <message>".
std::string DumpTokens(std::string_view text) {
  Result<std::vector<Token>> tokens = TokenizeUnitText(text);
  if (!tokens.ok()) return "error: " + tokens.status().message();
  static const char* const kType[] = {"text", "open", "close", "self"};
  std::string out;
  for (const Token& t : *tokens) {
    out += std::string(kType[t.type]) + "@" + std::to_string(t.offset) + "{" + t.text + "}";
  }
  return out;
}

TEST_CASE("TokenizeUnitText") {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case kCases[] = {
      {"", ""},
      {"Read <a>the report</a> of <time/>.<br2/>",
       "text@0{Read }open@5{a}text@8{the report}close@18{a}text@22{ of }self@26{time}"
       "text@33{.}self@34{br2}"},
      // The two escapes decode; any other '&' is itself.
      {"a &lt; b &amp;lt; AT&T &amp; &gt;", "text@0{a < b &lt; AT&T & &gt;}"},
      // '<' before a space, a digit or nothing is text.
      {"a < b <3 <", "text@0{a < b <3 <}"},
      {"<x-y>z</x-y>", "open@0{x-y}text@5{z}close@6{x-y}"},
      // Tag-like markup that is no placeholder tag, quoted up to its '>'
      // (at most 40 bytes).
      {"Hi <script src=x>", "error: markup that is not a placeholder: '<script src=x>'"},
      {"<!-- c -->", "error: markup that is not a placeholder: '<!-- c -->'"},
      {"</div >", "error: markup that is not a placeholder: '</div >'"},
      {"<?php", "error: markup that is not a placeholder: '<?php'"},
      {"<a", "error: markup that is not a placeholder: '<a'"},
      {"<b/ >", "error: markup that is not a placeholder: '<b/ >'"},
      {"<span class=\"a-very-long-class-name-that-goes-on\">x</span>",
       "error: markup that is not a placeholder: '<span class=\"a-very-long-class-name-that'"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    CHECK(DumpTokens(c.text) == c.want);
  }
}

TEST_CASE("AppendUnitText escapes what would read as a tag or an escape") {
  struct Case {
    const char* decoded;
    const char* want;
  };
  const Case kCases[] = {
      {"a < b", "a &lt; b"},
      {"<b>", "&lt;b>"},
      {"&lt; and &amp;", "&amp;lt; and &amp;amp;"},
      {"AT&T &gt; &", "AT&T &gt; &"},
      {"", ""},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.decoded);
    std::string out;
    AppendUnitText(c.decoded, &out);
    CHECK(out == c.want);
    // And back: the text token is the decoded text.
    if (*c.decoded) CHECK(DumpTokens(out) == "text@0{" + std::string(c.decoded) + "}");
  }
}

TEST_CASE("word counts skip placeholders") {
  struct Case {
    const char* text;
    int want;
  };
  const Case kCases[] = {
      {"See <a>the report</a> now.<br/>", 4},
      {"", 0},
      {"  two\twords\n", 2},
      {"a &lt; b", 3},
      {"<b>bold</b>face", 2},
      {"broken <script src=x>", 0},  // not unit text: no words counted
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    CHECK(CountWords(c.text) == c.want);
  }
}

}  // namespace
}  // namespace l10n
