// Where a PO reader puts the entries it reads: the interface between the
// reader (po_reader, po_parser) and the callers that keep entries in another
// form than a Catalog (PackedCatalog), or not at all.
#ifndef L10N_CATALOG_PO_ENTRY_SINK_H_
#define L10N_CATALOG_PO_ENTRY_SINK_H_

#include <cstddef>

#include "catalog/catalog.h"

namespace l10n {

// Receives the entries of a PO file as they are read, for callers that keep
// them in another form than a Catalog (PackedCatalog), or not at all.
class PoEntrySink {
 public:
  virtual ~PoEntrySink() = default;
  // The entries in file order: the i-th call (from 0) gets entry i.
  virtual void Add(Message&& message) = 0;
  // Whether entries i < j have the same msgctxt and msgid. Asked at the end,
  // only about entries (obsolete ones too) whose keys hash alike, to report duplicates.
  virtual bool SameKey(size_t i, size_t j) const = 0;
};

}  // namespace l10n

#endif  // L10N_CATALOG_PO_ENTRY_SINK_H_
