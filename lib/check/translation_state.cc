#include "check/translation_state.h"

#include "base/ui_text.h"

namespace l10n {

void CheckObsolete(const Message& m, const RuleContext&, Findings* out) {
  if (!m.obsolete) return;
  out->Report(Check::kObsolete, out->KeywordLine(m, "msgid"), 1,
              FormatUi("obsolete: {}", QuoteForMessage(m.msgid)));
}

void CheckFuzzy(const Message& m, const RuleContext&, Findings* out) {
  if (!m.fuzzy()) return;
  out->Report(Check::kFuzzy, out->KeywordLine(m, "msgid"), 1,
              FormatUi("fuzzy: {}", QuoteForMessage(m.msgid)));
}

void CheckUntranslated(const Message& m, const RuleContext&, Findings* out) {
  if (m.fuzzy() || m.translated()) return;
  out->Report(Check::kUntranslated, out->KeywordLine(m, "msgid"), 1,
              FormatUi("untranslated: {}", QuoteForMessage(m.msgid)));
}

}  // namespace l10n
