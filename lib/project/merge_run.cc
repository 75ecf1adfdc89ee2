// l10n-merge's run (project.h): every catalog read, then every post merged
// into every language, then the pages written all or nothing.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>

#include "base/language_tag.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "catalog/taxonomy.h"
#include "check/locator.h"
#include "project/extract.h"
#include "project/project.h"
#include "project/project_io.h"

namespace l10n {

void UseCatalog(const Catalog* catalog, const std::string& path, const std::string& text,
                MergeOptions* options) {
  // One rule for every translated string, whatever its kind: a unit's text
  // and a category name alike are neither fuzzy nor empty, and are located
  // in the file (PO) or at their entry (XLIFF).
  auto find = [catalog, &path, &text](const std::optional<std::string>& context,
                                      std::string_view msgid) -> std::optional<Translation> {
    if (!catalog) return std::nullopt;
    const Message* m = catalog->Find(context, msgid);
    if (!m || m->fuzzy() || m->msgstr.empty() || m->msgstr[0].empty()) return std::nullopt;
    std::function<std::pair<int, int>(size_t)> locate;
    if (CatalogFormatOf(path).syntax == CatalogSyntax::kPo) {
      locate = [m, &text](size_t offset) { return LocateInTranslation(text, *m, offset); };
    } else {
      // Where l10n-check reports an XLIFF entry's findings: its unit's line.
      locate = [line = m->line](size_t) { return std::pair(line, 1); };
    }
    return Translation{m->msgstr[0], path, m->line, std::move(locate)};
  };
  options->translate = [find](const Unit& unit) { return find(unit.context, unit.text); };
  options->translate_category = [find](std::string_view name) {
    return find(std::string(kCategoryContext), name);
  };
}

namespace {

// Outputs stay in the folder the output pattern names before its first
// placeholder ("public/"), whatever a slug or language says, also through
// symbolic links.
class OutputFolder {
 public:
  OutputFolder(const Config& config, const std::string& output_pattern) {
    std::string pattern = output_pattern.substr(0, output_pattern.find('{'));
    pattern = pattern.substr(0, pattern.rfind('/') + 1);
    folder_ = std::filesystem::path(config.Expand(pattern.empty() ? "." : pattern, ""))
                  .lexically_normal();
    real_folder_ = std::filesystem::weakly_canonical(
        std::filesystem::absolute(folder_, real_error_), real_error_);
  }

  // Whether `post`'s page may be written at `out_path`; reports why not.
  bool Holds(const Post& post, const std::string& out_path, DiagnosticSink* sink) const {
    std::filesystem::path rel =
        std::filesystem::path(out_path).lexically_normal().lexically_relative(folder_);
    if (rel.empty() || *rel.begin() == "..") {
      sink->Error(post.path, 0, 0,
                  FormatUi("'{}' would be written outside the output folder '{}'", out_path,
                           folder_.string()));
      return false;
    }
    std::string resolved;
    if (!real_error_ && !ResolvesInside(out_path, real_folder_, &resolved)) {
      sink->Error(post.path, 0, 0,
                  FormatUi("'{}' leads to '{}', outside the output folder '{}'", out_path, resolved,
                           folder_.string()));
      return false;
    }
    return true;
  }

 private:
  std::filesystem::path folder_;
  std::filesystem::path real_folder_;  // with symbolic links resolved
  std::error_code real_error_;
};

}  // namespace

bool PlanMerge(const Config& config, const std::vector<Post>& posts, DiagnosticSink* sink,
               RunReport* report, MergePlan* plan) {
  Taxonomy taxonomy;
  if (!LoadTaxonomy(config, &taxonomy, sink)) return false;

  // Every catalog is read (and must be valid) before anything is written.
  struct Loaded {
    std::unique_ptr<Catalog> catalog;  // null without a file
    std::string path;
    std::string text;
  };
  std::map<std::pair<std::string, std::string>, Loaded> catalogs;  // (source, target) ->
  for (const std::string& s : config.languages) {
    for (const std::string& t : config.languages) {
      std::string source = PrimaryLanguage(s), target = PrimaryLanguage(t);
      if (source == target) continue;
      Loaded& loaded = catalogs[{source, target}];
      loaded.path = config.Expand(config.catalog_pattern, target, source);
      if (!LoadCatalog(loaded.path, &loaded.catalog, sink, &loaded.text)) return false;
      if (loaded.catalog) loaded.catalog->Reindex();  // for UseCatalog's lookups
    }
  }

  const OutputFolder html_folder(config, config.output_pattern);
  const OutputFolder markdown_folder(config, config.markdown_output_pattern);
  std::vector<PlannedPage>& writes = plan->pages;
  bool ok = true;
  for (const std::string& target_tag : config.languages) {
    std::string target = PrimaryLanguage(target_tag);
    LanguageReport lang_report;
    lang_report.lang = target;
    for (const Post& post : posts) {
      const std::string& pattern = OutputPatternFor(config, post.path);
      if (post.lang == target && OutputsBesidePosts(pattern)) continue;  // the post is its page
      std::string out_path = OutputPathOf(config, post, target);
      const OutputFolder& output_folder =
          &pattern == &config.output_pattern ? html_folder : markdown_folder;
      if (!output_folder.Holds(post, out_path, sink)) return false;
      if (post.lang == target) {
        writes.push_back({out_path, post.html, target, &post});
        ++lang_report.posts;
        lang_report.files.push_back(out_path);
        continue;
      }
      const Loaded& loaded = catalogs[{post.lang, target}];
      MergeOptions options;
      options.segment = config.segment;
      options.source_lang = post.lang;
      options.target_lang = target_tag;
      options.date_style = config.date_style;
      if (auto it = config.category_patterns.find(target); it != config.category_patterns.end()) {
        options.category_pattern = it->second;
      }
      options.taxonomy = &taxonomy;
      UseCatalog(loaded.catalog.get(), loaded.path, loaded.text, &options);
      MergeResult merged = MergePost(post.html, post.path, post.segmentation, options, sink);
      lang_report.units += merged.units;
      lang_report.translated += merged.translated;
      lang_report.words += merged.words;
      lang_report.translated_words += merged.translated_words;
      for (const Unit* unit : merged.untranslated) {
        std::string shown = unit->text.size() > 60 ? unit->text.substr(0, 57) + "..." : unit->text;
        sink->Warning(post.path, unit->line, unit->column,
                      FormatUi("untranslated into '{}', source text kept: \"{}\"", target, shown));
      }
      for (const Segmentation::Metadata::Term* term : merged.untranslated_terms) {
        sink->Warning(
            post.path, term->line, term->column,
            term->kind == Segmentation::Metadata::Term::Kind::kTag
                ? FormatUi("the tag '{}' has no name in '{}': kept as written", term->name, target)
                : FormatUi("the category '{}' has no name in '{}': kept as written", term->name,
                           target));
      }
      if (merged.unsafe) {
        ok = false;
        report->skipped.push_back(out_path);
        continue;
      }
      int percent = merged.units == 0 ? 100 : merged.translated * 100 / merged.units;
      if (percent < config.keep) {
        sink->Warning(post.path, 0, 0,
                      FormatUi("only {}% translated into '{}' (keep is {}%): {} not written",
                               percent, target, config.keep, out_path));
        report->skipped.push_back(out_path);
        continue;
      }
      writes.push_back({out_path, std::move(merged.html), target, &post});
      ++lang_report.posts;
      lang_report.files.push_back(out_path);
    }
    report->languages.push_back(std::move(lang_report));
  }
  // All or nothing, as for every input error: a post refused as unsafe
  // leaves every page as it was (its errors, and all others, are reported).
  if (!ok) {
    for (const PlannedPage& w : writes) report->skipped.push_back(w.path);
    for (LanguageReport& r : report->languages) {
      r.posts = 0;
      r.files.clear();
    }
    writes.clear();
    return false;
  }
  return true;
}

bool RunMerge(const Config& config, DiagnosticSink* sink, RunReport* report) {
  ProjectLock lock;
  if (!lock.Acquire(config, sink)) return false;
  std::vector<Post> posts;
  if (!LoadPosts(config, &posts, sink)) return false;
  MergePlan plan;
  if (!PlanMerge(config, posts, sink, report, &plan)) return false;
  std::vector<PendingWrite> writes;
  writes.reserve(plan.pages.size());
  for (PlannedPage& page : plan.pages) writes.push_back({page.path, std::move(page.content)});
  return Commit(writes, sink, report);
}

}  // namespace l10n
