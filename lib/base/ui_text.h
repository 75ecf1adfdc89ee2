// The tools' own user-facing text goes through GNU gettext (libintl), domain
// "l10n-tools". The library marks its messages with _() too, so diagnostics
// come out in the user's language.
#ifndef L10N_BASE_UI_TEXT_H_
#define L10N_BASE_UI_TEXT_H_

#include <fmt/format.h>
#include <libintl.h>

#include <string>
#include <utility>

#define _(s) ::l10n::Translate(s)
#define N_(s) (s)

namespace l10n {

inline constexpr const char kTextDomain[] = "l10n-tools";

inline const char* Translate(const char* msgid) { return dgettext(kTextDomain, msgid); }

// fmt::format with a translated format string: FormatUi("{} strings", n).
// A translation whose placeholders are broken falls back to the English
// text rather than failing.
template <typename... Args>
std::string FormatUi(const char* msgid, const Args&... args) {
  try {
    return fmt::vformat(Translate(msgid), fmt::make_format_args(args...));
  } catch (const fmt::format_error&) {
    return fmt::vformat(msgid, fmt::make_format_args(args...));
  }
}

// The same for a message with a count: ngettext picks the form for `n`.
template <typename... Args>
std::string FormatUiPlural(const char* singular, const char* plural, unsigned long n,
                           const Args&... args) {
  const char* format = dngettext(kTextDomain, singular, plural, n);
  try {
    return fmt::vformat(format, fmt::make_format_args(args...));
  } catch (const fmt::format_error&) {
    return fmt::vformat(n == 1 ? singular : plural, fmt::make_format_args(args...));
  }
}

// setlocale(LC_ALL, ""), bindtextdomain to the installed or build-tree
// catalogs, bind_textdomain_codeset UTF-8. Call once from main().
void InitUiText(const char* argv0);

}  // namespace l10n

#endif  // L10N_BASE_UI_TEXT_H_
