// The no-change fast path of l10n-extract and l10n-merge (docs/cache.md): a
// run leaves a record of its inputs (the settings, the UI language, the
// tool), of every file it read or wrote (the posts included) as stat() saw
// it and the hash of its bytes, and of what it reported. The next run whose
// inputs and files are all as recorded reports the same and writes nothing,
// without reading a post or a catalog: stat first, as ninja and git do.
//
// A file whose stat fields (size, modification and change times in
// nanoseconds, inode, device) are all as recorded is taken as unchanged
// without reading it, except a "racy" one (git's rule): its modification
// time is not older than the moment it was recorded, so it may have changed
// within the same clock tick; that one is read and hashed. A file whose
// stat differs is read and hashed: the same bytes still hold.
//
// The records are `extract` and `merge-run` in the cache folder
// (Config::cache), written atomically under the project's lock. Anything
// wrong with one (missing, truncated, another version, a checksum that does
// not hold) is a miss: the run plans as it always does.
#ifndef L10N_PROJECT_RUN_RECORD_H_
#define L10N_PROJECT_RUN_RECORD_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "project/config.h"
#include "project/project.h"

namespace l10n {

inline constexpr char kExtractRecordName[] = "extract";
inline constexpr char kMergeRecordName[] = "merge-run";

// A file as a run found or left it.
struct FileStamp {
  bool exists = false;
  bool link = false;  // a symbolic link: the fields are its target's
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  uint64_t inode = 0;
  uint64_t device = 0;
  std::string target;  // of a link: where it leads, every link resolved
  uint64_t hash = 0;   // Hash64 of the bytes (0 for no file)
  bool SameStat(const FileStamp& o) const {
    return exists == o.exists && link == o.link && size == o.size && mtime_ns == o.mtime_ns &&
           ctime_ns == o.ctime_ns && inode == o.inode && device == o.device && target == o.target;
  }
};

// What stat() says of `path` now (no hash); false when it exists but
// cannot be looked at.
bool StatFile(const std::string& path, FileStamp* stamp);

// stamp->hash from the file's bytes; false when it cannot be read whole.
bool HashFile(const std::string& path, FileStamp* stamp);

// Whether the file at `path` still holds what `recorded` says, when any
// change at or after `racy_ns` (nanoseconds since the epoch) may have kept
// its stat: read and hashed unless its stat is as recorded and older.
bool StillHolds(const std::string& path, const FileStamp& recorded, int64_t racy_ns);

// A hash of what a run's result depends on besides its files: every setting
// of `config`, the UI language (the messages' language), the tool's version
// and build, and `tool`.
uint64_t RunInputsKey(const Config& config, const char* tool);

// One tool's record: Replay() at the start of a run; else StatPosts()
// before LoadPosts, HashPosts() after it, and Record() at the end of a run
// that succeeded.
class RunRecord {
 public:
  // `name`: the file under config.cache (kExtractRecordName, ...).
  RunRecord(const Config& config, const char* name);
  ~RunRecord();

  // The record's path (empty: no cache).
  const std::string& path() const { return path_; }

  // When the record is for this run's inputs and every file it lists
  // (the posts the patterns name now among them) is as it was then: its
  // report into *report, its diagnostics into *sink, true.
  bool Replay(RunReport* report, DiagnosticSink* sink);

  // The posts the patterns name and their stat, taken before LoadPosts
  // reads them (so that a post changed meanwhile is a miss next time).
  void StatPosts();
  // Their hashes: from the bytes LoadPosts read (`posts`), the others
  // (posts left out as another's page) read again. Returns the hash of
  // each of `posts`' bytes, in their order; empty when there is no record
  // to make (no cache, a post that changed while it was read).
  std::vector<uint64_t> HashPosts(const std::vector<Post>& posts);

  // The hash of each existing file besides the posts that the record
  // lists, as the run that wrote it left the file, whatever its inputs
  // were; empty when there is no record that holds together.
  std::map<std::string, uint64_t> RecordedHashes() const;

  // A part of a run planned on its own (extract: one source language's
  // template and catalogs), which the next run need not plan again when
  // `key` (a hash of its inputs besides its files) is the same and its
  // files are as the run left them: it then reports `languages` and
  // `diagnostics`, as the run that recorded it would again, and leaves its
  // files as they are.
  struct Part {
    std::string name;
    uint64_t key = 0;
    // Every file it read or wrote (each one of Record's `files`), and
    // whether the run stages it (its folder then cleaned of leftovers).
    std::vector<std::pair<std::string, bool>> files;
    std::vector<LanguageReport> languages;
    std::vector<Diagnostic> diagnostics;
  };

  // Records this run: `files`, every file besides the posts it read or
  // wrote (existing or not) as they are now, the folders the posts and
  // `files` are in (where they lead), its report and its diagnostics, and
  // `parts`. `replayable`: the next run on the same files may Replay()
  // the whole run (else only its parts are of use). A failure is a note.
  void Record(const std::vector<std::string>& files, const RunReport& report,
              const std::vector<Diagnostic>& diagnostics, DiagnosticSink* sink,
              const std::vector<Part>& parts = {}, bool replayable = true);

  // The part `name` of the last run, when the record is for this run's
  // inputs (the settings, the tool, the UI language), the part's key is
  // `key` and each of its files and their folders still hold (as Replay
  // checks them); null otherwise.
  const Part* HeldPart(const std::string& name, uint64_t key) const;

  struct Decoded;  // a record as read (run_record.cc)

 private:
  bool ExpandPosts();
  const Decoded* Last() const;  // the record as read, when it decodes

  const Config& config_;
  std::string path_;
  uint64_t key_ = 0;
  bool expanded_ = false;
  uint64_t patterns_key_ = 0;  // which patterns matched nothing
  std::vector<std::string> posts_;
  std::vector<FileStamp> post_stamps_;
  int64_t posts_at_ = 0;  // when their stat was taken
  bool posts_ok_ = false;
  mutable std::unique_ptr<Decoded> last_;  // read once
  mutable bool read_ = false;
};

}  // namespace l10n

#endif  // L10N_PROJECT_RUN_RECORD_H_
