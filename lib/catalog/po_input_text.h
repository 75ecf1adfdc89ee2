// A PO file's bytes as the reader parses them. gettext reads a file in the
// charset its header declares: the bytes are converted to UTF-8 keeping the
// lines (charset.h), bytes invalid in the charset are located errors, and
// the columns of the reader's diagnostics are mapped back to the file's
// bytes at the end. A UTF-8 file is checked line by line instead, one error
// per line. po_reader finds the declared charset (reading the header first,
// as ASCII) and parses text().
#ifndef L10N_CATALOG_PO_INPUT_TEXT_H_
#define L10N_CATALOG_PO_INPUT_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/charset.h"
#include "base/diagnostic.h"

namespace l10n {

class PoInputText {
 public:
  // `file` must outlive this; `path` is for diagnostics.
  PoInputText(std::string_view file, const std::string& path);

  // Reads the file in `declared` (the header's charset= value); `at` is the
  // offset of "charset=" in the file, for messages (npos when not known).
  // An unknown charset is an error, and the file is read as it is.
  void Decode(std::string_view declared, size_t at);

  // What to parse: the UTF-8 conversion, or the file itself.
  std::string_view text() const { return converted_ ? std::string_view(converted_text_) : file_; }
  bool converted() const { return converted_; }
  const CharsetName& charset() const { return charset_; }
  // The charset's errors, each in a group of its own.
  std::vector<std::vector<Diagnostic>>& errors() { return errors_; }

  // Diagnostics of `path` located in text(): their lines are the file's,
  // their columns become the file's bytes.
  void MapColumnsBack(std::vector<std::vector<Diagnostic>>* groups) const;

 private:
  std::string_view file_;
  const std::string& path_;
  CharsetName charset_{"UTF-8", true, true};
  bool converted_ = false;
  std::string converted_text_;
  std::vector<std::vector<Diagnostic>> errors_;
};

// Checks that a text is UTF-8 as the reader goes through it: one error per
// line, at its first invalid byte. The errors are kept until the charset
// is known.
class Utf8LineChecker {
 public:
  Utf8LineChecker(std::string_view text, const std::string& path) : text_(text), path_(&path) {}
  // Checks the text up to `n` (a line start, or the end).
  void CheckUpTo(size_t n);
  std::vector<Diagnostic>& errors() { return errors_; }

 private:
  std::string_view text_;
  const std::string* path_;
  size_t checked_ = 0, counted_ = 0, line_start_ = 0;
  int line_ = 1, reported_line_ = 0;
  std::vector<Diagnostic> errors_;
};

}  // namespace l10n

#endif  // L10N_CATALOG_PO_INPUT_TEXT_H_
