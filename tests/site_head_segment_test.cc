// Where the segmenters put the site's metadata (Segmentation::head):
// post/html_head.h for HTML, post/front_matter.h for Markdown.
#include <doctest/doctest.h>

#include <string>

#include "post/html_segmenter.h"
#include "post/markdown_format.h"

namespace l10n {
namespace {

std::string Bytes(std::string_view text, Range r) {
  return std::string(text.substr(r.begin, r.end - r.begin));
}

// The head as text: the insertion point (the bytes from it to the end of
// its line), the indentation, then one line per tag.
std::string Dump(std::string_view text, const Segmentation::Head& head) {
  if (!head.found) return "none\n";
  std::string rest(text.substr(head.insert_at, text.find('\n', head.insert_at) - head.insert_at));
  std::string out =
      "at [" + rest + "]" + (head.at_line_start ? " line" : "") + " indent [" + head.indent + "]\n";
  auto tags = [&](const char* name, const std::vector<Segmentation::Head::Tag>& list) {
    for (const auto& t : list) {
      out += std::string(name) + (t.key.empty() ? "" : " " + t.key) + ": " +
             Bytes(text, t.element) + " = " +
             (t.valueless ? std::string("(none)") : "[" + Bytes(text, t.value) + "]") +
             (t.quote ? std::string(1, t.quote) : "") + "\n";
    }
  };
  tags("alternate", head.alternates);
  tags("canonical", head.canonicals);
  tags("og:locale", head.og_locales);
  tags("og:locale:alternate", head.og_locale_alternates);
  tags("og:url", head.og_urls);
  if (head.has_open_graph) out += "open graph\n";
  for (const auto& s : head.switchers) {
    out += "switcher " + s.lang + ": " + Bytes(text, s.start_tag) +
           (s.has_href ? " href [" + Bytes(text, s.href.value) + "]" : " no href") +
           (s.hidden ? " hidden" : "") + " add at " + std::string(text.substr(s.attribute_at, 1)) +
           "\n";
  }
  return out;
}

TEST_CASE("html_head: the insertion point, the indentation and the tags of the head") {
  struct Case {
    const char* name;
    std::string html;
    std::string expected;
  };
  const Case cases[] = {
      {"explicit </head>, indented children",
       "<html>\n<head>\n  <title>T</title>\n  <link rel=\"Alternate\" hreflang=\"ES\" "
       "href=\"/es/\">\n  <link rel=canonical href=/x/>\n  <meta property=\"og:title\" "
       "content=\"T\">\n  <meta property=\"og:url\" content>\n  </head>\n<body></body></html>",
       "at [  </head>] line indent [  ]\n"
       "alternate es: <link rel=\"Alternate\" hreflang=\"ES\" href=\"/es/\"> = [/es/]\"\n"
       "canonical: <link rel=canonical href=/x/> = [/x/]\n"
       "og:url: <meta property=\"og:url\" content> = (none)\n"
       "open graph\n"},
      {"og:locale and its alternates; a link without hreflang is no alternate",
       "<head><meta property=\"og:locale\" content='en_US'><meta property=\"OG:locale:alternate\" "
       "content=\"es_ES\"><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed/\">"
       "</head>",
       "at [</head>] indent []\n"
       "og:locale: <meta property=\"og:locale\" content='en_US'> = [en_US]'\n"
       "og:locale:alternate: <meta property=\"OG:locale:alternate\" content=\"es_ES\"> = "
       "[es_ES]\"\n"},
      {"implied end: after the last child", "<head>\n<title>T</title>\n<p>x</p>",
       "at [<p>x</p>] line indent []\n"},
      {"no head at all", "<p>x</p>", "at [<p>x</p>] line indent []\n"},
      {"a <title> never closed takes the rest of the page: no place", "<head><title>T<p>x",
       "none\n"},
      {"nor a <template>", "<head><template><p>x", "none\n"},
      {"nor a page that is a comment never closed", "<!DOCTYPE html><!-- x", "none\n"},
      {"rel=\"alternate canonical\" is the canonical",
       "<head><link rel=\"alternate canonical\" hreflang=\"es\" href=\"/x/\"></head>",
       "at [</head>] indent []\n"
       "canonical: <link rel=\"alternate canonical\" hreflang=\"es\" href=\"/x/\"> = "
       "[/x/]\"\n"},
      {"tags after </head> are not the head's",
       "<head></head><body><link rel=\"canonical\" href=\"/x/\"></body>",
       "at [</head><body><link rel=\"canonical\" href=\"/x/\"></body>] indent []\n"},
      {"switchers, anywhere",
       "<head></head><p><a data-l10n-alternate=\"es\" href=\"/es/\">ES</a> <a hidden "
       "data-l10n-alternate=fr>FR</a> <span data-l10n-alternate=\"de\">DE</span></p>",
       "at [</head><p><a data-l10n-alternate=\"es\" href=\"/es/\">ES</a> <a hidden "
       "data-l10n-alternate=fr>FR</a> <span data-l10n-alternate=\"de\">DE</span></p>] indent []\n"
       "switcher es: <a data-l10n-alternate=\"es\" href=\"/es/\"> href [/es/] add at  \n"
       "switcher fr: <a hidden data-l10n-alternate=fr> no href hidden add at  \n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    DiagnosticSink sink;
    Segmentation seg = SegmentHtml(c.html, "post.html", &sink);
    CHECK(Dump(c.html, seg.head) == c.expected);
  }
}

TEST_CASE("front matter: where the slug goes, the slug as written, translationKey") {
  struct Case {
    const char* name;
    std::string text;
    std::string expected;  // syntax, insertion point's line, slug, translationKey
  };
  const Case cases[] = {
      {"YAML", "---\ntitle: T\nslug: \"x\"\n---\nBody\n", "- at [---] slug [\"x\"] key no"},
      {"YAML, translationKey", "---\ntranslationKey: k\n...\nBody\n", "- at [...] slug [] key yes"},
      {"TOML", "+++\ntitle = 'T'\nslug = 'x'\n[params]\n+++\n",
       "+ at [title = 'T'] slug ['x'] key no"},
      {"none", "Body\n", "none"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    DiagnosticSink sink;
    Segmentation seg = MarkdownPostFormat().Segment(c.text, "post.md", SegmentOptions(), &sink);
    const Segmentation::Head& h = seg.head;
    std::string got = "none";
    if (h.found) {
      got = std::string(1, h.syntax) + " at [" +
            c.text.substr(h.insert_at, c.text.find('\n', h.insert_at) - h.insert_at) + "] slug [" +
            Bytes(c.text, h.slug) + "] key " + (h.has_translation_key ? "yes" : "no");
    }
    CHECK(got == c.expected);
  }
}

}  // namespace
}  // namespace l10n
