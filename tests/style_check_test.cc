// The style rules (check/style_check.h): each on entries of one form, with
// the whole finding; the plain text and final punctuation they compare; the
// translator comment that turns them off.
#include "check/style_check.h"

#include <doctest/doctest.h>

#include <string>

#include "check_test_util.h"

namespace l10n {
namespace {

using testing::RunFormRule;

struct TextCase {
  const char* in;
  const char* want;
};

TEST_CASE("PlainText leaves tags out, decodes escapes, marks a self-closing placeholder") {
  const TextCase kCases[] = {
      {"plain", "plain"},
      {"See <a>the report</a>.", "See the report."},
      {"Date: <time/>", "Date: \xEF\xBF\xBC"},
      {"AT&amp;T", "AT&T"},
      {"<b>unclosed", "unclosed"},
  };
  for (const TextCase& c : kCases) {
    CAPTURE(std::string(c.in));
    CHECK(PlainText(c.in) == c.want);
  }
}

TEST_CASE("FinalPunctuation reads the marks after closing quotes and brackets") {
  const TextCase kCases[] = {
      {"Really?", "?"},
      {"\xC2\xAB"
       "S\xC3\xAD\xC2\xBB.",
       "."},
      {"Wait...", "\xE2\x80\xA6"},
      {"Wait\xE2\x80\xA6", "\xE2\x80\xA6"},
      {"What?!  \n", "?!"},
      {"(see below.)", "."},
      {"\"Quoted!\"", "!"},
      {"none", ""},
      {"", ""},
  };
  for (const TextCase& c : kCases) {
    CAPTURE(std::string(c.in));
    CHECK(FinalPunctuation(c.in) == c.want);
  }
}

TEST_CASE("IgnoredByComment: the style checks an entry's comment names, never the others") {
  Message m;
  m.translator_comments = {"a note", "l10n-check: ignore identical, punctuation"};
  CHECK(IgnoredByComment(m, Check::kIdentical));
  CHECK(IgnoredByComment(m, Check::kPunctuation));
  CHECK_FALSE(IgnoredByComment(m, Check::kWhitespace));
  CHECK_FALSE(IgnoredByComment(m, Check::kInvertedMarks));
  m.translator_comments = {"l10n-check: ignore unsafe,placeholder,whitespace"};
  CHECK_FALSE(IgnoredByComment(m, Check::kUnsafe));
  CHECK_FALSE(IgnoredByComment(m, Check::kPlaceholder));
  CHECK(IgnoredByComment(m, Check::kWhitespace));
  m.translator_comments = {"see l10n-check: ignore identical"};
  CHECK_FALSE(IgnoredByComment(m, Check::kIdentical));
}

struct RuleCase {
  void (*rule)(const EntryForm&, Findings*);
  const char* source;
  const char* target;
  const char* findings;  // as printed
};

TEST_CASE("the style rules: each finding in full") {
  const RuleCase kCases[] = {
      {CheckIdentical, "Youth Voices for Change", "Youth Voices for Change",
       "t.po:2:1: warning: translation is identical to the source: \"Youth Voices for Change\" "
       "[identical]\n"},
      {CheckIdentical, "2017", "2017", ""},                      // no letters
      {CheckIdentical, "\xE2\x82\xAC 5", "\xE2\x82\xAC 5", ""},  // nor "€"
      // Letters: ASCII, and U+00C0 to U+07FF (not CJK).
      {CheckIdentical, "\xCE\xA9 1", "\xCE\xA9 1",
       "t.po:2:1: warning: translation is identical to the source: \"\xCE\xA9 1\" [identical]\n"},
      {CheckIdentical, "\xE6\x97\xA5", "\xE6\x97\xA5", ""},
      {CheckIdentical, "<a/>", "<a/>", ""},
      {CheckIdentical, "Hola", "Hola!", ""},
      {CheckWhitespace, " Hello", "Hola",
       "t.po:2:1: warning: leading whitespace differs from the source [whitespace]\n"},
      {CheckWhitespace, "Hello\n", "Hola",
       "t.po:2:13: warning: trailing whitespace differs from the source [whitespace]\n"},
      {CheckWhitespace, " Hello ", "Hola",
       "t.po:2:1: warning: leading whitespace differs from the source [whitespace]\n"
       "t.po:2:13: warning: trailing whitespace differs from the source [whitespace]\n"},
      {CheckWhitespace, "\tHello ", "\tHola ", ""},
      {CheckPunctuation, "Really?", "De verdad.",
       "t.po:2:1: warning: the translation ends with '.', the source with '?' [punctuation]\n"},
      {CheckPunctuation, "Date: <time/>", "Fecha: <time/>", ""},
      {CheckPunctuation, "Read", "Lea:",
       "t.po:2:1: warning: the translation ends with ':', the source with no punctuation "
       "[punctuation]\n"},
      {CheckPunctuation, "Read.", "Lea",
       "t.po:2:1: warning: the translation ends with no punctuation, the source with '.' "
       "[punctuation]\n"},
      {CheckPunctuation, "Wait...", "Espere\xE2\x80\xA6", ""},
      {CheckInvertedMarks, "Thanks!", "Gracias!",
       "t.po:2:16: warning: '!' without an opening '\xC2\xA1' [inverted-marks]\n"},
      {CheckInvertedMarks, "Why?", "Por qu\xC3\xA9?",
       "t.po:2:17: warning: '?' without an opening '\xC2\xBF' [inverted-marks]\n"},
      {CheckInvertedMarks, "Thanks!", "\xC2\xA1Gracias!", ""},
      {CheckInvertedMarks, "What?!", "\xC2\xBFQu\xC3\xA9?!", ""},
      {CheckInvertedMarks, "What?!", "\xC2\xA1Qu\xC3\xA9?!", ""},
      {CheckInvertedMarks, "Yes! Why?", "\xC2\xA1S\xC3\xAD! Por qu\xC3\xA9?",
       "t.po:2:24: warning: '?' without an opening '\xC2\xBF' [inverted-marks]\n"},
      // The first only.
      {CheckInvertedMarks, "A! B!", "A! B!",
       "t.po:2:10: warning: '!' without an opening '\xC2\xA1' [inverted-marks]\n"},
  };
  for (const RuleCase& c : kCases) {
    CAPTURE(std::string(c.source));
    CAPTURE(std::string(c.target));
    CHECK(RunFormRule(c.rule, c.source, c.target) == c.findings);
  }
}

TEST_CASE("inverted-marks is a rule of Spanish only") {
  RuleContext english;
  english.language = "en";
  CHECK(RunFormRule(CheckInvertedMarks, "Thanks!", "Thanks!", english) == "");
}

}  // namespace
}  // namespace l10n
