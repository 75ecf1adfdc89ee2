// Where in a PO file a finding points: the line of an entry's keyword
// ("msgid", "msgstr[1]") and the line and column of a byte of a decoded
// string, found from the file's text and the line each Message records.
// Lines and columns are 1-based, columns in bytes, as gcc and msgfmt count.
//
//   po text + Message.line + offset in msgstr --> path:line:col
#ifndef L10N_CHECK_LOCATOR_H_
#define L10N_CHECK_LOCATOR_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/catalog.h"

namespace l10n {

// The line starts of a file, indexed when the first location is asked for
// (most entries have no finding).
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}

  // The line of the msgid (or "msgstr", "msgstr[0]") keyword of the entry
  // that starts on `entry_line`; `entry_line` when not found.
  int KeywordLine(int entry_line, std::string_view keyword);

  // Line and column of byte `offset` of the decoded string whose keyword is
  // on `line`. Without such a line (a catalog read from XLIFF has no PO
  // text), the start of `line`, or the file ({0, 0}) when `line` is 0
  // (unknown).
  std::pair<int, int> InString(int line, size_t offset);

 private:
  void Index();
  // Line `line` (1-based) without its line end; empty when there is none.
  std::string_view Line(int line) const;

  std::string_view text_;
  std::vector<size_t> starts_;
};

// Line and column in `po_text`, the file `m` was read from, of byte
// `offset` of its msgstr (msgstr[0] for a plural entry).
std::pair<int, int> LocateInTranslation(std::string_view po_text, const Message& m, size_t offset);

// The line of the msgid of `m`, read from `po_text`.
int MsgidLine(std::string_view po_text, const Message& m);

}  // namespace l10n

#endif  // L10N_CHECK_LOCATOR_H_
