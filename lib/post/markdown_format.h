// The Markdown post format (PostFormat, post/post_format.h): CommonMark
// with GitHub's tables, strikethrough and autolinks (md4c,
// markdown_segmenter.h) under a YAML or TOML front matter
// (front_matter.h), a translation escaped for Markdown
// (markdown_escape.h). docs/markdown.md.
#ifndef L10N_POST_MARKDOWN_FORMAT_H_
#define L10N_POST_MARKDOWN_FORMAT_H_

#include "post/post_format.h"

namespace l10n {

// The one instance; it holds no state.
const PostFormat& MarkdownPostFormat();

}  // namespace l10n

#endif  // L10N_POST_MARKDOWN_FORMAT_H_
