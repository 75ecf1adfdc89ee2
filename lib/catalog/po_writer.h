// Writes a catalog exactly as GNU gettext 0.21 writes it (msgcat, msgmerge,
// xgettext): same comment order, flag order, string escaping and line
// wrapping (79 columns by default, at the line breaks libunistring chooses,
// as gettext calls it), so that `msgcat F | cmp - F` finds no difference and
// Poedit leaves the file as it is. Catalog -> PO bytes: the last step of
// l10n-extract. The parts: po_references ("#:"), po_flags ("#,"), po_wrap
// (the strings).
//
// Like gettext, the writer puts obsolete entries after all others, leaves
// out obsolete entries without a translation and the "fuzzy" flag of an
// untranslated entry, and writes flags in gettext's order (fuzzy, the
// *-format flags, range, no-wrap). Unlike msgcat it keeps flags gettext does
// not know, after those. docs/po_format.md has the details.
#ifndef L10N_CATALOG_PO_WRITER_H_
#define L10N_CATALOG_PO_WRITER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "catalog/catalog.h"

namespace l10n {

// Uses catalog.style: width / no_wrap, and CRLF line ends when set.
std::string WritePo(const Catalog& catalog);

// The same, entry by entry, for catalogs written as they are made: Add()
// the header, the other active entries, then the obsolete ones (WritePo's
// order); Take() the text so far whenever convenient.
class PoWriter {
 public:
  // `header` (may be null) gives the charset; it is not written here.
  PoWriter(const Message* header, const PoStyle& style);
  ~PoWriter();
  void Add(const Message& message);
  // What Take() gives next continues a file that has entries already: it
  // begins with a blank line (for writers sharing the work on one file).
  void Continue();
  std::string Take();
  // Bytes written since the last Take().
  size_t buffered() const;

 private:
  class Impl;
  std::unique_ptr<Impl> writer_;
};

}  // namespace l10n

#endif  // L10N_CATALOG_PO_WRITER_H_
