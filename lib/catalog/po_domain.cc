#include "catalog/po_domain.h"

#include "base/ui_text.h"

namespace l10n {

void PoDomains::Start(int line, int column) {
  value_.clear();
  pending_line_ = line;
  pending_column_ = column;
}

void PoDomains::Apply() {
  domain_ = value_;
  line_ = pending_line_;
  column_ = pending_column_;
}

std::optional<Diagnostic> PoDomains::NoteEntry(const std::string& path) {
  if (!entries_domain_) {
    entries_domain_ = domain_;
    return std::nullopt;
  }
  if (*entries_domain_ == domain_ || reported_) return std::nullopt;
  reported_ = true;
  return Diagnostic{Severity::kError,
                    path,
                    line_,
                    column_,
                    FormatUi("entries of a second domain '{}' (the ones before are of '{}'): a "
                             "catalog holds one domain; split the file by domain",
                             domain_, *entries_domain_),
                    false,
                    "syntax"};
}

}  // namespace l10n
