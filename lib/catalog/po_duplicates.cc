#include "catalog/po_duplicates.h"

#include <algorithm>
#include <functional>
#include <string_view>

#include "base/ui_text.h"

namespace l10n {

void PoDuplicateFinder::Add(const Message& m, size_t index, int line, int column) {
  uint64_t h = std::hash<std::string_view>()(m.msgid);
  if (m.msgctxt) h ^= std::hash<std::string_view>()(*m.msgctxt) * 31 + 0x9e3779b9;
  keys_.push_back({h, index, line, column});
}

void PoDuplicateFinder::Report(const PoEntrySink& entries, const std::string& path,
                               std::vector<std::vector<Diagnostic>>* groups) {
  std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.index < b.index;
  });
  for (size_t begin = 0, end; begin < keys_.size(); begin = end) {
    end = begin + 1;
    while (end < keys_.size() && keys_[end].hash == keys_[begin].hash) ++end;
    // Entries whose keys hash alike: each against the earlier ones.
    for (size_t k = begin + 1; k < end; ++k) {
      for (size_t first = begin; first < k; ++first) {
        if (!entries.SameKey(keys_[first].index, keys_[k].index)) continue;
        groups->push_back({
            Diagnostic{Severity::kError, path, keys_[k].line, keys_[k].column,
                       _("duplicate message definition"), false, "duplicate"},
            Diagnostic{Severity::kNote, path, keys_[first].line, keys_[first].column,
                       _("this is the location of the first definition")},
        });
        break;
      }
    }
  }
}

}  // namespace l10n
