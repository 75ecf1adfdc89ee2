// The markup checks of an HTML post before gumbo parses it (docs/limits.md),
// in one linear pass: the tokenizer's part here (tags and their attributes,
// comments, doctypes, raw text and RCDATA skipped, <plaintext> to the end),
// the tree builder's in post/html_tree_model.h, which counts what the parser
// would build rather than the tags a post writes, and refuses what would
// cost gumbo more than linear time or memory. A <meta> declaring another
// encoding than UTF-8 is refused too (post/html_meta_charset.h).
#ifndef L10N_POST_HTML_PRESCAN_H_
#define L10N_POST_HTML_PRESCAN_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "base/input_limits.h"

namespace l10n {

// The first problem of `html` (already UTF-8 without NUL bytes): nesting
// over kMaxNesting, more than kMaxAttributes on a tag, more than
// kMaxFormatting formatting elements open, more than kMaxReopened elements
// reopened, or a <meta> declaring an encoding other than UTF-8. Linear time.
// `reopened`, when given, receives the count of elements the parser would
// reopen (up to the first problem).
std::optional<InputProblem> PrescanHtml(std::string_view html, size_t* reopened = nullptr);

}  // namespace l10n

#endif  // L10N_POST_HTML_PRESCAN_H_
