// The PO grammar: the lines of a file, already in UTF-8 (po_input_text),
// become entries, in file order, and syntax errors ("expected string after
// 'msgid'", "duplicate message definition"), from which the parser goes on
// so that a user sees all of them. Comments, keywords and strings are read
// here; "#:" and "#," lines by po_references and po_flags, escapes by
// po_syntax. po_reader drives it line by line and adds the charset's
// errors and the wrapping detected (po_wrap_detect).
#ifndef L10N_CATALOG_PO_PARSER_H_
#define L10N_CATALOG_PO_PARSER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/po_entry_sink.h"
#include "catalog/po_wrap_detect.h"

namespace l10n {

class PoParser {
 public:
  // `text` and `path` must outlive the parser. `converted`: the text is the
  // UTF-8 conversion of the file (the header's charset becomes "UTF-8").
  // Entries go to `entries`, strings' positions to `wrap`, diagnostics to
  // *diagnostics (in groups: an error and its notes).
  PoParser(std::string_view text, const std::string& path, bool converted, PoEntrySink* entries,
           PoWrapDetector* wrap, std::vector<std::vector<Diagnostic>>* diagnostics);
  ~PoParser();
  PoParser(const PoParser&) = delete;
  PoParser& operator=(const PoParser&) = delete;

  // The `line`-th line (from 1) is text[begin, end), without its line end.
  void Line(int line, size_t begin, size_t end);
  // The end of the file, on line `line` which starts at `line_start`:
  // completes the last entry and looks for duplicates.
  void Finish(int line, size_t line_start);

  // The first header's msgstr, and its entry's line; nullopt without one.
  const std::optional<std::string>& header_msgstr() const;
  int header_line() const;
  // The domain of the entries (`domain` directives), nullopt without entries.
  const std::optional<std::string>& domain() const;
  // Where octal or hex escapes gave bytes that are not UTF-8 (line, column):
  // an error once the text is known to be UTF-8.
  const std::vector<std::pair<int, int>>& escaped_utf8_errors() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace l10n

#endif  // L10N_CATALOG_PO_PARSER_H_
