#include "base/path_glob.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string_view>
#include <system_error>

namespace l10n {

namespace {

namespace fs = std::filesystem;

bool HasWildcard(std::string_view segment) {
  return segment.find_first_of("*?[") != std::string_view::npos;
}

std::vector<std::string> Segments(const std::string& pattern) {
  std::vector<std::string> segments;
  size_t begin = 0;
  while (begin <= pattern.size()) {
    size_t end = pattern.find('/', begin);
    if (end == std::string::npos) end = pattern.size();
    if (end > begin) segments.push_back(pattern.substr(begin, end - begin));
    begin = end + 1;
  }
  return segments;
}

bool Matches(const std::string& segment, const std::string& name) {
  return ::fnmatch(segment.c_str(), name.c_str(), FNM_PERIOD) == 0;
}

class Globber {
 public:
  explicit Globber(std::vector<std::string> segments) : segments_(std::move(segments)) {}

  void Walk(const std::string& folder, size_t i, std::set<std::string>* found) {
    if (++depth_ > kMaxDepth) {
      --depth_;
      return;
    }
    const std::string& segment = segments_[i];
    bool last = i + 1 == segments_.size();
    if (segment == "**") {
      if (last) {
        // "dir/**": every file below, as globstar reads it.
        AddBelow(folder, found);
      } else {
        Walk(folder, i + 1, found);  // no folder at all
        for (const std::string& sub : Children(folder, /*folders_only=*/true)) {
          Walk(Join(folder, sub), i, found);
        }
      }
    } else if (!HasWildcard(segment)) {
      Step(Join(folder, segment), last, i, found);
    } else {
      for (const std::string& name : Children(folder, !last, segment[0] == '.')) {
        if (Matches(segment, name)) Step(Join(folder, name), last, i, found, true);
      }
    }
    --depth_;
  }

 private:
  static constexpr int kMaxDepth = 256;

  // `listed`: the name was read from its folder, so it is there (no stat).
  void Step(const std::string& path, bool last, size_t i, std::set<std::string>* found,
            bool listed = false) {
    std::error_code ec;
    if (last) {
      // As glob(3): whatever is there (the reader refuses what is not a file).
      if (listed || fs::exists(fs::symlink_status(path, ec))) found->insert(path);
    } else if (fs::is_directory(path, ec)) {
      Walk(path, i + 1, found);
    }
  }

  void AddBelow(const std::string& folder, std::set<std::string>* found) {
    for (const std::string& name : Children(folder, false)) {
      std::string path = Join(folder, name);
      std::error_code ec;
      if (fs::is_directory(path, ec)) {
        if (++depth_ <= kMaxDepth) AddBelow(path, found);
        --depth_;
      } else if (fs::is_regular_file(path, ec)) {
        found->insert(path);
      }
    }
  }

  static std::string Join(const std::string& folder, const std::string& name) {
    if (folder.empty()) return name;
    if (folder.back() == '/') return folder + name;
    return folder + "/" + name;
  }

  // The names in `folder`, sorted, without those that start with '.' unless
  // `hidden`; only folders (links to folders included) when asked.
  static std::vector<std::string> Children(const std::string& folder, bool folders_only,
                                           bool hidden = false) {
    std::vector<std::string> names;
    std::error_code ec;
    fs::directory_iterator it(folder.empty() ? "." : folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.empty() || (name[0] == '.' && !hidden)) continue;
      std::error_code type_ec;
      if (folders_only && !it->is_directory(type_ec)) continue;
      names.push_back(std::move(name));
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  std::vector<std::string> segments_;
  int depth_ = 0;
};

}  // namespace

std::vector<std::string> ExpandGlob(const std::string& pattern) {
  std::vector<std::string> segments = Segments(pattern);
  std::set<std::string> found;
  if (segments.empty()) return {};
  std::string start = pattern[0] == '/' ? "/" : "";
  Globber(std::move(segments)).Walk(start, 0, &found);
  return {found.begin(), found.end()};
}

}  // namespace l10n
