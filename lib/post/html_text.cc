#include "post/html_text.h"

#include <algorithm>
#include <cctype>

namespace l10n {

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Collapses runs of HTML whitespace to one space and trims both ends.
std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (IsHtmlSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// `s` without HTML whitespace at either end.
std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsHtmlSpace(s[b])) ++b;
  while (e > b && IsHtmlSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

bool HasToken(const char* list, std::string_view token) {
  std::string_view s(list);
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && IsHtmlSpace(s[pos])) ++pos;
    size_t end = pos;
    while (end < s.size() && !IsHtmlSpace(s[end])) ++end;
    std::string_view word = s.substr(pos, end - pos);
    if (word.size() == token.size() &&
        std::equal(word.begin(), word.end(), token.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return true;
    }
    pos = end;
  }
  return false;
}

// Source text (of a text node outside RCDATA) decoded as the HTML parser
// decodes it: entities, newlines, NUL.
std::string DecodeHtmlText(std::string_view source) {
  if (source.find_first_of("&\r", 0) == std::string_view::npos &&
      source.find('\0') == std::string_view::npos) {
    return std::string(source);
  }
  std::string doc = "<body><div>";
  doc += source;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, doc.data(), doc.size());
  std::string out;
  const GumboNode* node = output->root;
  // html > body > div
  for (int depth = 0; depth < 2 && node; ++depth) {
    const GumboVector& children = node->v.element.children;
    const GumboNode* next = nullptr;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = static_cast<GumboNode*>(children.data[i]);
      if (c->type == GUMBO_NODE_ELEMENT &&
          c->v.element.tag == (depth == 0 ? GUMBO_TAG_BODY : GUMBO_TAG_DIV)) {
        next = c;
        break;
      }
    }
    node = next;
  }
  if (node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = static_cast<GumboNode*>(children.data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) out += c->v.text.text;
    }
  }
  gumbo_destroy_output(&options, output);
  return out;
}

std::string VisibleText(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    return node->v.text.text;
  }
  std::string out;
  if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_SCRIPT || el.tag == GUMBO_TAG_STYLE) return out;
    for (unsigned i = 0; i < el.children.length; ++i) {
      out += VisibleText(static_cast<GumboNode*>(el.children.data[i]));
    }
  }
  return out;
}

bool IsBlankText(const GumboNode* node) {
  if (node->type == GUMBO_NODE_COMMENT) return true;
  if (node->type == GUMBO_NODE_WHITESPACE) return true;
  if (node->type != GUMBO_NODE_TEXT && node->type != GUMBO_NODE_CDATA) return false;
  for (const char* p = node->v.text.text; *p; ++p) {
    if (!IsHtmlSpace(*p)) return false;
  }
  return true;
}

}  // namespace l10n
