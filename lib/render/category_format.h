// Category labels rendered for a page language with a display pattern, an ICU
// MessageFormat with named arguments:
//   {en}, {es}, ...  the category's name in that language
//   {name}           the name in the page's language
//   {other}          the name in the other language of the site
// The defaults reproduce the site: English pages "{en} / {es}" ("Blog
// fieldvisit / Visita de campo"), Spanish pages "{es} / {en}". A monolingual
// pattern is "{name}". A name missing in a language falls back to the other
// language's, then to the slug; a third language ({fr}) falls back to {name}.
// A language argument with a region is written with '_' ({pt_BR} for
// "pt-BR"), as '-' cannot appear in a MessageFormat argument name. Numbered
// or other arguments ({0}, {lang}) are errors.
//
// Apostrophes are special in MessageFormat patterns (not in the names, which
// are inserted as they are): '' is one apostrophe, '{' or '{name}' quotes
// braces, and a lone apostrophe before other text stays ("It's {name}" works
// as written, but "'{name}'" prints "{name}"; write "''{name}''" for a quoted
// name).
#ifndef L10N_RENDER_CATEGORY_FORMAT_H_
#define L10N_RENDER_CATEGORY_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "catalog/taxonomy.h"

namespace l10n {

// The default display pattern for a page language ("en" -> "{en} / {es}").
std::string DefaultCategoryPattern(std::string_view page_lang, std::string_view other_lang);

// `page_lang` also picks the MessageFormat locale; "es-PE" finds "es" names.
// Errors: the pattern does not parse as MessageFormat or uses an argument
// other than those above; the message quotes it:
//   invalid category pattern '{en / {es}': syntax error
Result<std::string> FormatCategoryLabel(std::string_view pattern, std::string_view page_lang,
                                        std::string_view other_lang, const Category& category);

// Joins already rendered items with ICU's ListFormatter for `locale`
// ("a, b, and c"; es "a, b y c"). Items are copied verbatim, so they may hold
// markup: ICU formats each item's visible text (tags and comments removed,
// leading white space dropped; entities are not decoded), and the items are
// put back in the places it reports, so a connector that depends on the next
// word follows that word, not the markup (es "a e <a href=...>hilo</a>").
// Errors: invalid locale, an item that is not valid UTF-8, ICU failure.
Result<std::string> JoinList(const std::vector<std::string>& items, std::string_view locale);

}  // namespace l10n

#endif  // L10N_RENDER_CATEGORY_FORMAT_H_
