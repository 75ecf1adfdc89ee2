// The references of a PO entry ("#: posts/a.html:12 posts/b.html"): read
// as every gettext reads them (po_reader), written as gettext 0.21 fills
// its "#:" lines (po_writer). A file name with spaces or tabs goes between
// U+2068 and U+2069, the Unicode isolates, as gettext 0.22 writes it
// ("#: \u2068my post.html\u2069:3"); docs/po_format.md has the details.
#ifndef L10N_CATALOG_PO_REFERENCES_H_
#define L10N_CATALOG_PO_REFERENCES_H_

#include <string>
#include <string_view>
#include <vector>

namespace l10n {

// The isolates' UTF-8 bytes, which the reader takes in any charset.
constexpr std::string_view kIsolateOpen = "\xE2\x81\xA8";
constexpr std::string_view kIsolateClose = "\xE2\x81\xA9";

// The rest of a "#:" line after the marker, appended to *refs:
// "a.c:12 b.c:3" -> {"a.c:12", "b.c:3"}, accepting the older spellings
// gettext accepts ("a.c: 12", "a.c : 12") and normalizing them (and leading
// zeros), and file names between isolates ("\u2068my post.html\u2069:3" ->
// "my post.html:3"). Without isolates a name with spaces is several
// references, as gettext reads it. *open (false at an entry's first line):
// the last reference's isolated name is not closed on this line and goes on
// on the next one, where gettext 0.21 may have broken it.
void ParsePoReferences(std::string_view line, std::vector<std::string>* refs, bool* open);

// The "#:" lines of `references`, filled up to `page_width` as gettext
// does (--no-wrap does not concern them), without leading "./"; a name
// with spaces between isolates, the lines filled as gettext 0.21 fills them
// when it reads that back: split at the spaces.
void AppendPoReferences(const std::vector<std::string>& references, int page_width,
                        std::string* out);

}  // namespace l10n

#endif  // L10N_CATALOG_PO_REFERENCES_H_
