// l10n-merge's run (project.h): every catalog read, then every post merged
// into every language, then the pages written all or nothing.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "base/file_io.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "catalog/taxonomy.h"
#include "check/locator.h"
#include "project/extract.h"
#include "project/project.h"
#include "project/project_io.h"
#include "render/site_head.h"
#include "render/site_links.h"

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

  const OutputFolder html_folder(config, config.output_pattern);
  const OutputFolder markdown_folder(config, config.markdown_output_pattern);
  std::vector<PlannedPage>& writes = plan->pages;
  // The pages merged with [site] settings, again once publication is known:
  // (page in writes, its target tag).
  std::vector<std::pair<size_t, std::string>> site_pages;
  // (post, lang) whose page is published: written now, or there already.
  std::set<std::pair<const Post*, std::string>> published;
  bool ok = true;
  for (const std::string& target_tag : config.languages) {
    std::string target = PrimaryLanguage(target_tag);
    LanguageReport lang_report;
    lang_report.lang = target;
    for (const Post& post : posts) {
      const std::string& pattern = OutputPatternFor(config, post.path);
      if (post.lang == target && OutputsBesidePosts(pattern)) {  // the post is its page
        published.insert({&post, target});
        continue;
      }
      std::string out_path =
          OutputPath(config, pattern, post.name, slug_of(post, target), post.lang, target);
      if (site_enabled && FileExists(out_path)) published.insert({&post, target});
      const OutputFolder& output_folder =
          &pattern == &config.output_pattern ? html_folder : markdown_folder;
      if (!output_folder.Holds(post, out_path, sink)) return false;
      if (post.lang == target) {
        published.insert({&post, target});
        if (site_enabled) site_pages.push_back({writes.size(), target_tag});
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
      published.insert({&post, target});
      if (site_enabled) site_pages.push_back({writes.size(), target_tag});
      writes.push_back({out_path, std::move(merged.html), target, &post});
      ++lang_report.posts;
      lang_report.files.push_back(out_path);
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
  if (!ok) {
    for (const PlannedPage& w : writes) report->skipped.push_back(w.path);
    for (LanguageReport& r : report->languages) {
      r.posts = 0;
      r.files.clear();
    }
    writes.clear();
    return false;
  }
  if (!site_enabled) return true;

  // The site: every post's URL in every language, which are published, the
  // categories' pages; then each page again with its links and <head>
  // metadata (the translations, their warnings and refusals, were decided
  // above and come out the same).
  auto site = std::make_unique<SiteMap>(SiteSettingsOf(config));
  for (const Post& post : posts) {
    for (const std::string& lang : langs) {
      site->AddPost(post.path, lang, slug_of(post, lang), published.count({&post, lang}) > 0);
    }
  }
  for (const Category& category : taxonomy.categories()) {
    for (const std::string& lang : langs) {
      if (!category.Name(lang).empty()) site->AddCategory(category.slug, lang, category.Slug(lang));
    }
  }
  for (const auto& [index, target_tag] : site_pages) {
    PlannedPage& page = writes[index];
    const Post& post = *page.post;
    SitePage from, to;
    from.site = to.site = site.get();
    from.post = to.post = post.path;
    from.lang = post.lang;
    from.path = site->PostPath(post.path, post.lang);
    to.lang = page.lang;
    to.path = site->PostPath(post.path, page.lang);
    from.source_lang = to.source_lang = post.lang;
    if (&OutputPatternFor(config, post.path) == &config.markdown_output_pattern) {
      // Hugo pairs a page with its post by their paths below the content
      // folder, both relative to the project's root (docs/site_head.md).
      to.file = std::filesystem::path(page.path)
                    .lexically_normal()
                    .lexically_relative(std::filesystem::path(config.root).lexically_normal())
                    .generic_string();
    }
    MergeOptions options;
    options.segment = config.segment;
    options.source_lang = post.lang;
    options.target_lang = target_tag;
    options.date_style = config.date_style;
    if (auto it = config.category_patterns.find(page.lang); it != config.category_patterns.end()) {
      options.category_pattern = it->second;
    }
    options.taxonomy = &taxonomy;
    if (page.lang == post.lang) {
      // The post in its own language: nothing translated, only its <head>.
      options.target_lang = post.lang;
      static const std::string kNone;  // UseCatalog keeps references
      UseCatalog(nullptr, kNone, kNone, &options);
    } else {
      const Loaded& loaded = catalogs[{post.lang, page.lang}];
      UseCatalog(loaded.catalog.get(), loaded.path, loaded.text, &options);
      options.edits = SiteLinkEdits(post.html, post.segmentation, from, to);
    }
    std::vector<TextEdit> head = SiteHeadEdits(post.html, post.segmentation, to);
    options.edits.insert(options.edits.end(), head.begin(), head.end());
    if (options.edits.empty()) continue;  // the page as merged above
    DiagnosticSink again;                 // everything it says was said in the first merge
    page.content = MergePost(post.html, post.path, post.segmentation, options, &again).html;
  }
  plan->urls_path = config.Expand(config.site_urls, "");
  plan->urls = UrlRecord(*site, posts, langs);
  plan->site = std::move(site);
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
  if (!plan.urls_path.empty()) writes.push_back({plan.urls_path, std::move(plan.urls)});
  return Commit(writes, sink, report);
}

}  // namespace l10n
