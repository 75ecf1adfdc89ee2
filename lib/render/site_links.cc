#include "render/site_links.h"

#include <optional>

#include "post/markdown_escape.h"

namespace l10n {

std::string HtmlAttributeUrl(std::string_view url, char quote) {
  std::string out;
  for (char c : url) {
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '"':
        if (quote != '\'') {
          out += "&quot;";
          continue;
        }
        break;
      case '\'':
        if (quote != '"') {
          out += "&#39;";
          continue;
        }
        break;
      case '<':
      case '>':
      case '=':
      case '`':
      case ' ':
      case '\t':
      case '\n':
      case '\f':
      case '\r':
        // Characters that end or break an unquoted value (HTML 13.2.5.38).
        if (quote == 0) {
          out += "&#" + std::to_string(static_cast<int>(c)) + ';';
          continue;
        }
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

std::vector<TextEdit> SiteLinkEdits(std::string_view text, const Segmentation& segmentation,
                                    const SitePage& from, const SitePage& to) {
  std::vector<TextEdit> edits;
  const SiteMap* site = from.site;
  if (!site || !site->settings().enabled() || from.lang == to.lang) return edits;
  // A language switcher's href is the switcher's (render/site_head.h):
  // it names the post in its own language, not the link's target.
  auto is_switcher = [&segmentation](const Segmentation::Link& link) {
    for (const Segmentation::Head::Switcher& s : segmentation.head.switchers) {
      if (s.has_href && s.start_tag.begin <= link.range.begin &&
          link.range.end <= s.start_tag.end) {
        return true;
      }
    }
    return false;
  };
  for (const Segmentation::Link& link : segmentation.links) {
    if (link.range.end > text.size() || link.range.begin > link.range.end) continue;
    if (is_switcher(link)) continue;
    std::optional<SiteTarget> target = site->Resolve(link.url, from.path);
    if (!target) continue;
    std::optional<std::string> url = site->Rewrite(link.url, *target, to.lang, to.path);
    if (!url || *url == link.url) continue;
    std::string bytes = link.syntax == Segmentation::Link::Syntax::kMarkdown
                            ? MarkdownDestination(*url, link.quote == '<')
                            : HtmlAttributeUrl(*url, link.quote);
    if (bytes == text.substr(link.range.begin, link.range.end - link.range.begin)) continue;
    edits.push_back({link.range, std::move(bytes)});
  }
  return edits;
}

}  // namespace l10n
