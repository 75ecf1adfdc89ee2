#include "project/project.h"

#include <fcntl.h>
#include <glob.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "catalog/catalog_update.h"
#include "check/header_check.h"
#include "check/locator.h"
#include "project/extract.h"
#include "base/file_io.h"
#include "base/input_limits.h"
#include "post/post_formats.h"
#include "render/merge.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "catalog/taxonomy.h"
#include "base/ui_text.h"
#include "catalog/xliff.h"
#include "catalog/xliff_copies.h"

namespace l10n {

namespace {

std::string Relative(const std::string& file, const std::string& root) {
  if (root.empty() || root == ".") return file;
  std::filesystem::path rel = std::filesystem::path(file).lexically_relative(root);
  return rel.empty() ? file : rel.string();
}

std::string OtherLanguage(const Config& config, const std::string& lang) {
  for (const std::string& l : config.languages) {
    if (PrimaryLanguage(l) != lang) return PrimaryLanguage(l);
  }
  return lang;
}

// Reads a catalog when the file exists. Returns false on a read or syntax
// error (reported); *catalog stays null when there is no file.
bool LoadCatalog(const std::string& path, std::unique_ptr<Catalog>* catalog,
                 DiagnosticSink* sink, std::string* file_text = nullptr) {
  catalog->reset();
  if (!FileExists(path)) return true;
  Result<std::string> text = ReadFile(path, kCatalogCap);
  if (!text.ok()) {
    sink->Report(text.status());
    return false;
  }
  auto loaded = std::make_unique<Catalog>();
  bool read = IsXliffPath(path) ? ReadXliff(*text, path, loaded.get(), sink)
                                : ReadPo(*text, path, loaded.get(), sink) &&
                                      ValidateHeaderForTools(*loaded, *text, path, sink);
  if (!read) return false;
  *catalog = std::move(loaded);
  if (file_text) *file_text = std::move(*text);
  return true;
}

bool LoadTaxonomy(const Config& config, Taxonomy* taxonomy, DiagnosticSink* sink) {
  std::string path = config.Expand(config.taxonomy, "");
  if (!FileExists(path)) return true;
  Result<std::string> text = ReadFile(path, kSettingsCap);
  if (!text.ok()) {
    sink->Report(text.status());
    return false;
  }
  return taxonomy->Parse(*text, path, sink);
}

// The XLIFF version of catalogs that are XLIFF files.
XliffVersion CatalogXliffVersion(const Config& config) {
  XliffVersion version = XliffVersion::k12;
  if (!config.xliff_versions.empty()) ParseXliffVersion(config.xliff_versions[0], &version);
  return version;
}

// A catalog's bytes in the format its path says.
Result<std::string> FormatCatalog(const Catalog& catalog, const std::string& path,
                                  XliffVersion version, const std::string& original,
                                  const std::string& source, const std::string& target) {
  if (!IsXliffPath(path)) return WritePo(catalog);
  XliffOptions options;
  options.version = version;
  options.original = original;
  options.source_lang = source;
  options.target_lang = target;
  Result<std::string> xliff = WriteXliff(catalog, options);
  if (!xliff.ok()) return Status::Error(path + ": " + _("error") + ": " + xliff.status().message());
  return xliff;
}

// Where the XLIFF copy of version `version_name` of a catalog goes.
std::string XliffCopyPath(const Config& config, const std::string& version_name,
                          const std::string& target, const std::string& source) {
  std::string pattern = config.xliff_pattern;
  for (size_t at; (at = pattern.find("{version}")) != std::string::npos;) {
    pattern.replace(at, 9, version_name);
  }
  return config.Expand(pattern, target, source);
}

// A file name stem that is a safe output name: not ".", "..", hidden, and
// without separators or control characters.
bool IsSafeSlug(std::string_view slug) {
  if (slug.empty() || slug[0] == '.') return false;
  return std::none_of(slug.begin(), slug.end(), [](char c) {
    return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
}

// Two runs on one project at once could interleave their writes: the second
// waits for nothing and says so. The lock is flock(2) on the project's
// folder itself, so no lock file is left behind, and the kernel releases it
// when a run dies.
class ProjectLock {
 public:
  ~ProjectLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool Acquire(const Config& config, DiagnosticSink* sink) {
    std::string root = config.root.empty() ? "." : config.root;
    fd_ = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) return true;  // the reads and writes will say what is wrong
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return true;
    sink->Error(root, 0, 0,
                _("another l10n-extract or l10n-merge is working on this project; run again "
                  "when it has finished"));
    return false;
  }

 private:
  int fd_ = -1;
};

struct PendingWrite {
  std::string path;
  std::string content;
};

// Writes every changed file to its temporary first and renames them only
// when all were written, so that a full disk or a folder that cannot be
// written replaces nothing. The folders written to lose the temporary files
// a killed run left (the project's lock is held: no other run is writing).
bool Commit(const std::vector<PendingWrite>& writes, DiagnosticSink* sink, RunReport* report) {
  std::map<std::string, std::vector<std::string>> folders;  // folder -> names written there
  auto add_folder = [&folders](const std::string& path) {
    std::filesystem::path p(path);
    folders[p.parent_path().string()].push_back(p.filename().string());
  };
  for (const PendingWrite& w : writes) {
    add_folder(w.path);
    Result<std::string> target = WriteTarget(w.path);
    if (target.ok() && *target != w.path) add_folder(*target);
  }
  for (const auto& [folder, names] : folders) RemoveLeftoverTemporaries(folder, names);

  bool ok = true;
  std::vector<AtomicFile> files;
  std::vector<const std::string*> paths;
  for (const PendingWrite& w : writes) {
    if (FileHolds(w.path, w.content)) continue;
    AtomicFile file(w.path);
    Status status = file.Open();
    if (status.ok()) status = file.Append(w.content);
    if (status.ok()) status = file.Finish();
    if (!status.ok()) {
      sink->Report(status);
      ok = false;
      continue;
    }
    files.push_back(std::move(file));
    paths.push_back(&w.path);
  }
  if (!ok) return false;  // the temporary files go with `files`
  for (size_t i = 0; i < files.size(); ++i) {
    Status status = files[i].Commit();
    if (!status.ok()) {
      sink->Report(status);
      ok = false;
      continue;
    }
    report->changed.push_back(*paths[i]);
  }
  return ok;
}

// Whether `path`, with every symbolic link resolved, is inside `folder`
// (resolved already); *resolved is where it leads.
bool ResolvesInside(const std::string& path, const std::filesystem::path& folder,
                    std::string* resolved) {
  std::error_code ec;
  std::filesystem::path real = std::filesystem::weakly_canonical(path, ec);
  if (ec) return true;  // reading it will say what is wrong
  *resolved = real.string();
  std::filesystem::path rel = real.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

bool LoadPosts(const Config& config, std::vector<Post>* posts, DiagnosticSink* sink) {
  std::set<std::string> files;
  for (const std::string& pattern : config.posts) {
    std::string full = config.Expand(pattern, "");
    glob_t g{};
    int rc = ::glob(full.c_str(), 0, nullptr, &g);
    if (rc == 0) {
      for (size_t i = 0; i < g.gl_pathc; ++i) files.insert(g.gl_pathv[i]);
    }
    globfree(&g);
    if (rc == GLOB_NOMATCH) {
      sink->Warning(full, 0, 0, _("no post matches this pattern"));
    }
  }
  if (files.empty()) {
    sink->Error("", 0, 0, _("no posts found"));
    return false;
  }
  bool ok = true;
  // Posts are published: one that leads outside the project (a symbolic
  // link, a pattern with "..") could put any file's text in a page.
  std::error_code ec;
  std::filesystem::path root =
      std::filesystem::canonical(config.root.empty() ? "." : config.root, ec);
  std::set<std::string> known;
  for (const std::string& l : config.languages) known.insert(PrimaryLanguage(l));
  std::set<std::string> slugs;
  for (const std::string& file : files) {
    Post post;
    post.file = file;
    post.path = Relative(file, config.root);
    post.slug = std::filesystem::path(file).stem().string();
    std::string resolved;
    if (!ec && !ResolvesInside(file, root, &resolved)) {
      sink->Error(post.path, 0, 0,
                  FormatUi("the post leads to '{}', outside the project folder '{}'", resolved,
                           root.string()));
      ok = false;
      continue;
    }
    Result<std::string> html = ReadFile(file, kPostCap);
    if (!html.ok()) {
      sink->Report(html.status());
      ok = false;
      continue;
    }
    post.html = std::move(*html);
    const PostFormat& format = PostFormatFor(post.path);
    if (std::optional<InputProblem> problem = format.CheckInput(post.html)) {
      int line = 0, column = 0;
      if (problem->offset > 0 || post.html.size() <= kMaxPostBytes) {
        LineColumn(post.html, problem->offset, &line, &column);
      }
      sink->Error(post.path, line, column, problem->message);
      ok = false;
      continue;
    }
    if (!IsSafeSlug(post.slug)) {
      sink->Error(post.path, 0, 0,
                  FormatUi("'{}' cannot name an output file: a post's file name must not start "
                           "with '.' nor hold control characters",
                           post.slug));
      ok = false;
      continue;
    }
    post.segmentation = format.Segment(post.html, post.path, config.segment, sink);
    post.lang = PrimaryLanguage(post.segmentation.lang);
    int line = 1, column = 1;
    if (post.segmentation.has_lang_edit) {
      LineColumn(post.html, post.segmentation.lang_range.begin, &line, &column);
    }
    if (post.lang.empty()) {
      sink->Error(post.path, line, column,
                  _("the post has no <html lang>, so its language is unknown"));
      ok = false;
      continue;
    }
    if (!known.count(post.lang)) {
      sink->Error(post.path, line, column,
                  FormatUi("language '{}' is not one of the project's languages",
                              post.segmentation.lang));
      ok = false;
      continue;
    }
    if (!slugs.insert(post.slug).second) {
      sink->Error(post.path, 0, 0,
                  FormatUi("another post already has the name '{}'", post.slug));
      ok = false;
      continue;
    }
    posts->push_back(std::move(post));
  }
  return ok;
}

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
    planned_template.content = WritePo(*templ);
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
      for (const std::string& version_name : config.xliff_versions) {
        std::string path = XliffCopyPath(config, version_name, target, source);
        if (path == planned.path) continue;  // the catalog is that XLIFF file
        copy_catalogs.emplace_back();
        if (!LoadCatalog(path, &copy_catalogs.back(), sink)) return false;
        if (copy_catalogs.back()) copies.push_back({path, copy_catalogs.back().get()});
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
      Result<std::string> content =
          FormatCatalog(*updated, planned.path, CatalogXliffVersion(config),
                        Relative(template_path, config.root), source_tag, target_tag);
      if (!content.ok()) {
        sink->Report(content.status());
        return false;
      }
      planned.content = std::move(*content);
      lang_report.files.push_back(planned.path);
      // XLIFF copies for CAT tools, always in step with the catalog.
      for (const std::string& version_name : config.xliff_versions) {
        XliffVersion version;
        ParseXliffVersion(version_name, &version);
        PlannedFile copy;
        copy.kind = PlannedFile::Kind::kXliff;
        copy.path = XliffCopyPath(config, version_name, target, source);
        copy.lang = target;
        copy.source = source;
        Result<std::string> xliff = FormatCatalog(*updated, copy.path, version,
                                                  Relative(template_path, config.root),
                                                  source_tag, target_tag);
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
    if (!IsXliffPath(path)) {
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

bool RunMerge(const Config& config, DiagnosticSink* sink, RunReport* report) {
  ProjectLock lock;
  if (!lock.Acquire(config, sink)) return false;
  std::vector<Post> posts;
  if (!LoadPosts(config, &posts, sink)) return false;
  Taxonomy taxonomy;
  if (!LoadTaxonomy(config, &taxonomy, sink)) return false;

  // Every catalog is read (and must be valid) before anything is written.
  std::map<std::pair<std::string, std::string>, std::unique_ptr<Catalog>> catalogs;
  std::map<std::pair<std::string, std::string>, std::string> catalog_paths;
  std::map<std::pair<std::string, std::string>, std::string> catalog_texts;
  for (const std::string& s : config.languages) {
    for (const std::string& t : config.languages) {
      std::string source = PrimaryLanguage(s), target = PrimaryLanguage(t);
      if (source == target) continue;
      std::string path = config.Expand(config.catalog_pattern, target, source);
      if (!LoadCatalog(path, &catalogs[{source, target}], sink, &catalog_texts[{source, target}])) {
        return false;
      }
      catalog_paths[{source, target}] = path;
    }
  }
  DateStyle date_style = DateStyle::kLong;
  ParseDateStyle(config.date_style, &date_style);

  // Outputs stay in the folder the output pattern names before its first
  // placeholder ("public/"), whatever a slug or language says.
  std::string pattern_folder = config.output_pattern.substr(0, config.output_pattern.find('{'));
  pattern_folder = pattern_folder.substr(0, pattern_folder.rfind('/') + 1);
  std::filesystem::path output_folder =
      std::filesystem::path(config.Expand(pattern_folder.empty() ? "." : pattern_folder, ""))
          .lexically_normal();
  auto inside = [&output_folder](const std::string& path) {
    std::filesystem::path rel =
        std::filesystem::path(path).lexically_normal().lexically_relative(output_folder);
    return !rel.empty() && *rel.begin() != "..";
  };
  std::error_code folder_error;
  const std::filesystem::path real_output_folder =
      std::filesystem::weakly_canonical(output_folder, folder_error);

  std::vector<PendingWrite> writes;
  bool ok = true;
  for (const std::string& target_tag : config.languages) {
    std::string target = PrimaryLanguage(target_tag);
    LanguageReport lang_report;
    lang_report.lang = target;
    for (const Post& post : posts) {
      std::string out_path = config.Expand(config.output_pattern, target, post.lang, post.slug);
      if (!inside(out_path)) {
        sink->Error(post.path, 0, 0,
                    FormatUi("'{}' would be written outside the output folder '{}'", out_path,
                             output_folder.string()));
        return false;
      }
      // Pages are written through symbolic links, which must not lead out.
      std::string resolved;
      if (!folder_error && !ResolvesInside(out_path, real_output_folder, &resolved)) {
        sink->Error(post.path, 0, 0,
                    FormatUi("'{}' leads to '{}', outside the output folder '{}'", out_path,
                             resolved, output_folder.string()));
        return false;
      }
      if (post.lang == target) {
        writes.push_back({out_path, post.html});
        ++lang_report.posts;
        lang_report.files.push_back(out_path);
        continue;
      }
      const Catalog* catalog = catalogs[{post.lang, target}].get();
      const std::string& catalog_path = catalog_paths[{post.lang, target}];
      const std::string& catalog_text = catalog_texts[{post.lang, target}];
      MergeOptions options;
      options.segment = config.segment;
      options.source_lang = post.lang;
      options.target_lang = target_tag;
      options.date_style = date_style;
      if (auto it = config.category_patterns.find(target); it != config.category_patterns.end()) {
        options.category_pattern = it->second;
      }
      options.taxonomy = &taxonomy;
      UseCatalog(catalog, catalog_path, catalog_text, &options);
      MergeResult merged = MergePost(post.html, post.path, post.segmentation, options, sink);
      lang_report.units += merged.units;
      lang_report.translated += merged.translated;
      lang_report.words += merged.words;
      lang_report.translated_words += merged.translated_words;
      for (const Unit* unit : merged.untranslated) {
        std::string shown = unit->text.size() > 60 ? unit->text.substr(0, 57) + "..." : unit->text;
        sink->Warning(post.path, unit->line, unit->column,
                      FormatUi("untranslated into '{}', source text kept: \"{}\"", target,
                                  shown));
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
      writes.push_back({out_path, std::move(merged.html)});
      ++lang_report.posts;
      lang_report.files.push_back(out_path);
    }
    report->languages.push_back(std::move(lang_report));
  }
  // All or nothing, as for every input error: a post refused as unsafe
  // leaves every page as it was (its errors, and all others, are reported).
  if (!ok) {
    for (const PendingWrite& w : writes) report->skipped.push_back(w.path);
    for (LanguageReport& r : report->languages) {
      r.posts = 0;
      r.files.clear();
    }
    return false;
  }
  return Commit(writes, sink, report);
}

}  // namespace l10n
