// The translation status page: l10n-check's report as one self-contained
// HTML page (inline CSS, no script, nothing fetched) for a person to look
// at: per catalog and per post the progress in strings and words (a bar of
// CSS widths), whether the catalog is up to date with the posts, its last
// translator and revision date, links to each source post and published
// page, and the findings grouped by check. Every text from the catalogs and
// posts is escaped; the page's own words are the UI's (_()). See
// docs/status_page.md.
//
//   CheckReport + StatusPageOptions --FormatStatusPage--> HTML
#ifndef L10N_CHECK_STATUS_PAGE_H_
#define L10N_CHECK_STATUS_PAGE_H_

#include <functional>
#include <string>
#include <string_view>

#include "check/check_report.h"

namespace l10n {

struct StatusPageOptions {
  std::string title;  // the project's name; empty: none
  // A path of the report (a catalog, a post, a finding's file) -> the link
  // to it from the page (a relative path); empty: no link.
  std::function<std::string(std::string_view path)> link;
  // A post and the language of a catalog -> the link to the page
  // l10n-merge published of it; empty: not published.
  std::function<std::string(std::string_view post, std::string_view language)> published;
};

// The whole page. A catalog counts as out of date when the report holds a
// "stale" finding on its path.
std::string FormatStatusPage(const CheckReport& report, const StatusPageOptions& options);

// `text` escaped for HTML text and quoted attribute values (& < > " ').
std::string EscapeHtml(std::string_view text);

// A relative path as a URL path: every byte but letters, digits and
// "-._~/" percent-encoded (so "a:b" can never be taken for a scheme).
std::string EncodeUrlPath(std::string_view path);

}  // namespace l10n

#endif  // L10N_CHECK_STATUS_PAGE_H_
