// LoadPosts (project.h): the project's posts, found by its patterns, read,
// checked and segmented.
#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/file_io.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "post/post_formats.h"
#include "project/project.h"
#include "project/project_io.h"

namespace l10n {

namespace {

// A file name stem that is a safe output name: not ".", "..", hidden, and
// without separators or control characters.
bool IsSafeSlug(std::string_view slug) {
  if (slug.empty() || slug[0] == '.') return false;
  return std::none_of(slug.begin(), slug.end(), [](char c) {
    return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
}

}  // namespace

bool LoadPosts(const Config& config, std::vector<Post>* posts, DiagnosticSink* sink) {
  std::set<std::string> files;
  for (const std::string& pattern : config.posts) {
    std::string full = config.Expand(pattern, "");
    glob_t g{};
    int rc = ::glob(full.c_str(), 0, nullptr, &g);
    if (rc == 0) {
      for (size_t i = 0; i < g.gl_pathc; ++i) files.insert(g.gl_pathv[i]);
    }
    globfree(&g);
    if (rc == GLOB_NOMATCH) {
      sink->Warning(full, 0, 0, _("no post matches this pattern"));
    }
  }
  if (files.empty()) {
    sink->Error("", 0, 0, _("no posts found"));
    return false;
  }
  bool ok = true;
  // Posts are published: one that leads outside the project (a symbolic
  // link, a pattern with "..") could put any file's text in a page.
  std::error_code ec;
  std::filesystem::path root =
      std::filesystem::canonical(config.root.empty() ? "." : config.root, ec);
  std::set<std::string> known;
  for (const std::string& l : config.languages) known.insert(PrimaryLanguage(l));
  std::set<std::string> slugs;
  for (const std::string& file : files) {
    Post post;
    post.file = file;
    post.path = Relative(file, config.root);
    post.slug = std::filesystem::path(file).stem().string();
    std::string resolved;
    if (!ec && !ResolvesInside(file, root, &resolved)) {
      sink->Error(post.path, 0, 0,
                  FormatUi("the post leads to '{}', outside the project folder '{}'", resolved,
                           root.string()));
      ok = false;
      continue;
    }
    Result<std::string> html = ReadFile(file, kPostCap);
    if (!html.ok()) {
      sink->Report(html.status());
      ok = false;
      continue;
    }
    post.html = std::move(*html);
    const PostFormat& format = PostFormatFor(post.path);
    if (std::optional<InputProblem> problem = format.CheckInput(post.html)) {
      int line = 0, column = 0;
      if (problem->offset > 0 || post.html.size() <= kMaxPostBytes) {
        LineColumn(post.html, problem->offset, &line, &column);
      }
      sink->Error(post.path, line, column, problem->message);
      ok = false;
      continue;
    }
    if (!IsSafeSlug(post.slug)) {
      sink->Error(post.path, 0, 0,
                  FormatUi("'{}' cannot name an output file: a post's file name must not start "
                           "with '.' nor hold control characters",
                           post.slug));
      ok = false;
      continue;
    }
    post.segmentation = format.Segment(post.html, post.path, config.segment, sink);
    post.lang = PrimaryLanguage(post.segmentation.lang);
    int line = 1, column = 1;
    if (post.segmentation.has_lang_edit) {
      LineColumn(post.html, post.segmentation.lang_range.begin, &line, &column);
    }
    if (post.lang.empty()) {
      sink->Error(post.path, line, column,
                  _("the post has no <html lang>, so its language is unknown"));
      ok = false;
      continue;
    }
    if (!known.count(post.lang)) {
      sink->Error(
          post.path, line, column,
          FormatUi("language '{}' is not one of the project's languages", post.segmentation.lang));
      ok = false;
      continue;
    }
    if (!slugs.insert(post.slug).second) {
      sink->Error(post.path, 0, 0, FormatUi("another post already has the name '{}'", post.slug));
      ok = false;
      continue;
    }
    posts->push_back(std::move(post));
  }
  return ok;
}

}  // namespace l10n
