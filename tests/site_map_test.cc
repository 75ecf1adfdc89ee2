#include "render/site_map.h"

#include <doctest/doctest.h>

namespace l10n {
namespace {

SiteMap CorpusLikeSite() {
  SiteSettings s;
  s.base_url = "https://www.example.org/";
  s.post_url = {{"en", "/{slug}/"}, {"es", "/es/{slug}/"}};
  s.category_url = {{"en", "/category/{slug}/"}, {"es", "/es/categoria/{slug}/"}};
  s.pages = {{{"en", "/"}, {"es", "/es/"}},
             {{"en", "/about-us/"}, {"es", "/es/quienes-somos/"}},
             {{"es", "/es/el-codigo/"}}};
  SiteMap site(s);
  site.AddPost("corpus/visit.html", "en", "field-visit", true);
  site.AddPost("corpus/visit.html", "es", "visita-de-campo", true);
  site.AddPost("corpus/draft.html", "en", "draft", true);
  site.AddPost("corpus/draft.html", "es", "draft", false);  // below keep
  site.AddCategory("events", "en", "events");
  site.AddCategory("events", "es", "eventos");
  return site;
}

TEST_CASE("SiteMap: every form of a link to a post, category or page is rewritten in its form") {
  SiteMap site = CorpusLikeSite();
  struct Case {
    std::string href;
    std::string expected;  // "" when the link stays
  };
  const Case cases[] = {
      {"https://www.example.org/field-visit/", "https://www.example.org/es/visita-de-campo/"},
      {"https://WWW.Example.org/field-visit", "https://WWW.Example.org/es/visita-de-campo/"},
      {"http://www.example.org/field-visit/#photos",
       "http://www.example.org/es/visita-de-campo/#photos"},
      {"//www.example.org/field-visit/?ref=home", "//www.example.org/es/visita-de-campo/?ref=home"},
      {"/field-visit/", "/es/visita-de-campo/"},
      {"/field-visit/index.html", "/es/visita-de-campo/"},
      {"../field-visit/", "../visita-de-campo/"},
      {"/category/events/", "/es/categoria/eventos/"},
      {"/about-us/", "/es/quienes-somos/"},
      {"https://www.example.org/", "https://www.example.org/es/"},
      {"/", "/es/"},
      {"/draft/", ""},  // not published in es
      {"/es/el-codigo/", "/es/el-codigo/"},
      {"https://other.org/field-visit/", ""},
      {"mailto:info@example.org", ""},
      {"#top", ""},
      {"/gallery/", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.href);
    std::optional<SiteTarget> target = site.Resolve(c.href, "/some-post/");
    std::optional<std::string> out;
    if (target) out = site.Rewrite(c.href, *target, "es", "/es/otro/");
    CHECK(out.value_or("") == c.expected);
  }
}

TEST_CASE("SiteMap: a Spanish page's links to Spanish URLs are recognised and go back to English") {
  SiteMap site = CorpusLikeSite();
  std::optional<SiteTarget> target = site.Resolve("/es/visita-de-campo/", "/es/otro/");
  REQUIRE(target);
  CHECK(target->kind == SiteTarget::Kind::kPost);
  CHECK(target->key == "corpus/visit.html");
  CHECK(target->lang == "es");
  CHECK(site.Rewrite("/es/visita-de-campo/", *target, "en", "/other/").value_or("") ==
        "/field-visit/");
  CHECK(site.Rewrite("../visita-de-campo/", *site.Resolve("../visita-de-campo/", "/es/otro/"), "en",
                     "/other/")
            .value_or("") == "../field-visit/");
  // A page with no English URL stays.
  CHECK_FALSE(
      site.Rewrite("/es/el-codigo/", *site.Resolve("/es/el-codigo/", "/es/x/"), "en", "/x/"));
}

TEST_CASE("SiteMap: a base URL with a path, and no settings at all") {
  SiteSettings s;
  s.base_url = "https://example.org/blog";
  s.post_url = {{"en", "/{slug}/"}, {"es", "/es/{slug}/"}};
  SiteMap site(s);
  site.AddPost("a.md", "en", "a", true);
  site.AddPost("a.md", "es", "a-es", true);
  std::optional<SiteTarget> t = site.Resolve("/blog/a/", "/x/");
  REQUIRE(t);
  CHECK(site.Rewrite("/blog/a/", *t, "es", "/es/x/").value_or("") == "/blog/es/a-es/");
  CHECK_FALSE(site.Resolve("/a/", "/x/"));
  CHECK_FALSE(site.Resolve("/blogger/a/", "/x/"));

  SiteMap none{SiteSettings{}};
  none.AddPost("a.md", "en", "a", true);
  CHECK_FALSE(none.Resolve("/a/", "/x/"));
}

}  // namespace
}  // namespace l10n
