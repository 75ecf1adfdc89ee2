// The registry of post formats: which PostFormat (post/post_format.h) reads
// a post, chosen by its file name. Adding a format is one file pair under
// lib/post/ and one row in post_formats.cc.
#ifndef L10N_POST_POST_FORMATS_H_
#define L10N_POST_POST_FORMATS_H_

#include <string_view>

#include "post/post_format.h"

namespace l10n {

// The format of the post at `path`, by its extension (".html", ".htm",
// compared without regard to case). A post no format claims is read as
// HTML, the default format.
const PostFormat& PostFormatFor(std::string_view path);

}  // namespace l10n

#endif  // L10N_POST_POST_FORMATS_H_
