// What l10n-check found in a project's catalogs, and the three ways it
// prints it: gcc-style text, JSON, GitHub Actions workflow commands
// (docs/check.md shows each).
//
//   CheckCatalogText, CheckProject --> CheckReport --FormatText|Json|Github--> output
#ifndef L10N_CHECK_CHECK_REPORT_H_
#define L10N_CHECK_CHECK_REPORT_H_

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "check/coverage.h"

namespace l10n {

struct CheckReport {
  std::vector<Diagnostic> findings;  // each with its check (notes follow)
  std::vector<CatalogSummary> catalogs;

  int errors() const;
  int warnings() const;
};

// Text: findings to `diagnostics` (gcc style), the summary to `summary`.
// JSON and GitHub Actions workflow commands: one string.
void FormatText(const CheckReport& report, std::string* diagnostics, std::string* summary);
std::string FormatJson(const CheckReport& report);
std::string FormatGithub(const CheckReport& report);

}  // namespace l10n

#endif  // L10N_CHECK_CHECK_REPORT_H_
