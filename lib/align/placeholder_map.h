// A translation's own markup renamed to its source unit's placeholders.
// Both units come from segmenting a post (post/), each from its own page:
// the translated page's <a href="/x"> is its unit's "<a2>", and stands for
// the source's "<a1>" when the source's start tag names the same target.
// Placeholders are matched by PlaceholderKey (align/align_features.h), in
// order among those with the same key. A translation whose markup cannot be
// mapped, or whose mapped text CheckMarkup (unit/markup_check.h) would block,
// keeps its text only, and says so: untrusted markup never reaches a
// catalog.
//
//   source unit + translated units --MapPlaceholders--> msgstr
#ifndef L10N_ALIGN_PLACEHOLDER_MAP_H_
#define L10N_ALIGN_PLACEHOLDER_MAP_H_

#include <string>
#include <string_view>
#include <vector>

#include "unit/unit.h"

namespace l10n {

struct MappedTranslation {
  std::string text;             // unit text in the source's placeholder names
  bool markup_removed = false;  // the translation's markup could not be mapped
};

// `translations` (one, or two that a 1-2 alignment joins with a space), from
// `translation_bytes`, as a translation of `source`, from `source_bytes`.
MappedTranslation MapPlaceholders(const Unit& source, std::string_view source_bytes,
                                  const std::vector<const Unit*>& translations,
                                  std::string_view translation_bytes);

}  // namespace l10n

#endif  // L10N_ALIGN_PLACEHOLDER_MAP_H_
