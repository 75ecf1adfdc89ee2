#include "post/html_source_map.h"

#include <algorithm>

#include "post/html_elements.h"

namespace l10n {

HtmlSourceMap::HtmlSourceMap(std::string_view html) : html_(html) {
  if (html_.substr(0, 3) == "\xEF\xBB\xBF") base_ = 3;
  line_starts_.push_back(0);
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '\n') line_starts_.push_back(i + 1);
  }
}

void HtmlSourceMap::Locate(size_t offset, int* line, int* column) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  *line = static_cast<int>(index) + 1;
  *column = static_cast<int>(offset - line_starts_[index]) + 1;
}

size_t HtmlSourceMap::NodeBegin(const GumboNode* node) const {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    const GumboElement& el = node->v.element;
    if (HasStartTag(el)) return Offset(el.original_tag.data);
    if (el.children.length > 0) return NodeBegin(static_cast<GumboNode*>(el.children.data[0]));
    return base_ + el.start_pos.offset;
  }
  if (node->v.text.original_text.data) return Offset(node->v.text.original_text.data);
  return base_ + node->v.text.start_pos.offset;
}

size_t HtmlSourceMap::NodeEnd(const GumboNode* node) const {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    const GumboElement& el = node->v.element;
    if (HasOwnEndTag(el)) return Offset(el.original_end_tag.data) + el.original_end_tag.length;
    auto cached = end_cache_.find(node);
    if (cached != end_cache_.end()) return cached->second;
    size_t end = HasStartTag(el) ? Offset(el.original_tag.data) + el.original_tag.length
                                 : base_ + el.start_pos.offset;
    for (unsigned i = 0; i < el.children.length; ++i) {
      end = std::max(end, NodeEnd(static_cast<GumboNode*>(el.children.data[i])));
    }
    end_cache_.emplace(node, end);
    return end;
  }
  return NodeBegin(node) + node->v.text.original_text.length;
}

Range HtmlSourceMap::StartTag(const GumboElement& el) const {
  if (!HasStartTag(el)) return {};
  size_t b = Offset(el.original_tag.data);
  return {b, b + el.original_tag.length};
}

Range HtmlSourceMap::EndTag(const GumboElement& el) const {
  if (!HasOwnEndTag(el)) return {};
  size_t b = Offset(el.original_end_tag.data);
  return {b, b + el.original_end_tag.length};
}

Range HtmlSourceMap::ValueRange(const GumboAttribute& attr, char* quote) const {
  size_t b = Offset(attr.original_value.data);
  size_t e = b + attr.original_value.length;
  char q = 0;
  if (attr.original_value.length >= 2 &&
      (attr.original_value.data[0] == '"' || attr.original_value.data[0] == '\'')) {
    q = attr.original_value.data[0];
    ++b;
    --e;
  }
  if (quote) *quote = q;
  return {b, e};
}

}  // namespace l10n
