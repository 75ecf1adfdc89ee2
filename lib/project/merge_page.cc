#include "project/merge_page.h"

#include <sys/stat.h>

#include <functional>

#include "base/file_io.h"
#include "base/hash.h"
#include "base/input_limits.h"
#include "base/ui_text.h"
#include "project/extract.h"

namespace l10n {

namespace {

// What a page's catalog lookups find now: a usable translation (neither
// fuzzy nor empty, as UseCatalog takes it) or none, for every translatable
// unit of the post (those its merge looks up, or more), then for `lookups`,
// the others it made. Where a translation is found (its line) is left out:
// it is only ever said in an error, and a page with an error is not
// recorded. False when a lookup names no unit of the post.
bool FoundKey(const std::vector<MergeLookup>& lookups, const Segmentation& segmentation,
              const Catalog* catalog, uint64_t* key) {
  Hasher h;
  auto add = [&h, catalog](const std::optional<std::string>& context, std::string_view msgid) {
    const Message* m = catalog ? catalog->Find(context, msgid) : nullptr;
    if (m && !m->fuzzy() && !m->msgstr.empty() && !m->msgstr[0].empty()) {
      h.Add(1).Add(m->msgstr[0]);
    } else {
      h.Add(uint64_t{0});
    }
  };
  const std::vector<Unit>& units = segmentation.units;
  for (const Unit& unit : units) {
    if (unit.translatable) add(unit.context, unit.text);
  }
  for (const MergeLookup& l : lookups) {
    if (l.unit < 0) {
      add(l.context, l.msgid);
    } else if (static_cast<uint64_t>(l.unit) < units.size()) {
      add(units[l.unit].context, units[l.unit].text);
    } else {
      return false;
    }
  }
  *key = h.value();
  return true;
}

}  // namespace

uint64_t MergeSettingsKey(const Config& config) {
  Hasher h(ToolBuildKey());
  auto strings = [&h](const std::vector<std::string>& v) {
    h.Add(v.size());
    for (const std::string& s : v) h.Add(s);
  };
  auto map = [&h](const std::map<std::string, std::string>& m) {
    h.Add(m.size());
    for (const auto& [k, v] : m) h.Add(k).Add(v);
  };
  h.Add(config.root);
  strings(config.languages);
  h.Add(config.taxonomy).Add(config.catalog_pattern);
  h.Add(config.output_pattern).Add(config.markdown_output_pattern);
  h.Add(config.segment.shortcodes ? 1 : 0);
  strings(config.segment.shortcode_names);
  strings(config.segment.prose_pre_classes);
  strings(config.segment.front_matter_keys);
  h.Add(static_cast<uint64_t>(config.keep)).Add(static_cast<uint64_t>(config.date_style));
  map(config.category_patterns);
  const SiteSettings& site = config.site;
  h.Add(site.base_url);
  map(site.post_url);
  map(site.category_url);
  h.Add(site.pages.size());
  for (const auto& page : site.pages) map(page);
  h.Add(site.x_default);
  map(site.og_locale);
  h.Add(config.site_urls);
  // The warnings a record keeps are in the language the tools speak now.
  h.Add(FormatUi("untranslated into '{}', source text kept: \"{}\"", "", ""));
  h.Add(FormatUi("the tag '{}' has no name in '{}': kept as written", "", ""));
  h.Add(FormatUi("the category '{}' has no name in '{}': kept as written", "", ""));
  h.Add(FormatUi("only {}% translated into '{}' (keep is {}%): {} not written", 0, "", 0, ""));
  // The taxonomy's names are shown on the pages.
  std::string taxonomy = config.Expand(config.taxonomy, "");
  if (FileExists(taxonomy)) {
    Result<std::string> text = ReadFile(taxonomy, kSettingsCap);
    h.Add(text.ok() ? *text : std::string());
  }
  return h.value();
}

MergeOptions PageOptions(const Config& config, const Taxonomy& taxonomy, const std::string& target,
                         const std::string& target_tag, const std::string& source) {
  MergeOptions options;
  options.segment = config.segment;
  options.source_lang = source;
  options.target_lang = target_tag;
  options.date_style = config.date_style;
  if (auto it = config.category_patterns.find(target); it != config.category_patterns.end()) {
    options.category_pattern = it->second;
  }
  options.taxonomy = &taxonomy;
  return options;
}

MergeResult FirstMerge(const Config& config, const Taxonomy& taxonomy, const PageTask& task,
                       DiagnosticSink* sink, std::vector<MergeLookup>* lookups,
                       std::vector<TextEdit> edits) {
  const Post& post = *task.post;
  MergeOptions options = PageOptions(config, taxonomy, task.target, task.target_tag, post.lang);
  const CatalogText* text = task.catalog_text;
  UseCatalog(
      task.catalog, *task.catalog_path, [text] { return text ? text->Get() : std::string_view(); },
      &options);
  options.edits = std::move(edits);
  if (lookups) {
    const std::vector<Unit>& units = task.text->segmentation().units;
    // A translatable unit of the post is in FoundKey already.
    options.translate = [lookups, &units,
                         translate = std::move(options.translate)](const Unit& unit) {
      std::less<const Unit*> before;
      if (units.empty() || before(&unit, units.data()) ||
          !before(&unit, units.data() + units.size()) || !unit.translatable) {
        lookups->push_back({-1, unit.context, unit.text});
      }
      return translate(unit);
    };
    options.translate_category =
        [lookups, translate = std::move(options.translate_category)](std::string_view name) {
          lookups->push_back({-1, std::string(kCategoryContext), std::string(name)});
          return translate(name);
        };
  }
  return MergePost(task.text->html(), post.path, task.text->segmentation(), options, sink);
}

std::string CopyPage(const Config& config, const Taxonomy& taxonomy, const PageTask& task,
                     std::vector<TextEdit> edits) {
  const Post& post = *task.post;
  if (edits.empty()) return task.text->html();
  // The post in its own language: nothing translated, only its <head>.
  MergeOptions options = PageOptions(config, taxonomy, task.target, task.target_tag, post.lang);
  options.target_lang = post.lang;
  static const std::string kNone;  // UseCatalog keeps references
  UseCatalog(nullptr, kNone, kNone, &options);
  options.edits = std::move(edits);
  DiagnosticSink again;  // a post has nothing to say of itself as it is
  return MergePost(task.text->html(), post.path, task.text->segmentation(), options, &again).html;
}

void MakePage(const Config& config, const Taxonomy& taxonomy, uint64_t settings,
              const PageTask& task, const MergeCache* cache, PageResult* r,
              const std::function<std::vector<TextEdit>()>& site_edits) {
  const Post& post = *task.post;
  uint64_t key = Hasher(settings)
                     .Add(post.path)
                     .Add(post.encoded.empty() ? Hash64(post.html) : post.hash)
                     .Add(post.lang)
                     .Add(post.slug)
                     .Add(task.target_tag)
                     .Add(task.path)
                     .Add(*task.catalog_path)
                     .Add(task.copy ? 1 : 0)
                     .value();
  const MergeRecord* old = cache ? cache->Find(task.path) : nullptr;
  uint64_t found = 0;
  if (old && old->key == key &&
      FoundKey(old->lookups, task.text->segmentation(), task.catalog, &found) &&
      found == old->found) {
    r->hit = r->recorded = true;
    r->record = *old;
    for (const Diagnostic& d : old->diagnostics) r->sink.Report(d);
    r->below_keep = old->outcome == MergeRecord::Outcome::kBelowKeep;
    return;
  }
  if (!task.text->Read(&r->sink)) {
    r->unsafe = true;
    return;
  }
  MergeRecord& record = r->record;
  record.key = key;
  std::vector<TextEdit> edits;
  if (site_edits) {
    edits = site_edits();
    r->with_site = true;
  }
  if (task.copy) {
    r->content = CopyPage(config, taxonomy, task, std::move(edits));
    r->has_content = true;
  } else {
    MergeResult merged =
        FirstMerge(config, taxonomy, task, &r->sink, &record.lookups, std::move(edits));
    record.units = merged.units;
    record.translated = merged.translated;
    record.words = merged.words;
    record.translated_words = merged.translated_words;
    for (const Unit* unit : merged.untranslated) {
      std::string shown = unit->text.size() > 60 ? unit->text.substr(0, 57) + "..." : unit->text;
      r->sink.Warning(
          post.path, unit->line, unit->column,
          FormatUi("untranslated into '{}', source text kept: \"{}\"", task.target, shown));
    }
    for (const Segmentation::Metadata::Term* term : merged.untranslated_terms) {
      r->sink.Warning(post.path, term->line, term->column,
                      term->kind == Segmentation::Metadata::Term::Kind::kTag
                          ? FormatUi("the tag '{}' has no name in '{}': kept as written",
                                     term->name, task.target)
                          : FormatUi("the category '{}' has no name in '{}': kept as written",
                                     term->name, task.target));
    }
    if (merged.unsafe) {
      r->unsafe = true;
      return;
    }
    int percent = merged.units == 0 ? 100 : merged.translated * 100 / merged.units;
    if (percent < config.keep) {
      r->sink.Warning(post.path, 0, 0,
                      FormatUi("only {}% translated into '{}' (keep is {}%): {} not written",
                               percent, task.target, config.keep, task.path));
      r->below_keep = true;
    } else {
      r->content = std::move(merged.html);
      r->has_content = true;
    }
  }
  record.outcome =
      r->below_keep ? MergeRecord::Outcome::kBelowKeep : MergeRecord::Outcome::kWritten;
  record.diagnostics = r->sink.diagnostics();
  r->recorded = !r->sink.has_errors() &&
                FoundKey(record.lookups, task.text->segmentation(), task.catalog, &record.found);
}

CatalogText::CatalogText(std::string path, std::string_view text)
    : path_(std::move(path)), hash_(Hash64(text)), size_(text.size()) {}

std::string_view CatalogText::Get() const {
  std::call_once(read_, [this] {
    Result<std::string> text = ReadFile(path_, kCatalogCap);
    if (text.ok() && text->size() == size_ && Hash64(*text) == hash_) text_ = std::move(*text);
  });
  return text_;
}

const Segmentation& PostText::segmentation() {
  if (!segmentation_) segmentation_ = &DecodedSegmentation(post_, &decoded_);
  return *segmentation_;
}

bool PostText::Read(DiagnosticSink* sink) {
  if (!post_.dropped || read_) return true;
  Result<std::string> html = ReadFile(post_.file, kPostCap);
  if (!html.ok()) {
    sink->Report(html.status());
    return false;
  }
  if (html->size() != post_.size || Hash64(*html) != post_.hash) {
    sink->Error(post_.path, 0, 0, _("the post changed while l10n-merge was reading it: run again"));
    return false;
  }
  html_ = std::move(*html);
  read_ = true;
  return true;
}

const std::string& PostText::html() const { return post_.dropped ? html_ : post_.html; }

OutputStat StatPage(const std::string& path) {
  OutputStat out;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return out;
  out.exists = true;
  out.regular = S_ISREG(st.st_mode);
  if (!out.regular) return out;
  out.size = static_cast<uint64_t>(st.st_size);
  out.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return out;
}

bool UpToDate(const PageTask& task, const MergeCache* cache, const PageResult& r, uint64_t site) {
  if (!r.hit || !cache) return false;
  const MergeRecord* old = cache->Find(task.path);
  if (!old || old->outcome != MergeRecord::Outcome::kWritten || old->site != site) return false;
  const OutputStat output = task.output ? *task.output : StatPage(task.path);
  return output.regular && output.size == old->size && output.mtime_ns == old->mtime_ns;
}

void EnsureContent(const Config& config, const Taxonomy& taxonomy, const PageTask& task,
                   PageResult* r) {
  if (r->has_content) return;
  if (!task.text->Read(&r->sink)) {
    r->unsafe = true;
    return;
  }
  if (task.copy) {
    r->content = task.text->html();
  } else {
    DiagnosticSink again;
    r->content = FirstMerge(config, taxonomy, task, &again, nullptr).html;
  }
  r->has_content = true;
}

}  // namespace l10n
