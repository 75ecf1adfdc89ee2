// The value of a date placeholder (Placeholder::Kind::kDate): an HTML
// datetime attribute, of which only the calendar date counts. The segmenter
// makes a date placeholder only of a value that parses here; merge renders
// the date with ICU in the target language (render/date_format.h).
#ifndef L10N_UNIT_DATETIME_H_
#define L10N_UNIT_DATETIME_H_

#include <optional>
#include <string_view>

namespace l10n {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

// The date of an HTML valid date string "YYYY-MM-DD", or of a valid local or
// global date and time string ("2017-08-29T10:00", "2017-08-29T10:00:00Z",
// "2017-08-29 10:00+02:00"): date, 'T' or ' ', time, optional zone; the date
// part as written, whatever the offset. Strict: 4 to 6 year digits (year >
// 0), two-digit month and day valid in the proleptic Gregorian calendar (so
// 2016-02-29 but not 1900-02-29), no surrounding spaces. Nullopt otherwise.
std::optional<CivilDate> ParseDatetime(std::string_view datetime);

}  // namespace l10n

#endif  // L10N_UNIT_DATETIME_H_
