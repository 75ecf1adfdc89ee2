// Reading whole files and replacing them atomically: a temporary file in the
// same folder, flushed to disk, then renamed over the target, so a reader (or
// a crash) sees the old or the new content, never a mix.
//
// Reads accept regular files only (symbolic links are followed): a folder, a
// FIFO, a socket or a device such as /dev/zero is refused before a byte is
// read, and a FIFO is opened without blocking. Each read has a size cap
// (lib/input_limits.h) that holds while reading, so a file that grows
// meanwhile is refused rather than read without end.
//
// Writes go through symbolic links: the link's final target is replaced (its
// temporary file beside it), and the link stays. A link whose target does
// not exist, or is not a regular file, is refused. A replaced file keeps its
// permission bits (and its owner, where the process may set it).
//
// The temporary files are hidden and named so that nothing else matches:
// ".NAME.l10n-tmp-PID-XXXXXX", beside NAME. RemoveLeftoverTemporaries()
// deletes those a killed run left behind.
#ifndef L10N_BASE_FILE_IO_H_
#define L10N_BASE_FILE_IO_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/input_limits.h"
#include "base/status.h"

namespace l10n {

// The file's bytes, or an error "path: error: ..." when it cannot be opened,
// is not a regular file, is larger than `cap`, or grows past it while read.
Result<std::string> ReadFile(const std::string& path, const SizeCap& cap = kCatalogCap);

// Writes `content` to `path` atomically, creating missing parent folders.
// When the file already holds exactly `content` it is left untouched (its
// modification time too).
Status WriteFileAtomic(const std::string& path, const std::string& content);

bool FileExists(const std::string& path);

// Whether `path` is a regular file that holds exactly `content`: a stat()
// first, the file read only when the sizes match.
bool FileHolds(const std::string& path, std::string_view content);

// The file that writing `path` replaces: `path` itself, or the final target
// of the symbolic link `path` is. An error when that target does not exist
// (a dangling link) or is not a regular file.
Result<std::string> WriteTarget(const std::string& path);

// Deletes, in `folder`, the temporary files of runs that were killed: the
// hidden ".NAME.l10n-tmp-PID-XXXXXX" regular files whose process PID is gone,
// and "NAME.tmp-XXXXXX" (the earlier naming) for each NAME in `written`, the
// names of files this run writes there. Nothing else is touched. The caller
// holds the project's lock, so no other run of this project is writing.
// Returns the paths removed.
std::vector<std::string> RemoveLeftoverTemporaries(const std::string& folder,
                                                   const std::vector<std::string>& written);

// A file's bytes mapped read-only, for files too large to copy: pages are
// read as they are touched, and Release() lets go of those already read (the
// bytes stay valid: touching them again reads them again). The same rules as
// ReadFile: a regular file of at most `cap` bytes.
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path, const SizeCap& cap = kCatalogCap);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view text() const { return {data_, size_}; }
  // The memory of the bytes before `offset` may be returned to the system.
  void Release(size_t offset) const;

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  std::string copy_;  // what cannot be mapped (an empty file) is read
};

// How far a replacement goes to survive a power cut. kSynced: the temporary
// file is flushed to the disk (fsync) before the rename, and the folder
// after it, so that after Commit() the new content is there for good: for
// what people write and keep (catalogs, templates, the taxonomy, XLIFF).
// kReplaced: temporary file and rename only, for outputs a run regenerates
// (pages): a reader, or a crash of the process, still sees the old or the
// new file, never half of one; after a power cut the kernel may not have
// written the newest pages yet, and the next run writes them again
// (docs/durability.md).
enum class Durability { kSynced, kReplaced };

// A file written piece by piece that replaces `path` (or, for a symbolic
// link, its target) atomically on Commit(): a temporary file in the same
// folder, flushed (with kSynced), renamed. Destroyed without a Commit(), it leaves `path`
// as it was and removes its temporary file. Commit() leaves a file that
// already held the same bytes untouched, its modification time too.
//
// Finish() flushes and closes the temporary file without replacing
// anything, so that a caller can write many files and rename them only when
// all were written (Commit() finishes first when needed).
class AtomicFile {
 public:
  explicit AtomicFile(std::string path, Durability durability = Durability::kSynced)
      : path_(std::move(path)), durability_(durability) {}
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  // Resolves the target and creates the temporary file (and missing parent
  // folders).
  Status Open();
  Status Append(std::string_view data);
  Status Finish();
  Status Commit();

  // The file Commit() replaces; valid after a successful Open().
  const std::string& target() const { return target_; }

 private:
  Status Fail(const char* what, int err);
  std::string path_;
  Durability durability_ = Durability::kSynced;
  std::string target_;
  std::string temp_;
  int fd_ = -1;
  bool finished_ = false;
  bool exists_ = false;  // the target existed at Open()
  Status error_;
};

}  // namespace l10n

#endif  // L10N_BASE_FILE_IO_H_
