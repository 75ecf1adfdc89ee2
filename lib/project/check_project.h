// l10n-check on a whole project: every template and catalog the project
// file names, checked, and compared with what l10n-extract would write from
// the posts now (the "stale" check).
//
//   l10n.toml --CheckProject--> CheckReport (check/check_report.h)
#ifndef L10N_PROJECT_CHECK_PROJECT_H_
#define L10N_PROJECT_CHECK_PROJECT_H_

#include "base/diagnostic.h"
#include "base/status.h"
#include "check/check_policy.h"
#include "check/check_report.h"
#include "project/config.h"

namespace l10n {

// Applies the [check] section of the project file to `policy`.
Status ApplyCheckConfig(const Config& config, CheckPolicy* policy);

// Checks every template and catalog of the project, and whether each (and
// the taxonomy) is what l10n-extract would write from the posts now. Returns
// false, with diagnostics in `sink`, when the project cannot be checked at
// all (no posts, an unreadable file).
bool CheckProject(const Config& config, const CheckPolicy& policy, CheckReport* report,
                  DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_PROJECT_CHECK_PROJECT_H_
