// Which rules of l10n-check are errors, which warnings, which ignored: the
// levels the project file's [check] section and the command line set, read
// by every check before it reports (docs/check.md).
//
//   defaults --Set/SetMinCoverage--> CheckPolicy --severity(check)--> a finding's level
#ifndef L10N_CHECK_CHECK_POLICY_H_
#define L10N_CHECK_CHECK_POLICY_H_

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/check_id.h"
#include "base/diagnostic.h"
#include "base/status.h"

namespace l10n {

class CheckPolicy {
 public:
  CheckPolicy();  // the defaults: docs/check.md

  // nullopt: the check is ignored (not run).
  std::optional<Severity> severity(Check check) const { return severity_[static_cast<int>(check)]; }
  // Errors: syntax, duplicate, encoding and unsafe cannot be lowered, since
  // l10n-merge refuses such catalogs anyway.
  Status Set(Check check, std::optional<Severity> severity);
  // Sets the checks named in `warnings`, then those in `errors`, then turns
  // off those in `ignored`, as the [check] section and the command line list
  // them. Stops at the first problem: a name that is no check (the message
  // is `unknown(name)`) or a check that cannot be lowered (Set).
  Status SetNamed(const std::vector<std::string>& warnings, const std::vector<std::string>& errors,
                  const std::vector<std::string>& ignored,
                  const std::function<std::string(const std::string&)>& unknown);
  // Untranslated and fuzzy strings become warnings, and a catalog less than
  // `percent` translated an error (kCoverage).
  void SetMinCoverage(int percent);
  int min_coverage() const { return min_coverage_; }

 private:
  std::array<std::optional<Severity>, kCheckCount> severity_;
  int min_coverage_ = -1;
};

}  // namespace l10n

#endif  // L10N_CHECK_CHECK_POLICY_H_
