// The unit: what a translator translates, one msgid, and the placeholders
// that stand for the source's inline markup inside it (docs/units.md).
//
//   post --PostFormat::Segment--> Units --> catalog --> merge
//
// Every stage above speaks of units; only post/ knows the formats they come
// from. A unit records the byte range of the source it stands for, so merge
// copies every other byte unchanged, and each placeholder the source ranges
// its tags came from, so a translator can neither break nor inject them.
#ifndef L10N_UNIT_UNIT_H_
#define L10N_UNIT_UNIT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  kBlock,         // text of another block container (div, section, footer, ...)
  kPreformatted,  // a <pre> of a prose class (a poem): its line breaks kept
  kAltText,       // alt="..."
  kTitleText,     // title="..."
  kLabelText,     // aria-label, placeholder
  kMetaText,      // <meta name="description" content>, og:title, ...
};

// Human-readable name of the kind, for translator notes ("figure caption").
const char* UnitKindName(UnitKind kind);

struct Range {
  size_t begin = 0;
  size_t end = 0;  // one past the last byte
  bool empty() const { return begin == end; }
  bool operator==(const Range&) const = default;
};

struct CategoryLink {
  Range start_tag;    // <a rel="category tag" href="...">
  Range end_tag;      // </a>, empty when omitted
  std::string slug;   // from the href, or from the label
  std::string label;  // the text the source shows
  bool operator==(const CategoryLink&) const = default;
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
  std::string name;                      // as it appears in the msgid: "a", "a2", "time", ...
  Range start_tag;                       // kPaired, kVoid, kDate: the start tag
  Range end_tag;                         // kPaired, kDate: the end tag (empty when omitted)
  Range element;                         // kOpaque, kCategory, kDate, kComment: the whole extent
  std::string datetime;                  // kDate
  std::vector<CategoryLink> categories;  // kCategory, in source order
  std::string verbatim_text;             // kOpaque: its visible text; kComment: its
                                         // text; a shortcode: its tags; for notes
  // kPaired, a Markdown shortcut or collapsed reference link ("[text]",
  // "[text][]"): the text as the source writes it, the label that names
  // the link's definition. When the translated text differs, merge closes
  // the link with "][label]" instead of the source's end tag, so that it
  // still names its definition.
  std::string reference_label;
  std::string shortcode;                // a shortcode tag: its name
  bool shortcode_closing = false;       // while segmenting: [/name]
  bool shortcode_self_closing = false;  // [name /]
  bool operator==(const Placeholder&) const = default;
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
  // HTML inside a post of another format (a Markdown post's HTML block):
  // merge escapes its text as HTML's, not as the post's format does
  // (post/html_format.h, EmbeddedHtmlPostFormat).
  bool embedded_html = false;
  // False for units without words whose placeholders merge must still
  // render (a date or a category on its own): never extracted.
  bool translatable = true;
  std::vector<Placeholder> placeholders;

  // A stable id derived from msgctxt + msgid (16 hex digits).
  std::string Id() const;
  bool HasDynamicPlaceholders() const;  // a date or a category
  bool operator==(const Unit&) const = default;
};

// The id of a unit with this msgctxt and msgid (Unit::Id).
std::string UnitId(const std::optional<std::string>& context, std::string_view text);

}  // namespace l10n

#endif  // L10N_UNIT_UNIT_H_
