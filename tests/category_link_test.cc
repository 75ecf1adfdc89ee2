// Category links of a post (post/category_link.h): the slug an href names, bilingual labels.
#include "post/category_link.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace l10n {
namespace {

std::string DumpList(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += "[" + s + "]";
  return out;
}

TEST_CASE("CategorySlug") {
  struct Case {
    const char* href;
    const char* label;
    const char* want;
  };
  const Case cases[] = {
      {"https://example.org/category/blog-fieldvisit/", "Blog fieldvisit", "blog-fieldvisit"},
      {"https://example.org/category/blog-fieldvisit", "", "blog-fieldvisit"},
      {"/es/categoria/visita-de-campo", "Visita de campo", "visita-de-campo"},
      {"/category/projects/water//", "Water", "water"},
      {"/category/events/page/2/", "Events", "events"},
      {"/category/events/?orderby=date#top", "Events", "events"},
      {"?cat=events", "Events", "events"},
      {"https://example.org/?p=12&cat=events&x=1", "Events", "events"},
      {"/?category_name=news", "News", "news"},
      {"/category/", "Noticias del día", "noticias-del-dia"},
      {"", "Blog fieldvisit / Visita de campo", "blog-fieldvisit-visita-de-campo"},
      {"/about/", "  Educación & Niñez!  ", "educacion-ninez"},
      {"#", "Ωμέγα Straße", "omega-strasse"},
      {"", "¡¿?!", ""},
  };
  for (const Case& c : cases) {
    const std::string href = c.href;
    CAPTURE(href);
    const std::string label = c.label;
    CAPTURE(label);
    CHECK(CategorySlug(c.href, c.label) == std::string(c.want));
  }
}

TEST_CASE("SplitBilingualLabel") {
  struct Case {
    const char* label;
    const char* want;
  };
  const Case cases[] = {
      {"Blog fieldvisit / Visita de campo", "[Blog fieldvisit][Visita de campo]"},
      {"  Blog fieldvisit   /  Visita de campo \n", "[Blog fieldvisit][Visita de campo]"},
      {"Blog fieldvisit\xC2\xA0/ Visita de campo", "[Blog fieldvisit][Visita de campo]"},
      {"Agua/Saneamiento / Water/Sanitation", "[Agua/Saneamiento][Water/Sanitation]"},
      {"Events", "[Events]"},
      {"  Events  ", "[Events]"},
      {"Events /", "[Events /]"},
      {"", "[]"},
  };
  for (const Case& c : cases) {
    const std::string label = c.label;
    CAPTURE(label);
    CHECK(DumpList(SplitBilingualLabel(c.label)) == std::string(c.want));
  }
}

}  // namespace
}  // namespace l10n
