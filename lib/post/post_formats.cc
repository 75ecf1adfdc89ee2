#include "post/post_formats.h"

#include <algorithm>
#include <cctype>

#include "post/html_format.h"
#include "post/markdown_format.h"

namespace l10n {

namespace {

struct Registration {
  const char* extension;  // lowercase, with its dot
  const PostFormat& (*format)();
};

// One row per extension a format reads; the first row's format is the
// default.
constexpr Registration kFormats[] = {
    {".html", HtmlPostFormat},
    {".htm", HtmlPostFormat},
    {".md", MarkdownPostFormat},
    {".markdown", MarkdownPostFormat},
};

bool EndsWithIgnoringCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - suffix.size(), [](char a, char b) {
    return a == std::tolower(static_cast<unsigned char>(b));
  });
}

}  // namespace

const PostFormat& PostFormatFor(std::string_view path) {
  for (const Registration& r : kFormats) {
    if (EndsWithIgnoringCase(path, r.extension)) return r.format();
  }
  return kFormats[0].format();
}

}  // namespace l10n
