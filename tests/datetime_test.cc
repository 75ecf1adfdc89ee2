// The value of a date placeholder (unit/datetime.h): what reads as a date,
// and the date it reads as.
#include "unit/datetime.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace l10n {
namespace {

std::string Dump(std::string_view datetime) {
  std::optional<CivilDate> date = ParseDatetime(datetime);
  if (!date) return "none";
  return std::to_string(date->year) + "/" + std::to_string(date->month) + "/" +
         std::to_string(date->day);
}

TEST_CASE("ParseDatetime") {
  struct Case {
    const char* datetime;
    const char* want;
  };
  const Case kCases[] = {
      {"2017-08-29", "2017/8/29"},
      {"2016-02-29", "2016/2/29"},
      {"2000-02-29", "2000/2/29"},
      {"0001-01-01", "1/1/1"},
      {"123456-12-31", "123456/12/31"},
      // Date and time, with or without a zone: the date as written.
      {"2017-08-29T10:00", "2017/8/29"},
      {"2017-08-29 23:59:59.999", "2017/8/29"},
      {"2017-08-29T10:00:00Z", "2017/8/29"},
      {"2017-08-29T00:30+02:00", "2017/8/29"},
      {"2017-08-29T00:30-0230", "2017/8/29"},
      // Not dates.
      {"", "none"},
      {"2017-02-30", "none"},
      {"1900-02-29", "none"},
      {"0000-01-01", "none"},
      {"1234567-01-01", "none"},
      {"17-08-29", "none"},
      {"2017-8-29", "none"},
      {"2017-13-01", "none"},
      {" 2017-08-29", "none"},
      {"2017-08-29 ", "none"},
      {"2017-08-29T24:00", "none"},
      {"2017-08-29T10:60", "none"},
      {"2017-08-29T10:00:60", "none"},
      {"2017-08-29T10:00:00.1234", "none"},
      {"2017-08-29T10:00+24:00", "none"},
      {"2017-08-29T10:00Y", "none"},
      {"2017-08-29X10:00", "none"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.datetime);
    CHECK(Dump(c.datetime) == c.want);
  }
}

}  // namespace
}  // namespace l10n
