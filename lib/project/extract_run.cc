// l10n-extract's run (project.h): PlanExtract makes every file from the
// posts and the files there now; RunExtract writes those that changed.
#include <memory>

#include "base/file_io.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "catalog/catalog_update.h"
#include "catalog/po_writer.h"
#include "catalog/taxonomy.h"
#include "catalog/xliff_copies.h"
#include "project/extract.h"
#include "project/project.h"
#include "project/project_io.h"

namespace l10n {

namespace {

std::string OtherLanguage(const Config& config, const std::string& lang) {
  for (const std::string& l : config.languages) {
    if (PrimaryLanguage(l) != lang) return PrimaryLanguage(l);
  }
  return lang;
}

// Where the XLIFF copy of version `version` of a catalog goes.
std::string XliffCopyPath(const Config& config, XliffVersion version, const std::string& target,
                          const std::string& source) {
  std::string pattern = config.xliff_pattern;
  for (size_t at; (at = pattern.find("{version}")) != std::string::npos;) {
    pattern.replace(at, 9, XliffVersionName(version));
  }
  return config.Expand(pattern, target, source);
}

}  // namespace

bool PlanExtract(const Config& config, const std::vector<Post>& posts, DiagnosticSink* sink,
                 RunReport* report, std::vector<PlannedFile>* files) {
  Taxonomy taxonomy;
  if (!LoadTaxonomy(config, &taxonomy, sink)) return false;
  std::vector<std::string> langs;
  for (const std::string& l : config.languages) langs.push_back(PrimaryLanguage(l));
  Taxonomy learned = taxonomy;
  for (const Post& post : posts) LearnCategories(post.segmentation, post.lang, langs, &learned);

  std::vector<std::unique_ptr<Catalog>> compendia;
  for (const std::string& path : config.compendia) {
    std::string file = config.Expand(path, "");
    if (!FileExists(file)) {
      sink->Error(file, 0, 0, _("compendium not found"));
      return false;
    }
    compendia.emplace_back();
    if (!LoadCatalog(file, &compendia.back(), sink)) return false;
  }

  std::string now = PoTimestamp();
  for (const std::string& source_tag : config.languages) {
    std::string source = PrimaryLanguage(source_tag);
    std::vector<PostUnits> units;
    for (const Post& post : posts) {
      if (post.lang == source) units.push_back({post.path, post.lang, &post.segmentation});
    }
    if (units.empty()) continue;
    // One report per (source, target) pair; the template is listed in each.
    LanguageReport base;
    base.lang = source;
    base.posts = static_cast<int>(units.size());

    PlannedFile planned_template;
    planned_template.kind = PlannedFile::Kind::kTemplate;
    const std::string template_path = config.Expand(config.template_pattern, source);
    planned_template.path = template_path;
    planned_template.lang = source;
    std::unique_ptr<Catalog> old_template;
    if (!LoadCatalog(planned_template.path, &old_template, sink)) return false;
    CatalogInfo info{config.project_name, source, "", now};
    auto templ = std::make_shared<Catalog>(
        BuildTemplate(units, learned, OtherLanguage(config, source), info));
    if (old_template && SameIgnoringDates(*templ, *old_template)) {
      *templ = *old_template;  // unchanged: keep POT-Creation-Date
      planned_template.unchanged = true;
    }
    planned_template.content = WritePo(*templ);  // PO (.pot) whatever its name says
    planned_template.catalog = templ;
    planned_template.old = std::move(old_template);
    base.files.push_back(planned_template.path);
    for (const Message& m : templ->messages) {
      if (!m.is_header()) ++base.units;
    }
    files->push_back(std::move(planned_template));

    for (const std::string& target_tag : config.languages) {
      std::string target = PrimaryLanguage(target_tag);
      if (target == source) continue;
      LanguageReport lang_report = base;
      PlannedFile planned;
      planned.kind = PlannedFile::Kind::kCatalog;
      planned.path = config.Expand(config.catalog_pattern, target, source);
      planned.lang = target;
      planned.source = source;
      std::unique_ptr<Catalog> old;
      if (!LoadCatalog(planned.path, &old, sink)) return false;
      // The copies are rewritten below: what a translator entered in one
      // comes into the catalog first (xliff_copies.h). A copy that does not
      // read stops the run.
      std::vector<std::unique_ptr<Catalog>> copy_catalogs;
      std::vector<CatalogCopy> copies;
      for (XliffVersion version : config.xliff_versions) {
        std::string path = XliffCopyPath(config, version, target, source);
        if (path == planned.path) continue;  // the catalog is that XLIFF file
        copy_catalogs.emplace_back();
        if (!LoadCatalog(path, &copy_catalogs.back(), sink)) return false;
        if (!copy_catalogs.back()) continue;
        copy_catalogs.back()->Reindex();  // TakeCopyTranslations finds entries in it
        copies.push_back({path, copy_catalogs.back().get()});
      }
      const Catalog* merged_from = old.get();
      std::unique_ptr<Catalog> taken;
      if (!copies.empty()) {
        // Without the catalog, its first copy stands for it.
        taken = std::make_unique<Catalog>(old ? *old : *copies.front().catalog);
        if (!TakeCopyTranslations(old ? planned.path : copies.front().path, copies, taken.get(),
                                  sink)) {
          return false;
        }
        merged_from = taken.get();
      }
      CatalogInfo target_info{config.project_name, source, target_tag, now};
      UpdateOptions update_options;
      update_options.fuzzy_matching = config.fuzzy_matching;
      update_options.purge_obsolete = config.purge_obsolete;
      for (const auto& c : compendia) update_options.compendia.push_back(c.get());
      if (!merged_from && !GettextPluralForms(target_tag)) {
        // A new catalog: gettext knows no plural rule for the language, so
        // it gets the English one, to be checked (docs/catalog_update.md).
        sink->Warning(planned.path, 0, 0,
                      FormatUi("gettext has no plural rule for '{}': the new catalog says "
                               "\"{}\"; correct its Plural-Forms if the language's plurals differ",
                               target_tag, kDefaultPluralForms));
      }
      UpdateStats stats;
      auto updated = std::make_shared<Catalog>(
          UpdateCatalog(*templ, merged_from, target_info, update_options, &stats));
      lang_report.fuzzy = stats.fuzzy;
      lang_report.obsolete = stats.obsolete;
      if (old && SameIgnoringDates(*updated, *old)) {
        *updated = *old;
        planned.unchanged = true;
      }
      // A catalog that is an XLIFF file is of the first version listed.
      CatalogWriteOptions write_options;
      write_options.xliff.version =
          config.xliff_versions.empty() ? XliffVersion::k12 : config.xliff_versions[0];
      write_options.xliff.original = Relative(template_path, config.root);
      write_options.xliff.source_lang = source_tag;
      write_options.xliff.target_lang = target_tag;
      Result<std::string> content = WriteCatalog(*updated, planned.path, write_options);
      if (!content.ok()) {
        sink->Report(content.status());
        return false;
      }
      planned.content = std::move(*content);
      lang_report.files.push_back(planned.path);
      // XLIFF copies for CAT tools, always in step with the catalog.
      for (XliffVersion version : config.xliff_versions) {
        PlannedFile copy;
        copy.kind = PlannedFile::Kind::kXliff;
        copy.path = XliffCopyPath(config, version, target, source);
        copy.lang = target;
        copy.source = source;
        write_options.xliff.version = version;
        Result<std::string> xliff = WriteCatalog(*updated, copy.path, write_options);
        if (!xliff.ok()) {
          sink->Report(xliff.status());
          return false;
        }
        copy.content = std::move(*xliff);
        Result<std::string> existing = ReadFile(copy.path);
        copy.unchanged = existing.ok() && *existing == copy.content;
        lang_report.files.push_back(copy.path);
        files->push_back(std::move(copy));
      }
      lang_report.target = target;
      for (const Message& m : updated->messages) {
        if (m.is_header() || m.obsolete) continue;
        if (m.fuzzy()) {
          ++lang_report.fuzzy_total;
        } else if (m.translated()) {
          ++lang_report.translated;
        }
      }
      planned.catalog = std::move(updated);
      planned.old = std::move(old);
      files->push_back(std::move(planned));
      report->languages.push_back(std::move(lang_report));
    }
  }
  PlannedFile planned_taxonomy;
  planned_taxonomy.kind = PlannedFile::Kind::kTaxonomy;
  planned_taxonomy.path = config.Expand(config.taxonomy, "");
  planned_taxonomy.content = learned.Serialize();
  planned_taxonomy.unchanged =
      FileExists(planned_taxonomy.path) && planned_taxonomy.content == taxonomy.Serialize();
  files->push_back(std::move(planned_taxonomy));
  return !sink->has_errors();
}

bool RunExtract(const Config& config, DiagnosticSink* sink, RunReport* report) {
  ProjectLock lock;
  if (!lock.Acquire(config, sink)) return false;
  std::vector<Post> posts;
  if (!LoadPosts(config, &posts, sink)) return false;
  std::vector<PlannedFile> files;
  if (!PlanExtract(config, posts, sink, report, &files)) return false;
  std::vector<PendingWrite> writes;
  for (PlannedFile& f : files) {
    // The taxonomy is rewritten only when it changes (its text is the
    // serialization, not the file's bytes).
    if (f.kind == PlannedFile::Kind::kTaxonomy && f.unchanged) continue;
    writes.push_back({f.path, std::move(f.content)});
  }
  return Commit(writes, sink, report);
}

}  // namespace l10n
