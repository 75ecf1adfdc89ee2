// One page of l10n-merge's run (merge_run.cc): a post merged into a target
// language, into a slot of its own so that the pages can be made on every
// core (base/parallel.h) and taken in order; or, when the merge cache's
// record of it holds (merge_cache.h), what the record says instead.
//
// Internal to lib/project/.
#ifndef L10N_PROJECT_MERGE_PAGE_H_
#define L10N_PROJECT_MERGE_PAGE_H_

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "catalog/taxonomy.h"
#include "project/config.h"
#include "project/merge_cache.h"
#include "project/project.h"
#include "render/merge.h"

namespace l10n {

// What stat() says of a page's output.
struct OutputStat {
  bool exists = false;   // anything at all, a folder too
  bool regular = false;  // a file: then its size and modification time
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};
OutputStat StatPage(const std::string& path);

// What making a page reads of its post besides its facts: its bytes and
// its segmentation. The post's own; or, for a post that keeps them compact
// (Post::encoded, Post::dropped), decoded and read again while its pages
// are made. Used on one thread.
class PostText {
 public:
  explicit PostText(const Post& post) : post_(post) {}
  PostText(const PostText&) = delete;
  PostText& operator=(const PostText&) = delete;

  const Segmentation& segmentation();  // decoded on the first call
  // Reads the bytes again when the post dropped them. False, with an error
  // in *sink, when its file cannot be read or no longer holds the bytes the
  // run read first (it changed during the run).
  bool Read(DiagnosticSink* sink);
  const std::string& html() const;  // after Read() held

 private:
  const Post& post_;
  const Segmentation* segmentation_ = nullptr;
  Segmentation decoded_;
  bool read_ = false;
  std::string html_;  // read again
};

// A catalog's text, which a merge reads only to locate a translation it
// refuses (an error, rare): let go once the catalog is read, and read again
// then, once; "" when the file no longer holds the text the catalog was read
// from. Get() is thread-safe.
class CatalogText {
 public:
  CatalogText(std::string path, std::string_view text);
  CatalogText(const CatalogText&) = delete;
  CatalogText& operator=(const CatalogText&) = delete;
  std::string_view Get() const;

 private:
  std::string path_;
  uint64_t hash_;
  size_t size_;
  mutable std::once_flag read_;
  mutable std::string text_;
};

// A page to make: a post in a target language.
struct PageTask {
  const Post* post = nullptr;
  PostText* text = nullptr;          // the post's, while the page is made; null between
  std::string target_tag;            // as configured
  std::string target;                // its primary subtag
  std::string path;                  // the output
  const Catalog* catalog = nullptr;  // null: none
  // UseCatalog's: the catalog's file ("" without one) and text (null).
  const std::string* catalog_path = nullptr;
  const CatalogText* catalog_text = nullptr;
  bool copy = false;  // the post's own language: the post as it is
  // Its output as the run found it, once asked (the outputs are replaced
  // only at the run's end); UpToDate asks itself when not.
  std::optional<OutputStat> output;
};

// What making it gave.
struct PageResult {
  DiagnosticSink sink;  // what one run at a time would have said, in order
  std::string content;  // when has_content
  bool has_content = false;
  bool unsafe = false;      // a translation refused: nothing is published
  bool below_keep = false;  // too little translated: not written
  bool hit = false;         // the record holds (but maybe not for the site)
  bool recorded = false;    // `record` is to be kept
  bool unchanged = false;   // the output is as this run would write it
  bool with_site = false;   // `content` has the edits MakePage was given
  bool staged = false;      // `content` went to its temporary file
  MergeRecord record;       // counts, warnings; the cache's record
};

// The settings merge reads (and the taxonomy, the tool's build, the
// language it speaks), as one hash: a page made with other settings is made
// again. A setting merge starts to read is added here.
uint64_t MergeSettingsKey(const Config& config);

// The merge options for a page in `target` (`target_tag` as configured) of
// a post in `source`: settings only, no catalog.
MergeOptions PageOptions(const Config& config, const Taxonomy& taxonomy, const std::string& target,
                         const std::string& target_tag, const std::string& source);

// The page of `task` as the first merge makes it, with `edits` (a site's
// links and <head>, render/site_links.h, site_head.h: they change no
// translation and say nothing), its report to `sink`; the catalog lookups
// it makes to *lookups when given.
MergeResult FirstMerge(const Config& config, const Taxonomy& taxonomy, const PageTask& task,
                       DiagnosticSink* sink, std::vector<MergeLookup>* lookups,
                       std::vector<TextEdit> edits = {});

// The page of a `task.copy`: the post as it is, with `edits` (its <head>).
std::string CopyPage(const Config& config, const Taxonomy& taxonomy, const PageTask& task,
                     std::vector<TextEdit> edits);

// Makes the page of `task` into *r (its warnings, counts, content and
// record), or takes what the cache (maybe null) recorded of it when the
// record's key (`settings`: MergeSettingsKey) and catalog lookups hold.
// A post that cannot be read again (PostText::Read) makes r->unsafe.
// `site_edits`, when given, is asked for the page's edits when it is made
// (r->with_site then says so).
void MakePage(const Config& config, const Taxonomy& taxonomy, uint64_t settings,
              const PageTask& task, const MergeCache* cache, PageResult* r,
              const std::function<std::vector<TextEdit>()>& site_edits = nullptr);

// Whether the output of `task` is as the cache's record of it left it, for
// the site's state `site` (0: no [site]): the record held (r.hit), was made
// with that state, and the file (task.output when known) has the size and
// modification time it recorded.
bool UpToDate(const PageTask& task, const MergeCache* cache, const PageResult& r, uint64_t site);

// r->content as the first merge makes it, when MakePage did not keep it (it
// took the record, or the content was dropped); what that merge says was
// said already and is left out (r->unsafe when the post cannot be read
// again).
void EnsureContent(const Config& config, const Taxonomy& taxonomy, const PageTask& task,
                   PageResult* r);

}  // namespace l10n

#endif  // L10N_PROJECT_MERGE_PAGE_H_
