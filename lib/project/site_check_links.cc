#include "project/site_check_links.h"

#include <gumbo.h>

#include <algorithm>
#include <string_view>

#include "post/html_source_map.h"
#include "post/html_visit.h"
#include "post/post_formats.h"

namespace l10n {

namespace {

const GumboAttribute* Attribute(const GumboElement& el, const char* name) {
  return gumbo_get_attribute(&el.attributes, name);
}

// rel is a set of space-separated tokens, compared ASCII case-insensitively.
bool HasToken(std::string_view value, std::string_view token) {
  size_t begin = 0;
  while (begin < value.size()) {
    size_t end = value.find_first_of(" \t\n\f\r", begin);
    if (end == std::string_view::npos) end = value.size();
    std::string_view word = value.substr(begin, end - begin);
    if (word.size() == token.size() &&
        std::equal(word.begin(), word.end(), token.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
        })) {
      return true;
    }
    begin = end + 1;
  }
  return false;
}

// The links of every element below `root`.
void Walk(const GumboNode* root, const HtmlSourceMap& map, std::vector<PageLink>* links) {
  VisitElements(root, [&](const GumboElement& el) {
    const GumboAttribute* href = Attribute(el, "href");
    // An element the parser made up has no attributes of its own.
    if (!href || el.original_tag.length == 0) return false;
    PageLink link;
    link.href = href->value;
    link.offset = map.ValueRange(*href, nullptr).begin;
    const GumboAttribute* rel = Attribute(el, "rel");
    const GumboAttribute* hreflang = Attribute(el, "hreflang");
    if (el.tag == GUMBO_TAG_LINK) {
      if (rel && hreflang && HasToken(rel->value, "alternate")) {
        link.kind = PageLink::Kind::kAlternate;
        link.hreflang = hreflang->value;
        links->push_back(std::move(link));
      }
    } else if (el.tag == GUMBO_TAG_A || el.tag == GUMBO_TAG_AREA) {
      if (Attribute(el, "data-l10n-alternate")) {
        link.kind = PageLink::Kind::kSwitcher;
        link.hidden = Attribute(el, "hidden") != nullptr;
      }
      links->push_back(std::move(link));
    }
    return false;
  });
}

}  // namespace

std::vector<PageLink> ReadPageLinks(std::string_view text, const std::string& path) {
  std::vector<PageLink> links;
  const PostFormat& format = PostFormatFor(path);
  if (&format != &PostFormatFor(".html")) {
    // Markdown: the destinations its segmenter finds (inline links and
    // definitions); Hugo writes the alternates, a page has no switcher.
    if (format.CheckInput(text)) return links;
    DiagnosticSink ignored;
    Segmentation seg = format.Segment(text, path, SegmentOptions(), &ignored);
    for (const Segmentation::Link& l : seg.links) {
      PageLink link;
      link.href = l.url;
      link.offset = l.range.begin;
      links.push_back(std::move(link));
    }
    return links;
  }
  HtmlSourceMap map(text);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output =
      gumbo_parse_with_options(&options, text.data() + map.base(), text.size() - map.base());
  Walk(output->document, map, &links);
  gumbo_destroy_output(&options, output);
  std::stable_sort(links.begin(), links.end(),
                   [](const PageLink& a, const PageLink& b) { return a.offset < b.offset; });
  return links;
}

}  // namespace l10n
