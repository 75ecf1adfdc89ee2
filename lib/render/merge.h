// Rebuilds a post in a target language (docs/units.md):
//
//   post --PostFormat::Segment--> Segmentation --MergePost(+translations,
//   ICU dates, categories)--> localized post
//
// Every byte outside the units' ranges is copied unchanged; <html lang>
// becomes the target language; dates and category links are rendered for
// the target. A unit without a usable translation falls back to its source
// text. Merging a post into its own language with translations equal to the
// msgids gives the post back byte for byte.
#ifndef L10N_RENDER_MERGE_H_
#define L10N_RENDER_MERGE_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/taxonomy.h"
#include "post/post_format.h"
#include "render/date_format.h"
#include "render/text_edit.h"

namespace l10n {

struct Translation {
  std::string text;
  std::string path;  // where it comes from, for diagnostics
  int line = 0;
  // Line and column of a byte of `text` in its file, when known.
  std::function<std::pair<int, int>(size_t offset)> locate;
};

struct MergeOptions {
  std::string source_lang;  // the post's language ("en")
  std::string target_lang;  // the language to write ("es")
  DateStyle date_style = DateStyle::kLong;
  // MessageFormat for category labels on target pages; empty: the default.
  std::string category_pattern;
  // A translation of a unit: nullopt when the catalog has none (missing,
  // empty or fuzzy).
  std::function<std::optional<Translation>(const Unit&)> translate;
  // A category name in the target language when the taxonomy lacks it
  // (the catalog's msgctxt "category" entry).
  std::function<std::optional<Translation>(std::string_view source_name)> translate_category;
  // Its names in the target language are translations too, located in the
  // file the taxonomy was read from.
  const Taxonomy* taxonomy = nullptr;
  // As the posts were segmented: with shortcodes, a translation that writes
  // a shortcode tag of its own is rejected.
  SegmentOptions segment;
  // Changes to the bytes outside the units (the site's links and <head>
  // metadata, render/site_links.h and site_head.h), applied as they are.
  std::vector<TextEdit> edits;
};

struct MergeResult {
  std::string html;
  int units = 0;       // translatable units
  int translated = 0;  // of those, with a translation used
  int words = 0;
  int translated_words = 0;
  std::vector<const Unit*> untranslated;  // into the segmentation
  // Front-matter categories and tags with no name in the target language
  // (taxonomy or catalog), kept as written; into the segmentation.
  std::vector<const Segmentation::Metadata::Term*> untranslated_terms;
  bool unsafe = false;  // a translation was rejected: do not publish
};

// `path` names the post in diagnostics and picks its format
// (post/post_formats.h), in whose escaping the translations are written.
// Errors (a translation that adds markup, a broken category pattern) go to
// the sink with the translation's location, in the words and with the check
// name of l10n-check (CheckMarkup); the unit falls back to its source and
// result.unsafe is set for rejected translations. Category names in the
// target language, from the taxonomy or the catalog, are translations like
// any other: checked against the name in the source language by the same
// rules, and rejected the same way. Front-matter categories and tags
// (Segmentation::metadata.terms) are written as their names in the target
// language, each in its value's own YAML or TOML style, quoted when that
// style cannot hold the name; one without a name there is kept as written
// (render/merge_terms.h finds their categories).
MergeResult MergePost(std::string_view html, const std::string& path,
                      const Segmentation& segmentation, const MergeOptions& options,
                      DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_RENDER_MERGE_H_
