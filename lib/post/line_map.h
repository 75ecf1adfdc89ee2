// Byte offsets in a text to 1-based line and column, and back, in
// logarithmic time: a post's units and diagnostics are located with it.
#ifndef L10N_POST_LINE_MAP_H_
#define L10N_POST_LINE_MAP_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace l10n {

// Offsets to 1-based line and column (in bytes).
class LineMap {
 public:
  explicit LineMap(std::string_view text);
  void Locate(size_t offset, int* line, int* column) const;
  // The reverse: the offset of 1-based `line` and `column` (clamped to the
  // text's lines; column 0 is the line's start).
  size_t Offset(int line, int column) const;

 private:
  std::vector<size_t> starts_;
};

}  // namespace l10n

#endif  // L10N_POST_LINE_MAP_H_
