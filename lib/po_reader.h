// Reads PO and POT files: everything GNU gettext and Poedit write (msgctxt,
// plurals, "#|" previous strings, "#~" obsolete entries, every C escape
// gettext uses, CRLF line ends, strings wrapped over several lines).
//
// Syntax errors are reported as "path:line:col: error: message" to the sink;
// the reader goes on after an error where it can so a user sees all of them.
// docs/po_format.md lists what is accepted and the messages.
#ifndef L10N_PO_READER_H_
#define L10N_PO_READER_H_

#include <string>
#include <string_view>

#include "catalog.h"
#include "diagnostic.h"

namespace l10n {

// Parses `text` (the file's bytes) into `*catalog`, replacing what it held.
// `path` is only used in diagnostics, which are reported in file order.
// Returns false when any error was reported; the catalog then holds what
// could be read and must not be written back.
// Also records in catalog->style whether the file uses CRLF line ends, and
// the wrapping it was written with (width, or no_wrap), so that PoWriter
// reproduces it.
bool ReadPo(std::string_view text, const std::string& path, Catalog* catalog, DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_PO_READER_H_
