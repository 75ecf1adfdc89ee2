// The site's links: found in a page (Segmentation::links, HTML and
// Markdown), rewritten for the target page (SiteLinkEdits) and merged with
// the translations (MergePost), whole pages compared.
#include "render/site_links.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "post/markdown_escape.h"
#include "post/post_formats.h"
#include "render/merge.h"

namespace l10n {
namespace {

SiteMap TestSite() {
  SiteSettings s;
  s.base_url = "https://www.example.org";
  s.post_url = {{"en", "/{slug}/"}, {"es", "/es/{slug}/"}};
  s.category_url = {{"en", "/category/{slug}/"}, {"es", "/es/categoria/{slug}/"}};
  s.pages = {{{"en", "/"}, {"es", "/es/"}},
             {{"en", "/about-us/"}, {"es", "/es/quienes-somos/"}},
             {{"en", "/a b/"}, {"es", "/es/a (b)/"}}};
  SiteMap site(s);
  site.AddPost("posts/visit.html", "en", "field-visit", true);
  site.AddPost("posts/visit.html", "es", "visita-de-campo", true);
  site.AddPost("posts/lima.html", "en", "lima", true);
  site.AddPost("posts/lima.html", "es", "lima", true);
  site.AddPost("posts/draft.html", "en", "draft", true);
  site.AddPost("posts/draft.html", "es", "borrador", false);  // below keep
  site.AddCategory("events", "en", "events");
  site.AddCategory("events", "es", "eventos");
  return site;
}

// `text` (the post at /lima/) merged into `target` with `translations`,
// its links rewritten for its page there.
std::string MergeForSite(const std::string& text, const std::string& path,
                         const std::map<std::string, std::string>& translations = {},
                         const std::string& target = "es") {
  static SiteMap site = TestSite();
  DiagnosticSink sink;
  Segmentation seg = PostFormatFor(path).Segment(text, path, SegmentOptions(), &sink);
  SitePage from{&site, "posts/lima.html", "en", "/lima/"};
  SitePage to{&site, "posts/lima.html", target, target == "en" ? "/lima/" : "/es/lima/"};
  MergeOptions options;
  options.source_lang = "en";
  options.target_lang = target;
  options.translate = [&](const Unit& u) -> std::optional<Translation> {
    auto it = translations.find(u.text);
    if (it == translations.end()) return std::nullopt;
    return Translation{it->second, "es.po", 7, nullptr};
  };
  options.edits = SiteLinkEdits(text, seg, from, to);
  std::string out = MergePost(text, path, seg, options, &sink).html;
  for (const Diagnostic& d : sink.diagnostics()) out += "\n" + d.Render();
  return out;
}

std::string ListLinks(const std::string& text, const std::string& path) {
  DiagnosticSink sink;
  Segmentation seg = PostFormatFor(path).Segment(text, path, SegmentOptions(), &sink);
  std::string got;
  for (const Segmentation::Link& l : seg.links) {
    got += text.substr(l.range.begin, l.range.end - l.range.begin) + " " +
           (l.quote ? std::string(1, l.quote) : "0") + " " + l.url + "\n";
  }
  return got;
}

TEST_CASE("HTML links: every href of <a> and <area>, as written, inside units and out") {
  const std::string html =
      "<html lang=\"en\"><head><link href=\"/field-visit/\"></head><body>\n"
      "<nav><a href=\"/\">Home</a><a href='/about-us/'>About</a><a href=/lima/>x</a></nav>\n"
      "<p>See <a href=\"/field-visit/?a=1&amp;b=2\">the visit</a>.</p>\n"
      "<map><area href=\"/category/events/\"></map><a>none</a><a href>empty</a>\n"
      "<svg><a href=\"/svg/\"></a></svg><b><p>x<a href=\"/clone/\">y<p>z</a></b>\n"
      "</body></html>";
  CHECK(ListLinks(html, "p.html") ==
        "/ \" /\n"
        "/about-us/ ' /about-us/\n"
        "/lima/ 0 /lima/\n"
        "/field-visit/?a=1&amp;b=2 \" /field-visit/?a=1&b=2\n"
        "/category/events/ \" /category/events/\n"
        "/svg/ \" /svg/\n"
        "/clone/ \" /clone/\n");
}

TEST_CASE("HTML links: with a <base href>, relative paths are not the page's") {
  const std::string html =
      "<html lang=\"en\"><head><base href=\"https://cdn.example.org/\"></head><body>\n"
      "<a href=\"../lima/\">1</a><a href=\"lima\">2</a><a href=\"/lima/\">3</a>"
      "<a href=\"https://www.example.org/lima/\">4</a><a href=\"#top\">5</a>"
      "<a href=\"x/y:z\">6</a></body></html>";
  CHECK(ListLinks(html, "p.html") ==
        "/lima/ \" /lima/\n"
        "https://www.example.org/lima/ \" https://www.example.org/lima/\n"
        "#top \" #top\n");
}

TEST_CASE("Markdown links: inline and definition destinations, not images nor autolinks") {
  const std::string md =
      "---\ntitle: T\n---\n\n"
      "See [the visit](/field-visit/ \"title\"), [lima](<../lima/>) and [ref][r].\n"
      "![img](/image.png) <https://www.example.org/field-visit/> www.example.org\n\n"
      "[r]: https://www.example.org/category/events/\n"
      "[unused]: <a&amp;b> 'title'\n\n"
      "    [code](/not/)\n";
  CHECK(ListLinks(md, "p.md") ==
        "/field-visit/ 0 /field-visit/\n"
        "../lima/ < ../lima/\n"
        "https://www.example.org/category/events/ 0 https://www.example.org/category/events/\n"
        "a&amp;b < a&b\n");
}

TEST_CASE("SiteLinkEdits: each link form rewritten in its form, the rest as written") {
  const std::string html =
      "<html lang=\"en\"><body>\n"
      "<a href=\"https://www.example.org/field-visit/\">1</a>\n"
      "<a href=\"HTTP://WWW.EXAMPLE.ORG/field-visit\">2</a>\n"
      "<a href=\"//www.example.org/field-visit/#photos\">3</a>\n"
      "<a href=\"/field-visit/?ref=home&amp;x=1\">4</a>\n"
      "<a href=\"../field-visit/\">5</a>\n"
      "<a href=\"../field-visit/index.html\">6</a>\n"
      "<a href=\"/category/events/\">7</a>\n"
      "<a href='/about-us/#team'>8</a>\n"
      "<a href=/>9</a>\n"
      "<a href=\"/draft/\">10</a>\n"
      "<a href=\"/gallery/\">11</a>\n"
      "<a href=\"https://other.org/field-visit/\">12</a>\n"
      "<a href=\"mailto:x@example.org\">13</a>\n"
      "<a href=\"#top\">14</a>\n"
      "<area href=\"/es/visita-de-campo/\">\n"
      "<p>Inside <a href=\"/field-visit/\">a unit</a>.</p>\n"
      "</body></html>";
  CHECK(MergeForSite(html, "posts/lima.html",
                     {{"Inside <a>a unit</a>.", "Dentro de <a>una unidad</a>."}}) ==
        "<html lang=\"es\"><body>\n"
        "<a href=\"https://www.example.org/es/visita-de-campo/\">1</a>\n"
        "<a href=\"HTTP://WWW.EXAMPLE.ORG/es/visita-de-campo/\">2</a>\n"
        "<a href=\"//www.example.org/es/visita-de-campo/#photos\">3</a>\n"
        "<a href=\"/es/visita-de-campo/?ref=home&amp;x=1\">4</a>\n"
        "<a href=\"../visita-de-campo/\">5</a>\n"
        "<a href=\"../visita-de-campo/\">6</a>\n"
        "<a href=\"/es/categoria/eventos/\">7</a>\n"
        "<a href='/es/quienes-somos/#team'>8</a>\n"
        "<a href=/es/>9</a>\n"
        "<a href=\"/draft/\">10</a>\n"
        "<a href=\"/gallery/\">11</a>\n"
        "<a href=\"https://other.org/field-visit/\">12</a>\n"
        "<a href=\"mailto:x@example.org\">13</a>\n"
        "<a href=\"#top\">14</a>\n"
        "<area href=\"/es/visita-de-campo/\">\n"
        "<p>Dentro de <a href=\"/es/visita-de-campo/\">una unidad</a>.</p>\n"
        "</body></html>");
}

TEST_CASE("SiteLinkEdits: a URL is escaped for its attribute and its Markdown destination") {
  CHECK(HtmlAttributeUrl("/a?x=1&y='\"", '"') == "/a?x=1&amp;y='&quot;");
  CHECK(HtmlAttributeUrl("/a?x=1&y='\"", '\'') == "/a?x=1&amp;y=&#39;\"");
  CHECK(HtmlAttributeUrl("/a b=<c>`", 0) == "/a&#32;b&#61;&#60;c&#62;&#96;");
  struct Case {
    std::string url;
    bool angle;
    std::string expected;
  };
  const Case cases[] = {
      {"/es/visita/", false, "/es/visita/"},
      {"/es/a (b)/", false, "</es/a (b)/>"},
      {"/es/(b)/", false, "/es/\\(b\\)/"},
      {"/es/a b/", true, "/es/a b/"},
      {"/es/<b>/", true, "/es/\\<b\\>/"},
      {"/a\\b", false, "/a\\\\b"},
      {"/a?x=1&amp;", false, "/a?x=1\\&amp;"},
      {"/a?x=1&y=2", false, "/a?x=1&y=2"},
      {"/a\nb", false, "/a%0Ab"},
      {"", false, "<>"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.url);
    std::string written = MarkdownDestination(c.url, c.angle);
    CHECK(written == c.expected);
    // What CommonMark reads back.
    bool bracketed = !c.angle && !written.empty() && written.front() == '<';
    std::string inner = bracketed ? written.substr(1, written.size() - 2) : written;
    if (c.url.find('\n') == std::string::npos) CHECK(DecodeMarkdownDestination(inner) == c.url);
  }
}

TEST_CASE("SiteLinkEdits: Markdown inline links and definitions, in their syntax") {
  const std::string md =
      "---\ntitle: Lima\n---\n\n"
      "See [the visit](/field-visit/ \"Photos\") and [us][about].\n\n"
      "[about]: <https://www.example.org/about-us/>\n"
      "[odd]: /a%20b/\n"
      "[events]: ../category/events/#2024\n"
      "[draft]: /draft/\n";
  CHECK(MergeForSite(md, "posts/lima.md") ==
        "---\ntitle: Lima\n---\n\n"
        "See [the visit](/es/visita-de-campo/ \"Photos\") and [us][about].\n\n"
        "[about]: <https://www.example.org/es/quienes-somos/>\n"
        "[odd]: /a%20b/\n"
        "[events]: ../categoria/eventos/#2024\n"
        "[draft]: /draft/\n");
}

TEST_CASE("SiteLinkEdits: none on a page in the post's own language, none without [site]") {
  const std::string html =
      "<html lang=\"en\"><body><p><a href=\"/field-visit/\">x</a></p></body></html>";
  CHECK(MergeForSite(html, "posts/lima.html", {}, "en") == html);
  SiteMap empty{SiteSettings()};
  DiagnosticSink sink;
  Segmentation seg = PostFormatFor("p.html").Segment(html, "p.html", SegmentOptions(), &sink);
  CHECK(
      SiteLinkEdits(html, seg, {&empty, "p", "en", "/p/"}, {&empty, "p", "es", "/es/p/"}).empty());
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

TEST_CASE("SiteLinkEdits: a language switcher's href is left to the switcher") {
  // "/" names the home page, which has a Spanish URL; in a switcher it is
  // the post's page in English (render/site_head.h), not the home page's.
  const std::string html =
      "<html lang=\"en\"><body><p><a data-l10n-alternate=\"en\" href=\"/\">English</a> "
      "<a href=\"/\">Home</a></p></body></html>";
  static SiteMap site = TestSite();
  DiagnosticSink sink;
  Segmentation seg = PostFormatFor("p.html").Segment(html, "p.html", SegmentOptions(), &sink);
  std::vector<TextEdit> edits = SiteLinkEdits(html, seg, {&site, "posts/lima.html", "en", "/lima/"},
                                              {&site, "posts/lima.html", "es", "/es/lima/"});
  REQUIRE(edits.size() == 1);
  CHECK(html.substr(edits[0].range.begin - 6, 12) == "href=\"/\">Hom");
  CHECK(edits[0].text == "/es/");
}

}  // namespace
}  // namespace l10n
