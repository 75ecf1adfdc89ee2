#include "input_limits.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "ui_text.h"
#include "utf8.h"

namespace l10n {

namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsVoidElement(std::string_view name) {
  return OneOf(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                      "source", "track", "wbr", "param", "keygen", "basefont", "bgsound",
                      "frame"});
}

bool IsRawText(std::string_view name) {
  return OneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "plaintext"});
}

// Start tags that close an open <p> (HTML5 "close a p element").
bool ClosesParagraph(std::string_view name) {
  return OneOf(name, {"address", "article", "aside", "blockquote", "details", "div", "dl",
                      "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
                      "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol",
                      "p", "pre", "section", "table", "ul"});
}

// Elements whose open sibling a start tag closes.
bool ClosesSibling(std::string_view name, std::string_view open) {
  if (name == open) return OneOf(name, {"li", "dt", "dd", "option", "tr", "td", "th", "p"});
  return (OneOf(name, {"dt", "dd"}) && OneOf(open, {"dt", "dd"})) ||
         (OneOf(name, {"td", "th"}) && OneOf(open, {"td", "th"}));
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view text, bool nul_is_invalid) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == 0 && nul_is_invalid) return i;
      ++i;
      continue;
    }
    size_t n = Utf8SequenceLength(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::optional<InputProblem> CheckPostInput(std::string_view html) {
  if (html.size() > kMaxPostBytes) {
    return InputProblem{0, FormatUi(kPostCap.too_large, html.size(), kPostCap.bytes >> 20)};
  }
  if (std::optional<size_t> bad = FindInvalidUtf8(html, true)) {
    if (html[*bad] == '\0') return InputProblem{*bad, _("NUL byte in the post")};
    return InputProblem{*bad, FormatUi("invalid UTF-8 byte '\\x{:02x}'",
                                       static_cast<int>(static_cast<unsigned char>(html[*bad])))};
  }
  std::vector<std::string> open;
  size_t i = 0;
  auto read_name = [&](size_t at, std::string* name) {
    name->clear();
    while (at < html.size() && (IsAsciiLetter(html[at]) || (html[at] >= '0' && html[at] <= '9') ||
                                html[at] == '-' || html[at] == ':')) {
      char c = html[at++];
      *name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return at;
  };
  std::string name;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (html.compare(lt, 4, "<!--") == 0) {
      size_t end = html.find("-->", lt + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i < html.size() && (html[i] == '!' || html[i] == '?')) {
      size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    bool end_tag = i < html.size() && html[i] == '/';
    if (end_tag) ++i;
    if (i >= html.size() || !IsAsciiLetter(html[i])) continue;
    i = read_name(i, &name);
    // To the end of the tag, through quoted attribute values.
    char quote = 0;
    bool self_closing = false;
    for (; i < html.size(); ++i) {
      char c = html[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        self_closing = i > 0 && html[i - 1] == '/';
        ++i;
        break;
      }
    }
    if (end_tag) {
      auto it = std::find(open.rbegin(), open.rend(), name);
      if (it != open.rend()) open.erase(std::next(it).base(), open.end());
      continue;
    }
    if (IsRawText(name)) {
      size_t end = i;
      for (;;) {
        end = html.find("</", end);
        if (end == std::string_view::npos) break;
        std::string found;
        read_name(end + 2, &found);
        if (found == name) break;
        end += 2;
      }
      i = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    // "/>" closes only inside SVG and MathML: HTML ignores it on <div/>.
    bool foreign = std::find(open.begin(), open.end(), "svg") != open.end() ||
                   std::find(open.begin(), open.end(), "math") != open.end();
    if (IsVoidElement(name) || (self_closing && foreign)) continue;
    if (!open.empty() && (ClosesSibling(name, open.back()) ||
                          (open.back() == "p" && ClosesParagraph(name)))) {
      open.pop_back();
    }
    open.push_back(name);
    if (static_cast<int>(open.size()) > kMaxNesting) {
      return InputProblem{lt, FormatUi("elements nested more than {} deep", kMaxNesting)};
    }
  }
  return std::nullopt;
}

}  // namespace l10n
