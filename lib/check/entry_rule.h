// The contract between the catalog checker (catalog_checker.h) and the
// rules it runs on each entry: what a rule sees of the catalog and of an
// entry, and where it reports. A rule is one function; the checker's tables
// list them (catalog_checker.h shows how to add one).
//
//   Message --EntryForm--> rule --Findings::Report--> Diagnostic (policy applied, located)
#ifndef L10N_CHECK_ENTRY_RULE_H_
#define L10N_CHECK_ENTRY_RULE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/check_id.h"
#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "check/check_policy.h"
#include "check/locator.h"
#include "post/post_format.h"

namespace l10n {

// What every entry's rules need to know of the catalog, from its header and
// the options it is checked with.
struct RuleContext {
  std::string language;    // expected, or the header's
  int nplurals = 0;        // of the header's Plural-Forms; 0 when unknown
  bool html = true;        // the HTML checks apply (CatalogCheckOptions::html)
  bool spanish = false;    // the translations are Spanish
  SegmentOptions segment;  // the project's: shortcodes
};

// One translated form of an entry: its msgstr against its msgid, or
// msgstr[i] against msgid (i = 0) or msgid_plural. Both sides are unit text
// (docs/units.md).
struct EntryForm {
  const Message& entry;
  const RuleContext& context;
  std::string_view keyword;  // "msgstr", "msgstr[1]": where the form is
  std::string_view source;
  std::string_view target;
  uint8_t source_classes;  // ByteClasses (unit/markup_check.h)
  uint8_t target_classes;
  std::string_view plain_source;  // PlainText (check/style_check.h)
  std::string_view plain_target;
};

// Where the rules on one catalog (or one part of it, check/catalog_checker.h)
// report: each finding at the level the policy gives its check, none when
// the policy ignores it, located in the file's text. `text`, `path` and
// `policy` must outlive it.
class Findings {
 public:
  Findings(std::string_view text, const std::string& path, const CheckPolicy& policy)
      : path_(path), policy_(policy), locator_(text) {}

  void Report(Check check, int line, int column, std::string message);
  // A warning at most, when the policy runs the check.
  void Warn(Check check, int line, int column, std::string message);
  // At the form's keyword line, column 1; at byte `offset` of its target.
  void AtKeyword(const EntryForm& form, Check check, std::string message);
  void AtTarget(const EntryForm& form, Check check, size_t offset, std::string message);

  // The line of `keyword` of entry `m` (Locator::KeywordLine).
  int KeywordLine(const Message& m, std::string_view keyword) {
    return locator_.KeywordLine(m.line, keyword);
  }
  Locator& locator() { return locator_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

 private:
  const std::string& path_;
  const CheckPolicy& policy_;
  Locator locator_;
  std::vector<Diagnostic> diagnostics_;
};

// The rows of the checker's tables. `check` names what the rule reports; the
// checker skips a rule whose check the policy ignores (or, for a style
// check, the entry's comment: style_check.h), so a rule reports that check
// only, or checks that cannot be ignored besides (kPlaceholder with kUnsafe).
struct EntryRule {  // on every entry but the header and obsolete ones
  Check check;
  void (*run)(const Message& entry, const RuleContext& context, Findings* out);
};
struct FormRule {  // on each form of a translated entry (not fuzzy)
  Check check;
  void (*run)(const EntryForm& form, Findings* out);
};

// A unit's text as a finding quotes it: escaped like a C string, cut at 60
// characters.
std::string QuoteForMessage(std::string_view text);

}  // namespace l10n

#endif  // L10N_CHECK_ENTRY_RULE_H_
