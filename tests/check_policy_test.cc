// CheckPolicy (check/check_policy.h): the default levels, what cannot be
// lowered, --min-coverage, and the named lists of the project file and the
// command line.
#include "check/check_policy.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/ui_text.h"

namespace l10n {
namespace {

// Every check's level, "name=error|warning|off" one a line.
std::string Levels(const CheckPolicy& policy) {
  std::string out;
  for (int i = 0; i < kCheckCount; ++i) {
    auto check = static_cast<Check>(i);
    std::optional<Severity> s = policy.severity(check);
    out += std::string(CheckName(check)) + "=" +
           (!s                       ? "off"
            : *s == Severity::kError ? "error"
                                     : "warning") +
           "\n";
  }
  return out;
}

TEST_CASE("CheckPolicy: the defaults of docs/check.md") {
  CheckPolicy policy;
  CHECK(Levels(policy) ==
        "syntax=error\nduplicate=error\nencoding=error\nheader=error\nuntranslated=error\n"
        "fuzzy=error\nobsolete=warning\nstale=error\nplaceholder=error\nunsafe=error\n"
        "identical=warning\nwhitespace=warning\npunctuation=warning\ninverted-marks=warning\n"
        "coverage=error\nlinks=error\nslug=error\n");
  CHECK(policy.min_coverage() == -1);
}

TEST_CASE("CheckPolicy::Set: syntax, duplicate, encoding and unsafe stay errors") {
  struct Case {
    Check check;
    std::optional<Severity> severity;
    const char* error;  // "" when allowed
  };
  const Case kCases[] = {
      {Check::kSyntax, Severity::kWarning,
       "'syntax' is always an error: l10n-merge refuses such catalogs"},
      {Check::kDuplicate, std::nullopt,
       "'duplicate' is always an error: l10n-merge refuses such catalogs"},
      {Check::kEncoding, Severity::kWarning,
       "'encoding' is always an error: l10n-merge refuses such catalogs"},
      {Check::kUnsafe, std::nullopt,
       "'unsafe' is always an error: l10n-merge refuses such catalogs"},
      {Check::kUnsafe, Severity::kError, ""},
      {Check::kPlaceholder, Severity::kWarning, ""},
      {Check::kObsolete, Severity::kError, ""},
      {Check::kStale, std::nullopt, ""},
  };
  for (const Case& c : kCases) {
    CAPTURE(CheckName(c.check));
    CheckPolicy policy;
    Status status = policy.Set(c.check, c.severity);
    CHECK(status.message() == c.error);
    CHECK(policy.severity(c.check) == (status.ok() ? c.severity : Severity::kError));
  }
}

TEST_CASE("CheckPolicy::SetMinCoverage makes untranslated and fuzzy warnings, unless off") {
  CheckPolicy policy;
  REQUIRE(policy.Set(Check::kFuzzy, std::nullopt).ok());
  policy.SetMinCoverage(80);
  CHECK(policy.min_coverage() == 80);
  CHECK(policy.severity(Check::kUntranslated) == Severity::kWarning);
  CHECK(policy.severity(Check::kFuzzy) == std::nullopt);
  CHECK(policy.severity(Check::kCoverage) == Severity::kError);
}

TEST_CASE("CheckPolicy::SetNamed: warnings, then errors, then ignored; stops at a problem") {
  struct Case {
    std::vector<std::string> warnings, errors, ignored;
    const char* error;
    const char* changed;  // the levels that differ from the defaults
  };
  const Case kCases[] = {
      {{"fuzzy"},
       {"obsolete"},
       {"identical", "punctuation"},
       "",
       "fuzzy=warning\nobsolete=error\nidentical=off\npunctuation=off\n"},
      // The later list wins.
      {{"stale"}, {}, {"stale"}, "", "stale=off\n"},
      {{"fuzzy"}, {"nonsense", "obsolete"}, {}, "unknown check 'nonsense'", "fuzzy=warning\n"},
      {{"syntax"}, {}, {}, "'syntax' is always an error: l10n-merge refuses such catalogs", ""},
  };
  const std::string defaults = Levels(CheckPolicy());
  for (const Case& c : kCases) {
    CAPTURE(c.error);
    CheckPolicy policy;
    Status status = policy.SetNamed(c.warnings, c.errors, c.ignored, [](const std::string& name) {
      return FormatUi("unknown check '{}'", name);
    });
    CHECK(status.message() == c.error);
    std::string changed, levels = Levels(policy);
    for (size_t a = 0, b = 0; a < levels.size();) {
      size_t end = levels.find('\n', a), default_end = defaults.find('\n', b);
      if (levels.substr(a, end - a) != defaults.substr(b, default_end - b)) {
        changed += levels.substr(a, end + 1 - a);
      }
      a = end + 1;
      b = default_end + 1;
    }
    CHECK(changed == c.changed);
  }
}

}  // namespace
}  // namespace l10n
