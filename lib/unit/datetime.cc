#include "unit/datetime.h"

#include <cstddef>

namespace l10n {

namespace {

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

}  // namespace

std::optional<CivilDate> ParseDatetime(std::string_view s) {
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

}  // namespace l10n
