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

}  // namespace l10n

#endif  // L10N_POST_HTML_FORMAT_H_
