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

namespace l10n {

enum class UnitKind {
  kTitle,
  kHeading,
  kParagraph,
  kListItem,
  kTerm,
  kDefinition,
  kTableHeader,
  kTableCell,
  kTableCaption,
  kFigureCaption,
  kQuote,
  kBlock,       // text of another block container (div, section, footer, ...)
  kPreformatted,  // a <pre> of a prose class (a poem): its line breaks kept
  kAltText,     // alt="..."
  kTitleText,   // title="..."
  kLabelText,   // aria-label, placeholder
  kMetaText,    // <meta name="description" content>, og:title, ...
};

// Human-readable name of the kind, for translator notes ("figure caption").
const char* UnitKindName(UnitKind kind);

struct Range {
  size_t begin = 0;
  size_t end = 0;  // one past the last byte
  bool empty() const { return begin == end; }
};

struct CategoryLink {
  Range start_tag;     // <a rel="category tag" href="...">
  Range end_tag;       // </a>, empty when omitted
  std::string slug;    // from the href, or from the label
  std::string label;   // the text the source shows
};

struct Placeholder {
  enum class Kind {
    kPaired,    // <em>..</em>: start and end tags restored from the source
    kVoid,      // <br/>, <img/>: the tag restored from the source
    kOpaque,    // <code/>, translate="no": the whole element copied verbatim
    kDate,      // <time/>: <time datetime> rendered with ICU in the target
    kCategory,  // <category/>: one or more category links, re-rendered
    kComment,   // <comment/>: an HTML comment (<!--more-->), copied verbatim
  };
  Kind kind = Kind::kPaired;
  std::string name;  // as it appears in the msgid: "a", "a2", "time", ...
  Range start_tag;   // kPaired, kVoid, kDate: the start tag
  Range end_tag;     // kPaired, kDate: the end tag (empty when omitted)
  Range element;     // kOpaque, kCategory, kDate, kComment: the whole extent
  std::string datetime;                 // kDate
  std::vector<CategoryLink> categories;  // kCategory, in source order
  std::string verbatim_text;            // kOpaque: its visible text; kComment: its
                                        // text; a shortcode: its tags; for notes
  std::string shortcode;                // a shortcode tag: its name
  bool shortcode_closing = false;       // while segmenting: [/name]
  bool shortcode_self_closing = false;  // [name /]
};

struct Unit {
  UnitKind kind = UnitKind::kParagraph;
  std::string text;                    // the msgid, see docs/units.md
  std::optional<std::string> context;  // msgctxt (data-l10n-context)
  std::string note;                    // for translators: "figure caption"
  int line = 0;                        // of range.begin, 1-based
  int column = 0;
  Range range;  // the source bytes the translation replaces
  // Attribute units: the value's quote character, or 0 when unquoted (merge
  // then adds double quotes around the whole range).
  bool is_attribute = false;
  char quote = '"';
  // False for units without words whose placeholders merge must still
  // render (a date or a category on its own): never extracted.
  bool translatable = true;
  std::vector<Placeholder> placeholders;

  // A stable id derived from msgctxt + msgid (16 hex digits).
  std::string Id() const;
  bool HasDynamicPlaceholders() const;  // a date or a category
};

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

// The id of a unit with this msgctxt and msgid (Unit::Id).
std::string UnitId(const std::optional<std::string>& context, std::string_view text);

}  // namespace l10n

#endif  // L10N_POST_HTML_SEGMENTER_H_
