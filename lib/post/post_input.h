// What a post must be before its format's parser sees it (docs/limits.md):
// at most kMaxPostBytes, UTF-8 without NUL bytes, and, for HTML, markup the
// parser builds in linear time (post/html_prescan.h). The tools refuse a
// post that fails, with the problem's location; nothing of it is read.
//
//   post bytes --CheckPostInput--> problem | (segment, post_format.h)
#ifndef L10N_POST_POST_INPUT_H_
#define L10N_POST_POST_INPUT_H_

#include <optional>
#include <string_view>

#include "base/input_limits.h"

namespace l10n {

// The checks of a post's bytes that every format shares: the size cap, then
// the first invalid UTF-8 or NUL byte. Linear time.
std::optional<InputProblem> CheckPostBytes(std::string_view text);

// The first reason to refuse `html` as an HTML post, or nullopt:
// CheckPostBytes, then PrescanHtml. Linear time.
std::optional<InputProblem> CheckPostInput(std::string_view html);

}  // namespace l10n

#endif  // L10N_POST_POST_INPUT_H_
