// The body of a Markdown post (CommonMark with GitHub's tables,
// strikethrough and autolinks) as units, parsed with md4c, whose text
// callbacks point into the source: the bytes of a unit that are not its
// text are its inline markers, each given to the placeholder it stands for
// (docs/markdown.md). Headings, paragraphs, list items, quotes and table
// cells are units, and the text of HTML blocks as HTML's
// (post/markdown_html_block.h); code blocks are not; Hugo shortcodes
// ({{< ... >}}, {{% ... %}}) and Liquid tags ({{ x }}, {% x %}) are
// protected placeholders.
//
// A block whose bytes cannot be accounted for exactly (every byte either
// text, a marker, a line break or a line prefix) is left out, copied as it
// is: never a merge that loses or moves a byte.
#ifndef L10N_POST_MARKDOWN_SEGMENTER_H_
#define L10N_POST_MARKDOWN_SEGMENTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "post/line_map.h"
#include "post/post_format.h"
#include "post/template_tags.h"

namespace l10n {

// The units of text[begin, end), the body after the front matter, with
// ranges in `text`, appended to `units`, and its links (the destinations
// of inline links and link reference definitions, in source order) to
// `links`. `slug` names the post in notes; warnings (HTML markup left
// untranslated) go to `sink`, located in `path`.
void SegmentMarkdownBody(std::string_view text, size_t begin, const std::string& path,
                         const std::string& slug, const LineMap& lines, DiagnosticSink* sink,
                         std::vector<Unit>* units, std::vector<Segmentation::Link>* links);

}  // namespace l10n

#endif  // L10N_POST_MARKDOWN_SEGMENTER_H_
