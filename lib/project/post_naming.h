// What a post's path says about it, and where its pages go: the language a
// file name carries (Hugo's `index.es.md`, `SLUG.es.md`), the post's folder
// and name, and the output path of each page from the output pattern
// ({dir}, {name}, {lang}, {slug}; docs/configuration.md, "Outputs").
#ifndef L10N_PROJECT_POST_NAMING_H_
#define L10N_PROJECT_POST_NAMING_H_

#include <string>
#include <string_view>
#include <vector>

#include "project/config.h"

namespace l10n {

struct PostName {
  std::string dir;   // the folder, relative to the project ("." at its root)
  std::string name;  // the file name without its `.LANG` and its extension
  std::string lang;  // the `.LANG` before the extension (primary subtag); empty: none
};

// The parts of `path` (relative to the project). A `.LANG` before the
// extension counts only when LANG is one of `languages` (their primary
// subtags, compared without regard to case): `notes.v2.md` has no language.
PostName ParsePostName(std::string_view path, const std::vector<std::string>& languages);

// Whether the post at `path` is of a format with no language marker of its
// own in every post (Markdown: `.md`, `.markdown`), so that its language,
// when the post does not say it, comes from its file name, else from the
// first project language. HTML posts must say it (<html lang>).
bool TakesLanguageFromFileName(std::string_view path);

// The output pattern of the post at `path`: project.markdown_output for a
// Markdown post, project.output for any other.
const std::string& OutputPatternFor(const Config& config, std::string_view path);

// Whether `pattern` puts pages beside their posts ({dir}): then a post is its
// own page in its language, and nothing is written for it.
bool OutputsBesidePosts(std::string_view pattern);

// The slug of a post: its name, or for a Hugo bundle (`index`, `_index`)
// the name of its folder.
std::string SlugOf(const PostName& name);

// Where the page of a post in language `source` goes in language `target`:
// `pattern` with {lang} (target), {source}, {slug}, {dir} and {name} replaced in one pass (a value
// is never read again as a placeholder), relative to config.root. A pattern with neither {dir} nor
// {name} expands as Config::Expand does.
std::string OutputPath(const Config& config, std::string_view pattern, const PostName& name,
                       std::string_view slug, std::string_view source, std::string_view target);

}  // namespace l10n

#endif  // L10N_PROJECT_POST_NAMING_H_
