// Dates rendered with ICU in the page's locale. A post's <time datetime> is a
// calendar date, so it is formatted in UTC: the day never shifts.
#ifndef L10N_RENDER_DATE_FORMAT_H_
#define L10N_RENDER_DATE_FORMAT_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace l10n {

enum class DateStyle { kShort, kMedium, kLong, kFull };

// `datetime` is an HTML date or date and time string, read by ParseDatetime
// (unit/datetime.h): only its date part is used, as written, whatever the
// offset. `locale` is a BCP 47 tag or an ICU
// id ("en", "es", "es-PE", "es_PE"). Long style: en "August 29, 2017",
// es "29 de agosto de 2017". The result is UTF-8 and never depends on the
// process or ICU default time zone.
// Errors (messages without location; the caller adds it):
//   invalid date '2017-02-30' in datetime attribute
//   invalid locale 'es PE'
//   cannot format date: ... (ICU failure)
Result<std::string> FormatDate(std::string_view datetime, std::string_view locale,
                               DateStyle style = DateStyle::kLong);

// Parses "long", "medium", "short", "full".
bool ParseDateStyle(std::string_view name, DateStyle* style);

}  // namespace l10n

#endif  // L10N_RENDER_DATE_FORMAT_H_
