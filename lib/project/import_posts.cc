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
#include "base/parallel.h"
#include "base/progress.h"
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
  bool read = false;      // LoadCatalog ran, its diagnostics in `diagnostics`
  bool ok = false;        // it read a catalog
  bool reported = false;  // `diagnostics` passed on, at the first post using it
  DiagnosticSink diagnostics;
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

// Reads the catalog at `path` once; its errors wait for the first post
// that needs it.
void ReadTarget(const std::string& path, TargetCatalog* target) {
  if (target->read) return;
  target->read = true;
  if (!LoadCatalog(path, &target->catalog, &target->diagnostics)) return;
  if (!target->catalog) {
    target->diagnostics.Error(path, 0, 0, _("no catalog to import into: run l10n-extract first"));
    return;
  }
  target->catalog->Reindex();
  target->lexicon = LexiconOf(*target->catalog);
  target->ok = true;
}

// One post and one of its target languages: found sequentially, read,
// segmented and aligned on any core, written into the catalog in order.
struct Task {
  const Post* post = nullptr;
  std::string lang;
  std::string file;  // the translated post; "" when none
  TargetCatalog* target = nullptr;
  std::string catalog_path;
  PostImport result;
  DiagnosticSink sink;  // finding, reading and segmenting the translation
  enum class State { kNone, kFailed, kSkipped, kAligned } state = State::kNone;
  std::vector<AlignedPair> pairs;
  std::vector<std::pair<int, int>> positions;  // line, column of each translated unit
};

// Reads, checks, segments and aligns the task's translation. Touches only
// the task and what it reads (the post, the catalog's lexicon).
void Align(const Config& config, Task* task) {
  const std::string& file = task->file;
  Result<std::string> text = ReadFile(file, kPostCap);
  if (!text.ok()) {
    task->sink.Report(text.status());
    task->state = Task::State::kFailed;
    return;
  }
  const PostFormat& format = PostFormatFor(file);
  if (std::optional<InputProblem> problem = format.CheckInput(*text)) {
    int line = 0, column = 0;
    LineColumn(*text, problem->offset, &line, &column);
    task->sink.Error(task->result.translation, line, column, problem->message);
    task->state = Task::State::kFailed;
    return;
  }
  Segmentation translated = format.Segment(*text, file, config.segment, &task->sink);
  // A page that says it is in another language is no translation into
  // `lang` (the post itself, copied with the published pages).
  if (std::string page_lang = PrimaryLanguage(translated.lang);
      !page_lang.empty() && page_lang != task->lang) {
    task->sink.Warning(
        task->result.translation, 0, 0,
        FormatUi("not imported: the page is in '{}', not '{}'", page_lang, task->lang));
    task->state = Task::State::kSkipped;
    return;
  }
  if (!task->target->ok) {
    task->state = Task::State::kAligned;  // the catalog's errors are reported in order
    return;
  }
  AlignSide source{&task->post->segmentation.units, task->post->html};
  AlignSide translation{&translated.units, *text};
  AlignOptions align;
  align.lexicon = &task->target->lexicon;
  task->pairs = AlignUnits(source, translation, align);
  for (const Unit& u : translated.units) task->positions.emplace_back(u.line, u.column);
  task->state = Task::State::kAligned;
}

// Writes the task's pairs into its catalog: an empty entry takes the
// translation, a translated one is kept or reported as a conflict.
void Apply(const ImportOptions& options, Task* task, DiagnosticSink* sink) {
  PostImport& result = task->result;
  Catalog& catalog = *task->target->catalog;
  double confidence_sum = 0;
  int paired = 0;
  for (const AlignedPair& p : task->pairs) {
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
    const Unit& unit = task->post->segmentation.units[p.source_begin];
    if (!unit.translatable || p.text.empty()) continue;
    Message* m = catalog.Find(unit.context, unit.text);
    if (m == nullptr || m->msgid_plural || m->obsolete) continue;
    if (!m->msgstr[0].empty()) {
      if (m->msgstr[0] == p.text) {
        ++result.kept;
      } else {
        ++result.conflicts;
        auto [line, column] = task->positions[p.translation_begin];
        sink->Warning(result.translation, line, column,
                      FormatUi("not imported: {} already translates \"{}\" otherwise",
                               task->catalog_path, unit.text));
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
    task->target->changed = true;
  }
  result.mean_confidence = paired == 0 ? 0 : confidence_sum / paired;
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
  // Each post's translations found, and the catalogs they go into read,
  // in order; then read, segmented and aligned on every core; then written
  // into the catalogs in order, with the diagnostics as one thread gives
  // them.
  std::map<std::string, TargetCatalog> catalogs;  // by path
  std::vector<Task> tasks;
  for (const Post& post : posts) {
    for (const std::string& l : config.languages) {
      std::string lang = PrimaryLanguage(l);
      if (lang == post.lang) continue;
      Task& task = tasks.emplace_back();
      task.post = &post;
      task.lang = lang;
      task.result.post = post.path;
      task.result.lang = lang;
      task.file = pairing.Find(post, lang, &task.sink);
      if (task.file.empty()) continue;
      task.result.translation = pairing.ProjectPath(task.file);
      task.catalog_path = config.Expand(config.catalog_pattern, lang, post.lang);
      task.target = &catalogs[task.catalog_path];
      ReadTarget(task.catalog_path, task.target);
    }
  }
  ProgressCounter progress(config.progress, ProgressStage::kPostsAligned, tasks.size());
  ParallelFor(tasks.size(), [&](size_t i) {
    if (!tasks[i].file.empty()) Align(config, &tasks[i]);
    progress.Done();
  });
  bool ok = true;
  for (Task& task : tasks) {
    for (const Diagnostic& d : task.sink.diagnostics()) sink->Report(d);
    switch (task.state) {
      case Task::State::kNone:
        report->posts.push_back(task.result);
        continue;
      case Task::State::kFailed:
        ok = false;
        continue;
      case Task::State::kSkipped:
        task.result.translation.clear();
        report->posts.push_back(task.result);
        continue;
      case Task::State::kAligned:
        break;
    }
    TargetCatalog& target = *task.target;
    if (!target.reported) {
      target.reported = true;
      for (const Diagnostic& d : target.diagnostics.diagnostics()) sink->Report(d);
    }
    if (!target.ok) {
      ok = false;
      continue;
    }
    Apply(options, &task, sink);
    report->posts.push_back(task.result);
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
