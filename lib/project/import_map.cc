#include "project/import_map.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

#include "base/language_tag.h"
#include "base/ui_text.h"

namespace l10n {

namespace fs = std::filesystem;

std::string ImportMapKey(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return (ec ? fs::path(path) : absolute).lexically_normal().string();
}

bool ParseImportMap(std::string_view text, const std::string& path,
                    const std::vector<std::string>& languages, std::vector<ImportMapLine>* lines,
                    DiagnosticSink* sink) {
  bool ok = true;
  fs::path folder = fs::path(path).parent_path();
  auto resolve = [&folder](std::string_view p) { return (folder / fs::path(p)).string(); };
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // (source key, lang) -> the line that paired it.
  std::map<std::pair<std::string, std::string>, int> paired;
  int number = 0;
  size_t start = 0;
  while (start < text.size()) {
    ++number;
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    // The fields and their 1-based columns.
    std::vector<std::pair<std::string_view, int>> fields;
    for (size_t at = 0;;) {
      size_t tab = std::min(line.find('\t', at), line.size());
      fields.emplace_back(line.substr(at, tab - at), static_cast<int>(at) + 1);
      if (tab == line.size()) break;
      at = tab + 1;
    }
    auto error = [&](int column, std::string message) {
      sink->Error(path, number, column, std::move(message));
      ok = false;
    };
    if (fields.size() < 2 || fields[0].first.empty() || fields[1].first.empty()) {
      int column = fields.size() < 2         ? static_cast<int>(line.size()) + 1
                   : fields[0].first.empty() ? 1
                                             : fields[1].second;
      error(column, _("expected a post, a tab and its translated post"));
      continue;
    }
    if (fields.size() > 3) {
      error(fields[3].second, FormatUi("unexpected fourth column '{}'", fields[3].first));
      continue;
    }
    ImportMapLine entry;
    entry.line = number;
    entry.source = std::string(fields[0].first);
    entry.translation = resolve(fields[1].first);
    if (fields.size() == 3) {
      entry.lang = PrimaryLanguage(fields[2].first);
      bool known = std::any_of(languages.begin(), languages.end(), [&](const std::string& l) {
        return PrimaryLanguage(l) == entry.lang;
      });
      if (!known || entry.lang.empty()) {
        error(fields[2].second,
              FormatUi("'{}' is not one of the project's languages", fields[2].first));
        continue;
      }
    }
    bool exist = true;
    for (int i = 0; i < 2; ++i) {
      std::error_code ec;
      if (!fs::is_regular_file(resolve(fields[i].first), ec)) {
        error(fields[i].second, FormatUi("no such file '{}'", fields[i].first));
        exist = false;
      }
    }
    if (!exist) continue;
    entry.source_key = ImportMapKey(resolve(fields[0].first));
    // A line for any language conflicts with every line of the post.
    bool twice = false;
    for (auto it = paired.lower_bound({entry.source_key, ""});
         it != paired.end() && it->first.first == entry.source_key; ++it) {
      if (it->first.second == entry.lang || it->first.second.empty() || entry.lang.empty()) {
        error(1, FormatUi("'{}' is paired already, on line {}", entry.source, it->second));
        twice = true;
        break;
      }
    }
    if (twice) continue;
    paired[{entry.source_key, entry.lang}] = number;
    lines->push_back(std::move(entry));
  }
  return ok;
}

}  // namespace l10n
