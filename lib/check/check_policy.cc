#include "check/check_policy.h"

#include <utility>

#include "base/ui_text.h"

namespace l10n {

CheckPolicy::CheckPolicy() {
  severity_.fill(Severity::kError);
  for (Check c : {Check::kObsolete, Check::kIdentical, Check::kWhitespace, Check::kPunctuation,
                  Check::kInvertedMarks}) {
    severity_[static_cast<int>(c)] = Severity::kWarning;
  }
}

Status CheckPolicy::Set(Check check, std::optional<Severity> severity) {
  bool fixed = check == Check::kSyntax || check == Check::kDuplicate || check == Check::kEncoding ||
               check == Check::kUnsafe;
  if (fixed && severity != Severity::kError) {
    return Status::Error(
        FormatUi("'{}' is always an error: l10n-merge refuses such catalogs", CheckName(check)));
  }
  severity_[static_cast<int>(check)] = severity;
  return Status::Ok();
}

Status CheckPolicy::SetNamed(const std::vector<std::string>& warnings,
                             const std::vector<std::string>& errors,
                             const std::vector<std::string>& ignored,
                             const std::function<std::string(const std::string&)>& unknown) {
  const std::pair<const std::vector<std::string>*, std::optional<Severity>> lists[] = {
      {&warnings, Severity::kWarning},
      {&errors, Severity::kError},
      {&ignored, std::nullopt},
  };
  for (const auto& [names, severity] : lists) {
    for (const std::string& name : *names) {
      std::optional<Check> check = ParseCheck(name);
      if (!check) return Status::Error(unknown(name));
      Status status = Set(*check, severity);
      if (!status.ok()) return status;
    }
  }
  return Status::Ok();
}

void CheckPolicy::SetMinCoverage(int percent) {
  min_coverage_ = percent;
  for (Check c : {Check::kUntranslated, Check::kFuzzy}) {
    if (severity(c)) severity_[static_cast<int>(c)] = Severity::kWarning;
  }
}

}  // namespace l10n
