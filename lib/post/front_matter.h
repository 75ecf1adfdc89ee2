// The front matter of a Markdown post: YAML between "---" lines (yaml-cpp)
// or TOML between "+++" lines (toml++). The string values of the
// translatable keys (SegmentOptions::front_matter_keys) are attribute
// units whose range is the value as written, quotes included, so merge
// writes a translation in the value's own style when it can hold it, else
// double-quoted; `lang`/`language` is the page language; `slug`, `date`,
// `categories` and `tags` are read for the project (Segmentation::metadata),
// each category and tag string also as a term with its range and style,
// which merge rewrites as the taxonomy's name (render/merge.h). Every other
// byte is copied as it is (docs/markdown.md).
#ifndef L10N_POST_FRONT_MATTER_H_
#define L10N_POST_FRONT_MATTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/input_limits.h"
#include "post/front_matter_value.h"
#include "post/markdown_segmenter.h"
#include "post/post_format.h"

namespace l10n {

// Why the front matter cannot be read: never closed, or not valid YAML or
// TOML (the parser's message, where it found the error); nullopt when it
// can be, or the post has none.
std::optional<InputProblem> CheckFrontMatter(std::string_view text);

// Adds the front matter's units to seg->units, its language and metadata
// to `seg`; returns where the body starts (0: no front matter).
size_t SegmentFrontMatter(std::string_view text, const std::string& slug,
                          const SegmentOptions& options, const LineMap& lines, Segmentation* seg);

}  // namespace l10n

#endif  // L10N_POST_FRONT_MATTER_H_
