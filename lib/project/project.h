// The tools' jobs over a whole project (its l10n.toml): load the posts,
// extract their units into templates and catalogs, merge catalogs back into
// localized posts. The tools are thin drivers over these functions:
// LoadPosts in posts.cc, PlanExtract and RunExtract in extract_run.cc,
// RunMerge and UseCatalog in merge_run.cc, the files they read and write in
// project_io.h.
//
// Nothing is written when an input is bad: every catalog and the taxonomy
// are read and checked before the first file is replaced, and each file is
// replaced atomically.
#ifndef L10N_PROJECT_PROJECT_H_
#define L10N_PROJECT_PROJECT_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "post/post_format.h"
#include "project/config.h"
#include "project/post_naming.h"
#include "render/merge.h"
#include "render/site_map.h"

namespace l10n {

class MergeCache;  // merge_cache.h

struct Post {
  std::string path;  // relative to the project root, as in references
  std::string file;  // path to open
  std::string slug;  // the file name's stem; a Markdown post's SlugOf(name)
  PostName name;     // its folder, name and file-name language
  std::string lang;  // primary language subtag
  std::string html;  // empty once `dropped`
  // Decoded, unless LoadPosts was asked to keep it encoded: then
  // `segmentation` is empty and `encoded` holds it (post/segmentation_codec.h:
  // about the post's size, a third of the decoded one's memory), for a run
  // that reads one post at a time and need not hold every post's decoded at
  // once (DecodedSegmentation).
  Segmentation segmentation;
  std::string encoded;
  // With `encoded`: Hash64 of `html` and its size, so that a run that let
  // go of the bytes (`dropped`) can tell the same bytes when it reads them
  // again (merge_page.h PostText).
  uint64_t hash = 0;
  size_t size = 0;
  bool dropped = false;
};

// The segmentation of `post`: its own, or decoded from post.encoded into
// *scratch (which must outlive the reference).
const Segmentation& DecodedSegmentation(const Post& post, Segmentation* scratch);

// Expands config.posts, reads and segments each post (sorted by path, each
// once). A post whose segmentation names no language takes it from its file
// name or the first project language when its format has no language marker
// (TakesLanguageFromFileName). A file that is the page of another post in
// another language (OutputPathOf) is no post: it is left out, with a note.
// Errors: no post found, unreadable file, an HTML post whose <html lang> is
// missing, a language that is not a project language, two posts with one
// name.
//
// With a `cache` (post_cache.h), a post whose record holds is not segmented
// again, and every post that segmented without a diagnostic is kept in it;
// the caller saves it, under the project's lock.
//
// With `keep_encoded`, each post keeps its segmentation encoded (Post::encoded).
class PostCache;
bool LoadPosts(const Config& config, std::vector<Post>* posts, DiagnosticSink* sink,
               PostCache* cache = nullptr, bool keep_encoded = false);

// Where l10n-merge writes the page of `post` in `target` (OutputPath with the
// post's pattern, OutputPatternFor).
std::string OutputPathOf(const Config& config, const Post& post, std::string_view target);

struct LanguageReport {
  std::string lang;    // for extract: the source; for merge: the target
  std::string target;  // extract: the catalog's language
  int posts = 0;
  int units = 0;
  int translated = 0;
  int words = 0;
  int translated_words = 0;
  int fuzzy = 0;                   // extract: new fuzzy matches
  int fuzzy_total = 0;             // extract: fuzzy entries in the catalog
  int obsolete = 0;                // extract: obsolete entries kept
  std::vector<std::string> files;  // written or checked
};

struct RunReport {
  std::vector<LanguageReport> languages;
  std::vector<std::string> changed;  // files whose content changed
  std::vector<std::string> skipped;  // posts not written (threshold, unsafe)
};

// l10n-extract: posts -> locales/<src>.pot and locales/<tgt>.po (and the
// taxonomy).
bool RunExtract(const Config& config, DiagnosticSink* sink, RunReport* report);

// A file l10n-extract writes, as it would write it now.
struct PlannedFile {
  enum class Kind { kTemplate, kCatalog, kTaxonomy, kXliff };
  Kind kind = Kind::kCatalog;
  std::string path;
  std::string content;                     // empty for an unchanged kXliff copy
  bool unchanged = false;                  // the file exists and differs at most in its dates
                                           // (kXliff: not at all)
  std::string lang;                        // template: its source language; catalog: target
  std::string source;                      // catalog: its source language
  std::shared_ptr<const Catalog> catalog;  // kTemplate, kCatalog: the content
                                           // (kXliff: a copy of a catalog)
  std::shared_ptr<const Catalog> old;      // as read now; null without a file
};

// What RunExtract would write from `posts` (LoadPosts), without writing.
// Returns false on an error (a catalog that does not parse, a compendium
// missing), reported to the sink.
// `recorded`: the hash of each file as the last run left it
// (run_record.h RecordedHashes), which spares comparing XLIFF copies
// still in step with their catalog; null: none known.
bool PlanExtract(const Config& config, const std::vector<Post>& posts, DiagnosticSink* sink,
                 RunReport* report, std::vector<PlannedFile>* files,
                 const std::map<std::string, uint64_t>* recorded = nullptr);

// A page l10n-merge writes, as it would write it now.
struct PlannedPage {
  std::string path;            // where it is written
  std::string content;         // the page (empty when `unchanged`)
  std::string lang;            // its language (primary subtag)
  const Post* post = nullptr;  // into PlanMerge's posts
  // With a cache: the output is as this run would write it (its record
  // holds, merge_cache.h), so the page was not made again.
  bool unchanged = false;
};

struct MergePlan {
  std::vector<PlannedPage> pages;  // in the order they are written
  // With [site] settings: every post's URL in every language, and which
  // pages are published (by this run, or already there); null without.
  std::unique_ptr<SiteMap> site;
  // With [site] settings: the record of the published pages ([site] urls,
  // docs/site.md) and its content, written with the pages.
  std::string urls_path;
  std::string urls;
};

// What RunMerge would write from `posts` (LoadPosts), without writing.
// Returns false when nothing may be written (a catalog that does not parse,
// a translation refused as unsafe), the reasons reported to the sink;
// report->skipped names the pages left out. The pages are merged on every
// core (base/parallel.h), the same pages and diagnostics as on one. With a
// `cache` (loaded), a page whose record holds is not merged again (its
// warnings and counts come from the record), and is left `unchanged` when
// its output is as recorded; the cache gets this run's records.
// With `stage`, each page that is to be written (not `unchanged`) is handed
// to it as soon as it is made, and its `content` is left empty: with a
// part, the index of its language in config.languages, or that count for a
// page made again once the site is known (the same path again: it replaces
// the page staged before). The pages' order is the parts' in turn, each
// part's in the order handed.
using PageStage = std::function<void(size_t part, const std::string& path, std::string content)>;
bool PlanMerge(const Config& config, const std::vector<Post>& posts, DiagnosticSink* sink,
               RunReport* report, MergePlan* plan, MergeCache* cache = nullptr,
               const PageStage& stage = nullptr);

// l10n-merge: posts + catalogs -> output/<lang>/<slug>.html for every
// language (a post's own language gets the post as it is). Pages are
// replaced atomically but not synced (file_io.h Durability); the record of
// published URLs is synced. The cache in config.cache (docs/cache.md)
// spares the segmenting of the posts that did not change and the pages
// whose inputs did not change (merge_cache.h).
bool RunMerge(const Config& config, DiagnosticSink* sink, RunReport* report);

// Sets options->translate and options->translate_category to take the
// translations of `catalog` (nullptr: none), read from `text`, the file at
// `path`, as l10n-merge does. The three must outlive the options.
void UseCatalog(const Catalog* catalog, const std::string& path, const std::string& text,
                MergeOptions* options);
// The same, with the file's text asked of `text` only when a translation is
// located in it (one the markup check refuses: an error, rare), so that a
// run need not hold it; "" when it is not known (the translation is then
// located at its entry's line). `text` is called from any thread.
void UseCatalog(const Catalog* catalog, const std::string& path,
                std::function<std::string_view()> text, MergeOptions* options);

}  // namespace l10n

#endif  // L10N_PROJECT_PROJECT_H_
