// l10n-extract's run (project.h): PlanExtract makes every file from the
// posts and the files there now; RunExtract writes those that changed.
#include <fmt/format.h>

#include <map>
#include <memory>
#include <set>

#include "base/bury.h"
#include "base/file_io.h"
#include "base/hash.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "base/parallel.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "catalog/catalog_update.h"
#include "catalog/po_writer.h"
#include "catalog/taxonomy.h"
#include "catalog/xliff_copies.h"
#include "check/header_check.h"
#include "project/extract.h"
#include "project/merge_cache.h"
#include "project/post_cache.h"
#include "project/project.h"
#include "project/project_io.h"
#include "project/run_record.h"

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

// A part of an extract run (one source language: its template, and its
// targets' catalogs and their copies) as this run planned it, or took it
// from the record (`held`) without planning it.
struct PlannedPart {
  RunRecord::Part part;  // as the next run would replay it
  bool held = false;
};

// PlanExtract's steps, for one run: the template of each source language,
// then each target's catalog updated from it, with its XLIFF copies, then
// the taxonomy. Files come in that order (a catalog after its copies).
class ExtractPlanner {
 public:
  ExtractPlanner(const Config& config, DiagnosticSink* sink, RunReport* report,
                 std::vector<PlannedFile>* files, std::string now = PoTimestamp())
      : config_(config), sink_(sink), report_(report), files_(files), now_(std::move(now)) {}

  // The files as the last run left them (PlanExtract's `recorded`).
  void set_recorded(const std::map<std::string, uint64_t>* recorded) { recorded_ = recorded; }

  // Each file to write staged there as soon as it is planned, its content
  // then dropped (RunExtract: the contents of every file are not held at
  // once). Null: every PlannedFile keeps its content.
  void set_staged(StagedWrites* staged) { staged_ = staged; }

  // A source language whose inputs and files are those `record` holds for
  // it (RunRecord::HeldPart) is not planned: its files are left as they
  // are (in the plan as unchanged, with no content and no catalog: for
  // RunExtract only, which needs their paths), and its reports and
  // diagnostics are the recorded ones. `post_hashes`: the hash of each
  // post's bytes, in the order of Plan's posts. Every part, planned or
  // held, goes into *parts, in the languages' order.
  void set_parts(const RunRecord* record, const std::vector<uint64_t>* post_hashes,
                 std::vector<PlannedPart>* parts) {
    record_ = record;
    post_hashes_ = post_hashes;
    parts_ = parts;
  }

  bool Plan(const std::vector<Post>& posts) {
    Taxonomy taxonomy;
    if (!LoadTaxonomy(config_, &taxonomy, sink_)) return false;
    std::vector<std::string> langs;
    for (const std::string& l : config_.languages) langs.push_back(PrimaryLanguage(l));
    learned_ = taxonomy;
    for (const Post& post : posts) LearnCategories(post.segmentation, post.lang, langs, &learned_);
    if (!LoadCompendia()) return false;
    const std::string learned_text = learned_.Serialize();
    std::vector<uint64_t> keys(config_.languages.size());
    std::vector<const RunRecord::Part*> held(config_.languages.size(), nullptr);
    const bool keyed =
        parts_ && post_hashes_->size() == posts.size() && PartKeys(posts, learned_text, &keys);
    if (keyed) {
      for (size_t i = 0; i < keys.size(); ++i) {
        held[i] = record_->HeldPart(config_.languages[i], keys[i]);
      }
    }

    // Each source language's template and catalogs planned on any core,
    // into its own part; the parts then taken in the languages' order, as
    // one thread gives them (the files, the reports, the diagnostics).
    struct Part {
      std::string source_tag;
      DiagnosticSink sink;
      RunReport report;
      std::vector<PlannedFile> files;
      StagedWrites staged;  // with staged_: this part's files
      bool ok = true;
    };
    std::vector<Part> parts(config_.languages.size());
    ParallelFor(parts.size(), [&](size_t i) {
      Part& part = parts[i];
      ExtractPlanner planner(config_, &part.sink, &part.report, &part.files, now_);
      planner.recorded_ = recorded_;
      planner.learned_ = learned_;
      planner.compendia_ = compendia_;
      if (staged_) planner.staged_ = &part.staged;
      if (held[i]) {
        planner.Hold(*held[i]);
      } else {
        part.ok = planner.PlanSource(config_.languages[i], posts);
      }
    });
    for (size_t i = 0; i < parts.size(); ++i) {
      Part& part = parts[i];
      if (keyed) {
        PlannedPart& planned = parts_->emplace_back();
        planned.held = held[i] != nullptr;
        if (held[i]) {
          planned.part = *held[i];
        } else {
          planned.part.name = config_.languages[i];
          planned.part.key = keys[i];
          for (const PlannedFile& f : part.files) {
            // Staged as Emit does.
            planned.part.files.emplace_back(f.path,
                                            !(f.unchanged && f.kind == PlannedFile::Kind::kXliff));
          }
          // As the next run would report them, the files as planned: it
          // finds no new fuzzy match.
          planned.part.languages = part.report.languages;
          for (LanguageReport& l : planned.part.languages) l.fuzzy = 0;
          planned.part.diagnostics = part.sink.diagnostics();
        }
      }
      for (const Diagnostic& d : part.sink.diagnostics()) sink_->Report(d);
      for (LanguageReport& l : part.report.languages) report_->languages.push_back(std::move(l));
      for (PlannedFile& f : part.files) files_->push_back(std::move(f));
      if (staged_) staged_->Absorb(&part.staged);
      if (!part.ok) return false;
    }
    PlannedFile planned_taxonomy;
    planned_taxonomy.kind = PlannedFile::Kind::kTaxonomy;
    planned_taxonomy.path = config_.Expand(config_.taxonomy, "");
    planned_taxonomy.content = learned_text;
    planned_taxonomy.unchanged =
        FileExists(planned_taxonomy.path) && planned_taxonomy.content == taxonomy.Serialize();
    Emit(std::move(planned_taxonomy));
    return !sink_->has_errors();
  }

 private:
  // The key of each source language's part (RunRecord::Part): a hash of
  // what its planning reads besides its files (the settings, the tool and
  // the UI language are the record's own key): the language, its posts
  // (their paths, order and bytes: their segmentation is made from them
  // and the settings), the learned taxonomy (made from every post, in
  // every language) and the compendia. False when a compendium cannot be
  // hashed: no part is held.
  bool PartKeys(const std::vector<Post>& posts, const std::string& learned_text,
                std::vector<uint64_t>* keys) const {
    Hasher common(4);
    common.Add(learned_text);
    for (const std::string& path : config_.compendia) {
      FileStamp stamp;
      if (!HashFile(config_.Expand(path, ""), &stamp)) return false;
      common.Add(path).Add(stamp.hash);
    }
    for (size_t i = 0; i < keys->size(); ++i) {
      const std::string source = PrimaryLanguage(config_.languages[i]);
      Hasher h(common.value());
      h.Add(config_.languages[i]);
      for (size_t k = 0; k < posts.size(); ++k) {
        if (posts[k].lang != source) continue;
        h.Add(posts[k].path).Add(posts[k].file).Add(posts[k].slug).Add((*post_hashes_)[k]);
      }
      (*keys)[i] = h.value();
    }
    return true;
  }

  // The part `held` taken as the record has it: its files in the plan,
  // unchanged (those a run stages staged as unchanged, so that their
  // folders are cleaned of leftovers as when planned), its reports and
  // diagnostics as recorded.
  void Hold(const RunRecord::Part& held) {
    for (const Diagnostic& d : held.diagnostics) sink_->Report(d);
    for (const LanguageReport& l : held.languages) report_->languages.push_back(l);
    for (const auto& [path, staged] : held.files) {
      PlannedFile file;
      file.kind = staged ? PlannedFile::Kind::kCatalog : PlannedFile::Kind::kXliff;
      file.path = path;
      file.unchanged = true;
      if (staged_ && staged) {
        PendingWrite write;
        write.path = path;
        write.unchanged = true;
        staged_->Stage(write);
      }
      files_->push_back(std::move(file));
    }
  }

  // The template of `source_tag` and the catalogs of its targets; false
  // after an error.
  bool PlanSource(const std::string& source_tag, const std::vector<Post>& posts) {
    std::string source = PrimaryLanguage(source_tag);
    std::vector<PostUnits> units;
    // With [site] settings each post's slug is translated too: the URL of
    // its page in the other language.
    std::string slug_note;
    if (config_.site.enabled()) {
      std::string other = OtherLanguage(config_, source);
      auto pattern = config_.site.post_url.find(other);
      slug_note = fmt::format(
          "the URL of this post in {}: lowercase ASCII letters, digits and hyphens ({})", other,
          pattern == config_.site.post_url.end() ? std::string("{slug}") : pattern->second);
    }
    for (const Post& post : posts) {
      if (post.lang != source) continue;
      units.push_back({post.path, post.lang, &post.segmentation, slug_note.empty() ? "" : post.slug,
                       slug_note});
    }
    if (units.empty()) return true;
    // One report per (source, target) pair; the template is listed in each.
    LanguageReport base;
    base.lang = source;
    base.posts = static_cast<int>(units.size());
    std::shared_ptr<const Catalog> templ = PlanTemplate(source, units, &base);
    if (!templ) return false;
    for (const std::string& target_tag : config_.languages) {
      if (PrimaryLanguage(target_tag) == source) continue;
      if (!PlanCatalog(source_tag, target_tag, *templ, base)) return false;
    }
    return true;
  }

  bool LoadCompendia() {
    for (const std::string& path : config_.compendia) {
      std::string file = config_.Expand(path, "");
      if (!FileExists(file)) {
        sink_->Error(file, 0, 0, _("compendium not found"));
        return false;
      }
      std::unique_ptr<Catalog> compendium;
      if (!LoadCatalog(file, &compendium, sink_)) return false;
      compendia_.push_back(std::move(compendium));
    }
    return true;
  }

  // The template of `source` from its posts' units, planned and counted in
  // *base; null after an error.
  std::shared_ptr<const Catalog> PlanTemplate(const std::string& source,
                                              const std::vector<PostUnits>& units,
                                              LanguageReport* base) {
    PlannedFile planned;
    planned.kind = PlannedFile::Kind::kTemplate;
    planned.path = config_.Expand(config_.template_pattern, source);
    planned.lang = source;
    std::unique_ptr<Catalog> old;
    if (!LoadCatalog(planned.path, &old, sink_)) return nullptr;
    CatalogInfo info{config_.project_name, source, "", now_};
    auto templ = std::make_shared<Catalog>(
        BuildTemplate(units, learned_, OtherLanguage(config_, source), info));
    if (old && SameIgnoringDates(*templ, *old)) {
      *templ = *old;  // unchanged: keep POT-Creation-Date
      planned.unchanged = true;
    }
    planned.content = WritePo(*templ);  // PO (.pot) whatever its name says
    planned.catalog = templ;
    planned.old = std::move(old);
    base->files.push_back(planned.path);
    for (const Message& m : templ->messages) {
      if (!m.is_header()) ++base->units;
    }
    template_path_ = planned.path;
    Emit(std::move(planned));
    return templ;
  }

  // What the update of a catalog starts from: the catalog as it is (`old`,
  // null for a new one) with what a translator entered in its XLIFF copies
  // taken in first (xliff_copies.h); without the catalog, its first copy
  // stands for it. A copy that does not read stops the run (false). When
  // every copy is, byte for byte, what the catalog writes (nothing entered
  // in them since the last run), none is parsed: they hold nothing the
  // catalog lacks. What PlanCatalog needs of each copy is kept in copies_.
  bool StartingPoint(const std::string& path, const Catalog* old, const std::string& source_tag,
                     const std::string& target_tag, std::unique_ptr<Catalog>* taken,
                     const Catalog** merged_from) {
    const std::string source = PrimaryLanguage(source_tag);
    const std::string target = PrimaryLanguage(target_tag);
    *merged_from = old;
    copies_.clear();
    bool all_written = old != nullptr;
    for (XliffVersion version : config_.xliff_versions) {
      CopyFile& copy = copies_.emplace_back();
      copy.path = XliffCopyPath(config_, version, target, source);
      if (copy.path == path) continue;  // the catalog is that XLIFF file
      if (!FileExists(copy.path)) continue;
      Result<std::string> text = ReadFile(copy.path, kCatalogCap);
      if (!text.ok()) {
        sink_->Report(text.status());
        return false;
      }
      copy.exists = true;
      copy.bytes = std::move(*text);
      all_written =
          all_written &&
          ((in_step_ && Recorded(copy.path, copy.bytes)) ||
           WritesAs(*old, copy.path, WriteOptionsFor(source_tag, target_tag, version), copy.bytes));
    }
    if (all_written) {
      // The copies are the catalog's writing: their bytes are not needed.
      for (CopyFile& file : copies_) {
        file.bytes_are_old = file.exists;
        std::string().swap(file.bytes);
      }
      return true;
    }
    std::vector<std::unique_ptr<Catalog>> copy_catalogs;
    std::vector<CatalogCopy> copies;
    for (const CopyFile& file : copies_) {
      if (!file.exists) continue;
      auto catalog = std::make_unique<Catalog>();
      if (!ReadCatalog(file.bytes, file.path, catalog.get(), sink_)) return false;
      if (CatalogFormatOf(file.path).syntax == CatalogSyntax::kPo &&
          !ValidateHeaderForTools(*catalog, file.bytes, file.path, sink_)) {
        return false;
      }
      catalog->Reindex();  // TakeCopyTranslations finds entries in it
      copies.push_back({file.path, catalog.get()});
      copy_catalogs.push_back(std::move(catalog));
    }
    if (copies.empty()) return true;
    *taken = std::make_unique<Catalog>(old ? *old : *copies.front().catalog);
    if (!TakeCopyTranslations(old ? path : copies.front().path, copies, taken->get(), sink_)) {
      return false;
    }
    *merged_from = taken->get();
    return true;
  }

  // Whether `path` holds `bytes` as the last run left it.
  bool Recorded(const std::string& path, std::string_view bytes) const {
    auto it = recorded_->find(path);
    return it != recorded_->end() && it->second == Hash64(bytes);
  }

  // How the catalog of (source, target) is written as XLIFF `version`.
  CatalogWriteOptions WriteOptionsFor(const std::string& source_tag, const std::string& target_tag,
                                      XliffVersion version) const {
    CatalogWriteOptions options;
    options.xliff.version = version;
    options.xliff.original = Relative(template_path_, config_.root);
    options.xliff.source_lang = source_tag;
    options.xliff.target_lang = target_tag;
    return options;
  }

  // The catalog of (source, target) updated from the template, and its
  // XLIFF copies for CAT tools, always in step with it.
  bool PlanCatalog(const std::string& source_tag, const std::string& target_tag,
                   const Catalog& templ, LanguageReport lang_report) {
    const std::string source = PrimaryLanguage(source_tag);
    const std::string target = PrimaryLanguage(target_tag);
    PlannedFile planned;
    planned.kind = PlannedFile::Kind::kCatalog;
    planned.path = config_.Expand(config_.catalog_pattern, target, source);
    planned.lang = target;
    planned.source = source;
    std::unique_ptr<Catalog> old;
    std::string old_text;
    if (!LoadCatalog(planned.path, &old, sink_, &old_text)) return false;
    // The last run left the catalog and its copies in step: when the
    // catalog is still as it left it, each copy that is too needs no
    // comparing (RecordedHashes).
    in_step_ = old && recorded_ && Recorded(planned.path, old_text);
    std::string().swap(old_text);
    std::unique_ptr<Catalog> taken;
    const Catalog* merged_from = nullptr;
    if (!StartingPoint(planned.path, old.get(), source_tag, target_tag, &taken, &merged_from)) {
      return false;
    }
    CatalogInfo target_info{config_.project_name, source, target_tag, now_};
    UpdateOptions update_options;
    update_options.fuzzy_matching = config_.fuzzy_matching;
    update_options.purge_obsolete = config_.purge_obsolete;
    for (const auto& c : compendia_) update_options.compendia.push_back(c.get());
    if (!merged_from && !GettextPluralForms(target_tag)) {
      // A new catalog: gettext knows no plural rule for the language, so
      // it gets the English one, to be checked (docs/catalog_update.md).
      sink_->Warning(planned.path, 0, 0,
                     FormatUi("gettext has no plural rule for '{}': the new catalog says "
                              "\"{}\"; correct its Plural-Forms if the language's plurals differ",
                              target_tag, kDefaultPluralForms));
    }
    UpdateStats stats;
    auto updated = std::make_shared<Catalog>(
        UpdateCatalog(templ, merged_from, target_info, update_options, &stats));
    lang_report.fuzzy = stats.fuzzy;
    lang_report.obsolete = stats.obsolete;
    if (old && SameIgnoringDates(*updated, *old)) {
      *updated = *old;
      planned.unchanged = true;
    }
    // A catalog that is an XLIFF file is of the first version listed.
    CatalogWriteOptions write_options = WriteOptionsFor(
        source_tag, target_tag,
        config_.xliff_versions.empty() ? XliffVersion::k12 : config_.xliff_versions[0]);
    if (!Format(*updated, write_options, &planned)) return false;
    lang_report.files.push_back(planned.path);
    for (size_t k = 0; k < config_.xliff_versions.size(); ++k) {
      XliffVersion version = config_.xliff_versions[k];
      PlannedFile copy;
      copy.kind = PlannedFile::Kind::kXliff;
      copy.path = XliffCopyPath(config_, version, target, source);
      copy.lang = target;
      copy.source = source;
      CopyFile& file = copies_[k];
      if (planned.unchanged && file.bytes_are_old) {
        // The catalog is `old`, and the copy its writing: nothing to write,
        // nothing to hold (PlannedFile: no content for an unchanged copy).
        copy.unchanged = true;
      } else if (!Format(*updated, WriteOptionsFor(source_tag, target_tag, version), &copy)) {
        return false;
      } else if (file.path == planned.path) {
        Result<std::string> existing = ReadFile(copy.path);
        copy.unchanged = existing.ok() && *existing == copy.content;
      } else {
        copy.unchanged = file.bytes_are_old ? FileHolds(copy.path, copy.content)
                                            : file.exists && file.bytes == copy.content;
      }
      lang_report.files.push_back(copy.path);
      Emit(std::move(copy));
    }
    copies_.clear();
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
    Emit(std::move(planned));
    report_->languages.push_back(std::move(lang_report));
    return true;
  }

  // `file` added to the plan; staged (and its content dropped) with
  // staged_, unless it is known to be there as planned: the taxonomy or an
  // XLIFF copy planned unchanged (whose content is not held).
  void Emit(PlannedFile file) {
    bool known = file.unchanged && (file.kind == PlannedFile::Kind::kTaxonomy ||
                                    file.kind == PlannedFile::Kind::kXliff);
    if (staged_ && !known) {
      staged_->Stage({file.path, std::move(file.content)});
      std::string().swap(file.content);
    }
    files_->push_back(std::move(file));
  }

  // file->content: the catalog in the format of file->path.
  bool Format(const Catalog& catalog, const CatalogWriteOptions& options, PlannedFile* file) {
    Result<std::string> content = WriteCatalog(catalog, file->path, options);
    if (!content.ok()) {
      sink_->Report(content.status());
      return false;
    }
    file->content = std::move(*content);
    return true;
  }

  const Config& config_;
  DiagnosticSink* sink_;
  RunReport* report_;
  std::vector<PlannedFile>* files_;
  const std::string now_;
  Taxonomy learned_;  // the taxonomy with the posts' categories added
  std::vector<std::shared_ptr<const Catalog>> compendia_;  // read only: shared by the parts
  std::string template_path_;                              // of the source language being planned
  // The XLIFF copies of the catalog being planned, as StartingPoint read
  // them, one per config_.xliff_versions.
  struct CopyFile {
    std::string path;
    bool exists = false;
    std::string bytes;           // as read; freed when bytes_are_old
    bool bytes_are_old = false;  // the copy is what the catalog as read writes
  };
  std::vector<CopyFile> copies_;
  // The files as the last run left them (run_record.h; null: unknown),
  // and whether the catalog being planned still is.
  const std::map<std::string, uint64_t>* recorded_ = nullptr;
  bool in_step_ = false;
  StagedWrites* staged_ = nullptr;
  // set_parts: null when every part is planned.
  const RunRecord* record_ = nullptr;
  const std::vector<uint64_t>* post_hashes_ = nullptr;
  std::vector<PlannedPart>* parts_ = nullptr;
};

// The parts of this run as the next run may replay them: a part that
// changed files and said something while planning is left out (the next
// run, over the files as it left them, would not say it again); all are
// when two parts share a file, or one has the taxonomy (a part held would
// not see what the other wrote). Sets *all_replay: whether every part
// planned is kept.
std::vector<RunRecord::Part> PartsToRecord(const Config& config, std::vector<PlannedPart> planned,
                                           const RunReport& report, bool* all_replay) {
  *all_replay = true;
  const std::set<std::string> changed(report.changed.begin(), report.changed.end());
  std::set<std::string> seen{config.Expand(config.taxonomy, "")};
  std::vector<RunRecord::Part> parts;
  for (PlannedPart& p : planned) {
    bool changed_files = false;
    for (const auto& file : p.part.files) {
      if (!seen.insert(file.first).second) {
        *all_replay = false;
        return {};
      }
      changed_files = changed_files || changed.count(file.first) > 0;
    }
    if (!p.held && changed_files && !p.part.diagnostics.empty()) {
      *all_replay = false;
      continue;
    }
    parts.push_back(std::move(p.part));
  }
  return parts;
}

}  // namespace

bool PlanExtract(const Config& config, const std::vector<Post>& posts, DiagnosticSink* sink,
                 RunReport* report, std::vector<PlannedFile>* files,
                 const std::map<std::string, uint64_t>* recorded) {
  ExtractPlanner planner(config, sink, report, files);
  planner.set_recorded(recorded);
  return planner.Plan(posts);
}

bool RunExtract(const Config& config, DiagnosticSink* sink, RunReport* report) {
  ProjectLock lock;
  if (!lock.Acquire(config, sink)) return false;
  // Nothing changed since a run that wrote nothing: it reported this. The
  // record is checked before any post is read (run_record.h).
  const size_t first = sink->diagnostics().size();
  RunRecord record(config, kExtractRecordName);
  if (record.Replay(report, sink)) return true;
  // The cache is saved only by a run that succeeds: nothing is written
  // when an input is bad.
  PostCache cache;
  cache.Open(SegmentCachePath(config), config.segment);
  record.StatPosts();
  std::vector<Post> posts;
  if (!LoadPosts(config, &posts, sink, &cache)) return false;
  const std::vector<uint64_t> post_hashes = record.HashPosts(posts);
  const size_t planning = sink->diagnostics().size();
  // Extract works from the units: the posts' bytes go (a large site's
  // bytes are a good part of the run's memory).
  for (Post& post : posts) std::string().swap(post.html);
  std::vector<PlannedFile> files;
  const std::map<std::string, uint64_t> recorded = record.RecordedHashes();
  // Each file is staged as soon as it is planned (a temporary file beside
  // it), so that the contents of all are not held at once; a plan that
  // fails removes them again. The taxonomy and an XLIFF copy planned
  // unchanged are not written (ExtractPlanner::Emit).
  StagedWrites staged;
  // A source language whose inputs and files are as the last run left them
  // is not planned again (ExtractPlanner::set_parts).
  std::vector<PlannedPart> parts;
  ExtractPlanner planner(config, sink, report, &files);
  planner.set_recorded(&recorded);
  planner.set_staged(&staged);
  planner.set_parts(&record, &post_hashes, &parts);
  if (!planner.Plan(posts)) return false;
  std::vector<std::string> read;  // every file the plan read or made
  for (const std::string& c : config.compendia) read.push_back(config.Expand(c, ""));
  for (const PlannedFile& f : files) read.push_back(f.path);
  if (!staged.Commit(sink, report)) return false;
  // What the run said (the posts' warnings, then planning's), before the
  // cache's own notes.
  std::vector<Diagnostic> said(sink->diagnostics().begin() + first, sink->diagnostics().end());
  cache.Save(sink);
  // Recorded as the next run on the same inputs would report it: the files
  // are now as planned, so it changes none and finds no new fuzzy match.
  // A run that changed files and said something while planning (a copy's
  // translation taken in, a new catalog's plural rule) is not replayed
  // whole: the next run would not say it again. Nor is a part that did
  // (PartsToRecord); the others are, and what the parts said is theirs.
  bool all_parts = true;
  std::vector<RunRecord::Part> kept = PartsToRecord(config, std::move(parts), *report, &all_parts);
  size_t said_by_parts = 0;
  for (const RunRecord::Part& part : kept) said_by_parts += part.diagnostics.size();
  const bool replayable =
      report->changed.empty() || (all_parts && said.size() - (planning - first) == said_by_parts);
  RunReport replayed = *report;
  replayed.changed.clear();
  for (LanguageReport& l : replayed.languages) l.fuzzy = 0;
  record.Record(read, replayed, said, sink, kept, replayable);
  if (!config.free_memory) {
    Bury(std::move(posts));
    Bury(std::move(files));
  }
  return true;
}

}  // namespace l10n
