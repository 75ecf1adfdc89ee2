// XLIFF 1.2 and 2.0 catalogs for CAT tools and Poedit (docs/xliff.md):
//
//   Catalog --WriteXliff--> es.xlf (1.2 strict or 2.0 core, valid against the
//                           OASIS schemas)         xliff_writer.cc
//   es.xlf --ReadXliff--> Catalog                  xliff_reader.cc
//
// Beneath them: xliff_inline.h (placeholders <-> inline codes),
// xliff_extensions.h (our extension values, PO states <-> XLIFF states),
// xliff_xml.h (escaping, pugixml lookups, locations). Tools read and write
// catalogs through catalog_io.h, which picks the format.
//
// Placeholders become inline codes (1.2 <g>/<x>, 2.0 <pc>/<ph> with
// <originalData>); msgctxt is the resname (name); notes, references, flags,
// previous strings, states and obsolete entries map both ways, so that PO ->
// XLIFF -> PO gives the catalog back.
#ifndef L10N_CATALOG_XLIFF_H_
#define L10N_CATALOG_XLIFF_H_

#include <functional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/status.h"
#include "catalog/catalog.h"

namespace l10n {

enum class XliffVersion { k12, k20 };

// "1.2" or "2.0" (also "2.1" when reading); false for anything else.
bool ParseXliffVersion(std::string_view text, XliffVersion* version);
const char* XliffVersionName(XliffVersion version);

struct XliffOptions {
  XliffVersion version = XliffVersion::k12;
  std::string original;     // file/@original: the catalog or template it mirrors
  std::string source_lang;  // empty: the header's X-Source-Language, or "en"
  std::string target_lang;  // empty: the header's Language
};

// The catalog as XLIFF. Errors: plural entries, and characters XML cannot
// hold (NUL, most C0 controls).
Result<std::string> WriteXliff(const Catalog& catalog, const XliffOptions& options);

// The same, handed to `out` piece by piece as it is formatted (pieces of
// about 256 KiB): a caller that writes or compares it never holds it whole.
// A status `out` returns that is not ok stops the writing and is returned.
Status WriteXliffPieces(const Catalog& catalog, const XliffOptions& options,
                        const std::function<Status(std::string_view)>& out);

// The same, written to `path` as it is formatted (a temporary file renamed
// at the end: the old file stays as it was on an error).
Status WriteXliffFile(const Catalog& catalog, const XliffOptions& options, const std::string& path);

// Reads XLIFF 1.2, 2.0 or 2.1, ours or another tool's: ids unique per
// <file>, units that would share a key get their id as msgctxt, other
// tools' inline codes become placeholders, a 2.0 unit's segments join into
// one entry (docs/xliff.md). Errors, as path:line:col: malformed XML or
// UTF-8, a DTD or entity declaration, an unknown version, elements that are
// not inline codes inside <source> or <target>, missing or duplicate ids, a
// target whose inline codes differ from the source's (the rules of
// l10n-check, with its check names). Returns false after any error.
bool ReadXliff(std::string_view text, const std::string& path, Catalog* catalog,
               DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_CATALOG_XLIFF_H_
