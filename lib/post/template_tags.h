// Template tags in a Markdown post's body: Hugo shortcodes and Liquid or
// Go template tags, which the Markdown segmenter protects as placeholders.
#ifndef L10N_POST_TEMPLATE_TAGS_H_
#define L10N_POST_TEMPLATE_TAGS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "unit/unit.h"

namespace l10n {

// The template tags of text from `begin`, as [begin, end) ranges in order:
// Hugo shortcodes ({{< ... >}}, {{% ... %}}), Liquid (Jekyll) and Go
// template tags ({{ ... }}, {% ... %}). An opening without its close is
// text.
std::vector<Range> FindTemplateTags(std::string_view text, size_t begin);

}  // namespace l10n

#endif  // L10N_POST_TEMPLATE_TAGS_H_
