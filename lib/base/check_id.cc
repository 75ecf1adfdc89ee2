#include "base/check_id.h"

namespace l10n {

namespace {

constexpr const char* kNames[kCheckCount] = {
    "syntax",      "duplicate",      "encoding",    "header", "untranslated", "fuzzy",
    "obsolete",    "stale",          "placeholder", "unsafe", "identical",    "whitespace",
    "punctuation", "inverted-marks", "coverage",    "links",  "slug",
};

}  // namespace

const char* CheckName(Check check) { return kNames[static_cast<int>(check)]; }

std::optional<Check> ParseCheck(std::string_view name) {
  for (int i = 0; i < kCheckCount; ++i) {
    if (name == kNames[i]) return static_cast<Check>(i);
  }
  return std::nullopt;
}

}  // namespace l10n
