#include "render/date_format.h"

#include <fmt/format.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <limits>
#include <memory>
#include <optional>

#include "base/icu_util.h"
#include "base/ui_text.h"
#include "unit/datetime.h"

namespace l10n {

namespace {

// GMT, whose calendar is Gregorian back to the beginning (HTML dates are
// proleptic Gregorian; ICU switches to Julian before 1582-10-15 by default).
void MakeProleptic(icu::Calendar* calendar) {
  if (auto* gregorian = dynamic_cast<icu::GregorianCalendar*>(calendar)) {
    UErrorCode status = U_ZERO_ERROR;
    gregorian->setGregorianChange(-std::numeric_limits<double>::max(), status);
  }
}

icu::DateFormat::EStyle IcuStyle(DateStyle style) {
  switch (style) {
    case DateStyle::kShort:
      return icu::DateFormat::kShort;
    case DateStyle::kMedium:
      return icu::DateFormat::kMedium;
    case DateStyle::kLong:
      return icu::DateFormat::kLong;
    case DateStyle::kFull:
      return icu::DateFormat::kFull;
  }
  return icu::DateFormat::kLong;
}

Status IcuError(const char* what, UErrorCode code) {
  return Status::Error(FormatUi("cannot format date: {} ({})", what, u_errorName(code)));
}

}  // namespace

Result<std::string> FormatDate(std::string_view datetime, std::string_view locale,
                               DateStyle style) {
  std::optional<CivilDate> date = ParseDatetime(datetime);
  if (!date) {
    return Status::Error(FormatUi("invalid date '{}' in datetime attribute", datetime));
  }
  std::optional<icu::Locale> icu_locale = MakeLocale(locale);
  if (!icu_locale) return Status::Error(FormatUi("invalid locale '{}'", locale));

  // The instant of midnight UTC at the start of that day.
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), status);
  if (U_FAILURE(status)) return IcuError("calendar", status);
  MakeProleptic(&calendar);
  calendar.clear();
  calendar.set(date->year, date->month - 1, date->day);  // ICU months are 0-based
  UDate instant = calendar.getTime(status);
  if (U_FAILURE(status)) return IcuError("calendar", status);

  std::unique_ptr<icu::DateFormat> formatter(
      icu::DateFormat::createDateInstance(IcuStyle(style), *icu_locale));
  if (!formatter) return IcuError("formatter", U_MISSING_RESOURCE_ERROR);
  // The formatter's own calendar (the locale's) shows the date, in UTC.
  std::unique_ptr<icu::Calendar> shown(formatter->getCalendar()->clone());
  MakeProleptic(shown.get());
  shown->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));
  formatter->adoptCalendar(shown.release());

  icu::UnicodeString text;
  formatter->format(instant, text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool ParseDateStyle(std::string_view name, DateStyle* style) {
  if (name == "short") {
    *style = DateStyle::kShort;
  } else if (name == "medium") {
    *style = DateStyle::kMedium;
  } else if (name == "long") {
    *style = DateStyle::kLong;
  } else if (name == "full") {
    *style = DateStyle::kFull;
  } else {
    return false;
  }
  return true;
}

}  // namespace l10n
