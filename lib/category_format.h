// Category labels rendered for a page language with a display pattern, an ICU
// MessageFormat with named arguments:
//   {en}, {es}, ...  the category's name in that language
//   {name}           the name in the page's language
//   {other}          the name in the other language of the site
// The defaults reproduce the site: English pages "{en} / {es}" ("Blog
// fieldvisit / Visita de campo"), Spanish pages "{es} / {en}". A monolingual
// pattern is "{name}". A name missing in a language falls back to the other.
#ifndef L10N_CATEGORY_FORMAT_H_
#define L10N_CATEGORY_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "status.h"
#include "taxonomy.h"

namespace l10n {

// The default display pattern for a page language ("en" -> "{en} / {es}").
std::string DefaultCategoryPattern(std::string_view page_lang, std::string_view other_lang);

// Errors: the pattern does not parse as MessageFormat (message quotes it).
Result<std::string> FormatCategoryLabel(std::string_view pattern, std::string_view page_lang,
                                        std::string_view other_lang, const Category& category);

// Joins already rendered items with ICU's ListFormatter for `locale`
// ("a, b and c"; es "a, b y c"). Items are copied verbatim, so they may hold
// markup.
Result<std::string> JoinList(const std::vector<std::string>& items, std::string_view locale);

}  // namespace l10n

#endif  // L10N_CATEGORY_FORMAT_H_
