// The logic of l10n-check, the CI gate: findings about a project's catalogs
// and the statistics it prints (docs/check.md).
//
//   catalog text --CheckCatalogText--> findings + coverage
//
// Each finding is a Diagnostic whose `check` names the rule ("untranslated",
// "unsafe", ...); a CheckPolicy decides which rules are errors, warnings or
// ignored. CheckMarkup is shared with l10n-merge, which refuses to publish a
// translation it blocks, with the same message.
#ifndef L10N_CHECK_CHECK_H_
#define L10N_CHECK_CHECK_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/check_id.h"
#include "base/diagnostic.h"
#include "base/status.h"
#include "catalog/catalog.h"
#include "catalog/taxonomy.h"
#include "post/html_segmenter.h"
#include "unit/markup_check.h"

namespace l10n {


// With WordPress shortcodes on (SegmentOptions), a shortcode tag in the
// translation's text that the source's text does not have is kUnsafe
// (WordPress would run it): "shortcode not in the source: '[embed]'".
void CheckShortcodes(std::string_view source, std::string_view translation,
                     const SegmentOptions& options, std::vector<MarkupIssue>* issues);

// A problem of a category's name in one language.
struct CategoryNameIssue {
  std::string lang;  // the name's language, a key of Category::names
  MarkupIssue issue;
};

// The names of `category` that a page merged from `source_lang` into
// `target_lang` shows, checked as translations, since translators edit the
// taxonomy as they edit catalogs: the name in the source language against
// `label`, the text of the post's link (the source itself: a name the label
// holds is its own text), the name in the target language against the name
// in the source language, or against `label` when that one is refused.
// Blocking problems only (CheckMarkup). l10n-merge and l10n-check both apply
// this to every category link of every post.
std::vector<CategoryNameIssue> CheckCategoryNames(const Category& category, std::string_view label,
                                                  const std::string& source_lang,
                                                  const std::string& target_lang);

// Line and column (bytes, 1-based) in `po_text`, the file `m` was read
// from, of byte `offset` of its msgstr (msgstr[0] for a plural entry).
std::pair<int, int> LocateInTranslation(std::string_view po_text, const Message& m, size_t offset);

// The line of the msgid of `m`, read from `po_text`.
int MsgidLine(std::string_view po_text, const Message& m);

// What makes a PO catalog unusable to the tools, reported as errors: no
// header entry, a charset other than UTF-8, a Plural-Forms that does not
// evaluate. `text` is the file the catalog was read from (for locations).
bool ValidateHeaderForTools(const Catalog& catalog, std::string_view text,
                            const std::string& path, DiagnosticSink* sink);

// Which checks are errors, which warnings, which ignored.
class CheckPolicy {
 public:
  CheckPolicy();  // the defaults: docs/check.md

  std::optional<Severity> severity(Check check) const {
    return severity_[static_cast<int>(check)];
  }
  // Errors: syntax, duplicate, encoding and unsafe cannot be lowered, since
  // l10n-merge refuses such catalogs anyway.
  Status Set(Check check, std::optional<Severity> severity);
  // Untranslated and fuzzy strings become warnings, and a catalog less than
  // `percent` translated an error (kCoverage).
  void SetMinCoverage(int percent);
  int min_coverage() const { return min_coverage_; }

 private:
  std::array<std::optional<Severity>, kCheckCount> severity_;
  int min_coverage_ = -1;
};

// Strings and words, translated or not.
struct Coverage {
  int strings = 0;
  int translated = 0;  // not fuzzy
  int fuzzy = 0;
  int untranslated = 0;
  int words = 0;  // of the sources
  int translated_words = 0;

  void Add(bool is_translated, bool is_fuzzy, int word_count);
  int Percent() const;  // translated strings, rounded down; 100 when none
};

struct CatalogSummary {
  std::string path;
  std::string language;         // of the translations; empty for a template
  std::string source_language;  // empty when unknown
  bool is_template = false;
  bool read = false;  // parsed without a syntax error
  Coverage total;
  std::vector<std::pair<std::string, Coverage>> posts;  // by #: reference file
};

struct CheckReport {
  std::vector<Diagnostic> findings;  // each with its check (notes follow)
  std::vector<CatalogSummary> catalogs;

  int errors() const;
  int warnings() const;
};

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

// Checks one catalog or template (its bytes). Adds findings, in file order,
// and a summary to *report. Returns false when the file does not parse. A
// large file is checked in two halves on two threads.
bool CheckCatalogText(std::string_view text, const std::string& path,
                      const CatalogCheckOptions& options, const CheckPolicy& policy,
                      CheckReport* report);

// Output formats. Text: findings to `diagnostics` (gcc style), the summary
// to `summary`. JSON and GitHub Actions workflow commands: one string.
void FormatText(const CheckReport& report, std::string* diagnostics, std::string* summary);
std::string FormatJson(const CheckReport& report);
std::string FormatGithub(const CheckReport& report);

// A unit's text as a finding quotes it: escaped like a C string, cut at 60
// characters.
std::string QuoteForMessage(std::string_view text);

}  // namespace l10n

#endif  // L10N_CHECK_CHECK_H_
