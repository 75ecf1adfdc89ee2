#include "post/shortcode.h"

#include <algorithm>
#include <optional>

namespace l10n {

namespace {

bool IsShortcodeNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// The tag starting at s[j] == '[', if it is one: "[name attrs]",
// "[name attrs /]" or "[/name]". Attributes hold no ']', and a '/' only when
// no ']' follows it.
std::optional<ShortcodeTag> ParseShortcodeTag(std::string_view s, size_t j) {
  ShortcodeTag tag;
  tag.begin = j;
  size_t k = j + 1;
  if (k < s.size() && s[k] == '/') {
    tag.closing = true;
    ++k;
  }
  size_t name_begin = k;
  while (k < s.size() && IsShortcodeNameChar(s[k])) ++k;
  if (k == name_begin) return std::nullopt;
  tag.name = std::string(s.substr(name_begin, k - name_begin));
  if (tag.closing) {
    if (k >= s.size() || s[k] != ']') return std::nullopt;
    tag.end = k + 1;
    return tag;
  }
  for (; k < s.size(); ++k) {
    if (s[k] == ']') {
      tag.end = k + 1;
      return tag;
    }
    if (s[k] == '/' && k + 1 < s.size() && s[k + 1] == ']') {
      tag.self_closing = true;
      tag.end = k + 2;
      return tag;
    }
  }
  return std::nullopt;
}

// The shortcode tags of source text, in order, whatever their names.
std::vector<ShortcodeTag> FindAllShortcodeTags(std::string_view s) {
  std::vector<ShortcodeTag> tags;
  // Every tag ends with a ']': none starts after the last one (and a failed
  // tag never scans past it, so the search is linear).
  size_t last = s.rfind(']');
  if (last == std::string_view::npos) return tags;
  s = s.substr(0, last + 1);
  size_t i = s.find('[');
  while (i != std::string_view::npos && i < s.size()) {
    if (i + 1 < s.size() && s[i + 1] == '[') {
      std::optional<ShortcodeTag> inner = ParseShortcodeTag(s, i + 1);
      if (inner && !inner->closing && inner->end < s.size() && s[inner->end] == ']') {
        i = s.find('[', inner->end + 1);
        continue;
      }
      i = i + 1;  // a literal '[' before a possible tag
      continue;
    }
    if (std::optional<ShortcodeTag> tag = ParseShortcodeTag(s, i)) {
      size_t end = tag->end;
      tags.push_back(std::move(*tag));
      i = s.find('[', end);
      continue;
    }
    i = s.find('[', i + 1);
  }
  return tags;
}

}  // namespace

std::vector<ShortcodeTag> FindShortcodeTags(std::string_view text,
                                            const std::vector<std::string>& names) {
  std::vector<ShortcodeTag> tags = FindAllShortcodeTags(text);
  if (!names.empty()) {
    tags.erase(std::remove_if(tags.begin(), tags.end(),
                              [&names](const ShortcodeTag& t) {
                                return std::find(names.begin(), names.end(), t.name) == names.end();
                              }),
               tags.end());
  }
  return tags;
}

std::vector<std::string> ShortcodeTagsIn(std::string_view text, const SegmentOptions& options) {
  std::vector<std::string> out;
  if (!options.shortcodes) return out;
  for (const ShortcodeTag& t : FindShortcodeTags(text, options.shortcode_names)) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

}  // namespace l10n
