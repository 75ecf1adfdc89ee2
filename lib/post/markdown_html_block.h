// The units of a Markdown post's HTML block (CommonMark 4.6): the block's
// bytes segmented as an HTML post's (post/html_segmenter.h), ranges and
// line:col in the post, each unit marked Unit::embedded_html so that merge
// escapes a translation as HTML (post/html_format.h). What HTML leaves out
// stays out: comments, <script>, <style>, code <pre>, and an element marked
// translate="no" with everything inside it (and Markdown after an HTML
// block that leaves one open: markdown_html_scope.h).
//
// A block inside a quote or list item has the container's prefix ("> ")
// on each of its lines: a unit over a line with such a prefix is left out,
// as is a unit holding a Hugo shortcode or template tag, and a prose <pre>
// (its line breaks could end the block).
#ifndef L10N_POST_MARKDOWN_HTML_BLOCK_H_
#define L10N_POST_MARKDOWN_HTML_BLOCK_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "post/line_map.h"
#include "unit/unit.h"

namespace l10n {

// `lines` are the ranges in `text` of the block's lines as the parser read
// them (without container prefixes), in order; `template_tags` the post's
// (FindTemplateTags). The units are appended to `units`; warnings (markup
// left untranslated) go to `sink`, located in `path`.
void SegmentMarkdownHtmlBlock(std::string_view text, const std::vector<Range>& lines,
                              const std::vector<Range>& template_tags, const std::string& path,
                              const std::string& slug, const LineMap& line_map,
                              DiagnosticSink* sink, std::vector<Unit>* units);

}  // namespace l10n

#endif  // L10N_POST_MARKDOWN_HTML_BLOCK_H_
