#include "base/icu_util.h"

#include <unicode/utf8.h>

namespace l10n {

std::optional<icu::UnicodeString> FromUtf8(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return std::nullopt;
  }
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), n));
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::optional<icu::Locale> MakeLocale(std::string_view id) {
  if (id.empty()) return std::nullopt;
  for (char c : id) {
    if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7f) {
      return std::nullopt;
    }
  }
  std::string s(id);
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = s.find_first_of("_@") == std::string::npos
                           ? icu::Locale::forLanguageTag(s, status)
                           : icu::Locale::createCanonical(s.c_str());
  if (U_FAILURE(status) || locale.isBogus() || *locale.getLanguage() == '\0') {
    return std::nullopt;
  }
  return locale;
}

std::string OpenGraphLocale(std::string_view tag) {
  std::optional<icu::Locale> locale = MakeLocale(tag);
  if (!locale) return "";
  icu::Locale likely = *locale;
  UErrorCode status = U_ZERO_ERROR;
  likely.addLikelySubtags(status);
  if (U_FAILURE(status)) likely = *locale;
  std::string out = locale->getLanguage();
  const char* region = *locale->getCountry() ? locale->getCountry() : likely.getCountry();
  if (*region) out += std::string("_") + region;
  return out;
}

}  // namespace l10n
