// The files a pattern names, as a shell with `globstar` (and Hugo, and
// .gitignore) reads it: `*`, `?` and `[...]` within one path segment,
// `**` as a whole segment for any number of folders, none included
// (`content/**/*.md` matches `content/a.md` and `content/blog/x/index.md`).
// A segment never matches a name that starts with '.' unless the pattern's
// segment does, so hidden folders (`.git`) are not searched.
#ifndef L10N_BASE_PATH_GLOB_H_
#define L10N_BASE_PATH_GLOB_H_

#include <string>
#include <vector>

namespace l10n {

// The paths that `pattern` names, sorted, each once; empty when none does.
// As glob(3), a pattern's last segment names whatever is there (a folder, a
// link), except after `**`, which names the files below. Folders that cannot
// be read are skipped.
std::vector<std::string> ExpandGlob(const std::string& pattern);

}  // namespace l10n

#endif  // L10N_BASE_PATH_GLOB_H_
