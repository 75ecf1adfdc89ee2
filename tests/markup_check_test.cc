// The markup check of a translation against its source (unit/markup_check.h):
// each case is a source, a translation and every issue, "check@offset:
// message" (" (kept)" when merge publishes it anyway).
#include "unit/markup_check.h"

#include <doctest/doctest.h>

#include <string>

#include "base/check_id.h"

namespace l10n {
namespace {

struct MarkupCase {
  const char* source;
  const char* translation;
  const char* issues;  // "check@offset: message" lines
};

TEST_CASE("CheckMarkup: what merge refuses and what it lets through") {
  const MarkupCase kCases[] = {
      {"See <a>the report</a>.", "Vea <a>el informe</a>.", ""},
      {"Read <a>this</a>.", "Lea esto.", "placeholder@0: placeholder '<a>' is missing (kept)\n"},
      // WordPress reads a comment (<!--more-->): left out, the page changes.
      {"Before. <comment/>After.", "Antes. Después.",
       "placeholder@0: the HTML comment '<comment/>' is missing\n"},
      {"A<comment1/>B<comment2/>", "A<comment2/>B<comment1/>", ""},
      {"A <comment/>B", "A <comment/>B<comment2/>",
       "placeholder@13: placeholder '<comment2/>' is not in the source\n"},
      {"AT&T and <b>more</b>", "AT&T y <b>más</b>", ""},
      {"Use &amp;lt; in HTML", "Use &amp;lt; en HTML", ""},
      // A tag the source has no placeholders like is foreign markup.
      {"a &lt; b", "a &lt; b <b>x</b>", "unsafe@9: markup not in the source: '<b>'\n"},
      {"<a>One</a> two", "<a>Uno</a> <b>dos</b>",
       "placeholder@11: placeholder '<b>' is not in the source\n"},
      {"Go to https://example.org", "Vaya a https://example.org", ""},
      {"Photo", "Foto https://evil.example",
       "unsafe@5: URL scheme 'https:' is not in the source\n"},
      {"Data: 2017", "Datos: data:text/html,<b>",
       "unsafe@7: URL scheme 'data:' is not in the source\n"
       "unsafe@22: markup not in the source: '<b>'\n"},
      {"Hello", "Hola\x07", "unsafe@4: control character U+0007 is not in the source\n"},
      {"Tab\there", "Tab\taquí", ""},
      {"Click", "Haga clic JaVa\tScRiPt:alert(1)",
       "unsafe@10: URL scheme 'javascript:' is not in the source\n"},
      {"x", "y ONMOUSEOVER = 1", "unsafe@2: attribute 'onmouseover=' is not in the source\n"},
      // Catalogs of other tools hold HTML with attributes in the msgid: the
      // translation may use the source's tags, byte for byte, and no other.
      {"Edit <span class=\"screen-reader-text\">%s</span>",
       "Editar <span class=\"screen-reader-text\">%s</span>", ""},
      {"Edit <span class=\"screen-reader-text\">%s</span>",
       "Editar <span class=\"Screen-Reader-Text\">%s</span>",
       "unsafe@7: markup not in the source: '<span class=\"Screen-Reader-Text\">'\n"},
      {"Read <a>more</a>", "Lea <a>más</a> &nbsp;",
       "unsafe@16: entity '&nbsp;' is not in the source\n"},
      // Invisible characters, by their Unicode properties: every bidi
      // control (LRM and RLM too), C0 and C1 controls, format and default
      // ignorable characters...
      {"Hello", "\u200EHola\u200F",
       "unsafe@0: bidirectional control character U+200E is not in the source\n"
       "unsafe@7: bidirectional control character U+200F is not in the source\n"},
      {"Hello", "Ho\u2067la\u061C",
       "unsafe@2: bidirectional control character U+2067 is not in the source\n"
       "unsafe@7: bidirectional control character U+061C is not in the source\n"},
      {"Hello", "Ho\u200Bla\uFEFF\u2060 \u3164",
       "unsafe@2: invisible character U+200B is not in the source\n"
       "unsafe@7: invisible character U+FEFF is not in the source\n"
       "unsafe@10: invisible character U+2060 is not in the source\n"
       "unsafe@14: invisible character U+3164 is not in the source\n"},
      {"Hello", "Hola\r\u0085\u00A0",
       "unsafe@4: control character U+000D is not in the source\n"
       "unsafe@5: control character U+0085 is not in the source\n"},
      {"Hello", "Hola\U000E0041", "unsafe@4: invisible character U+E0041 is not in the source\n"},
      // ... but those ordinary text needs: line feed and tab, the soft
      // hyphen, ZWNJ (Persian), ZWJ and variation selectors (emoji), tag
      // characters in an emoji tag sequence (the flag of Scotland).
      {"Hello", "Ho\tla\ncon\u00ADtinua", ""},
      {"Coder",
       "\U0001F469\u200D\U0001F4BB \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 "
       "\u2764\uFE0F",
       ""},
      {"Scotland", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F Escocia",
       ""},
      {"Numbers", "\u0600\u0661\u0662", ""},
      // A character the source has is no injection.
      {"\u200FShalom\u200E", "\u200FShalom\u200E!", ""},
      {"a\u200Bb", "a\u200Bb\u200B", ""},
  };
  for (const MarkupCase& c : kCases) {
    CAPTURE(c.translation);
    std::string got;
    for (const MarkupIssue& issue : CheckMarkup(c.source, c.translation)) {
      got += std::string(CheckName(issue.check)) + "@" + std::to_string(issue.offset) + ": " +
             issue.message + (issue.blocks_merge ? "" : " (kept)") + "\n";
    }
    CHECK(got == c.issues);
  }
}

}  // namespace
}  // namespace l10n
