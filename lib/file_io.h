// Reading whole files and replacing them atomically: a temporary file in the
// same folder, flushed to disk, then renamed over the target, so a reader (or
// a crash) sees the old or the new content, never a mix.
#ifndef L10N_FILE_IO_H_
#define L10N_FILE_IO_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "status.h"

namespace l10n {

Result<std::string> ReadFile(const std::string& path);

// Writes `content` to `path` atomically, creating missing parent folders.
// When the file already holds exactly `content` it is left untouched (its
// modification time too).
Status WriteFileAtomic(const std::string& path, const std::string& content);

bool FileExists(const std::string& path);

// A file's bytes mapped read-only, for files too large to copy: pages are
// read as they are touched, and Release() lets go of those already read (the
// bytes stay valid: touching them again reads them again).
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path);
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
  std::string copy_;  // what cannot be mapped (pipes, empty files) is read
};

// A file written piece by piece that replaces `path` atomically on Commit()
// (a temporary file in the same folder, flushed, renamed); destroyed without
// a Commit(), it leaves `path` as it was. Commit() leaves a file that
// already held the same bytes untouched, its modification time too.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)) {}
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  // Creates the temporary file (and missing parent folders).
  Status Open();
  Status Append(std::string_view data);
  Status Commit();

 private:
  Status Fail(const char* what, int err);
  std::string path_;
  std::string temp_;
  int fd_ = -1;
  Status error_;
};

}  // namespace l10n

#endif  // L10N_FILE_IO_H_
