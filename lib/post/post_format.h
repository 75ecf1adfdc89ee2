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
    };
    std::vector<Term> terms;
  } metadata;
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
