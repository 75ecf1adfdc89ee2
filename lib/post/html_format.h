// The HTML5 post format (PostFormat, post/post_format.h): the checks of
// post/post_input.h and html_prescan.h, the segmenter of html_segmenter.h
// (gumbo), and HTML's escaping of text and attribute values
// (html_escape.h).
#ifndef L10N_POST_HTML_FORMAT_H_
#define L10N_POST_HTML_FORMAT_H_

#include "post/post_format.h"

namespace l10n {

// The one instance; it holds no state.
const PostFormat& HtmlPostFormat();

// The escaping of HTML inside a post of another format (Unit::embedded_html,
// a Markdown post's HTML block): HTML's, with every run of white space
// written as one space, so that no line break of a translation ends the
// block (CommonMark ends most HTML blocks at a blank line). Merge uses its
// AppendText, RenderAttribute and ImpliedEndTag only.
const PostFormat& EmbeddedHtmlPostFormat();

}  // namespace l10n

#endif  // L10N_POST_HTML_FORMAT_H_
