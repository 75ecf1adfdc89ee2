#include "base/file_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "base/ui_text.h"

namespace l10n {

namespace {

Status IoError(const std::string& path, const char* what, int err) {
  return Status::Error(fmt::format("{}: {}: {}: {}", path, _("error"), what, std::strerror(err)));
}

Status PathError(const std::string& path, const std::string& message) {
  return Status::Error(fmt::format("{}: {}: {}", path, _("error"), message));
}

Status TooLarge(const std::string& path, const SizeCap& cap, uint64_t size) {
  return PathError(path, FormatUi(cap.too_large, size, cap.bytes >> 20));
}

// Opens `path` for reading when it is a regular file (after symbolic links)
// of at most cap.bytes; *st is its fstat. A FIFO or device is refused by
// stat() before it is opened, and opened without blocking (O_NONBLOCK) and
// without becoming the controlling terminal (O_NOCTTY) should it replace the
// file in between; fstat() then refuses it.
Result<int> OpenRegular(const std::string& path, const SizeCap& cap, struct stat* st) {
  auto refuse = [&path](const struct stat& s) {
    if (S_ISDIR(s.st_mode)) return IoError(path, _("cannot read file"), EISDIR);
    return PathError(path, _("cannot read file: not a regular file (a FIFO, socket or device)"));
  };
  if (::stat(path.c_str(), st) != 0) return IoError(path, _("cannot open file"), errno);
  if (!S_ISREG(st->st_mode)) return refuse(*st);
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return IoError(path, _("cannot open file"), errno);
  if (::fstat(fd, st) != 0) {
    int err = errno;
    ::close(fd);
    return IoError(path, _("cannot read file"), err);
  }
  if (!S_ISREG(st->st_mode)) {
    ::close(fd);
    return refuse(*st);
  }
  if (static_cast<uint64_t>(st->st_size) > cap.bytes) {
    ::close(fd);
    return TooLarge(path, cap, static_cast<uint64_t>(st->st_size));
  }
  return fd;
}

// The rest of the file open as `fd`, at most cap.bytes in all.
Result<std::string> ReadCapped(int fd, const std::string& path, const SizeCap& cap,
                               size_t expected) {
  std::string content;
  content.reserve(expected);
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError(path, _("cannot read file"), errno);
    }
    if (n == 0) break;
    if (static_cast<size_t>(n) > cap.bytes - content.size()) {
      return PathError(
          path, FormatUi("the file grew past the limit of {} bytes while it was read", cap.bytes));
    }
    content.append(buffer, static_cast<size_t>(n));
  }
  return content;
}

constexpr std::string_view kTempMark = ".l10n-tmp-";
constexpr std::string_view kOldTempMark = ".tmp-";
constexpr size_t kTempRandom = 6;  // mkstemp's XXXXXX

bool IsTempRandom(std::string_view s) {
  return s.size() == kTempRandom && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         });
}

// The PID in ".NAME.l10n-tmp-PID-XXXXXX", or 0 when `name` is not one of
// our temporary files.
pid_t TempOwner(std::string_view name) {
  if (name.size() < 2 || name[0] != '.') return 0;
  size_t mark = name.rfind(kTempMark);
  if (mark == std::string_view::npos || mark < 2) return 0;
  std::string_view rest = name.substr(mark + kTempMark.size());
  size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 9) return 0;
  if (!IsTempRandom(rest.substr(dash + 1))) return 0;
  pid_t pid = 0;
  for (char c : rest.substr(0, dash)) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

}  // namespace

Result<std::string> ReadFile(const std::string& path, const SizeCap& cap) {
  struct stat st;
  Result<int> fd = OpenRegular(path, cap, &st);
  if (!fd.ok()) return fd.status();
  Result<std::string> content = ReadCapped(*fd, path, cap, static_cast<size_t>(st.st_size));
  ::close(*fd);
  return content;
}

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

bool FileHolds(const std::string& path, std::string_view content) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<uint64_t>(st.st_size) != content.size()) {
    return false;
  }
  // A file that grew meanwhile differs; the message is never shown.
  Result<std::string> text = ReadFile(path, {content.size(), "{}"});
  return text.ok() && *text == content;
}

Status WriteFileAtomic(const std::string& path, const std::string& content) {
  AtomicFile file(path);
  Status status = file.Open();
  if (status.ok()) status = file.Append(content);
  if (status.ok()) status = file.Commit();
  return status;
}

Result<std::string> WriteTarget(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
  if (!real) {
    int err = errno;
    if (err != ENOENT) return IoError(path, _("cannot resolve the symbolic link"), err);
    std::string link(static_cast<size_t>(st.st_size > 0 ? st.st_size : 4096), '\0');
    ssize_t n = ::readlink(path.c_str(), link.data(), link.size());
    link.resize(n > 0 ? static_cast<size_t>(n) : 0);
    return PathError(path, FormatUi("cannot write through the symbolic link: its target '{}' "
                                    "does not exist",
                                    link));
  }
  std::string target = real.get();
  if (::stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return PathError(path, FormatUi("cannot write through the symbolic link: its target '{}' "
                                    "is not a regular file",
                                    target));
  }
  return target;
}

std::vector<std::string> RemoveLeftoverTemporaries(const std::string& folder,
                                                   const std::vector<std::string>& written) {
  std::vector<std::string> removed;
  const std::string dir_path = folder.empty() ? "." : folder;
  struct CloseDir {
    void operator()(DIR* d) const { ::closedir(d); }
  };
  std::unique_ptr<DIR, CloseDir> dir(::opendir(dir_path.c_str()));
  if (!dir) return removed;
  const pid_t self = ::getpid();
  while (const struct dirent* entry = ::readdir(dir.get())) {
    std::string_view name = entry->d_name;
    bool ours = false;
    if (pid_t owner = TempOwner(name)) {
      // A process that is gone: kill() finds no such process.
      ours = owner != self && ::kill(owner, 0) != 0 && errno == ESRCH;
    } else {
      size_t mark = name.rfind(kOldTempMark);
      ours = mark != std::string_view::npos && mark > 0 &&
             IsTempRandom(name.substr(mark + kOldTempMark.size())) &&
             std::find(written.begin(), written.end(), name.substr(0, mark)) != written.end();
    }
    if (!ours) continue;
    std::string path = dir_path + "/" + std::string(name);
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    if (::unlink(path.c_str()) == 0) removed.push_back(path);
  }
  return removed;
}

Result<MappedFile> MappedFile::Open(const std::string& path, const SizeCap& cap) {
  struct stat st;
  Result<int> fd = OpenRegular(path, cap, &st);
  if (!fd.ok()) return fd.status();
  MappedFile file;
  if (st.st_size > 0) {
    void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, *fd, 0);
    if (p != MAP_FAILED) {
      ::close(*fd);
      ::madvise(p, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
      file.data_ = static_cast<const char*>(p);
      file.size_ = static_cast<size_t>(st.st_size);
      file.mapped_ = true;
      return file;
    }
  }
  Result<std::string> text = ReadCapped(*fd, path, cap, static_cast<size_t>(st.st_size));
  ::close(*fd);
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

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      durability_(other.durability_),
      target_(std::move(other.target_)),
      temp_(std::move(other.temp_)),
      fd_(other.fd_),
      finished_(other.finished_),
      exists_(other.exists_),
      error_(std::move(other.error_)) {
  other.fd_ = -1;
  other.temp_.clear();
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
  Result<std::string> target = WriteTarget(path_);
  if (!target.ok()) {
    error_ = target.status();
    return error_;
  }
  target_ = std::move(*target);
  std::filesystem::path folder = std::filesystem::path(target_).parent_path();
  std::error_code ec;
  if (!folder.empty()) {
    std::filesystem::create_directories(folder, ec);
    if (ec) {
      error_ = IoError(folder.string(), _("cannot create folder"), ec.value());
      return error_;
    }
  }
  // ".NAME.l10n-tmp-PID-XXXXXX": hidden, and unmistakably ours
  // (RemoveLeftoverTemporaries). NAME is shortened to keep within NAME_MAX.
  std::string name = std::filesystem::path(target_).filename().string().substr(0, 200);
  std::string temp = (folder / ("." + name + std::string(kTempMark))).string() +
                     std::to_string(::getpid()) + "-XXXXXX";
  fd_ = ::mkostemp(temp.data(), O_CLOEXEC);
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

Status AtomicFile::Finish() {
  if (finished_) return Status::Ok();
  if (fd_ < 0) return error_.ok() ? Status::Error(path_) : error_;
  // Keep the permissions (and, where allowed, the owner) of the file we
  // replace; a new file gets 0644.
  struct stat st;
  mode_t mode = 0644;
  exists_ = ::stat(target_.c_str(), &st) == 0;
  if (exists_) {
    mode = st.st_mode & 07777;
    if (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) {
      [[maybe_unused]] int ignored = ::fchown(fd_, st.st_uid, st.st_gid);
    }
  }
  ::fchmod(fd_, mode);
  if (durability_ == Durability::kSynced && ::fsync(fd_) != 0) {
    return Fail(_("cannot write file"), errno);
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return Fail(_("cannot write file"), errno);
  finished_ = true;
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
  if (Status status = Finish(); !status.ok()) return status;
  if (temp_.empty()) return error_.ok() ? Status::Error(path_) : error_;
  if (exists_ && SameContent(temp_, target_)) {
    ::unlink(temp_.c_str());
    temp_.clear();
    return Status::Ok();
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    return Fail(_("cannot replace file"), errno);
  }
  temp_.clear();
  if (durability_ != Durability::kSynced) return Status::Ok();
  // The rename itself reaches the disk with the folder's entry: a power cut
  // after Commit() then finds the new file, not the old one.
  std::string folder = std::filesystem::path(target_).parent_path().string();
  int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return Status::Ok();
}

}  // namespace l10n
