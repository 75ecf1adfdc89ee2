// Dates rendered with ICU (render/date_format.h): whole results compared.
#include "render/date_format.h"

#include <doctest/doctest.h>
#include <unicode/timezone.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace l10n {
namespace {

// "ok:<value>" or "error:<message>".
template <typename T>
std::string Dump(const Result<T>& r) {
  return r.ok() ? "ok:" + r.value() : "error:" + r.status().message();
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

TEST_CASE("FormatDate: a date asked again, in any order of locales and styles, reads the same") {
  // Each is formatted once and kept: what is kept is that locale's and
  // that style's, never another's.
  const char* const datetimes[] = {"2017-08-29", "2016-02-29", "2017-08-29T10:00"};
  const char* const locales[] = {"en", "es", "en-GB", "es-CO"};
  const DateStyle styles[] = {DateStyle::kLong, DateStyle::kMedium, DateStyle::kShort};
  std::vector<std::string> first;
  for (int round = 0; round < 2; ++round) {
    size_t i = 0;
    for (const char* datetime : datetimes) {
      for (const char* locale : locales) {
        for (DateStyle style : styles) {
          std::string got = Dump(FormatDate(datetime, locale, style));
          if (round == 0) {
            first.push_back(got);
          } else {
            CAPTURE(datetime);
            CAPTURE(locale);
            CHECK(got == first[i]);
          }
          ++i;
        }
      }
    }
  }
  CHECK(first[0] == "ok:August 29, 2017");
  CHECK(first[3] == "ok:29 de agosto de 2017");
  CHECK(first[4] == "ok:29 ago 2017");
  CHECK(first[6] == "ok:29 August 2017");
  CHECK(first[first.size() - 3] == "ok:29 de agosto de 2017");
  // Invalid ones are said each time, and keep nothing.
  CHECK(Dump(FormatDate("2017-02-30", "en", DateStyle::kLong)) ==
        "error:invalid date '2017-02-30' in datetime attribute");
  CHECK(Dump(FormatDate("2017-02-30", "en", DateStyle::kLong)) ==
        "error:invalid date '2017-02-30' in datetime attribute");
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
  explicit ScopedTimeZone(const char* zone) : saved_icu_(icu::TimeZone::createDefault()) {
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

}  // namespace
}  // namespace l10n
