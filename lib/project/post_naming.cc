#include "project/post_naming.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "base/language_tag.h"
#include "base/utf8.h"

namespace l10n {

namespace {}  // namespace

PostName ParsePostName(std::string_view path, const std::vector<std::string>& languages) {
  std::filesystem::path p{std::string(path)};
  PostName parts;
  std::filesystem::path dir = p.parent_path().lexically_normal();
  parts.dir = dir.empty() ? std::string(1, '.') : dir.string();
  std::string file = p.filename().string();
  size_t dot = file.rfind('.');
  std::string stem = dot == std::string::npos || dot == 0 ? file : file.substr(0, dot);
  size_t lang_dot = stem.rfind('.');
  if (lang_dot != std::string::npos && lang_dot > 0) {
    std::string marker = LowerAscii(stem.substr(lang_dot + 1));
    for (const std::string& l : languages) {
      if (LowerAscii(PrimaryLanguage(l)) == marker || LowerAscii(l) == marker) {
        parts.lang = PrimaryLanguage(l);
        stem.resize(lang_dot);
        break;
      }
    }
  }
  parts.name = std::move(stem);
  return parts;
}

bool TakesLanguageFromFileName(std::string_view path) {
  std::string lower = LowerAscii(path);
  for (std::string_view ext : {".md", ".markdown"}) {
    if (lower.size() >= ext.size() &&
        lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0)
      return true;
  }
  return false;
}

const std::string& OutputPatternFor(const Config& config, std::string_view path) {
  return TakesLanguageFromFileName(path) ? config.markdown_output_pattern : config.output_pattern;
}

bool OutputsBesidePosts(std::string_view pattern) {
  return pattern.find("{dir}") != std::string_view::npos;
}

std::string SlugOf(const PostName& name) {
  if (name.name == "index" || name.name == "_index") {
    std::string folder = std::filesystem::path(name.dir).filename().string();
    if (!folder.empty() && folder != "." && folder != "..") return folder;
  }
  return name.name;
}

std::string OutputPath(const Config& config, std::string_view pattern, const PostName& name,
                       std::string_view slug, std::string_view source, std::string_view target) {
  if (pattern.find("{dir}") == std::string_view::npos &&
      pattern.find("{name}") == std::string_view::npos) {
    return config.Expand(pattern, target, source, slug);
  }
  const std::pair<std::string_view, std::string_view> values[] = {{"{lang}", target},
                                                                  {"{source}", source},
                                                                  {"{slug}", slug},
                                                                  {"{dir}", name.dir},
                                                                  {"{name}", name.name}};
  std::string s;
  for (size_t i = 0; i < pattern.size();) {
    bool replaced = false;
    for (const auto& [key, value] : values) {
      if (pattern.compare(i, key.size(), key) == 0) {
        s += value;
        i += key.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) s += pattern[i++];
  }
  std::filesystem::path out(s);
  if (!(config.root.empty() || config.root == ".") && !out.is_absolute()) {
    out = std::filesystem::path(config.root) / out;
  }
  return out.lexically_normal().string();
}

}  // namespace l10n
