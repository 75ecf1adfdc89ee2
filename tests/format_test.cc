// Dates, category slugs, labels and lists (the taxonomy file: taxonomy_test.cc).
#include <doctest/doctest.h>

#include <unicode/timezone.h>

#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "render/category_format.h"
#include "render/date_format.h"
#include "base/diagnostic.h"
#include "catalog/taxonomy.h"

namespace l10n {
namespace {

// "ok:<value>" or "error:<message>".
template <typename T>
std::string Dump(const Result<T>& r) {
  return r.ok() ? "ok:" + r.value() : "error:" + r.status().message();
}

std::string DumpList(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += "[" + s + "]";
  return out;
}

TEST_CASE("FormatDate formats valid dates in the locale") {
  struct Case {
    const char* datetime;
    const char* locale;
    DateStyle style;
    const char* want;
  };
  const Case cases[] = {
      {"2017-08-29", "en", DateStyle::kLong, "ok:August 29, 2017"},
      {"2017-08-29", "es", DateStyle::kLong, "ok:29 de agosto de 2017"},
      {"2017-08-29", "es-PE", DateStyle::kLong, "ok:29 de agosto de 2017"},
      {"2017-08-29", "es_PE", DateStyle::kLong, "ok:29 de agosto de 2017"},
      {"2017-08-29", "es-CO", DateStyle::kLong, "ok:29 de agosto de 2017"},
      {"2017-08-29", "es-419", DateStyle::kLong, "ok:29 de agosto de 2017"},
      {"2017-08-29", "en-GB", DateStyle::kLong, "ok:29 August 2017"},
      {"2017-08-29", "en", DateStyle::kMedium, "ok:Aug 29, 2017"},
      {"2017-08-29", "es", DateStyle::kMedium, "ok:29 ago 2017"},
      {"2017-08-29", "es-PE", DateStyle::kMedium, "ok:29 ago. 2017"},
      {"2017-08-29", "es-CO", DateStyle::kMedium, "ok:29/08/2017"},
      {"2017-08-29", "en", DateStyle::kShort, "ok:8/29/17"},
      {"2017-08-29", "en", DateStyle::kFull, "ok:Tuesday, August 29, 2017"},
      {"2017-08-29", "es", DateStyle::kFull, "ok:martes, 29 de agosto de 2017"},
      // Start and end of the year, both ways round UTC.
      {"2017-01-01", "en", DateStyle::kLong, "ok:January 1, 2017"},
      {"2017-12-31", "es", DateStyle::kLong, "ok:31 de diciembre de 2017"},
      // Leap years: every 4th, not every 100th, but every 400th.
      {"2016-02-29", "en", DateStyle::kLong, "ok:February 29, 2016"},
      {"2000-02-29", "en", DateStyle::kLong, "ok:February 29, 2000"},
      // Proleptic Gregorian, as HTML dates are: no Julian switch in 1582.
      {"1582-10-10", "en", DateStyle::kLong, "ok:October 10, 1582"},
      // Date and time strings: only the date counts, whatever the zone.
      {"2017-08-29T10:00", "en", DateStyle::kLong, "ok:August 29, 2017"},
      {"2017-08-29T23:59:59Z", "en", DateStyle::kLong, "ok:August 29, 2017"},
      {"2017-08-29 00:30+14:00", "en", DateStyle::kLong, "ok:August 29, 2017"},
      {"2017-08-29T23:30:15.250-0500", "es", DateStyle::kLong, "ok:29 de agosto de 2017"},
  };
  for (const Case& c : cases) {
    const std::string datetime = c.datetime;
    CAPTURE(datetime);
    const std::string locale = c.locale;
    CAPTURE(locale);
    CHECK(Dump(FormatDate(c.datetime, c.locale, c.style)) == std::string(c.want));
  }
}

TEST_CASE("FormatDate rejects invalid dates and locales") {
  struct Case {
    const char* datetime;
    const char* locale;
    const char* want;
  };
  const Case cases[] = {
      {"2017-02-30", "en", "error:invalid date '2017-02-30' in datetime attribute"},
      {"2017-02-29", "en", "error:invalid date '2017-02-29' in datetime attribute"},
      {"1900-02-29", "en", "error:invalid date '1900-02-29' in datetime attribute"},
      {"2017-8-29", "en", "error:invalid date '2017-8-29' in datetime attribute"},
      {"2017-13-01", "en", "error:invalid date '2017-13-01' in datetime attribute"},
      {"2017-00-10", "en", "error:invalid date '2017-00-10' in datetime attribute"},
      {"2017-04-31", "en", "error:invalid date '2017-04-31' in datetime attribute"},
      {"0000-01-01", "en", "error:invalid date '0000-01-01' in datetime attribute"},
      {"17-08-29", "en", "error:invalid date '17-08-29' in datetime attribute"},
      {"tomorrow", "en", "error:invalid date 'tomorrow' in datetime attribute"},
      {"", "en", "error:invalid date '' in datetime attribute"},
      {" 2017-08-29", "en", "error:invalid date ' 2017-08-29' in datetime attribute"},
      {"2017-08-29 ", "en", "error:invalid date '2017-08-29 ' in datetime attribute"},
      {"2017-08-29T", "en", "error:invalid date '2017-08-29T' in datetime attribute"},
      {"2017-08-29T24:00", "en", "error:invalid date '2017-08-29T24:00' in datetime attribute"},
      {"2017-08-29T10:00Q", "en", "error:invalid date '2017-08-29T10:00Q' in datetime attribute"},
      {"2017-08-29T10:00:00.1234", "en",
       "error:invalid date '2017-08-29T10:00:00.1234' in datetime attribute"},
      {"2017-08-29", "", "error:invalid locale ''"},
      {"2017-08-29", "es PE", "error:invalid locale 'es PE'"},
      {"2017-08-29", "not a-locale!", "error:invalid locale 'not a-locale!'"},
  };
  for (const Case& c : cases) {
    const std::string datetime = c.datetime;
    CAPTURE(datetime);
    CHECK(Dump(FormatDate(c.datetime, c.locale)) == std::string(c.want));
  }
}

// Sets the process and ICU default time zones for a scope.
class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const char* zone)
      : saved_icu_(icu::TimeZone::createDefault()) {
    if (const char* tz = std::getenv("TZ")) saved_env_ = tz;
    had_env_ = std::getenv("TZ") != nullptr;
    setenv("TZ", zone, 1);
    tzset();
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone(zone));
  }
  ~ScopedTimeZone() {
    if (had_env_) {
      setenv("TZ", saved_env_.c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
    icu::TimeZone::adoptDefault(saved_icu_.release());
  }

 private:
  std::unique_ptr<icu::TimeZone> saved_icu_;
  std::string saved_env_;
  bool had_env_ = false;
};

TEST_CASE("FormatDate does not depend on the process time zone") {
  for (const char* zone : {"America/Lima", "Pacific/Kiritimati", "Pacific/Pago_Pago"}) {
    const std::string zone_name = zone;
    CAPTURE(zone_name);
    ScopedTimeZone scoped(zone);
    CHECK(Dump(FormatDate("2017-08-29", "en")) == "ok:August 29, 2017");
    CHECK(Dump(FormatDate("2017-08-29", "es-PE")) == "ok:29 de agosto de 2017");
    CHECK(Dump(FormatDate("2017-01-01", "es", DateStyle::kFull)) ==
          "ok:domingo, 1 de enero de 2017");
  }
}

TEST_CASE("ParseDateStyle") {
  DateStyle style = DateStyle::kShort;
  CHECK(ParseDateStyle("long", &style));
  CHECK(style == DateStyle::kLong);
  CHECK(ParseDateStyle("medium", &style));
  CHECK(style == DateStyle::kMedium);
  CHECK(ParseDateStyle("full", &style));
  CHECK(style == DateStyle::kFull);
  CHECK(ParseDateStyle("short", &style));
  CHECK(style == DateStyle::kShort);
  CHECK_FALSE(ParseDateStyle("Long", &style));
  CHECK_FALSE(ParseDateStyle("", &style));
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

TEST_CASE("DefaultCategoryPattern") {
  CHECK(DefaultCategoryPattern("en", "es") == "{en} / {es}");
  CHECK(DefaultCategoryPattern("es", "en") == "{es} / {en}");
  CHECK(DefaultCategoryPattern("pt-BR", "en") == "{pt_BR} / {en}");
}

TEST_CASE("FormatCategoryLabel") {
  const Category both{"blog-fieldvisit", {{"en", "Blog fieldvisit"}, {"es", "Visita de campo"}}};
  const Category english{"events", {{"en", "Events"}}};
  const Category bare{"misc", {}};
  const Category apostrophe{"kids", {{"en", "Children's rights"}, {"es", "Niñez"},
                                     {"pt-BR", "Infância"}}};
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
      {{"<a href=\"/category/salud/\">Salud</a>", "<a href=\"/category/hilo/\">hilo</a>"}, "es",
       "ok:<a href=\"/category/salud/\">Salud</a> e <a href=\"/category/hilo/\">hilo</a>"},
      {{"<b>a</b>", "<a title='x > y'>Isla</a>", "<i>b</i>"}, "es",
       "ok:<b>a</b>, <a title='x > y'>Isla</a> y <i>b</i>"},
      {{"<b>a</b>", "<!-- Note --> <em>Isla</em>"}, "es",
       "ok:<b>a</b> e <!-- Note --> <em>Isla</em>"},
      {{"<a href=\"#\">x</a>", "<img src=\"i.png\">", "a, b"}, "en",
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
