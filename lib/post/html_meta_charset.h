// The encoding a post's <meta> declares (WHATWG HTML "extracting a
// character encoding from a meta element"): posts must be UTF-8, and the
// prescan (post/html_prescan.h) refuses a <meta charset> or
// <meta http-equiv="Content-Type"> that says otherwise.
#ifndef L10N_POST_HTML_META_CHARSET_H_
#define L10N_POST_HTML_META_CHARSET_H_

#include <optional>
#include <string>
#include <vector>

#include "post/html_tree_rules.h"

namespace l10n {

// The encoding label the attributes of a <meta> start tag declare, as
// written, when it is not one the HTML encoding sniffing algorithm reads as
// UTF-8; nullopt when they declare none or a UTF-8 one.
std::optional<std::string> NonUtf8MetaEncoding(const std::vector<TagAttribute>& attributes);

}  // namespace l10n

#endif  // L10N_POST_HTML_META_CHARSET_H_
