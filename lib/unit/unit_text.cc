#include "unit/unit_text.h"

#include <fmt/format.h>

#include <algorithm>

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

int CountWords(std::string_view unit_text) {
  if (unit_text.find('<') == std::string_view::npos) {
    // No tags: the text is its own plain text, escapes aside ("&lt;" is
    // one word either way).
    // A word starts where a non-space follows a space (or the start);
    // written without a loop-carried dependency so that it vectorizes.
    auto space = [](char c) { return (c == ' ') | (c == '\t') | (c == '\n'); };
    const char* s = unit_text.data();
    size_t n = unit_text.size();
    if (n == 0) return 0;
    int words = space(s[0]) ? 0 : 1;
    for (size_t i = 1; i < n; ++i) words += static_cast<int>((!space(s[i])) & space(s[i - 1]));
    return words;
  }
  Result<std::vector<Token>> tokens = TokenizeUnitText(unit_text);
  if (!tokens.ok()) return 0;
  int words = 0;
  for (const Token& t : *tokens) {
    if (t.type != Token::kText) continue;
    bool in_word = false;
    for (char c : t.text) {
      bool space = c == ' ' || c == '\t' || c == '\n';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
  }
  return words;
}

}  // namespace l10n
