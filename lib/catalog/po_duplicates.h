// Duplicate entries of a PO file: the same msgctxt and msgid twice,
// obsolete entries included (msgfmt reads them into one list, so gettext
// refuses those too). Keys are hashed as the parser (po_parser) reads the
// entries; at the end, only entries whose keys hash alike are compared,
// through PoEntrySink::SameKey, so that the entries need not be kept here.
#ifndef L10N_CATALOG_PO_DUPLICATES_H_
#define L10N_CATALOG_PO_DUPLICATES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "catalog/po_entry_sink.h"

namespace l10n {

class PoDuplicateFinder {
 public:
  // Entry `index` (its msgid keyword at line:column) was read.
  void Add(const Message& m, size_t index, int line, int column);
  // Appends "duplicate message definition" and its note for each entry
  // that repeats an earlier one.
  void Report(const PoEntrySink& entries, const std::string& path,
              std::vector<std::vector<Diagnostic>>* groups);

 private:
  struct Key {
    uint64_t hash;
    size_t index;
    int line, column;  // of the msgid keyword
  };
  std::vector<Key> keys_;
};

}  // namespace l10n

#endif  // L10N_CATALOG_PO_DUPLICATES_H_
