#include "file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

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
  if (FileExists(path)) {
    Result<std::string> old = ReadFile(path);
    if (old.ok() && *old == content) return Status::Ok();
  }
  std::filesystem::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) {
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) return IoError(target.parent_path().string(), _("cannot create folder"), ec.value());
  }
  std::string temp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return IoError(path, _("cannot create temporary file"), errno);
  const char* data = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      return IoError(path, _("cannot write file"), err);
    }
    data += n;
    left -= static_cast<size_t>(n);
  }
  // Keep the permissions of the file we replace; a new file gets 0644.
  struct stat st;
  mode_t mode = 0644;
  if (::stat(path.c_str(), &st) == 0) mode = st.st_mode & 07777;
  ::fchmod(fd, mode);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    return IoError(path, _("cannot write file"), err);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    return IoError(path, _("cannot replace file"), err);
  }
  return Status::Ok();
}

}  // namespace l10n
