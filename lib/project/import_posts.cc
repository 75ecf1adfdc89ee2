#include "project/import_posts.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <utility>

#include "align/align.h"
#include "align/align_features.h"
#include "base/file_io.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "base/utf8.h"
#include "catalog/catalog_io.h"
#include "post/post_formats.h"
#include "project/import_map.h"
#include "project/import_xliff.h"
#include "project/project.h"
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

// Finds each post's translated post, as ImportOptions::pairing says. The
// folder (kAlternateLink) and the map (kMap) are read once, in Prepare.
class Pairing {
 public:
  Pairing(const Config& config, const ImportOptions& options)
      : config_(config), options_(options) {}

  // False when the map cannot be read or has a bad line.
  bool Prepare(DiagnosticSink* sink) {
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

  // The translated post of `post` in `lang`, or "" when there is none.
  std::string Find(const Post& post, const std::string& lang, DiagnosticSink* sink) {
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

  // A warning for each map line that names no post of the project.
  void ReportUnused(DiagnosticSink* sink) const {
    for (size_t i = 0; i < map_.size(); ++i) {
      if (used_.count(i)) continue;
      sink->Warning(options_.map_file, map_[i].line, 1,
                    FormatUi("not used: '{}' is not a post of the project", map_[i].source));
    }
  }

  // As the project names its files, when the file is inside it.
  std::string ProjectPath(const std::string& file) const {
    std::string path = fs::path(file).lexically_normal().string();
    std::string relative = Relative(path, config_.root);
    return relative.starts_with("..") ? path : relative;
  }

 private:
  // Every file under from_dir, in sorted order, by each alternate link it
  // has: (language, stem) -> files.
  void IndexFolder() {
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

  // The language a page declares ("" when none), segmented once.
  const std::string& PageLanguage(const std::string& f) {
    auto [it, added] = page_lang_.emplace(f, "");
    if (!added) return it->second;
    Result<std::string> text = ReadFile(f, kPostCap);
    if (!text.ok()) return it->second;
    DiagnosticSink ignored;
    Segmentation seg = PostFormatFor(f).Segment(*text, f, SegmentOptions(), &ignored);
    it->second = PrimaryLanguage(seg.lang);
    return it->second;
  }

  // The post's own page names itself too: a translation is a page in `lang`
  // (as its format declares it, or saying none) that names the post. The
  // first in sorted order; a second one is reported.
  std::string FindLinking(const Post& post, const std::string& lang, DiagnosticSink* sink) {
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

  const Config& config_;
  const ImportOptions& options_;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> links_;
  std::map<std::string, std::string> page_lang_;
  std::vector<ImportMapLine> map_;
  std::multimap<std::string, size_t> by_source_;
  std::set<size_t> used_;
};

std::string Confidence(double c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", c);
  return buffer;
}

struct TargetCatalog {
  std::unique_ptr<Catalog> catalog;
  // Its translations as they were read: msgid -> msgstr of each translated,
  // non-fuzzy singular entry (the first of a msgid in several contexts).
  std::unordered_map<std::string, std::string> lexicon;
  bool changed = false;
};

std::unordered_map<std::string, std::string> LexiconOf(const Catalog& catalog) {
  std::unordered_map<std::string, std::string> lexicon;
  for (const Message& m : catalog.messages) {
    if (m.is_header() || m.obsolete || m.msgid_plural || m.HasFlag("fuzzy") || m.msgstr.empty() ||
        m.msgstr[0].empty()) {
      continue;
    }
    lexicon.emplace(m.msgid, m.msgstr[0]);
  }
  return lexicon;
}

}  // namespace

bool ImportPosts(const Config& config, const ImportOptions& options, DiagnosticSink* sink,
                 ImportReport* report) {
  ProjectLock lock;
  if (!lock.Acquire(config, sink)) return false;
  std::vector<Post> posts;
  if (!LoadPosts(config, &posts, sink)) return false;
  Pairing pairing(config, options);
  if (!pairing.Prepare(sink)) return false;
  bool ok = true;
  std::map<std::string, TargetCatalog> catalogs;  // by path
  for (const Post& post : posts) {
    for (const std::string& l : config.languages) {
      std::string lang = PrimaryLanguage(l);
      if (lang == post.lang) continue;
      PostImport result;
      result.post = post.path;
      result.lang = lang;
      std::string file = pairing.Find(post, lang, sink);
      if (file.empty()) {
        report->posts.push_back(result);
        continue;
      }
      result.translation = pairing.ProjectPath(file);
      Result<std::string> text = ReadFile(file, kPostCap);
      if (!text.ok()) {
        sink->Report(text.status());
        ok = false;
        continue;
      }
      const PostFormat& format = PostFormatFor(file);
      if (std::optional<InputProblem> problem = format.CheckInput(*text)) {
        int line = 0, column = 0;
        LineColumn(*text, problem->offset, &line, &column);
        sink->Error(result.translation, line, column, problem->message);
        ok = false;
        continue;
      }
      Segmentation translated = format.Segment(*text, file, config.segment, sink);
      // A page that says it is in another language is no translation into
      // `lang` (the post itself, copied with the published pages).
      if (std::string page_lang = PrimaryLanguage(translated.lang);
          !page_lang.empty() && page_lang != lang) {
        sink->Warning(result.translation, 0, 0,
                      FormatUi("not imported: the page is in '{}', not '{}'", page_lang, lang));
        result.translation.clear();
        report->posts.push_back(result);
        continue;
      }
      std::string catalog_path = config.Expand(config.catalog_pattern, lang, post.lang);
      TargetCatalog& target = catalogs[catalog_path];
      if (!target.catalog) {
        if (!LoadCatalog(catalog_path, &target.catalog, sink)) {
          ok = false;
          continue;
        }
        if (!target.catalog) {
          sink->Error(catalog_path, 0, 0, _("no catalog to import into: run l10n-extract first"));
          ok = false;
          continue;
        }
        target.catalog->Reindex();
        target.lexicon = LexiconOf(*target.catalog);
      }
      AlignSide source{&post.segmentation.units, post.html};
      AlignSide translation{&translated.units, *text};
      AlignOptions align;
      align.lexicon = &target.lexicon;
      std::vector<AlignedPair> pairs = AlignUnits(source, translation, align);
      double confidence_sum = 0;
      int paired = 0;
      for (const AlignedPair& p : pairs) {
        if (p.source_count == 0) {
          result.translation_left += p.translation_count;
          continue;
        }
        if (p.translation_count == 0) {
          result.source_left += p.source_count;
          continue;
        }
        ++paired;
        confidence_sum += p.confidence;
        if (p.source_count == 2) {
          ++result.merged;  // one translation for two units: nothing to write
          continue;
        }
        if (p.translation_count == 2) {
          ++result.split;
        } else {
          ++result.one_to_one;
        }
        const Unit& unit = post.segmentation.units[p.source_begin];
        if (!unit.translatable || p.text.empty()) continue;
        Message* m = target.catalog->Find(unit.context, unit.text);
        if (m == nullptr || m->msgid_plural || m->obsolete) continue;
        if (!m->msgstr[0].empty()) {
          if (m->msgstr[0] == p.text) {
            ++result.kept;
          } else {
            ++result.conflicts;
            sink->Warning(result.translation, translated.units[p.translation_begin].line,
                          translated.units[p.translation_begin].column,
                          FormatUi("not imported: {} already translates \"{}\" otherwise",
                                   catalog_path, unit.text));
          }
          continue;
        }
        m->msgstr[0] = p.text;
        m->translator_comments.push_back("imported from " + result.translation + ", " +
                                         Confidence(p.confidence));
        bool accept = p.confidence >= options.accept && !p.markup_removed;
        if (p.markup_removed) {
          m->translator_comments.push_back("imported without its markup");
          ++result.markup_removed;
        }
        m->SetFlag("fuzzy", !accept);
        ++result.imported;
        result.accepted += accept;
        target.changed = true;
      }
      result.mean_confidence = paired == 0 ? 0 : confidence_sum / paired;
      report->posts.push_back(result);
    }
  }
  pairing.ReportUnused(sink);
  if (!ok) return false;
  std::vector<PendingWrite> writes;
  for (auto& [path, target] : catalogs) {
    if (!target.changed) continue;
    Result<std::string> content = WriteCatalog(*target.catalog, path);
    if (!content.ok()) {
      sink->Report(content.status());
      return false;
    }
    writes.push_back({path, std::move(*content)});
  }
  RunReport run;
  if (!Commit(writes, sink, &run)) return false;
  report->changed = run.changed;
  return true;
}

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

ImportOptions ImportOptionsOf(const Config& config) {
  auto resolve = [&config](const std::string& p) {
    if (p.empty() || fs::path(p).is_absolute() || config.root.empty() || config.root == ".") {
      return p;
    }
    return (fs::path(config.root) / p).lexically_normal().string();
  };
  ImportOptions options;
  options.from_dir = resolve(config.import_from);
  options.map_file = resolve(config.import_map);
  options.accept = config.import_accept;
  if (!ParseImportPairing(config.import_pair, &options.pairing) && !options.map_file.empty()) {
    options.pairing = ImportPairing::kMap;
  }
  return options;
}

std::string FormatImportPostsJson(const ImportReport& report, const DiagnosticSink& sink) {
  nlohmann::json out = {{"posts", nlohmann::json::array()},
                        {"changed", report.changed},
                        {"diagnostics", nlohmann::json::array()}};
  for (const PostImport& p : report.posts) {
    out["posts"].push_back({{"post", p.post},
                            {"translation", p.translation},
                            {"lang", p.lang},
                            {"one_to_one", p.one_to_one},
                            {"merged", p.merged},
                            {"split", p.split},
                            {"source_left", p.source_left},
                            {"translation_left", p.translation_left},
                            {"mean_confidence", p.mean_confidence},
                            {"imported", p.imported},
                            {"accepted", p.accepted},
                            {"kept", p.kept},
                            {"conflicts", p.conflicts},
                            {"markup_removed", p.markup_removed}});
  }
  out["diagnostics"] = ImportDiagnosticsJson(sink);
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace l10n
