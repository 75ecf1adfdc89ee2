#include "render/date_format.h"

#include <fmt/format.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

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

// ICU's date formatting touches state of its own that is shared between
// formatters (ThreadSanitizer sees writes to it while another thread
// formats): one thread at a time. A formatted date takes microseconds.
// The dates kept formatted (FormatDate), at most.
constexpr size_t kFormattedDates = 4096;

std::mutex& IcuDates() {
  static std::mutex mutex;
  return mutex;
}

// The formatter of a locale and style, made once per thread (merge formats
// on every core, and a formatter is not to be shared), with the locale's own
// calendar showing the date in UTC. Null when ICU has none. The caller holds
// IcuDates().
icu::DateFormat* FormatterFor(const icu::Locale& locale, DateStyle style) {
  thread_local std::map<std::pair<std::string, DateStyle>, std::unique_ptr<icu::DateFormat>>
      formatters;
  auto [it, added] = formatters.try_emplace({locale.getName(), style});
  if (!added) return it->second.get();
  std::unique_ptr<icu::DateFormat> formatter(
      icu::DateFormat::createDateInstance(IcuStyle(style), locale));
  if (formatter) {
    std::unique_ptr<icu::Calendar> shown(formatter->getCalendar()->clone());
    MakeProleptic(shown.get());
    shown->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));
    formatter->adoptCalendar(shown.release());
  }
  it->second = std::move(formatter);
  return it->second.get();
}

}  // namespace

Result<std::string> FormatDate(std::string_view datetime, std::string_view locale,
                               DateStyle style) {
  std::optional<CivilDate> date = ParseDatetime(datetime);
  if (!date) {
    return Status::Error(FormatUi("invalid date '{}' in datetime attribute", datetime));
  }
  std::lock_guard<std::mutex> lock(IcuDates());
  // A site shows the same dates on many pages: each is formatted once (a
  // calendar and a locale made for it cost more than the lookup).
  static std::map<std::tuple<std::string, std::string, DateStyle>, std::string> formatted;
  std::tuple<std::string, std::string, DateStyle> key(datetime, locale, style);
  if (auto it = formatted.find(key); it != formatted.end()) return it->second;
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

  icu::DateFormat* formatter = FormatterFor(*icu_locale, style);
  if (!formatter) return IcuError("formatter", U_MISSING_RESOURCE_ERROR);
  icu::UnicodeString text;
  formatter->format(instant, text);
  std::string out;
  text.toUTF8String(out);
  if (formatted.size() >= kFormattedDates) formatted.clear();  // bounded
  formatted.emplace(std::move(key), out);
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
