#include "post/markdown_html_scope.h"

#include <algorithm>
#include <cctype>

#include "base/utf8.h"

namespace l10n {

namespace {

// Past this many open elements a start tag is not remembered, and an end
// tag looks this far for its element: a hostile post stays linear.
constexpr size_t kMaxOpen = 1024;
constexpr size_t kSearch = 64;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsVoidName(std::string_view n) {
  static constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                               "hr",    "img",    "input", "link", "meta",
                                               "param", "source", "track", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), n) != std::end(kVoid);
}

bool IsRawTextName(std::string_view n) {
  return n == "script" || n == "style" || n == "textarea" || n == "title" || n == "xmp";
}

}  // namespace

void HtmlTranslateScope::Push(std::string name, int own, int depth) {
  if (open_.size() >= kMaxOpen) return;
  bool inherited = translate();
  open_.push_back({std::move(name), own < 0 ? inherited : own == 1, depth});
}

void HtmlTranslateScope::Pop(std::string_view name) {
  size_t n = std::min(open_.size(), kSearch);
  for (size_t i = 0; i < n; ++i) {
    size_t at = open_.size() - 1 - i;
    if (open_[at].name == name) {
      open_.resize(at);
      return;
    }
  }
}

void HtmlTranslateScope::Leave(int depth) {
  while (!open_.empty() && open_.back().depth > depth) open_.pop_back();
}

void HtmlTranslateScope::Read(std::string_view s, int depth) {
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.substr(i, 4) == "<!--") {
      size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) return;
      i = end + 3;
      continue;
    }
    bool closing = i + 1 < s.size() && s[i + 1] == '/';
    size_t n = i + (closing ? 2 : 1);
    if (n >= s.size() || !IsAlpha(s[n])) {
      ++i;
      continue;
    }
    size_t name_end = n;
    while (name_end < s.size() && !IsSpace(s[name_end]) && s[name_end] != '>' && s[name_end] != '/')
      ++name_end;
    std::string name = LowerAscii(s.substr(n, name_end - n));
    // Attributes up to the tag's '>', quoted values skipped whole.
    int own = -1;
    bool self_closing = false;
    size_t j = name_end;
    while (j < s.size() && s[j] != '>') {
      if (IsSpace(s[j])) {
        ++j;
        continue;
      }
      if (s[j] == '/') {
        self_closing = true;
        ++j;
        continue;
      }
      self_closing = false;
      size_t a = j;
      while (j < s.size() && !IsSpace(s[j]) && s[j] != '=' && s[j] != '>' && s[j] != '/') ++j;
      std::string attribute = LowerAscii(s.substr(a, j - a));
      if (j == a) ++j;  // a stray '=': skip it
      while (j < s.size() && IsSpace(s[j])) ++j;
      std::string value;
      if (j < s.size() && s[j] == '=') {
        ++j;
        while (j < s.size() && IsSpace(s[j])) ++j;
        if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
          size_t close = s.find(s[j], j + 1);
          if (close == std::string_view::npos) return;
          value = LowerAscii(s.substr(j + 1, close - j - 1));
          j = close + 1;
        } else {
          size_t v = j;
          while (j < s.size() && !IsSpace(s[j]) && s[j] != '>') ++j;
          value = LowerAscii(s.substr(v, j - v));
        }
      }
      if (attribute == "translate" && (value == "no" || value == "yes" || value.empty())) {
        own = value == "no" ? 0 : 1;
      }
    }
    if (j >= s.size()) return;  // an unfinished tag
    i = j + 1;
    if (closing) {
      Pop(name);
      continue;
    }
    if (IsRawTextName(name)) {
      size_t end = std::string_view::npos;
      for (size_t k = s.find("</", i); k != std::string_view::npos; k = s.find("</", k + 2)) {
        if (LowerAscii(s.substr(k + 2, name.size())) == name) {
          end = k;
          break;
        }
      }
      if (end == std::string_view::npos) return;
      i = end;
      continue;
    }
    if (!self_closing && !IsVoidName(name)) Push(std::move(name), own, depth);
  }
}

}  // namespace l10n
