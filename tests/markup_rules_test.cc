// The markup rules where translations meet the project
// (check/markup_rules.h): shortcodes a translation adds, category names, and
// an entry's markup findings where they are.
#include "check/markup_rules.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "check_test_util.h"

namespace l10n {
namespace {

std::string Dump(const std::vector<MarkupIssue>& issues) {
  std::string out;
  for (const MarkupIssue& issue : issues) {
    out += std::string(CheckName(issue.check)) + "@" + std::to_string(issue.offset) + ": " +
           issue.message + "\n";
  }
  return out;
}

TEST_CASE("CheckShortcodes: a shortcode the source does not have is unsafe") {
  struct Case {
    const char* source;
    const char* translation;
    const char* issues;
  };
  const Case kCases[] = {
      {"See [gallery]", "Vea [gallery]", ""},
      {"Photo", "Foto [embed]http://x[/embed]",
       "unsafe@0: shortcode not in the source: '[embed]'\n"
       "unsafe@0: shortcode not in the source: '[/embed]'\n"},
      {"One [b]", "Uno [b] [b]", "unsafe@0: shortcode not in the source: '[b]'\n"},
      // Text with brackets is no shortcode when they are escaped ("[[x]]").
      {"[[gallery]] is how", "[[gallery]] es como", ""},
      // At the start of the text that holds it.
      {"<a>x</a>", "<a>y</a> [embed]", "unsafe@8: shortcode not in the source: '[embed]'\n"},
  };
  SegmentOptions on;
  on.shortcodes = true;
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.translation));
    std::vector<MarkupIssue> issues;
    CheckShortcodes(c.source, c.translation, on, &issues);
    CHECK(Dump(issues) == c.issues);
    issues.clear();
    CheckShortcodes(c.source, c.translation, SegmentOptions(), &issues);
    CHECK(issues.empty());
  }
}

TEST_CASE("CheckCategoryNames: the names a merged page shows, checked as translations") {
  struct Case {
    const char* en;
    const char* es;
    const char* label;   // of the English post's link
    const char* issues;  // "lang: check@offset: message"
  };
  const Case kCases[] = {
      {"Field visit", "Visita de campo", "Field visit", ""},
      {"Field visit", "Visita <b>de</b> campo", "Field visit",
       "es: unsafe@7: markup not in the source: '<b>'\n"},
      // A name the label holds is its own text.
      {"Visit", "Visita", "Field <i>Visit</i>", ""},
      // An English name refused: the Spanish one is checked against the label.
      {"Visit\u202E", "Visita", "Visit",
       "en: unsafe@5: bidirectional control character U+202E is not in the source\n"},
      {"", "Visita\u0007", "Visit",
       "es: unsafe@6: control character U+0007 is not in the source\n"},
  };
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.es));
    Category category;
    category.slug = "visit";
    if (*c.en) category.names["en"] = c.en;
    category.names["es"] = c.es;
    std::string got;
    for (const CategoryNameIssue& i : CheckCategoryNames(category, c.label, "en", "es")) {
      got += i.lang + ": " + Dump({i.issue});
    }
    CHECK(got == c.issues);
  }
}

TEST_CASE("CheckFormMarkup: each issue where it is in the msgstr, when the HTML checks apply") {
  CHECK(testing::RunFormRule(CheckFormMarkup, "Read <a>this</a>.", "Lea <a>esto</a>.") == "");
  CHECK(testing::RunFormRule(CheckFormMarkup, "Read <a>this</a>.", "Lea \\<a>esto</a>") == "");
  CHECK(testing::RunFormRule(CheckFormMarkup, "Read <a>this</a>.", "Lea esto. <b>x</b>") ==
        "t.po:2:9: error: placeholder '<a>' is missing [placeholder]\n"
        "t.po:2:19: error: placeholder '<b>' is not in the source [placeholder]\n");
  RuleContext not_html = testing::SpanishContext();
  not_html.html = false;
  CHECK(testing::RunFormRule(CheckFormMarkup, "x", "<script>", not_html) == "");
  RuleContext shortcodes = testing::SpanishContext();
  shortcodes.segment.shortcodes = true;
  CHECK(testing::RunFormRule(CheckFormMarkup, "Photo", "Foto \"[embed]\"", shortcodes) ==
        "t.po:2:9: error: shortcode not in the source: '[embed]' [unsafe]\n");
}

}  // namespace
}  // namespace l10n
