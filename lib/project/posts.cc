// LoadPosts (project.h): the project's posts, found by its patterns, read,
// checked and segmented.
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "base/file_io.h"
#include "base/hash.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "base/parallel.h"
#include "base/path_glob.h"
#include "base/progress.h"
#include "base/ui_text.h"
#include "post/post_formats.h"
#include "post/segmentation_codec.h"
#include "project/post_cache.h"
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

std::string Normal(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().string();
}

// Leaves out of `loaded` the posts that are another post's page in another
// language (Hugo keeps `index.es.md` beside `index.md`), with a note. A file
// is left out when a post not left out writes it; of two posts that are each
// other's page, the later one in path order stays.
std::vector<Post> LeaveOutPages(const Config& config, std::vector<Post> loaded,
                                DiagnosticSink* sink) {
  std::multimap<std::string, std::pair<size_t, std::string>> pages;  // path -> (post, lang)
  for (size_t i = 0; i < loaded.size(); ++i) {
    for (const std::string& tag : config.languages) {
      std::string lang = PrimaryLanguage(tag);
      if (lang == loaded[i].lang) continue;
      pages.emplace(Normal(OutputPathOf(config, loaded[i], lang)), std::pair(i, lang));
    }
  }
  std::vector<bool> left_out(loaded.size(), false);
  std::vector<Post> kept;
  for (size_t i = 0; i < loaded.size(); ++i) {
    auto [begin, end] = pages.equal_range(Normal(loaded[i].file));
    for (auto it = begin; it != end && !left_out[i]; ++it) {
      const auto& [producer, lang] = it->second;
      if (producer == i || left_out[producer]) continue;
      left_out[i] = true;
      sink->Report({Severity::kNote, loaded[i].path, 0, 0,
                    FormatUi("not read as a post: it is the page of '{}' in '{}' that l10n-merge "
                             "writes",
                             loaded[producer].path, lang)});
    }
    if (!left_out[i]) kept.push_back(std::move(loaded[i]));
  }
  return kept;
}

// Reads, checks and segments the post `file` into `post`; false, with the
// errors in `sink`, when it cannot be one. `root` is the project folder's
// canonical path (empty: unknown, nothing checked against it), `known` the
// project's languages. Runs on any thread: it touches nothing shared.
//
// With a `cache`, a post it holds is not checked nor segmented (the record
// is for these very bytes, which passed the checks): *found gets its
// record; else *made gets the record of the post's segmentation, or stays
// empty when the post is not to be kept.
// The posts' folders, each resolved once (every symbolic link followed):
// folder as globbed -> where it leads, or nullopt when it cannot be
// resolved. Read only while the posts load.
using ResolvedFolders = std::map<std::string, std::optional<std::filesystem::path>>;

// ResolvesInside (project_io.h) for a post: a file that is no symbolic
// link is where its folder, resolved once for all its posts, leads.
bool PostResolvesInside(const std::string& file, const ResolvedFolders& folders,
                        const std::filesystem::path& root, std::string* resolved) {
  struct stat st;
  std::filesystem::path path(file);
  auto it = folders.find(path.parent_path().string());
  if (it == folders.end() || !it->second || ::lstat(file.c_str(), &st) != 0 ||
      S_ISLNK(st.st_mode)) {
    return ResolvesInside(file, root, resolved);
  }
  std::filesystem::path real = *it->second / path.filename();
  *resolved = real.string();
  std::filesystem::path rel = real.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

bool LoadPost(const Config& config, const std::filesystem::path& root,
              const ResolvedFolders& folders, const std::set<std::string>& known,
              const std::string& file, const PostCache* cache, Post* post, std::string_view* found,
              std::string* made, DiagnosticSink* sink);

// LoadPost, the post's segmentation then kept encoded when asked.
bool LoadPostKept(const Config& config, const std::filesystem::path& root,
                  const ResolvedFolders& folders, const std::set<std::string>& known,
                  const std::string& file, const PostCache* cache, bool keep_encoded, Post* post,
                  std::string_view* found, std::string* made, DiagnosticSink* sink) {
  bool ok = LoadPost(config, root, folders, known, file, cache, post, found, made, sink);
  if (ok && keep_encoded) {
    post->hash = Hash64(post->html);
    post->size = post->html.size();
    // About the post's size (the units' text is most of both): one
    // allocation, and one copy to fit.
    post->encoded.reserve(post->html.size() + post->html.size() / 4 + 256);
    EncodeSegmentation(post->segmentation, &post->encoded);
    post->encoded.shrink_to_fit();
    post->segmentation = Segmentation();
  }
  return ok;
}

bool LoadPost(const Config& config, const std::filesystem::path& root,
              const ResolvedFolders& folders, const std::set<std::string>& known,
              const std::string& file, const PostCache* cache, Post* post, std::string_view* found,
              std::string* made, DiagnosticSink* sink) {
  post->file = file;
  post->path = Relative(file, config.root);
  post->name = ParsePostName(post->path, config.languages);
  const bool named_language = TakesLanguageFromFileName(post->path);
  post->slug = named_language ? SlugOf(post->name) : std::filesystem::path(file).stem().string();
  std::string resolved;
  if (!root.empty() && !PostResolvesInside(file, folders, root, &resolved)) {
    sink->Error(post->path, 0, 0,
                FormatUi("the post leads to '{}', outside the project folder '{}'", resolved,
                         root.string()));
    return false;
  }
  Result<std::string> html = ReadFile(file, kPostCap);
  if (!html.ok()) {
    sink->Report(html.status());
    return false;
  }
  post->html = std::move(*html);
  const PostFormat& format = PostFormatFor(post->path);
  const bool hit = cache && cache->Find(post->path, post->html, &post->segmentation, found);
  std::optional<InputProblem> problem;
  if (!hit && (problem = format.CheckInput(post->html))) {
    int line = 0, column = 0;
    if (problem->offset > 0 || post->html.size() <= kMaxPostBytes) {
      LineColumn(post->html, problem->offset, &line, &column);
    }
    sink->Error(post->path, line, column, problem->message);
    return false;
  }
  if (!IsSafeSlug(post->slug)) {
    sink->Error(post->path, 0, 0,
                FormatUi("'{}' cannot name an output file: a post's file name must not start "
                         "with '.' nor hold control characters",
                         post->slug));
    return false;
  }
  if (!hit) {
    DiagnosticSink segment_sink;
    post->segmentation = format.Segment(post->html, post->path, config.segment, &segment_sink);
    // A post with warnings is segmented on every run: its record would
    // have to keep the messages, in the language of the run that made it.
    if (cache && cache->enabled() && segment_sink.diagnostics().empty()) {
      *made = cache->Record(post->path, post->html, post->segmentation);
    }
    for (const Diagnostic& d : segment_sink.diagnostics()) sink->Report(d);
  }
  // A front matter's slug (Hugo, Jekyll) names the post's pages.
  if (const std::string& slug = post->segmentation.metadata.slug; !slug.empty()) {
    if (!IsSafeSlug(slug)) {
      sink->Error(post->path, 0, 0,
                  FormatUi("'{}' cannot name an output file: a post's file name must not start "
                           "with '.' nor hold control characters",
                           slug));
      return false;
    }
    post->slug = slug;
  }
  post->lang = PrimaryLanguage(post->segmentation.lang);
  if (post->lang.empty() && named_language) {
    post->lang = !post->name.lang.empty()    ? post->name.lang
                 : !config.languages.empty() ? PrimaryLanguage(config.languages[0])
                                             : "";
  }
  int line = 1, column = 1;
  if (post->segmentation.has_lang_edit) {
    LineColumn(post->html, post->segmentation.lang_range.begin, &line, &column);
  }
  if (post->lang.empty()) {
    sink->Error(post->path, line, column,
                _("the post has no <html lang>, so its language is unknown"));
    return false;
  }
  if (!known.count(post->lang)) {
    sink->Error(
        post->path, line, column,
        FormatUi("language '{}' is not one of the project's languages", post->segmentation.lang));
    return false;
  }
  return true;
}

}  // namespace

const Segmentation& DecodedSegmentation(const Post& post, Segmentation* scratch) {
  if (post.encoded.empty()) return post.segmentation;
  *scratch = Segmentation();
  // The bytes were encoded by this run from a segmentation of post.html:
  // they decode.
  if (!DecodeSegmentation(post.encoded, post.size, scratch)) std::abort();
  return *scratch;
}

std::string OutputPathOf(const Config& config, const Post& post, std::string_view target) {
  return OutputPath(config, OutputPatternFor(config, post.path), post.name, post.slug, post.lang,
                    target);
}

bool LoadPosts(const Config& config, std::vector<Post>* posts, DiagnosticSink* sink,
               PostCache* cache, bool keep_encoded) {
  std::set<std::string> files;
  for (const std::string& pattern : config.posts) {
    std::string full = config.Expand(pattern, "");
    std::vector<std::string> matched = ExpandGlob(full);
    files.insert(matched.begin(), matched.end());
    if (matched.empty()) {
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
  // Each post read and segmented on any core, into its own slot; the
  // posts and their diagnostics then taken in path order, as one thread
  // would give them.
  struct Slot {
    Post post;
    DiagnosticSink sink;
    bool ok = false;
    std::string_view found;  // the cache's record of the post
    std::string made;        // or the one made of it for the cache
  };
  std::vector<std::string> list(files.begin(), files.end());
  ResolvedFolders folders;
  for (const std::string& file : list) {
    std::string folder = std::filesystem::path(file).parent_path().string();
    if (folders.count(folder)) continue;
    std::error_code resolve_ec;
    std::filesystem::path real = std::filesystem::weakly_canonical(
        std::filesystem::absolute(folder.empty() ? "." : folder, resolve_ec), resolve_ec);
    folders[folder] = resolve_ec ? std::nullopt : std::optional(real);
  }
  std::vector<Slot> slots(list.size());
  ProgressCounter progress(config.progress, ProgressStage::kPostsRead, list.size());
  ParallelFor(list.size(), [&](size_t i) {
    Slot& slot = slots[i];
    slot.ok = LoadPostKept(config, ec ? std::filesystem::path() : root, folders, known, list[i],
                           cache, keep_encoded, &slot.post, &slot.found, &slot.made, &slot.sink);
    progress.Done();
  });
  std::vector<Post> loaded;
  for (Slot& slot : slots) {
    for (const Diagnostic& d : slot.sink.diagnostics()) sink->Report(d);
    // A post refused after segmenting (its language, its slug) is kept:
    // its segmentation is what the next run needs to refuse it again.
    if (cache && !slot.found.empty()) cache->KeepFound(slot.found);
    if (cache && !slot.made.empty()) cache->KeepMade(std::move(slot.made));
    if (slot.ok) {
      loaded.push_back(std::move(slot.post));
    } else {
      ok = false;
    }
  }
  slots.clear();
  // Two posts may not share a page: by slug where the pattern names pages
  // by slug, else by folder and name.
  std::set<std::string> names;
  for (Post& post : LeaveOutPages(config, std::move(loaded), sink)) {
    const std::string& pattern = OutputPatternFor(config, post.path);
    std::string name = pattern.find("{slug}") != std::string::npos
                           ? post.slug
                           : Normal(post.name.dir + "/" + post.name.name);
    if (!names.insert(name).second) {
      sink->Error(post.path, 0, 0, FormatUi("another post already has the name '{}'", name));
      ok = false;
      continue;
    }
    posts->push_back(std::move(post));
  }
  return ok;
}

}  // namespace l10n
