#include "post/line_map.h"

#include <algorithm>

namespace l10n {

LineMap::LineMap(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

void LineMap::Locate(size_t offset, int* line, int* column) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t index = static_cast<size_t>(it - starts_.begin()) - 1;
  *line = static_cast<int>(index + 1);
  *column = static_cast<int>(offset - starts_[index] + 1);
}

size_t LineMap::Offset(int line, int column) const {
  size_t index = line < 1 ? 0 : std::min(static_cast<size_t>(line - 1), starts_.size() - 1);
  return starts_[index] + (column > 1 ? static_cast<size_t>(column - 1) : 0);
}

}  // namespace l10n
