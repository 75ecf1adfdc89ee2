// WordPress shortcodes ([gallery ids="1"], [caption]...[/caption], [audio /])
// in the text of a post, found as WordPress finds them (get_shortcode_regex).
// With shortcodes on (SegmentOptions, post/post_format.h) the segmenter
// makes each tag a protected placeholder; l10n-check and merge refuse a
// translation that writes a tag its source does not have.
#ifndef L10N_POST_SHORTCODE_H_
#define L10N_POST_SHORTCODE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "post/post_format.h"

namespace l10n {

struct ShortcodeTag {
  size_t begin = 0;  // the '[' in the text
  size_t end = 0;    // one past the ']'
  std::string name;
  bool closing = false;       // [/name]
  bool self_closing = false;  // [name ... /]
};

// The shortcode tags of `text`, in order, of the given names (empty: any
// name). "[[name]]" is WordPress's escape for the literal text "[name]": no
// tag. Linear time.
std::vector<ShortcodeTag> FindShortcodeTags(std::string_view text,
                                            const std::vector<std::string>& names);

// The shortcode tags `options` reads in decoded text, as written
// ("[gallery ids=\"1\"]", "[/caption]"), in order; none when shortcodes
// are off. A translation must not write one the source text does not have.
std::vector<std::string> ShortcodeTagsIn(std::string_view text, const SegmentOptions& options);

}  // namespace l10n

#endif  // L10N_POST_SHORTCODE_H_
