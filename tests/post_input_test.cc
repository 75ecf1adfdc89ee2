// The checks of a post's bytes every format shares (post/post_input.h): each
// case is a post and "offset: message", or "" when it is accepted. The
// markup checks of HTML are in html_prescan_test.cc.
#include "post/post_input.h"

#include <doctest/doctest.h>

#include <string>

namespace l10n {
namespace {

std::string Check(const std::string& text) {
  std::optional<InputProblem> problem = CheckPostBytes(text);
  return problem ? std::to_string(problem->offset) + ": " + problem->message : "";
}

TEST_CASE("CheckPostBytes") {
  struct Case {
    std::string text;
    const char* want;
  };
  const Case kCases[] = {
      {"<p>Caf\xC3\xA9</p>", ""},
      {"", ""},
      {std::string("<p>a\0b</p>", 10), "4: NUL byte in the post"},
      {"<p>Caf\xE9</p>", "6: invalid UTF-8 byte '\\xe9'"},
      {"ok \xED\xA0\x80", "3: invalid UTF-8 byte '\\xed'"},  // a surrogate
      {std::string(kMaxPostBytes + 1, 'a'),
       "0: the post is 33554433 bytes; posts over 32 MiB are refused"},
      {std::string(kMaxPostBytes, 'a'), ""},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.text.substr(0, 20));
    CHECK(Check(c.text) == c.want);
  }
}

}  // namespace
}  // namespace l10n
