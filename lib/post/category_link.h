// A category link of a post (<a rel="category tag" href=".../category/slug/">
// Label</a>, WordPress's markup): the slug it names and the names its label
// shows. The segmenter reads them into a CategoryLink (unit/unit.h); extract
// learns the taxonomy from them, and merge renders them in the target
// language (render/category_format.h).
#ifndef L10N_POST_CATEGORY_LINK_H_
#define L10N_POST_CATEGORY_LINK_H_

#include <string>
#include <string_view>
#include <vector>

namespace l10n {

// The slug an href names: the last non-empty path segment after "/category/"
// or "/categoria/" ("https://example.org/category/blog-fieldvisit/" ->
// "blog-fieldvisit"; a trailing "page/N" is skipped), else the value of a
// "cat", "category_name" or "category" query parameter ("?cat=events"), kept
// verbatim (no percent-decoding). When the href names none, a slug made from
// `label`: transliterated to ASCII ("Any-Latin; Latin-ASCII; Lower"), every
// run of other characters turned into one '-', none at either end
// ("Educación & Niñez" -> "educacion-ninez"). Empty when the label has no
// letter or digit.
std::string CategorySlug(std::string_view href, std::string_view label);

// Splits a bilingual label as the site shows it ("Blog fieldvisit / Visita de
// campo") into {first, second}, trimmed, at the first '/' with white space
// (ASCII or U+00A0) on both sides and text on either; "Agua/Saneamiento"
// stays whole. One trimmed element when there is no such separator.
std::vector<std::string> SplitBilingualLabel(std::string_view label);

}  // namespace l10n

#endif  // L10N_POST_CATEGORY_LINK_H_
