// The markup checks of a post before gumbo parses it (docs/limits.md): a
// model of the HTML5 tree builder, in one linear pass, that counts what the
// parser would build rather than the tags a post writes, and refuses what
// would cost gumbo more than linear time or memory.
//
// The model keeps the stack of open elements and the list of active
// formatting elements closely enough: void elements and self-closing foreign
// ones do not nest; raw text and RCDATA (script, style, textarea, title,
// xmp, iframe, noembed, noframes; plaintext to the end) and comments are
// skipped; end tags close up to their element within its scope; elements
// whose end tag is optional close their open sibling, blocks an open p; a
// table part closes what was foster-parented; SVG and MathML content is
// foreign until a breakout tag. The formatting list has its markers, the
// Noah's Ark clause (at most three identical entries) and the adoption
// agency; every element the parser reopens (reconstructs or clones) from it
// is counted.
#ifndef L10N_POST_HTML_PRESCAN_H_
#define L10N_POST_HTML_PRESCAN_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "base/input_limits.h"

namespace l10n {

// The first problem of `html` (already UTF-8 without NUL bytes): nesting
// over kMaxNesting, more than kMaxAttributes on a tag, more than
// kMaxFormatting formatting elements open, more than kMaxReopened elements
// reopened, or a <meta> declaring an encoding other than UTF-8. Linear time.
// `reopened`, when given, receives the count of elements the parser would
// reopen (up to the first problem).
std::optional<InputProblem> PrescanHtml(std::string_view html, size_t* reopened = nullptr);

}  // namespace l10n

#endif  // L10N_POST_HTML_PRESCAN_H_
