#include "check/plural_check.h"

#include "base/ui_text.h"
#include "catalog/plural_forms.h"

namespace l10n {

namespace {

// The nplurals gettext gives the language (GettextPluralForms), or 0 when
// it has no rule for it.
int ExpectedPluralForms(std::string_view lang) {
  std::optional<std::string_view> plural_forms = GettextPluralForms(lang);
  return plural_forms ? PluralFormsCount(*plural_forms).value_or(0) : 0;
}

}  // namespace

void CheckPluralFormsField(const std::optional<std::string>& plural_forms,
                           std::string_view language, int header_line, std::pair<int, int> field_at,
                           Findings* out) {
  if (!plural_forms || plural_forms->empty()) {
    out->Report(Check::kHeader, header_line, 1,
                FormatUi("header field '{}' is missing", "Plural-Forms"));
    return;
  }
  auto [l, c] = field_at;
  int nplurals = 0;
  if (std::optional<std::string> problem = PluralFormsProblem(*plural_forms, &nplurals)) {
    out->Report(Check::kHeader, l, c, std::move(*problem));
    return;
  }
  int expected = ExpectedPluralForms(language);
  if (expected != 0 && expected != nplurals) {
    out->Report(Check::kHeader, l, c,
                FormatUi("Plural-Forms has nplurals={}, but '{}' has {} plural forms", nplurals,
                         language, expected));
  }
}

void CheckPluralCount(const Message& m, const RuleContext& context, Findings* out) {
  if (m.msgid_plural && context.nplurals > 0 &&
      m.msgstr.size() != static_cast<size_t>(context.nplurals)) {
    out->Report(Check::kHeader, out->KeywordLine(m, "msgid"), 1,
                FormatUi("{} plural forms, but Plural-Forms says nplurals={}", m.msgstr.size(),
                         context.nplurals));
  }
}

}  // namespace l10n
