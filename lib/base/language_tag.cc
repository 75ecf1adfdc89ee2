#include "base/language_tag.h"

#include <unicode/uloc.h>

namespace l10n {

bool IsLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  std::string bcp47(tag);
  for (char& c : bcp47) {
    if (c == '_') c = '-';
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  char id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(bcp47.c_str(), id, sizeof id, &parsed, &status);
  return U_SUCCESS(status) && parsed == static_cast<int32_t>(bcp47.size()) && id[0] != '\0' &&
         id[0] != '_';
}

std::string PrimaryLanguage(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

}  // namespace l10n
