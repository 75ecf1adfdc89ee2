// Segments an HTML5 post into translatable units (see docs/units.md).
//
//   post.html --SegmentHtml--> Segmentation { units, lang edit }
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
// behind this module.
#ifndef L10N_POST_HTML_SEGMENTER_H_
#define L10N_POST_HTML_SEGMENTER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/language_tag.h"
#include "unit/unit.h"

namespace l10n {

struct Segmentation {
  std::string lang;  // <html lang>, as written; empty when absent
  // Where merge writes the target language: the lang value's range (without
  // quotes); an empty range at the insertion point after "<html" when the
  // attribute is absent; the attribute as written ("lang=") when it has no
  // value (`lang_attribute_present` is false then). `has_lang_edit` is
  // false when the page has no explicit <html> tag.
  Range lang_range;
  bool lang_attribute_present = false;
  bool has_lang_edit = false;
  std::vector<Unit> units;  // in source order
};

// What the site's HTML holds besides HTML (project settings,
// docs/configuration.md).
struct SegmentOptions {
  // WordPress shortcodes ([gallery], [caption ...]...[/caption], [audio /]):
  // each tag is a protected placeholder, never text; a unit of shortcodes
  // only is not extracted. Off by default: brackets are text elsewhere.
  bool shortcodes = false;
  // The shortcode names to read as such; empty: any name.
  std::vector<std::string> shortcode_names;
  // A <pre> with one of these classes is prose (Gutenberg's verse and
  // preformatted blocks), its whitespace kept as it is; any other <pre>
  // (wp-block-code) is code, never extracted.
  std::vector<std::string> prose_pre_classes = {"wp-block-verse", "wp-block-preformatted"};
};

// Segments `html`. `path` is used only in diagnostics (e.g. a <time
// datetime> that is not a date is reported as a warning and left as an
// ordinary inline element). Never fails: any byte string parses as HTML5.
Segmentation SegmentHtml(std::string_view html, const std::string& path, DiagnosticSink* sink);
Segmentation SegmentHtml(std::string_view html, const std::string& path,
                         const SegmentOptions& options, DiagnosticSink* sink);

// The shortcode tags `options` reads in decoded text, as written
// ("[gallery ids=\"1\"]", "[/caption]"), in order; none when shortcodes
// are off. A translation must not write one the source text does not have.
std::vector<std::string> ShortcodeTagsIn(std::string_view text, const SegmentOptions& options);

}  // namespace l10n

#endif  // L10N_POST_HTML_SEGMENTER_H_
