// UTF-8: the one module that decodes, encodes and validates it (ICU's U8_*
// macros underneath). Every string in the library is UTF-8; the readers
// convert other charsets first (base/charset.h).
#ifndef L10N_BASE_UTF8_H_
#define L10N_BASE_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace l10n {

// Length of the well-formed UTF-8 sequence at s[i] (1 to 4), or 0 when the
// bytes there are not one: a stray continuation byte, an overlong form, a
// surrogate, a code point over U+10FFFF, a sequence cut short.
size_t Utf8SequenceLength(std::string_view s, size_t i);

// The code point at s[*i], moving *i past it; an ill-formed sequence is
// U+FFFD and moves *i by its maximal ill-formed prefix (at least one byte),
// as ICU's U8_NEXT and the WHATWG decoder do.
char32_t NextCodePoint(std::string_view s, size_t* i);

// Appends code point `c` (a Unicode scalar value; anything else appends
// nothing).
void AppendUtf8(char32_t c, std::string* out);

// The number of bytes UTF-8 takes for scalar value `c`.
size_t Utf8Length(char32_t c);

// Offset of the first byte that is not well-formed UTF-8, or nullopt; with
// `nul_is_invalid`, a NUL byte too. ASCII is skipped eight bytes at a time.
std::optional<size_t> FindInvalidUtf8(std::string_view s, bool nul_is_invalid = false);
inline bool IsValidUtf8(std::string_view s) { return !FindInvalidUtf8(s).has_value(); }

// The largest n <= max_bytes at which `s` can be cut without splitting a
// character (a continuation byte is never a cut point).
size_t Utf8Boundary(std::string_view s, size_t max_bytes);

// At most `max_bytes` of `s` cut at a character boundary, followed by "..."
// when cut: an excerpt for a message.
std::string Utf8Excerpt(std::string_view s, size_t max_bytes);

// `s` with A-Z made a-z and every other byte as it is: HTML's and URLs'
// "ASCII case-insensitive", whatever the process's locale.
std::string LowerAscii(std::string_view s);

}  // namespace l10n

#endif  // L10N_BASE_UTF8_H_
