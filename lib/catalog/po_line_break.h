// Unicode line breaking and column widths of PO strings, exactly as gettext
// computes them: GNU libunistring's ulc_width_linebreaks() and uc_width(),
// the functions gettext's write-po.c calls. This is the one module that
// talks to libunistring; po_wrap (writing strings) and po_wrap_detect
// (guessing the width a file was written with) are built on it.
//
// Offsets are in bytes. Encodings are charset names as iconv knows them
// ("UTF-8", "EUC-JP"); a legacy CJK one (EUC-JP, GB2312, GBK, EUC-TW, BIG5,
// EUC-KR, CP949, JOHAB) makes ambiguous characters two columns wide.
#ifndef L10N_CATALOG_PO_LINE_BREAK_H_
#define L10N_CATALOG_PO_LINE_BREAK_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace l10n {

// Per byte of a string: whether a line may break before it. The values are
// libunistring's UC_BREAK_* ones.
enum PoBreak : char {
  kPoBreakUndefined = 0,  // as an override: no opinion
  kPoBreakProhibited = 1,
  kPoBreakPossible = 2,
  kPoBreakMandatory = 3,
};

// Columns character `c` takes (uc_width): 2 for East Asian wide characters,
// 0 for combining marks and format characters, -1 for control characters.
int PoCharWidth(char32_t c, const char* encoding);

// Columns that UTF-8 `text` takes on a line as gettext counts them when
// wrapping (control characters not counted; an invalid byte takes one).
int PoColumns(std::string_view text);

// Where gettext may first break a line inside `escaped`, the contents of a
// string as written in a PO file (UTF-8, escapes included): the offset of the
// first character after the start that a line may begin with, or
// escaped.size(). A line is assumed to start at escaped[0], and a final
// "\n" to end the string.
size_t PoNextBreak(std::string_view escaped);

// ulc_width_linebreaks(): fills breaks[0, text.size()) with the breaks
// needed so that no line of `text` (in `encoding`) exceeds `width` columns,
// the first starting at `start_column`; overrides[i], unless
// kPoBreakUndefined, replaces the Unicode rules before byte i. Returns
// whether any kPoBreakPossible was set.
bool PoWidthBreaks(std::string_view text, int width, int start_column, const char* overrides,
                   const char* encoding, char* breaks);

}  // namespace l10n

#endif  // L10N_CATALOG_PO_LINE_BREAK_H_
