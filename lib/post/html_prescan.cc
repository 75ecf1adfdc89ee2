#include "post/html_prescan.h"

#include <algorithm>
#include <string>
#include <vector>

#include "base/ui_text.h"
#include "post/html_meta_charset.h"
#include "post/html_text.h"
#include "post/html_tree_model.h"
#include "post/html_tree_rules.h"

namespace l10n {

namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Reads the attributes of a tag from html[i] to its end; returns the offset
// after its '>' (or the end of the input).
size_t ReadTag(std::string_view html, size_t i, bool* self_closing,
               std::vector<TagAttribute>* attributes) {
  // The tokenizer's attribute states: names end at whitespace, '/', '>' or
  // '='; values are quoted, or end at whitespace or '>'.
  const size_t n = html.size();
  *self_closing = false;
  attributes->clear();
  for (;;) {
    while (i < n && IsHtmlSpace(html[i])) ++i;
    if (i >= n) return n;
    if (html[i] == '>') return i + 1;
    if (html[i] == '/') {
      ++i;
      if (i < n && html[i] == '>') {
        *self_closing = true;
        return i + 1;
      }
      continue;
    }
    size_t name_begin = i++;
    while (i < n && !IsHtmlSpace(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=')
      ++i;
    TagAttribute attribute;
    for (size_t k = name_begin; k < i; ++k) attribute.name += Lower(html[k]);
    size_t after = i;
    while (after < n && IsHtmlSpace(html[after])) ++after;
    if (after < n && html[after] == '=') {
      i = after + 1;
      while (i < n && IsHtmlSpace(html[i])) ++i;
      if (i < n && (html[i] == '"' || html[i] == '\'')) {
        size_t end = html.find(html[i], i + 1);
        if (end == std::string_view::npos) return n;
        attribute.value = html.substr(i + 1, end - i - 1);
        i = end + 1;
      } else {
        size_t begin = i;
        while (i < n && !IsHtmlSpace(html[i]) && html[i] != '>') ++i;
        attribute.value = html.substr(begin, i - begin);
      }
    }
    attributes->push_back(std::move(attribute));
  }
}

// The tokenizer's part: tags, comments, doctypes and raw text, fed to the
// tree builder's model.
std::optional<InputProblem> Scan(std::string_view html, size_t* reopened) {
  HtmlTreeModel model;
  const size_t n = html.size();
  std::string name;
  std::vector<TagAttribute> attributes;
  size_t i = 0;
  size_t text_begin = 0;  // text not yet seen by the tree builder
  auto text = [&](size_t end) {
    if (text_begin < end) model.Text(html.substr(text_begin, end - text_begin));
  };
  while (i < n && !model.problem()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    bool end_tag = i < n && html[i] == '/';
    bool tag = end_tag ? i + 1 < n && IsAsciiLetter(html[i + 1]) : i < n && IsAsciiLetter(html[i]);
    bool markup = i < n && (html[i] == '!' || html[i] == '?' || (end_tag && !tag));
    if (!tag && !markup) continue;  // a '<' in the text
    text(lt);
    if (html.compare(lt, 4, "<!--") == 0) {
      if (html.compare(lt, 5, "<!-->") == 0) {
        i = lt + 5;
      } else if (html.compare(lt, 6, "<!--->") == 0) {
        i = lt + 6;
      } else {
        size_t end = html.find("-->", lt + 4);
        i = end == std::string_view::npos ? n : end + 3;
      }
      text_begin = i;
      continue;
    }
    if (markup) {  // doctype, bogus comment, "</>"
      size_t end = html.find('>', i);
      std::string head;
      for (size_t k = i; k < std::min({end, i + 14, n}); ++k) head += Lower(html[k]);
      if (head.compare(0, 8, "!doctype") == 0) {
        size_t k = 8;
        while (k < head.size() && IsHtmlSpace(head[k])) ++k;
        model.set_quirks(head.compare(k, 4, "html") != 0);
      }
      i = end == std::string_view::npos ? n : end + 1;
      text_begin = i;
      continue;
    }
    if (end_tag) ++i;
    name.clear();
    while (i < n && !IsHtmlSpace(html[i]) && html[i] != '/' && html[i] != '>')
      name += Lower(html[i++]);
    bool self_closing = false;
    i = ReadTag(html, i, &self_closing, &attributes);
    text_begin = i;
    if (i >= n && html[n - 1] != '>') break;  // a tag cut off by the end is dropped
    if (attributes.size() > kMaxAttributes) {
      // gumbo compares every attribute with the ones before it.
      model.Fail(lt, FormatUi("more than {} attributes on one element", kMaxAttributes));
      break;
    }
    if (end_tag) {
      model.EndTag(name);
      continue;
    }
    if (name == "meta") {
      if (std::optional<std::string> label = NonUtf8MetaEncoding(attributes)) {
        model.Fail(lt, FormatUi("the post declares the encoding '{}'; posts must be UTF-8 "
                                "(<meta charset=\"utf-8\">)",
                                *label));
      }
    }
    if (!model.StartTag(name, attributes, self_closing, lt) || model.problem()) continue;
    if (name == "plaintext") {  // the rest of the document is its text
      text_begin = i;
      text(n);
      break;
    }
    // Raw text: up to "</name" followed by whitespace, '/' or '>'.
    size_t end = i;
    for (;;) {
      end = html.find("</", end);
      if (end == std::string_view::npos) break;
      size_t k = 0;
      while (k < name.size() && end + 2 + k < n && Lower(html[end + 2 + k]) == name[k]) ++k;
      size_t after = end + 2 + k;
      if (k == name.size() &&
          (after >= n || IsHtmlSpace(html[after]) || html[after] == '/' || html[after] == '>')) {
        break;
      }
      end += 2;
    }
    i = end == std::string_view::npos ? n : end;
    text_begin = i;
  }
  if (!model.problem()) text(n);
  if (reopened) *reopened = model.reopened();
  return model.problem();
}

}  // namespace

std::optional<InputProblem> PrescanHtml(std::string_view html, size_t* reopened) {
  return Scan(html, reopened);
}

}  // namespace l10n
