// l10n-merge's run (project.h): every catalog read, then every post merged
// into every language, then the pages written all or nothing.
#include <sys/stat.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "base/bury.h"
#include "base/file_io.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "base/parallel.h"
#include "base/progress.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "catalog/taxonomy.h"
#include "check/locator.h"
#include "project/extract.h"
#include "project/merge_cache.h"
#include "project/merge_page.h"
#include "project/post_cache.h"
#include "project/project.h"
#include "project/project_io.h"
#include "project/run_record.h"
#include "render/site_head.h"
#include "render/site_links.h"

namespace l10n {

void UseCatalog(const Catalog* catalog, const std::string& path, const std::string& text,
                MergeOptions* options) {
  UseCatalog(
      catalog, path, [&text] { return std::string_view(text); }, options);
}

void UseCatalog(const Catalog* catalog, const std::string& path,
                std::function<std::string_view()> text, MergeOptions* options) {
  // Held for as long as the options are; each translation's `locate`
  // points to it (two pointers: no allocation of its own).
  auto text_of = std::make_shared<const std::function<std::string_view()>>(std::move(text));
  // One rule for every translated string, whatever its kind: a unit's text
  // and a category name alike are neither fuzzy nor empty, and are located
  // in the file (PO) or at their entry (XLIFF).
  auto find = [catalog, &path, text_of](const std::optional<std::string>& context,
                                        std::string_view msgid) -> std::optional<Translation> {
    if (!catalog) return std::nullopt;
    const Message* m = catalog->Find(context, msgid);
    if (!m || m->fuzzy() || m->msgstr.empty() || m->msgstr[0].empty()) return std::nullopt;
    std::function<std::pair<int, int>(size_t)> locate;
    if (CatalogFormatOf(path).syntax == CatalogSyntax::kPo) {
      locate = [m, text = text_of.get()](size_t offset) {
        return LocateInTranslation((*text)(), *m, offset);
      };
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
    if (!real_error_ && !Resolves(out_path, &resolved)) {
      sink->Error(post.path, 0, 0,
                  FormatUi("'{}' leads to '{}', outside the output folder '{}'", out_path, resolved,
                           folder_.string()));
      return false;
    }
    return true;
  }

 private:
  // ResolvesInside(), each folder resolved once: a page that is no symbolic
  // link is where its folder leads.
  bool Resolves(const std::string& out_path, std::string* resolved) const {
    std::filesystem::path path(out_path);
    std::filesystem::path name = path.filename();
    struct stat st;
    if (name.empty() || name == "." || name == ".." ||
        (::lstat(out_path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))) {
      return ResolvesInside(out_path, real_folder_, resolved);
    }
    auto [it, added] = real_parents_.try_emplace(path.parent_path().string());
    if (added) {
      std::error_code ec;
      it->second =
          std::filesystem::weakly_canonical(std::filesystem::absolute(path.parent_path(), ec), ec);
      if (ec) it->second.clear();
    }
    if (it->second.empty()) return ResolvesInside(out_path, real_folder_, resolved);
    std::filesystem::path real = it->second / name;
    *resolved = real.string();
    std::filesystem::path rel = real.lexically_relative(real_folder_);
    return !rel.empty() && *rel.begin() != "..";
  }

  std::filesystem::path folder_;
  std::filesystem::path real_folder_;  // with symbolic links resolved
  mutable std::map<std::string, std::filesystem::path> real_parents_;
  std::error_code real_error_;
};

// A post's slug in each language with [site] settings: its own in its
// language, the catalog's translation (msgctxt "slug") in another when that
// is a URL slug; the source slug otherwise, with a warning for a
// translation that is none.
std::string SlugIn(const Post& post, const std::string& target, const Catalog* catalog,
                   const std::string& catalog_path, DiagnosticSink* sink) {
  if (target == post.lang || !catalog) return post.slug;
  const Message* m = catalog->Find(std::string(kSlugContext), post.slug);
  if (!m || m->fuzzy() || m->msgstr.empty() || m->msgstr[0].empty()) return post.slug;
  const std::string& slug = m->msgstr[0];
  if (!IsUrlSlug(slug)) {
    sink->Warning(catalog_path, m->line, 0,
                  FormatUi("the slug '{}' of {} in '{}' is not lowercase ASCII letters, digits and "
                           "hyphens: its page is published as '{}'",
                           slug, post.path, target, post.slug));
    return post.slug;
  }
  return slug;
}

// The record of what was published (docs/site.md): one line per published
// page, "POST<TAB>LANG<TAB>URL-PATH", sorted.
std::string UrlRecord(const SiteMap& site, const std::vector<Post>& posts,
                      const std::vector<std::string>& langs) {
  std::vector<std::string> lines;
  for (const Post& post : posts) {
    for (const std::string& lang : langs) {
      if (!site.Published(post.path, lang)) continue;
      std::string path = site.PostPath(post.path, lang);
      if (path.empty()) continue;
      lines.push_back(post.path + '\t' + lang + '\t' + path + '\n');
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& line : lines) out += line;
  return out;
}

// The site: every post's URL in every language, which are published, the
// categories' pages, into *site when given; returns a hash of all of it
// (two sites with one hash are the same).
uint64_t BuildSite(
    const std::vector<Post>& posts, const std::vector<std::string>& langs, const Taxonomy& taxonomy,
    const std::function<const std::string&(const Post&, const std::string&)>& slug_of,
    const std::set<std::pair<const Post*, std::string>>& published, SiteMap* site) {
  Hasher key(1);
  for (const Post& post : posts) {
    for (const std::string& lang : langs) {
      bool is_published = published.count({&post, lang}) > 0;
      if (site) site->AddPost(post.path, lang, slug_of(post, lang), is_published);
      key.Add(post.path).Add(lang).Add(slug_of(post, lang)).Add(is_published ? 1 : 0);
    }
  }
  for (const Category& category : taxonomy.categories()) {
    for (const std::string& lang : langs) {
      if (category.Name(lang).empty()) continue;
      if (site) site->AddCategory(category.slug, lang, category.Slug(lang));
      key.Add(category.slug).Add(lang).Add(category.Slug(lang));
    }
  }
  return key.value();
}

// The page's links in its language and its <head> metadata, on `site`
// (only the <head> for the post in its own language).
std::vector<TextEdit> PageSiteEdits(const Config& config, const SiteMap& site,
                                    const PageTask& task) {
  const Post& post = *task.post;
  SitePage from, to;
  from.site = to.site = &site;
  from.post = to.post = post.path;
  from.lang = post.lang;
  from.path = site.PostPath(post.path, post.lang);
  to.lang = task.target;
  to.path = site.PostPath(post.path, task.target);
  from.source_lang = to.source_lang = post.lang;
  if (&OutputPatternFor(config, post.path) == &config.markdown_output_pattern) {
    // Hugo pairs a page with its post by their paths below the content
    // folder, both relative to the project's root (docs/site_head.md).
    to.file = std::filesystem::path(task.path)
                  .lexically_normal()
                  .lexically_relative(std::filesystem::path(config.root).lexically_normal())
                  .generic_string();
  }
  std::vector<TextEdit> edits;
  if (!task.copy) edits = SiteLinkEdits(task.text->html(), task.text->segmentation(), from, to);
  std::vector<TextEdit> head = SiteHeadEdits(task.text->html(), task.text->segmentation(), to);
  edits.insert(edits.end(), head.begin(), head.end());
  return edits;
}

// Lets go of what no page reads of a catalog's entries (comments,
// references, previous msgids): a merge reads an entry's msgctxt, msgid,
// msgid_plural, msgstr, flags and line only, and holds the catalogs for the
// whole run.
void KeepWhatMergeReads(Catalog* catalog) {
  for (Message& m : catalog->messages) {
    std::vector<std::string>().swap(m.translator_comments);
    std::vector<std::string>().swap(m.extracted_comments);
    std::vector<std::string>().swap(m.references);
    m.prev_msgctxt.reset();
    m.prev_msgid.reset();
    m.prev_msgid_plural.reset();
  }
}

// The pages made at once (and held in memory) before they are staged; the
// posts whose pages are made at once.
constexpr size_t kBatch = 256;
constexpr size_t kPostBatch = 128;

}  // namespace

bool PlanMerge(const Config& config, const std::vector<Post>& posts, DiagnosticSink* sink,
               RunReport* report, MergePlan* plan, MergeCache* cache, const PageStage& stage) {
  Taxonomy taxonomy;
  if (!LoadTaxonomy(config, &taxonomy, sink)) return false;

  // Every catalog is read (and must be valid) before anything is written.
  struct Loaded {
    std::unique_ptr<Catalog> catalog;  // null without a file
    std::string path;
    std::unique_ptr<CatalogText> text;  // with a file
  };
  std::map<std::pair<std::string, std::string>, Loaded> catalogs;  // (source, target) ->
  for (const std::string& s : config.languages) {
    for (const std::string& t : config.languages) {
      std::string source = PrimaryLanguage(s), target = PrimaryLanguage(t);
      if (source == target) continue;
      Loaded& loaded = catalogs[{source, target}];
      loaded.path = config.Expand(config.catalog_pattern, target, source);
      std::string text;
      if (!LoadCatalog(loaded.path, &loaded.catalog, sink, &text)) return false;
      if (!loaded.catalog) continue;
      loaded.text = std::make_unique<CatalogText>(loaded.path, text);
      KeepWhatMergeReads(loaded.catalog.get());
      loaded.catalog->Reindex();  // for UseCatalog's lookups
    }
  }

  // With [site] settings each page has the post's slug in its language,
  // in its URL and in its output path.
  const bool site_enabled = config.site.enabled();
  std::vector<std::string> langs;
  for (const std::string& l : config.languages) langs.push_back(PrimaryLanguage(l));
  std::map<std::pair<const Post*, std::string>, std::string> slugs;  // (post, lang) -> slug
  if (site_enabled) {
    for (const Post& post : posts) {
      for (const std::string& lang : langs) {
        const Catalog* catalog = nullptr;
        std::string catalog_path;
        if (lang != post.lang) {
          const Loaded& loaded = catalogs[{post.lang, lang}];
          catalog = loaded.catalog.get();
          catalog_path = loaded.path;
        }
        slugs[{&post, lang}] = SlugIn(post, lang, catalog, catalog_path, sink);
      }
    }
  }
  auto slug_of = [&](const Post& post, const std::string& lang) -> const std::string& {
    auto it = slugs.find({&post, lang});
    return it == slugs.end() ? post.slug : it->second;
  };

  // The pages to make, language by language; an output outside its folder
  // stops the list there (the pages before it are still merged, for their
  // diagnostics, as one at a time would).
  const OutputFolder html_folder(config, config.output_pattern);
  const OutputFolder markdown_folder(config, config.markdown_output_pattern);
  static const std::string kNone;  // UseCatalog keeps a reference
  std::vector<PageTask> tasks;
  std::vector<std::pair<size_t, size_t>> ranges;  // per language reached: its tasks
  DiagnosticSink stop;                            // why the list stopped
  // (post, lang) whose page is published: written now, or there already.
  std::set<std::pair<const Post*, std::string>> published;
  for (const std::string& target_tag : config.languages) {
    if (!stop.diagnostics().empty()) break;
    std::string target = PrimaryLanguage(target_tag);
    ranges.push_back({tasks.size(), tasks.size()});
    for (const Post& post : posts) {
      const std::string& pattern = OutputPatternFor(config, post.path);
      if (post.lang == target && OutputsBesidePosts(pattern)) {  // the post is its page
        published.insert({&post, target});
        continue;
      }
      std::string out_path =
          OutputPath(config, pattern, post.name, slug_of(post, target), post.lang, target);
      std::optional<OutputStat> output;  // one stat() for this and UpToDate
      if (site_enabled) output = StatPage(out_path);
      if (output && output->exists) published.insert({&post, target});
      const OutputFolder& output_folder =
          &pattern == &config.output_pattern ? html_folder : markdown_folder;
      if (!output_folder.Holds(post, out_path, &stop)) break;
      PageTask task;
      task.post = &post;
      task.target_tag = target_tag;
      task.target = target;
      task.path = std::move(out_path);
      task.copy = post.lang == target;
      task.output = output;
      task.catalog_path = &kNone;
      if (!task.copy) {
        const Loaded& loaded = catalogs[{post.lang, target}];
        task.catalog = loaded.catalog.get();
        task.catalog_path = &loaded.path;
        task.catalog_text = loaded.text.get();
      }
      tasks.push_back(std::move(task));
      ranges.back().second = tasks.size();
    }
  }

  // With [site] settings, the site as it will be when every page to make
  // is published (as most are): each page is merged once, with its links
  // and <head> on that site, and merged again below only if the site turns
  // out otherwise.
  std::unique_ptr<SiteMap> expected_site;
  uint64_t expected_state = 0;
  if (site_enabled) {
    std::set<std::pair<const Post*, std::string>> all = published;
    for (const PageTask& task : tasks) all.insert({task.post, task.target});
    expected_site = std::make_unique<SiteMap>(SiteSettingsOf(config));
    expected_state = BuildSite(posts, langs, taxonomy, slug_of, all, expected_site.get());
  }

  // Every page merged on every core, each into its own slot; then taken in
  // order, so that what is written and said is what one core gives. Post by
  // post, every page of a post at once (its bytes read and its segmentation
  // decoded once for all), in batches: with `stage`, each batch's pages go
  // to their files (each language's part) before the next is made, so that
  // few pages are in memory at once.
  const uint64_t settings = cache ? MergeSettingsKey(config) : 0;
  std::vector<PageResult> results(tasks.size());
  std::vector<std::vector<size_t>> tasks_of(posts.size());  // post -> its tasks
  for (size_t i = 0; i < tasks.size(); ++i) {
    tasks_of[static_cast<size_t>(tasks[i].post - posts.data())].push_back(i);
  }
  std::vector<size_t> staged_up_to(ranges.size());  // per language: its tasks staged
  for (size_t l = 0; l < ranges.size(); ++l) staged_up_to[l] = ranges[l].first;
  ProgressCounter progress(config.progress, ProgressStage::kPagesMerged, tasks.size());
  for (size_t begin = 0; begin < posts.size(); begin += kPostBatch) {
    const size_t end = std::min(posts.size(), begin + kPostBatch);
    ParallelFor(end - begin, [&](size_t k) {
      if (tasks_of[begin + k].empty()) return;
      PostText text(posts[begin + k]);  // while its pages are made
      for (size_t i : tasks_of[begin + k]) {
        PageTask& task = tasks[i];
        PageResult& r = results[i];
        task.text = &text;
        std::function<std::vector<TextEdit>()> site_edits;
        if (site_enabled) {
          site_edits = [&] { return PageSiteEdits(config, *expected_site, task); };
        }
        MakePage(config, taxonomy, settings, task, cache, &r, site_edits);
        if (r.unsafe || r.below_keep) {
          std::string().swap(r.content);  // its memory too
          r.has_content = false;
        } else if (!site_enabled && UpToDate(task, cache, r, 0)) {
          r.unchanged = true;
        } else if (!site_enabled) {
          EnsureContent(config, taxonomy, task, &r);
        }
        task.text = nullptr;
        progress.Done();
      }
    });
    if (!stage) continue;
    // Each language's tasks are in the posts' order.
    for (size_t l = 0; l < ranges.size(); ++l) {
      size_t& i = staged_up_to[l];
      for (; i < ranges[l].second && static_cast<size_t>(tasks[i].post - posts.data()) < end; ++i) {
        PageResult& r = results[i];
        if (!r.has_content || r.unchanged) continue;
        stage(l, tasks[i].path, std::move(r.content));
        std::string().swap(r.content);  // its memory too
        r.staged = true;
      }
    }
  }

  std::vector<PlannedPage>& writes = plan->pages;
  std::vector<size_t> task_of;  // of each page in writes
  bool ok = true;
  for (size_t l = 0; l < ranges.size(); ++l) {
    LanguageReport lang_report;
    lang_report.lang = PrimaryLanguage(config.languages[l]);
    for (size_t i = ranges[l].first; i < ranges[l].second; ++i) {
      const PageTask& task = tasks[i];
      PageResult& r = results[i];
      for (const Diagnostic& d : r.sink.diagnostics()) sink->Report(d);
      if (!task.copy) {
        lang_report.units += r.record.units;
        lang_report.translated += r.record.translated;
        lang_report.words += r.record.words;
        lang_report.translated_words += r.record.translated_words;
      }
      if (r.unsafe) {
        ok = false;
        report->skipped.push_back(task.path);
        continue;
      }
      if (r.below_keep) {
        report->skipped.push_back(task.path);
        continue;
      }
      published.insert({task.post, task.target});
      writes.push_back({task.path, std::move(r.content), task.target, task.post, r.unchanged});
      task_of.push_back(i);
      ++lang_report.posts;
      lang_report.files.push_back(task.path);
    }
    if (!stop.diagnostics().empty() && l + 1 == ranges.size()) {
      for (const Diagnostic& d : stop.diagnostics()) sink->Report(d);
      return false;
    }
    report->languages.push_back(std::move(lang_report));
  }
  // Translated slugs can give two pages one URL and one file: an error,
  // since one would silently replace the other.
  if (site_enabled) {
    std::map<std::string, const PlannedPage*> by_path;
    for (const PlannedPage& w : writes) {
      auto [it, added] = by_path.emplace(w.path, &w);
      if (added) continue;
      sink->Error(w.post->path, 0, 0,
                  FormatUi("its page in '{}' would be written at '{}', the page of {}: give one "
                           "of them another slug",
                           w.lang, w.path, it->second->post->path));
      ok = false;
    }
  }
  // All or nothing, as for every input error: a post refused as unsafe
  // leaves every page as it was (its errors, and all others, are reported).
  auto refuse_all = [&] {
    for (const PlannedPage& w : writes) report->skipped.push_back(w.path);
    for (LanguageReport& r : report->languages) {
      r.posts = 0;
      r.files.clear();
    }
    writes.clear();
    return false;
  };
  if (!ok) return refuse_all();

  // The site as it is: its state, as a hash, is part of each page's record.
  // Mostly the expected one, which is kept then.
  uint64_t site_state = 0;
  std::unique_ptr<SiteMap> site;
  if (site_enabled) site_state = BuildSite(posts, langs, taxonomy, slug_of, published, nullptr);
  const bool as_expected = site_enabled && site_state == expected_state;
  if (as_expected) {
    site = std::move(expected_site);
  } else if (site_enabled) {
    site = std::make_unique<SiteMap>(SiteSettingsOf(config));
    BuildSite(posts, langs, taxonomy, slug_of, published, site.get());
  }

  // With [site] settings, each page's final content, on every core (in
  // batches, as above): none for a page whose record holds and whose output
  // is as the record left it; the page merged above when the site is as
  // expected; else each page again with its links and <head> metadata on
  // the site as it is (the translations, their warnings and refusals, were
  // decided above and come out the same).
  for (size_t begin = 0; site_enabled && begin < writes.size(); begin += kBatch) {
    const size_t end = std::min(writes.size(), begin + kBatch);
    std::vector<char> made(end - begin, 0);           // one byte each: written by many threads
    std::vector<DiagnosticSink> unread(end - begin);  // a post that changed since it was read
    ParallelFor(end - begin, [&](size_t k) {
      const size_t w = begin + k;
      PlannedPage& page = writes[w];
      PageTask& task = tasks[task_of[w]];
      PageResult& r = results[task_of[w]];
      r.record.site = site_state;
      if (UpToDate(task, cache, r, site_state)) {
        page.unchanged = true;
        return;
      }
      if (as_expected && r.with_site) {
        page.content = std::move(r.content);  // empty when staged
        return;
      }
      PostText text(*task.post);  // while the page is made
      if (!text.Read(&unread[k])) return;
      task.text = &text;
      std::vector<TextEdit> edits = PageSiteEdits(config, *site, task);
      if (task.copy) {
        page.content = CopyPage(config, taxonomy, task, std::move(edits));
      } else {
        DiagnosticSink again;  // everything it says was said in the first merge
        page.content = FirstMerge(config, taxonomy, task, &again, nullptr, std::move(edits)).html;
      }
      task.text = nullptr;
      made[k] = 1;
    });
    bool all_read = true;
    for (const DiagnosticSink& errors : unread) {
      for (const Diagnostic& d : errors.diagnostics()) sink->Report(d);
      all_read = all_read && errors.diagnostics().empty();
    }
    if (!all_read) return refuse_all();
    if (!stage) continue;
    for (size_t w = begin; w < end; ++w) {
      PageResult& r = results[task_of[w]];
      if (writes[w].unchanged || (r.staged && !made[w - begin])) continue;
      // After every language's part: replaces what was staged.
      stage(ranges.size(), writes[w].path, std::move(writes[w].content));
      std::string().swap(writes[w].content);
    }
  }
  if (cache) {
    for (size_t i = 0; i < tasks.size(); ++i) {
      if (results[i].recorded) cache->Put(tasks[i].path, std::move(results[i].record));
    }
  }
  if (!config.free_memory) {  // see RunExtract's end
    Bury(std::move(catalogs));
    Bury(std::move(results));
  }
  if (!site_enabled) return true;
  plan->urls_path = config.Expand(config.site_urls, "");
  plan->urls = UrlRecord(*site, posts, langs);
  plan->site = std::move(site);
  if (!config.free_memory) Bury(std::move(expected_site));
  return true;
}

bool RunMerge(const Config& config, DiagnosticSink* sink, RunReport* report) {
  ProjectLock lock;
  if (!lock.Acquire(config, sink)) return false;
  // Nothing changed since the last run that succeeded: it reported this,
  // and every page is as it left them (run_record.h). Checked before any
  // post or catalog is read.
  const size_t first = sink->diagnostics().size();
  RunRecord record(config, kMergeRecordName);
  if (record.Replay(report, sink)) return true;
  std::vector<Post> posts;
  // The segmentation cache is written as soon as the posts are loaded, and
  // let go (its file as read, the records made): the pages need none of it.
  // A note that it cannot be written is said where it always was, last.
  DiagnosticSink segment_notes;
  {
    PostCache segments;
    segments.Open(SegmentCachePath(config), config.segment);
    record.StatPosts();
    if (!LoadPosts(config, &posts, sink, &segments, /*keep_encoded=*/true)) return false;
    record.HashPosts(posts);
    segments.Save(&segment_notes);
  }
  // Each page reads its post's bytes again (PostText): the run holds the
  // posts' small facts and encoded segmentations only.
  for (Post& post : posts) {
    std::string().swap(post.html);
    post.dropped = true;
  }
#ifdef __GLIBC__
  // What was let go (the posts' bytes, the segmentation cache: half of what
  // the run held) is in pages that malloc keeps, on each thread's arena,
  // and would otherwise stay in the process's resident memory to its end.
  malloc_trim(0);
#endif
  MergeCache cache(config.cache.empty() ? ""
                                        : config.Expand(config.cache + "/" + kMergeCacheName, ""));
  cache.Load();
  // Each page goes to its temporary file as soon as it is made, in its
  // language's part (the parts then taken in order); a page made again
  // once the site is known replaces, after them all, what was staged for
  // it. All are renamed once every one was (nothing is when the plan fails).
  StagedWrites staged;
  std::vector<std::unique_ptr<StagedWrites>> parts;
  auto take_parts = [&staged, &parts] {
    for (std::unique_ptr<StagedWrites>& part : parts) staged.Absorb(part.get());
    parts.clear();
  };
  const size_t languages = config.languages.size();
  auto stage = [&](size_t part, const std::string& path, std::string content) {
    PendingWrite write{path, std::move(content), Durability::kReplaced};
    if (part >= languages) {
      take_parts();
      staged.Stage(write);
      return;
    }
    while (parts.size() <= part) parts.push_back(std::make_unique<StagedWrites>());
    parts[part]->Stage(write);
  };
  MergePlan plan;
  const bool planned = PlanMerge(config, posts, sink, report, &plan, &cache, stage);
  // Taken in one also when nothing is to be written: the folders made are
  // then removed all together, the deepest first.
  take_parts();
  if (!planned) return false;
  for (const PlannedPage& page : plan.pages) {
    if (page.unchanged) staged.Stage({page.path, std::string(), Durability::kReplaced, true});
  }
  // The record of published URLs is kept and read (l10n-check): synced.
  if (!plan.urls_path.empty()) staged.Stage({plan.urls_path, std::move(plan.urls)});
  if (!staged.Commit(sink, report)) return false;
  // What the run said, before the caches' own notes.
  std::vector<Diagnostic> said(sink->diagnostics().begin() + first, sink->diagnostics().end());
  // Each written page's record gets its output as left now. The cache is
  // only a cache: when it cannot be written, the next run makes every page.
  for (const PlannedPage& page : plan.pages) {
    MergeRecord* page_record = cache.Pending(page.path);
    if (!page_record || page.unchanged) continue;  // UpToDate found it as recorded
    if (!StatOutput(page.path, &page_record->size, &page_record->mtime_ns)) cache.Drop(page.path);
  }
  [[maybe_unused]] Status saved = cache.Save();
  for (const Diagnostic& d : segment_notes.diagnostics()) sink->Report(d);
  // The files besides the posts: the catalogs, the taxonomy, the record of
  // published URLs and every page, written, left as it was or not written.
  std::vector<std::string> files;
  for (const std::string& s : config.languages) {
    for (const std::string& t : config.languages) {
      std::string source = PrimaryLanguage(s), target = PrimaryLanguage(t);
      if (source != target) files.push_back(config.Expand(config.catalog_pattern, target, source));
    }
  }
  files.push_back(config.Expand(config.taxonomy, ""));
  if (!plan.urls_path.empty()) files.push_back(plan.urls_path);
  for (const LanguageReport& l : report->languages) {
    files.insert(files.end(), l.files.begin(), l.files.end());
  }
  files.insert(files.end(), report->skipped.begin(), report->skipped.end());
  RunReport replayed = *report;
  replayed.changed.clear();
  record.Record(files, replayed, said, sink);
  if (!config.free_memory) {  // see RunExtract's end
    Bury(std::move(posts));
    Bury(std::move(plan));
    Bury(std::move(cache));
  }
  return true;
}

}  // namespace l10n
