#include "post/html_escape.h"

namespace l10n {

void AppendHtmlText(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '\xC2':
        if (i + 1 < text.size() && text[i + 1] == '\xA0') {
          *out += "&nbsp;";
          ++i;
          break;
        }
        [[fallthrough]];
      default:
        *out += c;
    }
  }
}

void AppendHtmlAttribute(std::string_view text, char quote, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '&') {
      *out += "&amp;";
    } else if (c == '"' && quote != '\'') {
      *out += "&quot;";
    } else if (c == '\'' && quote == '\'') {
      *out += "&#39;";
    } else if (c == '<') {
      *out += "&lt;";
    } else if (c == '>') {
      *out += "&gt;";
    } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      *out += "&nbsp;";
      ++i;
    } else {
      *out += c;
    }
  }
}

}  // namespace l10n
