// The markup rules (unit/markup_check.h) where translations meet the
// project: a catalog entry's placeholder and unsafe findings, the WordPress
// shortcodes a translation adds, and the taxonomy's category names.
// l10n-check reports them; l10n-merge refuses what they block, in the same
// words.
//
//   EntryForm --CheckFormMarkup--> Findings
//   Category + link label --CheckCategoryNames--> CategoryNameIssue
#ifndef L10N_CHECK_MARKUP_RULES_H_
#define L10N_CHECK_MARKUP_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "catalog/taxonomy.h"
#include "check/entry_rule.h"
#include "post/post_format.h"
#include "post/shortcode.h"
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

// The markup findings of a translated form (CheckMarkup, CheckShortcodes),
// each where it is in the target, when the catalog's HTML checks apply.
void CheckFormMarkup(const EntryForm& form, Findings* out);

}  // namespace l10n

#endif  // L10N_CHECK_MARKUP_RULES_H_
