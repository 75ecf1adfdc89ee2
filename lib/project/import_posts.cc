#include "project/import_posts.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "align/align.h"
#include "align/align_features.h"
#include "base/file_io.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "base/utf8.h"
#include "catalog/catalog_io.h"
#include "post/post_formats.h"
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

// Whether `page` has a <link rel="alternate" hreflang> in `lang` whose
// href's stem is `slug`. A plain scan of the start tags: the translated
// page is only searched, never published.
bool LinksTo(std::string_view page, std::string_view lang, std::string_view slug) {
  size_t at = 0;
  while ((at = page.find('<', at)) != std::string_view::npos) {
    size_t end = page.find('>', at);
    if (end == std::string_view::npos) break;
    std::string_view tag = page.substr(at, end + 1 - at);
    at = end;
    if (tag.size() < 6 || LowerAscii(tag.substr(1, 4)) != "link" || !IsSpace(tag[5])) continue;
    std::string rel = LowerAscii(TagAttribute(tag, "rel"));
    if (rel.find("alternate") == std::string::npos) continue;
    if (PrimaryLanguage(TagAttribute(tag, "hreflang")) != lang) continue;
    if (UrlStem(TagAttribute(tag, "href")) == slug) return true;
  }
  return false;
}

// The translated post of `post` in `lang`, or "" when there is none.
std::string FindTranslation(const ImportOptions& options, const Post& post,
                            const std::string& lang) {
  fs::path file(post.file);
  std::error_code ec;
  switch (options.pairing) {
    case ImportPairing::kSameName: {
      fs::path candidate = fs::path(options.from_dir) / file.filename();
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
    case ImportPairing::kAlternateLink: {
      std::vector<std::string> files;
      for (fs::recursive_directory_iterator it(options.from_dir, ec), end; !ec && it != end;
           it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) {
        Result<std::string> text = ReadFile(f, kPostCap);
        if (!text.ok()) continue;  // a file that cannot be read names nothing
        // The post's own page names itself too: a translation is a page in
        // `lang` (as its format declares it) that names the post.
        if (!LinksTo(*text, post.lang, post.slug)) continue;
        DiagnosticSink ignored;
        Segmentation seg = PostFormatFor(f).Segment(*text, f, SegmentOptions(), &ignored);
        std::string page_lang = PrimaryLanguage(seg.lang);
        if (page_lang.empty() || page_lang == lang) return f;
      }
      return "";
    }
  }
  return "";
}

std::string Confidence(double c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", c);
  return buffer;
}

struct TargetCatalog {
  std::unique_ptr<Catalog> catalog;
  bool changed = false;
};

}  // namespace

bool ImportPosts(const Config& config, const ImportOptions& options, DiagnosticSink* sink,
                 ImportReport* report) {
  ProjectLock lock;
  if (!lock.Acquire(config, sink)) return false;
  std::vector<Post> posts;
  if (!LoadPosts(config, &posts, sink)) return false;
  bool ok = true;
  std::map<std::string, TargetCatalog> catalogs;  // by path
  for (const Post& post : posts) {
    for (const std::string& l : config.languages) {
      std::string lang = PrimaryLanguage(l);
      if (lang == post.lang) continue;
      PostImport result;
      result.post = post.path;
      result.lang = lang;
      std::string file = FindTranslation(options, post, lang);
      if (file.empty()) {
        report->posts.push_back(result);
        continue;
      }
      // As the project names its files, when the folder is inside it.
      result.translation = fs::path(file).lexically_normal().string();
      std::string relative = Relative(result.translation, config.root);
      if (!relative.starts_with("..")) result.translation = relative;
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
      }
      AlignSide source{&post.segmentation.units, post.html};
      AlignSide translation{&translated.units, *text};
      std::vector<AlignedPair> pairs = AlignUnits(source, translation, AlignOptions{});
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
