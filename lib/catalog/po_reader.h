// Reads PO and POT files: everything GNU gettext and Poedit write (msgctxt,
// plurals, "#|" previous strings, "#~" obsolete entries, every C escape
// gettext uses, CRLF line ends, strings wrapped over several lines).
// PO bytes -> Catalog (or a PoEntrySink): how every tool reads catalogs. It
// drives its parts: po_input_text (the declared charset), po_parser (the
// grammar), po_wrap_detect (the width the file was written with).
//
// Syntax errors are reported as "path:line:col: error: message" to the sink;
// the reader goes on after an error where it can so a user sees all of them.
// docs/po_format.md lists what is accepted and the messages.
//
// A file in another charset than UTF-8 (the header's "charset=", see
// charset.h) is read as gettext reads it, converted to UTF-8: the catalog
// holds UTF-8 and its header says "charset=UTF-8"; diagnostics give the
// original file's lines and columns, invalid bytes are [encoding] errors.
#ifndef L10N_CATALOG_PO_READER_H_
#define L10N_CATALOG_PO_READER_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "catalog/po_entry_sink.h"

namespace l10n {

// Parses `text` (the file's bytes) into `*catalog`, replacing what it held.
// `path` is only used in diagnostics, which are reported in file order.
// Returns false when any error was reported; the catalog then holds what
// could be read and must not be written back.
// Also records in catalog->style whether the file uses CRLF line ends, and
// the wrapping it was written with (width, or no_wrap), so that PoWriter
// reproduces it.
bool ReadPo(std::string_view text, const std::string& path, Catalog* catalog, DiagnosticSink* sink);

// The same, entry by entry; the file's line ends and wrapping go to *style.
// `consumed`, when set, is called now and then with an offset below which
// the reader is done with `text` (it may still read a few lines near the
// start of the file again), so that a caller mapping a large file can let
// go of what was read.
bool ReadPo(std::string_view text, const std::string& path, PoEntrySink* entries, PoStyle* style,
            DiagnosticSink* sink, const std::function<void(size_t)>& consumed = nullptr);

// The end of the first entry of a PO file (the header, normally): the first
// blank line after its first keyword line.
size_t PoFirstEntryEnd(std::string_view text);

// The charset the header of a PO file declares ("charset=" of its first
// entry, when that is the header), as spelled; nullopt without one. The
// reader converts the file from it (charset.h).
std::optional<std::string> PoDeclaredCharset(std::string_view text);

}  // namespace l10n

#endif  // L10N_CATALOG_PO_READER_H_
