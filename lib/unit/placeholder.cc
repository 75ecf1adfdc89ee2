#include "unit/placeholder.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/ui_text.h"

namespace l10n {

namespace {

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-'; }

// The tag-like text starting at s[0] == '<', for an error message.
std::string Excerpt(std::string_view s) {
  size_t end = s.find('>');
  if (end == std::string_view::npos || end > 40) end = std::min<size_t>(s.size(), 40) - 1;
  return std::string(s.substr(0, end + 1));
}

}  // namespace

Result<std::vector<Token>> TokenizeUnitText(std::string_view text) {
  std::vector<Token> tokens;
  auto add_char = [&tokens](size_t offset, std::string_view chars) {
    if (tokens.empty() || tokens.back().type != Token::kText) {
      tokens.push_back({Token::kText, std::string(), offset});
    }
    tokens.back().text += chars;
  };
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '&') {
      if (text.substr(i, 4) == "&lt;") {
        add_char(i, "<");
        i += 4;
        continue;
      }
      if (text.substr(i, 5) == "&amp;") {
        add_char(i, "&");
        i += 5;
        continue;
      }
      add_char(i, "&");
      ++i;
      continue;
    }
    if (c != '<') {
      // A loop: find_first_of("<&") calls memchr for every byte.
      size_t next = i;
      while (next < text.size() && text[next] != '<' && text[next] != '&') ++next;
      add_char(i, text.substr(i, next - i));
      i = next;
      continue;
    }
    // '<' followed by a space, a digit or nothing is plain text ("a < b").
    char n = i + 1 < text.size() ? text[i + 1] : ' ';
    if (!(IsNameStart(n) || n == '/' || n == '!' || n == '?')) {
      add_char(i, "<");
      ++i;
      continue;
    }
    size_t j = i + 1;
    Token::Type type = Token::kOpen;
    if (text[j] == '/') {
      type = Token::kClose;
      ++j;
    }
    size_t name_begin = j;
    if (j < text.size() && IsNameStart(text[j])) {
      while (j < text.size() && IsNameChar(text[j])) ++j;
    }
    std::string_view name = text.substr(name_begin, j - name_begin);
    if (type == Token::kOpen && text.substr(j, 2) == "/>") {
      type = Token::kSelfClosing;
      j += 2;
    } else if (j < text.size() && text[j] == '>') {
      ++j;
    } else {
      name = {};
    }
    if (name.empty()) {
      return Status::Error(
          FormatUi("markup that is not a placeholder: '{}'", Excerpt(text.substr(i))));
    }
    tokens.push_back({type, std::string(name), i});
    i = j;
  }
  return tokens;
}

Status CheckPlaceholders(const std::vector<Token>& tokens,
                         const std::vector<Placeholder>& placeholders) {
  std::vector<std::string> used;
  std::vector<std::string> open;
  for (const Token& t : tokens) {
    if (t.type == Token::kText) continue;
    auto it = std::find_if(placeholders.begin(), placeholders.end(),
                           [&t](const Placeholder& p) { return p.name == t.text; });
    std::string shown = t.type == Token::kClose     ? "</" + t.text + ">"
                        : t.type == Token::kOpen    ? "<" + t.text + ">"
                                                    : "<" + t.text + "/>";
    if (it == placeholders.end()) {
      return Status::Error(FormatUi("markup not in the source: '{}'", shown));
    }
    bool paired = it->kind == Placeholder::Kind::kPaired;
    if (paired && t.type == Token::kSelfClosing) {
      return Status::Error(FormatUi("'{}' must enclose text, as in the source", shown));
    }
    if (!paired && t.type != Token::kSelfClosing) {
      return Status::Error(FormatUi("'{}' must be written '<{}/>'", shown, t.text));
    }
    if (t.type == Token::kClose) {
      if (open.empty() || open.back() != t.text) {
        return Status::Error(FormatUi("'{}' closes a placeholder that is not open", shown));
      }
      open.pop_back();
      continue;
    }
    if (std::find(used.begin(), used.end(), t.text) != used.end()) {
      return Status::Error(FormatUi("placeholder '{}' is used twice", shown));
    }
    used.push_back(t.text);
    if (t.type == Token::kOpen) open.push_back(t.text);
  }
  if (!open.empty()) {
    return Status::Error(FormatUi("placeholder '<{}>' is not closed", open.back()));
  }
  return Status::Ok();
}

void AppendUnitText(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<') {
      *out += "&lt;";
    } else if (c == '&' && (s.substr(i + 1, 3) == "lt;" || s.substr(i + 1, 4) == "amp;")) {
      *out += "&amp;";
    } else {
      *out += c;
    }
  }
}

void AppendHtmlText(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
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
