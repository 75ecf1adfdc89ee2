// The attributes of an HTML post that the segmenter (post/html_segmenter.h)
// reads: translatable attribute values as units (alt, title, aria-label,
// placeholder, the content of <meta name="description"> and of the Open
// Graph and Twitter titles and descriptions), and <html lang>, where merge
// writes the target language.
#ifndef L10N_POST_HTML_ATTRIBUTES_H_
#define L10N_POST_HTML_ATTRIBUTES_H_

#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "post/html_source_map.h"
#include "post/post_format.h"
#include "unit/unit.h"

namespace l10n {

// Appends the units of `el`'s translatable attributes, in context
// `context`, with notes naming the post `slug`. None for an element the
// parser made up, nor for a pragma or encoding declaration (<meta
// http-equiv>, <meta charset>): an instruction to the browser, whatever
// other attributes say, which a translator must not control.
void CollectAttributeUnits(const GumboElement& el, const std::optional<std::string>& context,
                           const HtmlSourceMap& map, std::string_view slug,
                           std::vector<Unit>* units);

// The page language of the document `root` into *segmentation: lang,
// lang_range, lang_attribute_present, has_lang_edit (Segmentation).
void FindPageLanguage(const GumboNode* root, const HtmlSourceMap& map, Segmentation* segmentation);

}  // namespace l10n

#endif  // L10N_POST_HTML_ATTRIBUTES_H_
