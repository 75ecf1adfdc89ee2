// What l10n-merge knew about each page at its last run (docs/durability.md),
// so that a run renders and writes only the pages whose inputs changed, as
// ninja's .ninja_log lets it skip up-to-date outputs.
//
// One record per output path: a key over everything the page was made from
// (the post's bytes, the settings merge reads, the taxonomy, the tool's
// build), the catalog lookups its merge made and a hash of what they found,
// the site's state its links came from, what the merge reported (counts and
// warnings, replayed as they were said), and the output's size and
// modification time as the run left it. A page is taken as up to date only
// when all of these match what this run finds; anything else renders it.
//
// The file (`.l10n-cache/merge` beside l10n.toml) is a cache, never trusted:
// a missing, truncated, corrupt (its checksum), foreign (its magic) or
// older (its format number) file is ignored whole and rebuilt. It is
// replaced atomically, not synced (file_io.h Durability::kReplaced), and
// only when its content changed; runs on one project are one at a time
// (ProjectLock).
#ifndef L10N_PROJECT_MERGE_CACHE_H_
#define L10N_PROJECT_MERGE_CACHE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/status.h"

namespace l10n {

// The cache's file in the cache folder (Config::cache).
inline constexpr char kMergeCacheName[] = "merge";

// A 64-bit hash, not cryptographic: the cache's keys, its checksum.
class Hasher {
 public:
  explicit Hasher(uint64_t seed = 0) : h_(seed) {}
  Hasher& Add(std::string_view bytes);  // its length too: ("a","bc") != ("ab","c")
  Hasher& Add(uint64_t value);
  uint64_t value() const { return h_; }

 private:
  uint64_t h_;
};

// A lookup a page's merge made in its catalog besides the post's
// translatable units (a category's name): the unit of the post's
// segmentation at `unit`, or (unit < 0) the entry (context, msgid).
struct MergeLookup {
  int64_t unit = -1;
  std::optional<std::string> context;
  std::string msgid;
  bool operator==(const MergeLookup&) const = default;
};

struct MergeRecord {
  enum class Outcome : uint8_t { kWritten = 1, kBelowKeep = 2 };
  uint64_t key = 0;    // the page's inputs, but the catalog and the site
  uint64_t found = 0;  // what the units and `lookups` found in the catalog
  std::vector<MergeLookup> lookups;
  Outcome outcome = Outcome::kWritten;
  int units = 0, translated = 0, words = 0, translated_words = 0;
  std::vector<Diagnostic> diagnostics;  // the page's warnings, in order
  uint64_t site = 0;                    // the site's state (0: no [site])
  uint64_t size = 0;                    // kWritten: the output as left
  int64_t mtime_ns = 0;
  bool operator==(const MergeRecord&) const;
};

class MergeCache {
 public:
  // `file` empty: no cache (nothing read, nothing written).
  explicit MergeCache(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }
  // Reads the file; one that is missing or wrong in any way leaves the
  // cache empty.
  void Load();
  const MergeRecord* Find(const std::string& output) const;
  // The records of this run: Save() writes these only, so pages no longer
  // written are forgotten.
  void Put(const std::string& output, MergeRecord record);
  // A record Put() this run, to complete (nullptr when none); Drop()
  // forgets it.
  MergeRecord* Pending(const std::string& output);
  void Drop(const std::string& output) { new_.erase(output); }
  // Replaces the file when its content changed.
  Status Save() const;

  // The encoding, for the tests.
  static std::string Encode(const std::map<std::string, MergeRecord>& records);
  static bool Decode(std::string_view bytes, std::map<std::string, MergeRecord>* records);

 private:
  std::string file_;
  std::string loaded_bytes_;  // the file as read
  std::map<std::string, MergeRecord> old_;
  std::map<std::string, MergeRecord> new_;
};

// The size and modification time (nanoseconds) of the file at `path`.
bool StatOutput(const std::string& path, uint64_t* size, int64_t* mtime_ns);

// The identity of the running tool's build (the executable's size and
// modification time): a rebuilt tool does not trust its predecessor's cache.
uint64_t ToolBuildKey();

}  // namespace l10n

#endif  // L10N_PROJECT_MERGE_CACHE_H_
