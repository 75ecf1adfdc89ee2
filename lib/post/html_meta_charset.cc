#include "post/html_meta_charset.h"

#include <string_view>

#include "post/html_text.h"

namespace l10n {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// WHATWG Encoding labels that a <meta> may declare for a UTF-8 page: the
// UTF-8 labels, and the UTF-16 ones, which the HTML encoding sniffing
// algorithm reads as UTF-8 when a meta element declares them.
bool IsUtf8Label(std::string_view label) {
  return OneOf(label, {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
                       "x-unicode20utf8", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode",
                       "unicodefeff", "utf-16", "utf-16le", "unicodefffe", "utf-16be"});
}

std::string NormalizeLabel(std::string_view label) {
  while (!label.empty() && IsHtmlSpace(label.front())) label.remove_prefix(1);
  while (!label.empty() && IsHtmlSpace(label.back())) label.remove_suffix(1);
  std::string out;
  for (char c : label) out += Lower(c);
  return out;
}

// HTML5 "extracting a character encoding from a meta element", for
// <meta http-equiv="Content-Type" content="text/html; charset=...">.
std::optional<std::string> CharsetFromContent(std::string_view content) {
  std::string lower;
  for (char c : content) lower += Lower(c);
  size_t pos = 0;
  for (;;) {
    size_t at = lower.find("charset", pos);
    if (at == std::string::npos) return std::nullopt;
    size_t i = at + 7;
    while (i < lower.size() && IsHtmlSpace(lower[i])) ++i;
    if (i >= lower.size() || lower[i] != '=') {
      pos = at + 7;
      continue;
    }
    ++i;
    while (i < lower.size() && IsHtmlSpace(lower[i])) ++i;
    if (i >= lower.size()) return std::nullopt;
    if (lower[i] == '"' || lower[i] == '\'') {
      size_t end = lower.find(lower[i], i + 1);
      if (end == std::string::npos) return std::nullopt;
      return std::string(content.substr(i + 1, end - i - 1));
    }
    size_t end = i;
    while (end < lower.size() && !IsHtmlSpace(lower[end]) && lower[end] != ';') ++end;
    return std::string(content.substr(i, end - i));
  }
}

}  // namespace

std::optional<std::string> NonUtf8MetaEncoding(const std::vector<TagAttribute>& attributes) {
  const TagAttribute* charset = nullptr;
  const TagAttribute* http_equiv = nullptr;
  const TagAttribute* content = nullptr;
  for (const TagAttribute& a : attributes) {
    if (a.name == "charset" && !charset) charset = &a;
    if (a.name == "http-equiv" && !http_equiv) http_equiv = &a;
    if (a.name == "content" && !content) content = &a;
  }
  std::optional<std::string> label;
  if (charset) {
    label = std::string(charset->value);
  } else if (http_equiv && content && NormalizeLabel(http_equiv->value) == "content-type") {
    label = CharsetFromContent(content->value);
  }
  if (!label || IsUtf8Label(NormalizeLabel(*label))) return std::nullopt;
  return label;
}

}  // namespace l10n
