#include "project/import_pairing.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include "align/align_features.h"
#include "base/file_io.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "base/utf8.h"
#include "post/post_formats.h"
#include "project/project_io.h"

namespace l10n {
namespace {

namespace fs = std::filesystem;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The last segment of a URL's path, its extension and any query left out:
// "https://x.org/es/visita/?a=1" -> "visita", "/en/post.html" -> "post".
std::string UrlStem(std::string_view href) {
  href = href.substr(0, std::min(href.find('?'), href.find('#')));
  while (!href.empty() && href.back() == '/') href.remove_suffix(1);
  size_t slash = href.rfind('/');
  if (slash != std::string_view::npos) href.remove_prefix(slash + 1);
  size_t dot = href.rfind('.');
  if (dot != std::string_view::npos && dot > 0) href = href.substr(0, dot);
  return std::string(href);
}

// The (language, href stem) of each <link rel="alternate" hreflang> of
// `page`, each once. A plain scan of the start tags: the translated page is
// only searched, never published.
std::vector<std::pair<std::string, std::string>> AlternateLinks(std::string_view page) {
  std::vector<std::pair<std::string, std::string>> links;
  size_t at = 0;
  while ((at = page.find('<', at)) != std::string_view::npos) {
    size_t end = page.find('>', at);
    if (end == std::string_view::npos) break;
    std::string_view tag = page.substr(at, end + 1 - at);
    at = end;
    if (tag.size() < 6 || LowerAscii(tag.substr(1, 4)) != "link" || !IsSpace(tag[5])) continue;
    std::string rel = LowerAscii(TagAttribute(tag, "rel"));
    if (rel.find("alternate") == std::string::npos) continue;
    std::pair<std::string, std::string> link(PrimaryLanguage(TagAttribute(tag, "hreflang")),
                                             UrlStem(TagAttribute(tag, "href")));
    if (std::find(links.begin(), links.end(), link) == links.end()) links.push_back(link);
  }
  return links;
}

}  // namespace

bool ParseImportPairing(std::string_view word, ImportPairing* pairing) {
  static constexpr std::pair<std::string_view, ImportPairing> kWords[] = {
      {"name", ImportPairing::kSameName},
      {"hreflang", ImportPairing::kAlternateLink},
      {"hugo", ImportPairing::kHugo},
      {"map", ImportPairing::kMap}};
  for (const auto& [w, p] : kWords) {
    if (w == word) {
      *pairing = p;
      return true;
    }
  }
  return false;
}

bool PostPairing::Prepare(DiagnosticSink* sink) {
  if (options_.pairing == ImportPairing::kAlternateLink) IndexFolder();
  if (options_.pairing != ImportPairing::kMap) return true;
  Result<std::string> text = ReadFile(options_.map_file, kSettingsCap);
  if (!text.ok()) {
    sink->Report(text.status());
    return false;
  }
  if (!ParseImportMap(*text, options_.map_file, config_.languages, &map_, sink)) return false;
  for (size_t i = 0; i < map_.size(); ++i) by_source_.emplace(map_[i].source_key, i);
  return true;
}

std::string PostPairing::Find(const Post& post, const std::string& lang, DiagnosticSink* sink) {
  fs::path file(post.file);
  std::error_code ec;
  switch (options_.pairing) {
    case ImportPairing::kSameName: {
      fs::path candidate = fs::path(options_.from_dir) / file.filename();
      return fs::is_regular_file(candidate, ec) ? candidate.string() : "";
    }
    case ImportPairing::kHugo: {
      // index.md -> index.es.md; an index.en.md (the post's own language
      // named) -> index.es.md.
      std::string stem = file.stem().string();
      std::string own = "." + post.lang;
      if (stem.size() > own.size() && stem.ends_with(own)) stem.resize(stem.size() - own.size());
      fs::path candidate = file.parent_path() / (stem + "." + lang + file.extension().string());
      return fs::is_regular_file(candidate, ec) ? candidate.string() : "";
    }
    case ImportPairing::kAlternateLink:
      return FindLinking(post, lang, sink);
    case ImportPairing::kMap: {
      std::string found;
      auto [begin, end] = by_source_.equal_range(ImportMapKey(post.file));
      for (auto it = begin; it != end; ++it) {
        used_.insert(it->second);
        const ImportMapLine& line = map_[it->second];
        if (line.lang == lang || line.lang.empty()) found = line.translation;
      }
      return found;
    }
  }
  return "";
}

void PostPairing::ReportUnused(DiagnosticSink* sink) const {
  for (size_t i = 0; i < map_.size(); ++i) {
    if (used_.count(i)) continue;
    sink->Warning(options_.map_file, map_[i].line, 1,
                  FormatUi("not used: '{}' is not a post of the project", map_[i].source));
  }
}

std::string PostPairing::ProjectPath(const std::string& file) const {
  std::string path = fs::path(file).lexically_normal().string();
  std::string relative = Relative(path, config_.root);
  return relative.starts_with("..") ? path : relative;
}

void PostPairing::IndexFolder() {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(options_.from_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    Result<std::string> text = ReadFile(f, kPostCap);
    if (!text.ok()) continue;  // a file that cannot be read names nothing
    for (auto& link : AlternateLinks(*text)) links_[std::move(link)].push_back(f);
  }
}

const std::string& PostPairing::PageLanguage(const std::string& f) {
  auto [it, added] = page_lang_.emplace(f, "");
  if (!added) return it->second;
  Result<std::string> text = ReadFile(f, kPostCap);
  if (!text.ok()) return it->second;
  DiagnosticSink ignored;
  Segmentation seg = PostFormatFor(f).Segment(*text, f, SegmentOptions(), &ignored);
  it->second = PrimaryLanguage(seg.lang);
  return it->second;
}

std::string PostPairing::FindLinking(const Post& post, const std::string& lang,
                                     DiagnosticSink* sink) {
  auto it = links_.find({post.lang, post.slug});
  if (it == links_.end()) return "";
  std::vector<const std::string*> found;
  for (const std::string& f : it->second) {
    const std::string& page_lang = PageLanguage(f);
    if (page_lang.empty() || page_lang == lang) found.push_back(&f);
    if (found.size() == 2) break;
  }
  if (found.empty()) return "";
  if (found.size() == 2) {
    sink->Warning(post.path, 0, 0,
                  FormatUi("two pages link to the post as its translation into '{}': '{}' and "
                           "'{}'; the first is imported",
                           lang, ProjectPath(*found[0]), ProjectPath(*found[1])));
  }
  return *found[0];
}

}  // namespace l10n
