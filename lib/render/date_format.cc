#include "render/date_format.h"

#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include <limits>
#include <memory>
#include <optional>

#include "base/icu_util.h"
#include "base/ui_text.h"

namespace l10n {

namespace {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

// Formats an already translated message; a translation whose placeholders
// fmt rejects is returned as it is rather than throwing.
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at *pos (n <= 9, so no overflow).
bool ReadDigits(std::string_view s, size_t* pos, size_t n, int* value) {
  if (s.size() - *pos < n) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *value = v;
  return true;
}

bool Expect(std::string_view s, size_t* pos, char c) {
  if (*pos >= s.size() || s[*pos] != c) return false;
  ++*pos;
  return true;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// HTML "valid date string": four or more digits (year > 0; we stop at six),
// '-', two-digit month, '-', two-digit day valid for that month in the
// proleptic Gregorian calendar.
bool ParseDatePart(std::string_view s, size_t* pos, CivilDate* date) {
  size_t digits = 0;
  while (*pos + digits < s.size() && IsDigit(s[*pos + digits])) ++digits;
  if (digits < 4 || digits > 6) return false;
  if (!ReadDigits(s, pos, digits, &date->year) || date->year == 0) return false;
  if (!Expect(s, pos, '-') || !ReadDigits(s, pos, 2, &date->month)) return false;
  if (date->month < 1 || date->month > 12) return false;
  if (!Expect(s, pos, '-') || !ReadDigits(s, pos, 2, &date->day)) return false;
  return date->day >= 1 && date->day <= DaysInMonth(date->year, date->month);
}

// HTML "valid time string": HH:MM, optionally :SS, optionally .f to .fff.
bool ParseTimePart(std::string_view s, size_t* pos) {
  int hour = 0, minute = 0, second = 0;
  if (!ReadDigits(s, pos, 2, &hour) || !Expect(s, pos, ':') || !ReadDigits(s, pos, 2, &minute)) {
    return false;
  }
  if (hour > 23 || minute > 59) return false;
  if (*pos < s.size() && s[*pos] == ':') {
    ++*pos;
    if (!ReadDigits(s, pos, 2, &second) || second > 59) return false;
    if (*pos < s.size() && s[*pos] == '.') {
      ++*pos;
      size_t digits = 0;
      while (*pos < s.size() && IsDigit(s[*pos])) ++digits, ++*pos;
      if (digits < 1 || digits > 3) return false;
    }
  }
  return true;
}

// HTML "valid time-zone offset string": "Z", or +HH:MM / -HH:MM / +HHMM.
bool ParseZonePart(std::string_view s, size_t* pos) {
  if (Expect(s, pos, 'Z')) return true;
  if (!Expect(s, pos, '+') && !Expect(s, pos, '-')) return false;
  int hour = 0, minute = 0;
  if (!ReadDigits(s, pos, 2, &hour)) return false;
  Expect(s, pos, ':');
  if (!ReadDigits(s, pos, 2, &minute)) return false;
  return hour <= 23 && minute <= 59;
}

// A valid date string, or a valid local or global date and time string
// (date, 'T' or ' ', time, optional zone). Only the date is returned.
std::optional<CivilDate> ParseHtmlDate(std::string_view s) {
  CivilDate date;
  size_t pos = 0;
  if (!ParseDatePart(s, &pos, &date)) return std::nullopt;
  if (pos == s.size()) return date;
  if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
  ++pos;
  if (!ParseTimePart(s, &pos)) return std::nullopt;
  if (pos < s.size() && !ParseZonePart(s, &pos)) return std::nullopt;
  if (pos != s.size()) return std::nullopt;
  return date;
}

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
    case DateStyle::kShort: return icu::DateFormat::kShort;
    case DateStyle::kMedium: return icu::DateFormat::kMedium;
    case DateStyle::kLong: return icu::DateFormat::kLong;
    case DateStyle::kFull: return icu::DateFormat::kFull;
  }
  return icu::DateFormat::kLong;
}

Status IcuError(const char* what, UErrorCode code) {
  return Status::Error(FormatUi("cannot format date: {} ({})", what, u_errorName(code)));
}

}  // namespace

Result<std::string> FormatDate(std::string_view datetime, std::string_view locale,
                               DateStyle style) {
  std::optional<CivilDate> date = ParseHtmlDate(datetime);
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
