#include "file_io.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "ui_text.h"

namespace l10n {

namespace {

Status IoError(const std::string& path, const char* what, int err) {
  return Status::Error(fmt::format("{}: {}: {}: {}", path, _("error"), what, std::strerror(err)));
}

}  // namespace

Result<std::string> ReadFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(path, _("cannot open file"), errno);
  std::string content;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return IoError(path, _("cannot read file"), EISDIR);
  }
  if (st.st_size > 0) content.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return IoError(path, _("cannot read file"), err);
    }
    if (n == 0) break;
    content.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return content;
}

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

Status WriteFileAtomic(const std::string& path, const std::string& content) {
  AtomicFile file(path);
  Status status = file.Open();
  if (status.ok()) status = file.Append(content);
  if (status.ok()) status = file.Commit();
  return status;
}

Result<MappedFile> MappedFile::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(path, _("cannot open file"), errno);
  struct stat st;
  MappedFile file;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      ::close(fd);
      ::madvise(p, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
      file.data_ = static_cast<const char*>(p);
      file.size_ = static_cast<size_t>(st.st_size);
      file.mapped_ = true;
      return file;
    }
  }
  ::close(fd);
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  file.copy_ = std::move(*text);
  file.data_ = file.copy_.data();
  file.size_ = file.copy_.size();
  return file;
}

MappedFile::MappedFile(MappedFile&& other) noexcept { *this = std::move(other); }

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this == &other) return *this;
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
  mapped_ = other.mapped_;
  size_ = other.size_;
  copy_ = std::move(other.copy_);
  data_ = mapped_ ? other.data_ : copy_.data();
  other.mapped_ = false;
  other.data_ = nullptr;
  other.size_ = 0;
  return *this;
}

MappedFile::~MappedFile() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::Release(size_t offset) const {
  if (!mapped_) return;
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  size_t bytes = std::min(offset, size_) / page * page;
  if (bytes > 0) ::madvise(const_cast<char*>(data_), bytes, MADV_DONTNEED);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

Status AtomicFile::Fail(const char* what, int err) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
  error_ = IoError(path_, what, err);
  return error_;
}

Status AtomicFile::Open() {
  std::filesystem::path target(path_);
  std::error_code ec;
  if (target.has_parent_path()) {
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) {
      error_ = IoError(target.parent_path().string(), _("cannot create folder"), ec.value());
      return error_;
    }
  }
  std::string temp = path_ + ".tmp-XXXXXX";
  fd_ = ::mkstemp(temp.data());
  if (fd_ < 0) return Fail(_("cannot create temporary file"), errno);
  temp_ = temp;
  return Status::Ok();
}

Status AtomicFile::Append(std::string_view data) {
  if (fd_ < 0) return error_.ok() ? Status::Error(path_) : error_;
  while (!data.empty()) {
    ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Fail(_("cannot write file"), errno);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

namespace {

// Whether the files hold the same bytes.
bool SameContent(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0 || sa.st_size != sb.st_size) {
    return false;
  }
  int fa = ::open(a.c_str(), O_RDONLY | O_CLOEXEC);
  int fb = ::open(b.c_str(), O_RDONLY | O_CLOEXEC);
  bool same = fa >= 0 && fb >= 0;
  static constexpr size_t kChunk = 1 << 16;
  std::unique_ptr<char[]> ba(new char[kChunk]), bb(new char[kChunk]);
  while (same) {
    ssize_t na = ::read(fa, ba.get(), kChunk);
    ssize_t nb = na > 0 ? ::read(fb, bb.get(), static_cast<size_t>(na)) : 0;
    if (na <= 0) break;
    same = nb == na && std::memcmp(ba.get(), bb.get(), static_cast<size_t>(na)) == 0;
  }
  if (fa >= 0) ::close(fa);
  if (fb >= 0) ::close(fb);
  return same;
}

}  // namespace

Status AtomicFile::Commit() {
  if (fd_ < 0) return error_.ok() ? Status::Error(path_) : error_;
  // Keep the permissions of the file we replace; a new file gets 0644.
  struct stat st;
  mode_t mode = 0644;
  const bool exists = ::stat(path_.c_str(), &st) == 0;
  if (exists) mode = st.st_mode & 07777;
  ::fchmod(fd_, mode);
  if (::fsync(fd_) != 0) return Fail(_("cannot write file"), errno);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return Fail(_("cannot write file"), errno);
  if (exists && SameContent(temp_, path_)) {
    ::unlink(temp_.c_str());
    temp_.clear();
    return Status::Ok();
  }
  if (::rename(temp_.c_str(), path_.c_str()) != 0) return Fail(_("cannot replace file"), errno);
  temp_.clear();
  // The rename itself reaches the disk with the folder's entry: a power cut
  // after Commit() then finds the new file, not the old one.
  std::string folder = std::filesystem::path(path_).parent_path().string();
  int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return Status::Ok();
}

}  // namespace l10n
