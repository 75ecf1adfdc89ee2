// WordPress shortcode tags in text (post/shortcode.h), as l10n-check and
// merge compare a translation's with its source's.
#include "post/shortcode.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace l10n {
namespace {

std::string Dump(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& t : tags) out += "[" + t + "]";
  return out;
}

TEST_CASE("ShortcodeTagsIn") {
  struct Case {
    const char* text;
    std::vector<std::string> names;
    const char* want;
  };
  const Case kCases[] = {
      {"See [gallery ids=\"1\"] and [caption]x[/caption]",
       {},
       "[[gallery ids=\"1\"]][[caption]][[/caption]]"},
      {"[audio src=\"a.mp3\" /] [1] [ x ] [a", {}, "[[audio src=\"a.mp3\" /]][[1]]"},
      // "[[name]]" is the literal text "[name]".
      {"Write [[gallery]] here", {}, ""},
      // Only the names the project lists.
      {"See [1] in [gallery]", {"gallery"}, "[[gallery]]"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    SegmentOptions options;
    options.shortcodes = true;
    options.shortcode_names = c.names;
    CHECK(Dump(ShortcodeTagsIn(c.text, options)) == c.want);
    // Off by default: brackets are text.
    CHECK(ShortcodeTagsIn(c.text, SegmentOptions()).empty());
  }
}

}  // namespace
}  // namespace l10n
