#include "post/html_links.h"

#include <algorithm>

#include "post/html_visit.h"

namespace l10n {

namespace {

// Whether the document has a <base> with an href.
bool HasBaseHref(const GumboNode* root) {
  bool found = false;
  VisitElements(root, [&found](const GumboElement& el) {
    found = el.tag == GUMBO_TAG_BASE && gumbo_get_attribute(&el.attributes, "href");
    return found;
  });
  return found;
}

// A relative reference that is a path (RFC 3986 4.2): no scheme, not "/..."
// and not "#..." or "?..." alone.
bool IsRelative(std::string_view url) {
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t' || url.front() == '\n' ||
                          url.front() == '\f' || url.front() == '\r')) {
    url.remove_prefix(1);
  }
  if (url.empty() || url.front() == '/' || url.front() == '#' || url.front() == '?') return false;
  size_t colon = url.find(':');
  size_t stop = url.find_first_of("/?#");
  return colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon);
}

}  // namespace

std::vector<Segmentation::Link> FindHtmlLinks(const GumboNode* root, const HtmlSourceMap& map) {
  std::vector<Segmentation::Link> links;
  std::string_view html = map.html();
  VisitElements(root, [&](const GumboElement& el) {
    if (el.tag != GUMBO_TAG_A && el.tag != GUMBO_TAG_AREA) return false;
    const GumboAttribute* href = gumbo_get_attribute(&el.attributes, "href");
    // Without a value ("<a href>", "<a href=''>": this page) there is
    // nothing to rewrite; a value outside the input is not the source's.
    if (href && href->value[0] != '\0' && href->original_value.length > 0 &&
        href->original_value.data >= html.data() &&
        href->original_value.data + href->original_value.length <= html.data() + html.size()) {
      Segmentation::Link link;
      link.syntax = Segmentation::Link::Syntax::kHtml;
      link.range = map.ValueRange(*href, &link.quote);
      link.url = href->value;
      links.push_back(std::move(link));
    }
    return false;
  });
  // A <base href> changes what a relative link names (HTML 4.2.3: the
  // first <base> with an href): those are left out, never rewritten
  // against the page's own URL.
  if (HasBaseHref(root)) {
    links.erase(std::remove_if(links.begin(), links.end(),
                               [](const Segmentation::Link& l) { return IsRelative(l.url); }),
                links.end());
  }
  std::stable_sort(links.begin(), links.end(),
                   [](const Segmentation::Link& a, const Segmentation::Link& b) {
                     return a.range.begin < b.range.begin;
                   });
  links.erase(std::unique(links.begin(), links.end(),
                          [](const Segmentation::Link& a, const Segmentation::Link& b) {
                            return a.range.begin == b.range.begin;
                          }),
              links.end());
  return links;
}

}  // namespace l10n
