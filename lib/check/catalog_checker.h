// l10n-check on one catalog: reads a PO or XLIFF file's entries and runs
// every rule of l10n-check on them, giving findings in file order and the
// catalog's coverage (docs/check.md).
//
//   catalog text --CheckCatalogText--> CheckReport (findings + CatalogSummary)
//
// The header entry goes to the header rules (header_check.h). Each other
// entry, unless obsolete, runs the rows of two tables in catalog_checker.cc,
// in order:
//
//   kEntryRules: {Check::kHeader, CheckPluralCount},     // plural_check.h
//                {Check::kFuzzy, CheckFuzzy}, ...        // translation_state.h
//   kFormRules, on each msgstr[i] of a translated entry:
//                {Check::kUnsafe, CheckFormMarkup},      // markup_rules.h
//                {Check::kIdentical, CheckIdentical}, ... // style_check.h
//
// Adding a check: a Check id (base/check_id.h, with its name), one function
// that reports it to Findings (entry_rule.h) in the file of its group, and
// one row here; its default level in check_policy.cc, its words in
// docs/check.md.
#ifndef L10N_CHECK_CATALOG_CHECKER_H_
#define L10N_CHECK_CATALOG_CHECKER_H_

#include <optional>
#include <string>
#include <string_view>

#include "check/check_policy.h"
#include "check/check_report.h"
#include "post/post_format.h"

namespace l10n {

struct CatalogCheckOptions {
  bool is_template = false;
  std::string language;         // expected Language; empty: take the header's
  std::string source_language;  // empty: the header's X-Source-Language
  SegmentOptions segment;       // the project's: shortcodes (CheckShortcodes)
  // Whether the HTML checks (unsafe, placeholder) apply: to catalogs of this
  // project's posts, not to a C or Python program's. nullopt: decided by the
  // header, the X-Source-Language field l10n-extract writes (XLIFF: yes).
  std::optional<bool> html;
};

// Checks one catalog or template (its bytes; XLIFF when `path` says so).
// Adds findings, in file order, and a summary to *report. Returns false when
// the file does not parse. A large PO file is checked in two halves on two
// threads.
bool CheckCatalogText(std::string_view text, const std::string& path,
                      const CatalogCheckOptions& options, const CheckPolicy& policy,
                      CheckReport* report);

}  // namespace l10n

#endif  // L10N_CHECK_CATALOG_CHECKER_H_
