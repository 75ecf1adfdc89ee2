#include "post/template_tags.h"

namespace l10n {

std::vector<Range> FindTemplateTags(std::string_view text, size_t begin) {
  std::vector<Range> found;
  size_t i = begin;
  while ((i = text.find('{', i)) != std::string_view::npos) {
    std::string_view open = text.substr(i, 3);
    std::string_view close;
    if (open == "{{<") {
      close = ">}}";
    } else if (open == "{{%") {
      close = "%}}";
    } else if (open.substr(0, 2) == "{{") {
      close = "}}";
    } else if (open.substr(0, 2) == "{%") {
      close = "%}";
    } else {
      ++i;
      continue;
    }
    size_t end = text.find(close, i + 2);
    if (end == std::string_view::npos) {
      i += 2;  // not a tag: text
      continue;
    }
    found.push_back({i, end + close.size()});
    i = end + close.size();
  }
  return found;
}

}  // namespace l10n
