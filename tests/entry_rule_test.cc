// Findings and QuoteForMessage (check/entry_rule.h): the policy applied to
// what a rule reports, where it is located, how a unit is quoted.
#include "check/entry_rule.h"

#include <doctest/doctest.h>

#include <string>

#include "check_test_util.h"

namespace l10n {
namespace {

using testing::OneEntry;
using testing::Rendered;

TEST_CASE("Findings: at the policy's level, nothing when ignored, located in the text") {
  OneEntry one("Hello", "Hola\tmundo");
  CheckPolicy policy;
  REQUIRE(policy.Set(Check::kIdentical, std::nullopt).ok());
  REQUIRE(policy.Set(Check::kObsolete, Severity::kError).ok());
  std::string path = "t.po";
  Findings findings(one.text, path, policy);
  RuleContext context;
  EntryForm form{one.entry, context, "msgstr", "Hello", "Hola\tmundo", 0, 0, "", ""};
  findings.Report(Check::kObsolete, 1, 1, "reported");
  findings.Report(Check::kIdentical, 1, 1, "ignored");
  findings.Warn(Check::kObsolete, 2, 3, "a warning at most");
  findings.Warn(Check::kIdentical, 2, 3, "ignored too");
  findings.AtKeyword(form, Check::kWhitespace, "at the keyword");
  findings.AtTarget(form, Check::kPunctuation, 5, "at a byte after an escape");
  CHECK(findings.KeywordLine(one.entry, "msgstr") == 2);
  CHECK(Rendered(findings.diagnostics()) ==
        "t.po:1:1: error: reported [obsolete]\n"
        "t.po:2:3: warning: a warning at most [obsolete]\n"
        "t.po:2:1: warning: at the keyword [whitespace]\n"
        "t.po:2:15: warning: at a byte after an escape [punctuation]\n");
}

TEST_CASE("QuoteForMessage escapes like C and cuts at 60 characters") {
  struct Case {
    std::string in;
    const char* want;
  };
  const Case kCases[] = {
      {"Hello", "\"Hello\""},
      {"a\"b\\c\nd\te", "\"a\\\"b\\\\c\\nd\\te\""},
      {std::string(60, 'x'), "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""},
      {std::string(61, 'x'), "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\""},
      // Characters, not bytes; an invalid byte is one.
      {std::string(30, 'x') + std::string(30, '\xFF'),
       "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
       "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF"
       "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\""},
      {[] {
         std::string s;
         for (int i = 0; i < 61; ++i) s += "\xC3\xA9";
         return s;
       }(),
       "\"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
       "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
       "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
       "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
       "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
       "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9...\""},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.in);
    CHECK(QuoteForMessage(c.in) == c.want);
  }
}

}  // namespace
}  // namespace l10n
