// A walk over the elements of a gumbo document in document order, without
// recursion: a page of deeply nested elements must not exhaust the stack.
// The readers of a page's links (post/html_links.h, and l10n-check's
// project/site_check_links.h) share it.
#ifndef L10N_POST_HTML_VISIT_H_
#define L10N_POST_HTML_VISIT_H_

#include <gumbo.h>

#include <vector>

namespace l10n {

// Calls `visit(const GumboElement&)` on every element (and template) below
// `root`, in document order; stops when it returns true.
template <typename Visit>
void VisitElements(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      if (visit(node->v.element)) return;
      children = &node->v.element.children;
    }
    if (!children) continue;
    for (unsigned i = children->length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
    }
  }
}

}  // namespace l10n

#endif  // L10N_POST_HTML_VISIT_H_
