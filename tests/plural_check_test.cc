// The plural rules (check/plural_check.h): a header's Plural-Forms, and the
// number of forms of a plural entry.
#include "check/plural_check.h"

#include <doctest/doctest.h>

#include <string>

#include "check_test_util.h"

namespace l10n {
namespace {

TEST_CASE("CheckPluralFormsField: missing, invalid, or not the language's nplurals") {
  struct Case {
    std::optional<std::string> value;
    const char* language;
    const char* findings;
  };
  const Case kCases[] = {
      {"nplurals=2; plural=(n != 1);", "es", ""},
      {"nplurals=1; plural=0;", "xx", ""},  // gettext has no rule for it
      {std::nullopt, "es", "t.po:2:1: error: header field 'Plural-Forms' is missing [header]\n"},
      {"", "es", "t.po:2:1: error: header field 'Plural-Forms' is missing [header]\n"},
      {"nplurals=1; plural=0;", "es",
       "t.po:7:3: error: Plural-Forms has nplurals=1, but 'es' has 2 plural forms [header]\n"},
      {"nplurals=2; plural=n;", "es",
       "t.po:7:3: error: invalid Plural-Forms: for n = 2 the expression gives form 2, but "
       "nplurals is 2 [header]\n"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.value.value_or("(none)"));
    CheckPolicy policy;
    std::string path = "t.po";
    Findings findings("", path, policy);
    CheckPluralFormsField(c.value, c.language, 2, {7, 3}, &findings);
    CHECK(testing::Rendered(findings.diagnostics()) == c.findings);
  }
}

TEST_CASE("CheckPluralCount: a plural entry with other than nplurals forms") {
  struct Case {
    int forms;
    int nplurals;
    const char* findings;
  };
  const Case kCases[] = {
      {2, 2, ""},
      {3, 0, ""},  // nplurals unknown
      {3, 2, "t.po:1:1: error: 3 plural forms, but Plural-Forms says nplurals=2 [header]\n"},
      {1, 2, "t.po:1:1: error: 1 plural forms, but Plural-Forms says nplurals=2 [header]\n"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.forms);
    testing::OneEntry one("One", "Uno");
    one.entry.msgid_plural = "Many";
    one.entry.msgstr.assign(static_cast<size_t>(c.forms), "x");
    RuleContext context;
    context.nplurals = c.nplurals;
    CheckPolicy policy;
    std::string path = "t.po";
    Findings findings(one.text, path, policy);
    CheckPluralCount(one.entry, context, &findings);
    CHECK(testing::Rendered(findings.diagnostics()) == c.findings);
  }
  // Not a plural entry: no forms to count.
  testing::OneEntry single("One", "Uno");
  RuleContext context;
  context.nplurals = 3;
  CheckPolicy policy;
  std::string path = "t.po";
  Findings findings(single.text, path, policy);
  CheckPluralCount(single.entry, context, &findings);
  CHECK(findings.diagnostics().empty());
}

}  // namespace
}  // namespace l10n
