#include "project/import_posts.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

#include "align/align.h"
#include "base/file_io.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "post/post_formats.h"
#include "project/import_pairing.h"
#include "project/import_xliff.h"
#include "project/project.h"
#include "project/project_io.h"

namespace l10n {
namespace {

namespace fs = std::filesystem;

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
  PostPairing pairing(config, options);
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
