// Guesses the page width a PO file was written with (msgcat --width=N, or
// --no-wrap), so that the writer wraps it the same way and a catalog read
// and written back is unchanged. The reader (po_reader) tells it where each
// string is; at the end it gives the width most of the evidence allows.
//
// gettext breaks a string line at the last break opportunity that keeps it
// within the page width W (line length counted with keyword and quotes).
// The evidence, for lines of length L:
//  - a line broken that way (a "soft" break: not after "\n"), followed by
//    a piece of length P, shows L <= W < L + P;
//  - a string alone on the line after `msgid ""` would not fit after the
//    keyword but fits on its own line: L <= W < L + strlen("msgid ");
//  - any line gettext could have broken shows L <= W.
// --no-wrap gives neither of the first two but may give long lines. Lines
// are measured at the end, when the charset is known.
#ifndef L10N_CATALOG_PO_WRAP_DETECT_H_
#define L10N_CATALOG_PO_WRAP_DETECT_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace l10n {

// A string the reader has just read, as positions in the text.
struct PoStringRead {
  size_t open = 0, close = 0;  // the quoted string, quotes included
  int line = 0;                // its line, which starts at line_start
  size_t line_start = 0;
  std::string_view keyword;  // "msgid", "msgstr[0]"
  int keyword_line = 0;
  std::string_view value;  // the keyword's strings so far, this one last...
  size_t before = 0;       // ...from value[before]
  bool no_wrap = false;    // the entry has the no-wrap flag
};

class PoWrapDetector {
 public:
  // `text`: what the reader reads (converted to UTF-8, or not); it must
  // outlive the detector.
  explicit PoWrapDetector(std::string_view text = {}) : text_(text) {}

  void NoteString(const PoStringRead& read);
  // The strings of a keyword are complete.
  void EndField();
  // Sets style->width and style->no_wrap; `utf8`: whether the text is
  // UTF-8 (else lengths are counted in bytes).
  void Detect(PoStyle* style, bool utf8) const;

 private:
  struct Segment {
    bool valid = false;
    int line = 0;
    size_t line_begin = 0, line_end = 0;
    size_t begin = 0, end = 0;  // the string's contents, escaped
    bool soft = false;          // non-empty and not ending with "\n"
  };

  // Where the evidence is in the text.
  struct Evidence {
    size_t line_begin, line_end;      // the line, of length L
    size_t string_begin, string_end;  // its string's contents: L <= W if breakable
    size_t next_begin, next_end;      // the next line's: L + P > W, P its first piece
    int extra;                        // or P = extra, without a next line
  };

  // Evidence measured as the charset may require: as[0] counts bytes,
  // as[1] UTF-8 characters. Measured at once, so that the text need not be
  // read again at the end.
  struct Measured {
    struct Lengths {
      int line;        // L
      bool breakable;  // the line's string has a break opportunity
      int next;        // P
    } as[2];
  };

  // Enough evidence, and a bound on the memory used.
  static constexpr size_t kMaxEvidence = 4096;

  void Keep(const Evidence& e);
  size_t NextBreak(size_t begin, size_t end) const;
  int Columns(size_t begin, size_t end, bool utf8) const;
  size_t FirstBreak(size_t begin, size_t end, bool utf8) const;

  std::string_view text_;
  Segment segment_;
  int segments_ = 0;    // strings of the current keyword
  bool intro_ = false;  // its first string is an empty one on the keyword's line
  std::optional<Evidence> alone_;
  std::vector<Measured> evidence_;
  int longest_utf8_ = 0, longest_bytes_ = 0;
};

}  // namespace l10n

#endif  // L10N_CATALOG_PO_WRAP_DETECT_H_
