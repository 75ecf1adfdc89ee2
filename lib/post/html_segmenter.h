// Segments an HTML5 post into translatable units (see docs/units.md).
//
//   post.html --SegmentHtml--> Segmentation { units, lang edit }
//
// The HTML format's Segment (post/html_format.h).
//
// A unit is the inline content of a block-level text container (title,
// headings, p, li, dt/dd, td/th, caption, figcaption, ...), or the value of a
// translatable attribute (alt, title, meta description, ...). Inline elements
// inside a unit become placeholders that keep the tag name but not the
// attributes ("see <a>the report</a>"); the attributes are restored from the
// source at merge, so a translator can neither break nor inject them.
//
// Every unit records the byte range of the source it stands for; merge copies
// every byte outside those ranges unchanged. The HTML parser (gumbo) stays
// behind the post/html_* modules: the walk of blocks and inline runs is
// here; which elements are blocks, inline, void or skipped is in
// html_elements.h, white space and decoding in html_text.h, where nodes are
// in the source in html_source_map.h, attribute units and <html lang> in
// html_attributes.h, shortcodes in shortcode.h, and the text, placeholder
// names and notes of a unit in unit_builder.h.
#ifndef L10N_POST_HTML_SEGMENTER_H_
#define L10N_POST_HTML_SEGMENTER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "post/post_format.h"
#include "unit/unit.h"

namespace l10n {

// Segments `html`. `path` is used only in diagnostics (e.g. a <time
// datetime> that is not a date is reported as a warning and left as an
// ordinary inline element). Never fails: any byte string parses as HTML5.
Segmentation SegmentHtml(std::string_view html, const std::string& path, DiagnosticSink* sink);
Segmentation SegmentHtml(std::string_view html, const std::string& path,
                         const SegmentOptions& options, DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_POST_HTML_SEGMENTER_H_
