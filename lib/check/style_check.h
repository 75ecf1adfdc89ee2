// The style rules of l10n-check, warnings by default: a translation that is
// its source again (identical), whose leading or trailing whitespace differs
// (whitespace), that ends with other punctuation (punctuation), or, in
// Spanish, a '?' or '!' with no '¿' or '¡' (inverted-marks). They compare the
// plain text of a translated form with its source's. A translator comment
// "l10n-check: ignore identical, punctuation" turns them off for its entry.
//
//   EntryForm --CheckIdentical, CheckWhitespace, ...--> Findings
#ifndef L10N_CHECK_STYLE_CHECK_H_
#define L10N_CHECK_STYLE_CHECK_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/check_id.h"
#include "catalog/catalog.h"
#include "check/entry_rule.h"

namespace l10n {

// The decoded text of unit text without its tags; a self-closing
// placeholder becomes U+FFFC so that "Date: <time/>" does not end in ':'.
std::string PlainText(std::string_view unit_text);

// The plain text of a form's side: PlainText when it has tags or escapes
// (ByteClasses: kLessThan, kAmpersand), a view of the unit text otherwise.
class Plain {
 public:
  Plain(std::string_view unit_text, uint8_t classes);
  std::string_view text() const { return text_; }

 private:
  std::string storage_;
  std::string_view text_;
};

// The final punctuation of plain text, after closing quotes and brackets:
// "Really?" -> "?", "«Sí»." -> ".", "Wait..." -> "…"; "" when none.
std::string FinalPunctuation(std::string_view text);

// Whether `m`'s translator comments turn off `check` for it ("l10n-check:
// ignore identical, punctuation"): a style check only, never the others.
bool IgnoredByComment(const Message& m, Check check);

void CheckIdentical(const EntryForm& form, Findings* out);
void CheckWhitespace(const EntryForm& form, Findings* out);
void CheckPunctuation(const EntryForm& form, Findings* out);
// Spanish opens questions and exclamations with '¿' and '¡': the first
// mark without its opening one.
void CheckInvertedMarks(const EntryForm& form, Findings* out);

}  // namespace l10n

#endif  // L10N_CHECK_STYLE_CHECK_H_
