// The post stage: a post in some format (HTML, Markdown) becomes units and a
// segmentation, and a translated unit goes back into the post in that
// format's escaping (docs/units.md).
//
//   post --PostFormat::Segment--> Segmentation { units, page language }
//   Segmentation + translations --MergePost (render/merge.h), through
//     PostFormat::AppendText / RenderAttribute / ImpliedEndTag /
//     LanguageEdit--> localized post
//
// A format is one class implementing PostFormat, in its own file pair under
// lib/post/ (post/html_format.h), and one row in the registry that picks it
// by file name (post/post_formats.cc). Everything above this stage speaks of
// units and segmentations only.
#ifndef L10N_POST_POST_FORMAT_H_
#define L10N_POST_POST_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/input_limits.h"
#include "base/language_tag.h"  // Segmentation::lang is read with PrimaryLanguage
#include "unit/unit.h"
#include "unit/unit_text.h"

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
  // The links of the page, inside units and outside them, in source order:
  // the href of every <a> and <area> (HTML), the destination of every
  // inline link and link reference definition (Markdown; not images, not
  // autolinks, whose text is their URL). Merge rewrites those that name a
  // page of the site (render/site_links.h).
  struct Link {
    enum class Syntax { kHtml, kMarkdown };
    Syntax syntax = Syntax::kHtml;
    Range range;      // the URL as written: without quotes, without "<" ">"
    char quote = 0;   // HTML: '"', '\'' or 0 (unquoted); Markdown: '<' or 0
    std::string url;  // decoded (character references, backslash escapes)
    bool operator==(const Link&) const = default;
  };
  std::vector<Link> links;
  // What a Markdown post's front matter says of the post (empty for HTML,
  // whose categories are links in the text): `slug`, `date` as written,
  // `categories` and `tags` (a list or one string), in source order.
  struct Metadata {
    std::string slug;
    std::string date;
    std::vector<std::string> categories;
    std::vector<std::string> tags;
    // Each string value of `categories` and `tags`, in source order, where
    // it is written: extract learns them into the taxonomy, merge writes
    // each as its name in the target language (docs/markdown.md).
    struct Term {
      enum class Kind { kCategory, kTag };
      Kind kind = Kind::kCategory;
      std::string name;  // decoded
      std::string slug;  // as Hugo makes it (post/category_link.h CategorySlug)
      Range range;       // the value as written, quotes included
      char quote = 0;    // its style (post/front_matter_value.h FrontMatterQuote)
      int line = 0;      // of range.begin, 1-based
      int column = 0;
      bool operator==(const Term&) const = default;
    };
    std::vector<Term> terms;
    bool operator==(const Metadata&) const = default;
  } metadata;
  // Where the site's metadata goes (render/site_head.h writes it; docs/site_head.md).
  // HTML (post/html_head.h): the document head's children that say which
  // page this is and which are its translations, and the language
  // switchers. Markdown (post/front_matter.h): where the front matter can
  // take the post's slug. `found` is false when there is no such place (a
  // Markdown post without front matter).
  struct Head {
    bool found = false;
    // HTML: before an explicit </head> (at the start of its line when only
    // white space precedes it there), else where the parser ends the
    // implied head (after its last child). Markdown: where a line with a
    // top-level key can go (YAML: before the closing "---"; TOML: after
    // the opening "+++", before any [table]).
    size_t insert_at = 0;
    bool at_line_start = false;  // insert_at begins a line
    std::string indent;          // HTML: the white space before the head's children
    std::string eol = "\n";      // "\r\n" when the post's lines end so
    // A <link> or <meta> of the head: the element, and the value of its
    // href or content attribute without quotes (`quote`: its quote, 0 for
    // none; `valueless`: the attribute is written without a value);
    // `key`: the hreflang of an alternate, lowercased.
    struct Tag {
      Range element;
      Range value;
      char quote = 0;
      bool valueless = false;
      std::string key;
      bool operator==(const Tag&) const = default;
    };
    std::vector<Tag> alternates;            // <link rel="alternate" hreflang>
    std::vector<Tag> canonicals;            // <link rel="canonical">
    std::vector<Tag> og_locales;            // <meta property="og:locale">
    std::vector<Tag> og_locale_alternates;  // <meta property="og:locale:alternate">
    std::vector<Tag> og_urls;               // <meta property="og:url">
    bool has_open_graph = false;            // any other <meta property="og:...">
    // An <a data-l10n-alternate="LANG"> anywhere in the page: its start
    // tag, its href (as in Tag; `has_href` false when absent), where an
    // attribute can be added (after "<a"), and whether it is hidden.
    struct Switcher {
      std::string lang;  // the attribute's value, as written
      Range start_tag;
      Tag href;
      bool has_href = false;
      size_t attribute_at = 0;
      bool hidden = false;
      bool operator==(const Switcher&) const = default;
    };
    std::vector<Switcher> switchers;
    // Markdown: the front matter's syntax ('-' YAML, '+' TOML), its
    // `slug` value as written, quotes included (empty range: no slug, or
    // one that is not a string found exactly) and its style
    // (post/front_matter_value.h), and whether it has the keys `slug` and
    // `translationKey` (in any case, as Hugo reads them).
    char syntax = 0;
    Range slug;
    char slug_quote = 0;
    bool has_slug_key = false;
    bool has_translation_key = false;
    bool operator==(const Head&) const = default;
  } head;
  bool operator==(const Segmentation&) const = default;
};

// What the site's posts hold besides their format's markup (project
// settings, docs/configuration.md).
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
  // The front-matter keys of a Markdown post whose string values are
  // translated, at any depth (an image's `alt` under `images:`); every
  // other value is copied as it is (po4a's yfm_keys).
  std::vector<std::string> front_matter_keys = {"title",    "description", "summary",
                                                "subtitle", "alt",         "caption"};
};

class PostFormat {
 public:
  virtual ~PostFormat() = default;

  // The first reason to refuse `text` as a post of this format, before it
  // is segmented (post/post_input.h); nullopt when it may be read.
  virtual std::optional<InputProblem> CheckInput(std::string_view text) const = 0;

  // The units of `text` (which CheckInput accepted) and its page language.
  // Never fails; problems that leave text untranslated are warnings to the
  // sink, located in `path`.
  virtual Segmentation Segment(std::string_view text, const std::string& path,
                               const SegmentOptions& options, DiagnosticSink* sink) const = 0;

  // Appends decoded text (a text token of a translation, a date, a category
  // label) as content of a unit, in the format's escaping.
  virtual void AppendText(std::string_view text, std::string* out) const = 0;

  // The bytes that replace the range of an attribute unit (is_attribute)
  // for the tokens of its translation: the text tokens, escaped as the
  // unit's value; placeholder tokens have nothing to stand for there.
  virtual std::string RenderAttribute(const Unit& unit, const std::vector<Token>& tokens) const = 0;

  // The end tag merge writes after a rendered date (kDate) or category
  // label (kCategory) whose element's end tag the source leaves out.
  virtual std::string_view ImpliedEndTag(Placeholder::Kind kind) const = 0;

  // The bytes that replace `segmentation.lang_range` (has_lang_edit) so the
  // page declares the language `lang`.
  virtual std::string LanguageEdit(const Segmentation& segmentation,
                                   std::string_view lang) const = 0;
};

}  // namespace l10n

#endif  // L10N_POST_POST_FORMAT_H_
