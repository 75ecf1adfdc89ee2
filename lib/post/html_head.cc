#include "post/html_head.h"

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "post/html_elements.h"
#include "post/html_text.h"

namespace l10n {

namespace {

// The attribute `name` of `el` as a Tag's value; `valueless` when it is
// absent or written without a value ("<link href>").
void ValueOf(const GumboElement& el, const char* name, const HtmlSourceMap& map,
             Segmentation::Head::Tag* tag) {
  const GumboAttribute* attr = Attr(el, name);
  if (!attr) {
    tag->valueless = true;
    return;
  }
  // gumbo gives a valueless attribute its name as original_value.
  const GumboStringPiece& v = attr->original_value;
  bool quoted = v.length >= 2 && (v.data[0] == '"' || v.data[0] == '\'');
  if (attr->value[0] == '\0' && !quoted) {
    tag->valueless = true;
    return;
  }
  tag->value = map.ValueRange(*attr, &tag->quote);
}

// The white space before `offset` back to the start of its line, when
// nothing else precedes it there.
bool LineIndent(std::string_view html, size_t offset, std::string* indent) {
  size_t b = offset;
  while (b > 0 && (html[b - 1] == ' ' || html[b - 1] == '\t')) --b;
  if (b > 0 && html[b - 1] != '\n') return false;
  *indent = std::string(html.substr(b, offset - b));
  return true;
}

bool IsVoidInHead(GumboTag tag) {
  return tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_BASE ||
         tag == GUMBO_TAG_BASEFONT || tag == GUMBO_TAG_BGSOUND;
}

void ReadChild(const GumboElement& el, const HtmlSourceMap& map, Segmentation::Head* head) {
  Segmentation::Head::Tag tag;
  tag.element = {map.Offset(el.original_tag.data),
                 map.Offset(el.original_tag.data) + el.original_tag.length};
  if (el.tag == GUMBO_TAG_LINK) {
    const GumboAttribute* rel = Attr(el, "rel");
    if (!rel) return;
    ValueOf(el, "href", map, &tag);
    // rel="alternate canonical" is the page's canonical, not an alternate.
    if (HasToken(rel->value, "canonical")) {
      head->canonicals.push_back(tag);
      return;
    }
    const GumboAttribute* hreflang = Attr(el, "hreflang");
    if (HasToken(rel->value, "alternate") && hreflang) {
      tag.key = LowerAscii(hreflang->value);
      head->alternates.push_back(tag);
    }
    return;
  }
  if (el.tag != GUMBO_TAG_META) return;
  const GumboAttribute* property = Attr(el, "property");
  if (!property) return;
  std::string name = LowerAscii(property->value);
  if (name.rfind("og:", 0) != 0) return;
  ValueOf(el, "content", map, &tag);
  if (name == "og:locale") {
    head->og_locales.push_back(tag);
  } else if (name == "og:locale:alternate") {
    head->og_locale_alternates.push_back(tag);
  } else if (name == "og:url") {
    head->og_urls.push_back(tag);
  } else {
    head->has_open_graph = true;
  }
}

// Also says whether the page ends in a comment, maybe never closed
// (*ends_in_comment): nothing may be added at its end then.
void FindSwitchers(const GumboNode* root, const HtmlSourceMap& map, Segmentation::Head* head,
                   bool* ends_in_comment) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_COMMENT && map.NodeEnd(node) >= map.html().size()) {
      *ends_in_comment = true;
    }
    if (node->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& top = node->v.document.children;
      for (unsigned i = 0; i < top.length; ++i) {
        stack.push_back(static_cast<const GumboNode*>(top.data[i]));
      }
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboElement& el = node->v.element;
    for (unsigned i = el.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(el.children.data[i - 1]));
    }
    if (el.tag != GUMBO_TAG_A || el.tag_namespace != GUMBO_NAMESPACE_HTML || !HasStartTag(el)) {
      continue;
    }
    const GumboAttribute* lang = Attr(el, "data-l10n-alternate");
    if (!lang) continue;
    Segmentation::Head::Switcher s;
    s.lang = lang->value;
    s.start_tag = map.StartTag(el);
    s.attribute_at = s.start_tag.begin + 2;  // after "<a"
    s.has_href = Attr(el, "href") != nullptr;
    if (s.has_href) ValueOf(el, "href", map, &s.href);
    s.href.element = s.start_tag;
    s.hidden = Attr(el, "hidden") != nullptr;
    head->switchers.push_back(std::move(s));
  }
}

}  // namespace

void FindHead(const GumboNode* root, const HtmlSourceMap& map, Segmentation::Head* head) {
  if (root->type != GUMBO_NODE_ELEMENT) return;
  std::string_view html = map.html();
  size_t first_nl = html.find('\n');
  if (first_nl != std::string_view::npos && first_nl > 0 && html[first_nl - 1] == '\r') {
    head->eol = "\r\n";
  }
  bool ends_in_comment = false;
  FindSwitchers(root->parent ? root->parent : root, map, head, &ends_in_comment);
  const GumboNode* head_node = nullptr;
  const GumboVector& top = root->v.element.children;
  for (unsigned i = 0; i < top.length && !head_node; ++i) {
    const GumboNode* n = static_cast<const GumboNode*>(top.data[i]);
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_HEAD) head_node = n;
  }
  if (!head_node) return;
  const GumboElement& el = head_node->v.element;
  head->found = true;
  if (HasOwnEndTag(el)) {
    size_t at = map.Offset(el.original_end_tag.data);
    std::string before;
    if (LineIndent(html, at, &before)) {
      at -= before.size();
      head->at_line_start = true;
    }
    head->insert_at = at;
  } else {
    // Implied: where the parser ends the head, after its last child (or
    // where it begins when it has none). Unless that child is never closed
    // (<title> or <template> to the end of the page): whatever went there
    // would be its content, so the head takes nothing.
    for (unsigned i = el.children.length; i > 0; --i) {
      const GumboNode* last = static_cast<const GumboNode*>(el.children.data[i - 1]);
      if (last->type != GUMBO_NODE_ELEMENT && last->type != GUMBO_NODE_TEMPLATE) continue;
      if (!IsVoidInHead(last->v.element.tag) && !HasOwnEndTag(last->v.element)) {
        head->found = false;
        return;
      }
      break;
    }
    head->insert_at = map.NodeEnd(head_node);
    if (ends_in_comment && head->insert_at >= html.size()) {
      head->found = false;
      return;
    }
    head->at_line_start = head->insert_at == map.base() || html[head->insert_at - 1] == '\n';
  }
  bool indented = false;
  for (unsigned i = 0; i < el.children.length; ++i) {
    const GumboNode* child = static_cast<const GumboNode*>(el.children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT || !HasStartTag(child->v.element)) continue;
    if (!indented) indented = LineIndent(html, map.NodeBegin(child), &head->indent);
    ReadChild(child->v.element, map, head);
  }
}

}  // namespace l10n
