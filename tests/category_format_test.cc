// Category labels and lists rendered with ICU (render/category_format.h).
#include "render/category_format.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "catalog/taxonomy.h"

namespace l10n {
namespace {

// "ok:<value>" or "error:<message>".
template <typename T>
std::string Dump(const Result<T>& r) {
  return r.ok() ? "ok:" + r.value() : "error:" + r.status().message();
}

TEST_CASE("DefaultCategoryPattern") {
  CHECK(DefaultCategoryPattern("en", "es") == "{en} / {es}");
  CHECK(DefaultCategoryPattern("es", "en") == "{es} / {en}");
  CHECK(DefaultCategoryPattern("pt-BR", "en") == "{pt_BR} / {en}");
}

TEST_CASE("FormatCategoryLabel") {
  const Category both{"blog-fieldvisit", {{"en", "Blog fieldvisit"}, {"es", "Visita de campo"}}};
  const Category english{"events", {{"en", "Events"}}};
  const Category bare{"misc", {}};
  const Category apostrophe{"kids",
                            {{"en", "Children's rights"}, {"es", "Niñez"}, {"pt-BR", "Infância"}}};
  struct Case {
    const char* pattern;
    const char* page;
    const char* other;
    const Category* category;
    const char* want;
  };
  const Case cases[] = {
      {"{en} / {es}", "en", "es", &both, "ok:Blog fieldvisit / Visita de campo"},
      {"{es} / {en}", "es", "en", &both, "ok:Visita de campo / Blog fieldvisit"},
      {"{name}", "en", "es", &both, "ok:Blog fieldvisit"},
      {"{name}", "es", "en", &both, "ok:Visita de campo"},
      {"{name}", "es-PE", "en", &both, "ok:Visita de campo"},
      {"{name} ({other})", "es", "en", &both, "ok:Visita de campo (Blog fieldvisit)"},
      // A missing name falls back to the other language, then to the slug.
      {"{es} / {en}", "es", "en", &english, "ok:Events / Events"},
      {"{name} / {other}", "es", "en", &english, "ok:Events / Events"},
      {"{en} / {es}", "en", "es", &bare, "ok:misc / misc"},
      {"{fr}", "es", "en", &both, "ok:Visita de campo"},
      {"{pt_BR} / {en}", "pt-BR", "en", &apostrophe, "ok:Infância / Children's rights"},
      // Apostrophes: values are never parsed; in the pattern '' is one
      // apostrophe, '{' a literal brace, and a lone ' before a letter stays.
      {"{en}", "en", "es", &apostrophe, "ok:Children's rights"},
      {"It's {name}", "en", "es", &both, "ok:It's Blog fieldvisit"},
      {"''{name}''", "en", "es", &both, "ok:'Blog fieldvisit'"},
      {"'{name}' = {name}", "en", "es", &both, "ok:{name} = Blog fieldvisit"},
      {"{lang, select, en {{en}} other {{es}}}", "en", "es", &both,
       "error:invalid category pattern '{lang, select, en {{en}} other {{es}}}': argument 'lang' "
       "is not 'name', 'other' or a language code"},
      {"{en / {es}", "en", "es", &both,
       "error:invalid category pattern '{en / {es}': syntax error"},
      {"{en} / {es", "en", "es", &both,
       "error:invalid category pattern '{en} / {es': unmatched braces"},
      {"{0} / {1}", "en", "es", &both,
       "error:invalid category pattern '{0} / {1}': argument '0' is not 'name', 'other' or a "
       "language code"},
      {"{english}", "en", "es", &both,
       "error:invalid category pattern '{english}': argument 'english' is not 'name', 'other' "
       "or a language code"},
      {"{en, number}", "en", "es", &both,
       "error:invalid category pattern '{en, number}': unsupported argument type"},
      {"{en, foo}", "en", "es", &both,
       "error:invalid category pattern '{en, foo}': unsupported argument type"},
      {"{name} \xFF", "en", "es", &both,
       "error:invalid category pattern '{name} \xFF': not valid UTF-8"},
  };
  for (const Case& c : cases) {
    const std::string pattern = c.pattern;
    CAPTURE(pattern);
    CHECK(Dump(FormatCategoryLabel(c.pattern, c.page, c.other, *c.category)) ==
          std::string(c.want));
  }
}

TEST_CASE("JoinList") {
  struct Case {
    std::vector<std::string> items;
    const char* locale;
    const char* want;
  };
  const Case cases[] = {
      {{}, "en", "ok:"},
      {{"a"}, "en", "ok:a"},
      {{"a", "b"}, "en", "ok:a and b"},
      {{"a", "b", "c"}, "en", "ok:a, b, and c"},
      {{"a"}, "es", "ok:a"},
      {{"a", "b"}, "es", "ok:a y b"},
      {{"a", "b", "c"}, "es", "ok:a, b y c"},
      {{"a", "b", "hilo"}, "es", "ok:a, b e hilo"},
      {{"agua", "Isla"}, "es-PE", "ok:agua e Isla"},
      // "hie-" is not an i-sound.
      {{"agua", "hielo"}, "es", "ok:agua y hielo"},
      // Markup goes through verbatim; the connector follows the visible text.
      {{"<a href=\"/category/salud/\">Salud</a>", "<a href=\"/category/hilo/\">hilo</a>"},
       "es",
       "ok:<a href=\"/category/salud/\">Salud</a> e <a href=\"/category/hilo/\">hilo</a>"},
      {{"<b>a</b>", "<a title='x > y'>Isla</a>", "<i>b</i>"},
       "es",
       "ok:<b>a</b>, <a title='x > y'>Isla</a> y <i>b</i>"},
      {{"<b>a</b>", "<!-- Note --> <em>Isla</em>"},
       "es",
       "ok:<b>a</b> e <!-- Note --> <em>Isla</em>"},
      {{"<a href=\"#\">x</a>", "<img src=\"i.png\">", "a, b"},
       "en",
       "ok:<a href=\"#\">x</a>, <img src=\"i.png\">, and a, b"},
      {{"1 < 2", "3 > 2"}, "en", "ok:1 < 2 and 3 > 2"},
      {{"a", "b\xFF"}, "en", "error:list item 2 is not valid UTF-8"},
      {{"a", "b"}, "e s", "error:invalid locale 'e s'"},
  };
  for (const Case& c : cases) {
    const std::string locale = c.locale;
    CAPTURE(locale);
    const std::string want = c.want;
    CAPTURE(want);
    CHECK(Dump(JoinList(c.items, c.locale)) == std::string(c.want));
  }
}

}  // namespace
}  // namespace l10n
