// The state rules (check/translation_state.h): obsolete, fuzzy and
// untranslated entries, at their msgid.
#include "check/translation_state.h"

#include <doctest/doctest.h>

#include <string>

#include "check_test_util.h"

namespace l10n {
namespace {

TEST_CASE("CheckObsolete, CheckFuzzy, CheckUntranslated: each entry's state in full") {
  struct Case {
    void (*rule)(const Message&, const RuleContext&, Findings*);
    bool obsolete, fuzzy;
    const char* msgstr;
    const char* findings;
  };
  const Case kCases[] = {
      {CheckObsolete, true, false, "Viejo", "t.po:1:1: warning: obsolete: \"Old\" [obsolete]\n"},
      {CheckObsolete, false, false, "Viejo", ""},
      {CheckFuzzy, false, true, "Viejo", "t.po:1:1: error: fuzzy: \"Old\" [fuzzy]\n"},
      {CheckFuzzy, false, false, "Viejo", ""},
      {CheckUntranslated, false, false, "",
       "t.po:1:1: error: untranslated: \"Old\" [untranslated]\n"},
      {CheckUntranslated, false, true, "", ""},  // fuzzy says it
      {CheckUntranslated, false, false, "Viejo", ""},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.findings);
    testing::OneEntry one("Old", c.msgstr);
    one.entry.obsolete = c.obsolete;
    if (c.fuzzy) one.entry.flags.push_back("fuzzy");
    CheckPolicy policy;
    std::string path = "t.po";
    Findings findings(one.text, path, policy);
    c.rule(one.entry, RuleContext(), &findings);
    CHECK(testing::Rendered(findings.diagnostics()) == c.findings);
  }
}

}  // namespace
}  // namespace l10n
