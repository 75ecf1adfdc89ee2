// The segmentation cache (docs/cache.md): each post's Segmentation, kept
// from the last run in one file beside l10n.toml (`[project] cache`,
// `.l10n-cache/` by default), so that a post whose bytes did not change is
// not parsed again.
//
// A record is found by the post's path and used only when the post's bytes,
// the segment options and the tool's version are those it was made from
// (a 64-bit hash of each, and the post's size), its checksum holds and it
// decodes (post/segmentation_codec.h). Anything else is a miss: a file that
// is truncated, of another version or not a cache at all is ignored and
// written anew. Only posts that segmented without a diagnostic are kept, so
// a hit gives exactly what segmenting gives.
//
// The file is a log: a run appends the records it made (one post edited:
// one record written, not the whole file), and writes the file whole, with
// only the records it kept, when the others would outweigh them.
//
// Find may be called from any thread; Keep and Save from one, under the
// project's lock (project_io.h ProjectLock).
#ifndef L10N_PROJECT_POST_CACHE_H_
#define L10N_PROJECT_POST_CACHE_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.h"
#include "post/post_format.h"
#include "project/config.h"

namespace l10n {

// The version the caches are made by: a cache of another version is
// ignored.
extern const char kCacheToolVersion[];

// The file of the segmentation cache under config.cache (empty: no cache).
std::string SegmentCachePath(const Config& config);

class PostCache {
 public:
  // No cache: Find finds nothing, Save writes nothing.
  PostCache() = default;
  PostCache(const PostCache&) = delete;
  PostCache& operator=(const PostCache&) = delete;

  // Reads the cache file at `path` (nothing when empty) for posts segmented
  // with `options`. A file that cannot be read or is not a cache of this
  // version is a cache with no record.
  void Open(const std::string& path, const SegmentOptions& options);
  // The cache in `bytes`, as if read from a file (Open, fuzz tests).
  void OpenBytes(std::string bytes, const SegmentOptions& options);
  bool enabled() const { return !path_.empty() || opened_bytes_; }

  // The record of the post at `path` with bytes `text`: its Segmentation
  // in *segmentation, and the record itself in *record (a view into the
  // cache, for Keep). False when there is none that holds.
  bool Find(const std::string& path, std::string_view text, Segmentation* segmentation,
            std::string_view* record) const;
  // The record of a post just segmented, for Keep.
  std::string Record(const std::string& path, std::string_view text,
                     const Segmentation& segmentation) const;
  // Keeps a record for the next run, in the order kept: one Find found
  // (a view into the cache), or one Record made.
  void KeepFound(std::string_view record);
  void KeepMade(std::string record);

  // The file written whole: a header and the records kept, in order.
  std::string Serialize() const;
  // Whether Save writes: records made (appended), a tail that cannot be
  // framed, or the file to write whole: it is no cache of this version, or
  // the records not kept would outweigh those kept (Compacts).
  bool changed() const;
  bool Compacts() const;
  // Writes the file when changed(), appending to it unless it Compacts();
  // a failure is a note (the cache is only a cache: the run goes on).
  void Save(DiagnosticSink* sink);

 private:
  struct Key {
    uint64_t path = 0;
    uint64_t text = 0;
    uint64_t size = 0;
  };
  Key KeyOf(const std::string& path, std::string_view text) const;
  std::string Header() const;  // the file's header
  void Index();
  bool Append();  // the records made, after the file's framed records

  std::string path_;
  bool opened_bytes_ = false;
  uint64_t salt_ = 0;
  std::string bytes_;  // the file as read
  // Path hash -> a record (its frame and payload) within bytes_, unchecked.
  std::unordered_map<uint64_t, std::string_view> records_;
  bool file_ok_ = false;                // the file has this version's header
  size_t framed_ = 0;                   // the header and the records that frame, from the start
  std::vector<std::string_view> kept_;  // the records kept, framed, in order
  std::deque<std::string> made_;        // those made this run (stable addresses)
  size_t found_bytes_ = 0;              // of the records kept that were in the file
  size_t made_bytes_ = 0;               // of those made
};

}  // namespace l10n

#endif  // L10N_PROJECT_POST_CACHE_H_
