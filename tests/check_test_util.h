// What the tests of lib/check/ share: an entry written as a PO file, a rule
// run on it, its findings rendered as l10n-check prints them.
#ifndef L10N_TESTS_CHECK_TEST_UTIL_H_
#define L10N_TESTS_CHECK_TEST_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "check/check_policy.h"
#include "check/entry_rule.h"
#include "check/style_check.h"
#include "unit/markup_check.h"

namespace l10n::testing {

// Findings one a line, as l10n-check prints them.
inline std::string Rendered(const std::vector<Diagnostic>& findings) {
  std::string out;
  for (const Diagnostic& d : findings) out += d.Render() + "\n";
  return out;
}

// A C string literal of PO for `s`.
inline std::string PoQuoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// One entry, "msgid SOURCE" on line 1 and "msgstr TARGET" on line 2 of
// "t.po", with `comments` as its translator comments.
struct OneEntry {
  OneEntry(std::string_view source, std::string_view target, std::vector<std::string> comments = {})
      : text("msgid " + PoQuoted(source) + "\nmsgstr " + PoQuoted(target) + "\n") {
    entry.line = 1;
    entry.msgid = std::string(source);
    entry.msgstr = {std::string(target)};
    entry.translator_comments = std::move(comments);
  }
  std::string text;
  Message entry;
};

// A Spanish catalog of this project's posts.
inline RuleContext SpanishContext() {
  RuleContext context;
  context.language = "es";
  context.spanish = true;
  return context;
}

// The findings of form rule `rule` on "msgid SOURCE / msgstr TARGET", under
// the default policy.
inline std::string RunFormRule(void (*rule)(const EntryForm&, Findings*), std::string_view source,
                               std::string_view target,
                               const RuleContext& context = SpanishContext()) {
  OneEntry one(source, target);
  CheckPolicy policy;
  std::string path = "t.po";
  Findings findings(one.text, path, policy);
  uint8_t source_classes = ByteClasses(source), target_classes = ByteClasses(target);
  Plain plain_source(source, source_classes), plain_target(target, target_classes);
  EntryForm form{one.entry,
                 context,
                 "msgstr",
                 source,
                 target,
                 source_classes,
                 target_classes,
                 plain_source.text(),
                 plain_target.text()};
  rule(form, &findings);
  return Rendered(findings.diagnostics());
}

}  // namespace l10n::testing

#endif  // L10N_TESTS_CHECK_TEST_UTIL_H_
