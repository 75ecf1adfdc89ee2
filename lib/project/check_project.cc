// CheckProject: every catalog of a project, and whether it is what
// l10n-extract would write from the posts now.
#include "project/check_project.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "base/file_io.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "catalog/taxonomy.h"
#include "check/catalog_checker.h"
#include "check/entry_rule.h"
#include "check/locator.h"
#include "check/markup_rules.h"
#include "post/post_format.h"
#include "project/project.h"
#include "project/site_check.h"
#include "project/site_check_links.h"
#include "render/merge_terms.h"

namespace l10n {

namespace {

constexpr int kNotesPerKind = 5;

class StaleReporter {
 public:
  StaleReporter(const Config& config, const CheckPolicy& policy, CheckReport* report)
      : config_(config), policy_(policy), report_(report) {}

  void Missing(const std::string& path) {
    Emit(path, 0, 0, _("the file does not exist; run l10n-extract"));
  }

  void Differs(const std::string& path) {
    Emit(path, 0, 0, _("differs from what l10n-extract writes now; run l10n-extract"));
  }

  void Compare(const PlannedFile& file, std::string_view old_text) {
    if (file.kind == PlannedFile::Kind::kTaxonomy) {
      Emit(file.path, 0, 0, _("the taxonomy lacks categories the posts use; run l10n-extract"));
      return;
    }
    std::map<std::string, const Message*> before, after;
    for (const Message& m : file.old->messages) {
      if (!m.obsolete && !m.is_header()) before.emplace(m.Key(), &m);
    }
    for (const Message& m : file.catalog->messages) {
      if (!m.obsolete && !m.is_header()) after.emplace(m.Key(), &m);
    }
    std::vector<Diagnostic> notes;
    int added = 0, gone = 0, changed = 0;
    for (const auto& [key, m] : after) {
      auto it = before.find(key);
      if (it == before.end()) {
        if (++added > kNotesPerKind) continue;
        std::string where;
        int line = 0;
        if (!m->references.empty()) {
          const std::string& ref = m->references.front();
          size_t colon = ref.rfind(':');
          where = config_.Expand(ref.substr(0, colon), "");
          if (colon != std::string::npos) line = std::atoi(ref.c_str() + colon + 1);
        }
        notes.push_back({Severity::kNote, where.empty() ? file.path : where, line, 0,
                         FormatUi("not in {}: {}", file.path, QuoteForMessage(m->msgid))});
        continue;
      }
      const Message& a = *it->second;
      if (a.references != m->references || a.extracted_comments != m->extracted_comments ||
          a.fuzzy() != m->fuzzy()) {
        ++changed;
      }
    }
    for (const auto& [key, m] : before) {
      if (after.count(key)) continue;
      if (++gone > kNotesPerKind) continue;
      notes.push_back({Severity::kNote, file.path, MsgidLine(old_text, *m), 0,
                       FormatUi("no longer in any post: {}", QuoteForMessage(m->msgid))});
    }
    std::string message =
        added + gone + changed == 0
            ? _("differs from what l10n-extract writes now; run l10n-extract")
            : FormatUi(
                  "not up to date with the posts: {} new, {} no longer in a post, {} with "
                  "other references or notes; run l10n-extract",
                  added, gone, changed);
    if (!Emit(file.path, 0, 0, std::move(message))) return;
    for (Diagnostic& d : notes) report_->findings.push_back(std::move(d));
    int more = std::max(added - kNotesPerKind, 0) + std::max(gone - kNotesPerKind, 0);
    if (more > 0) {
      report_->findings.push_back(
          {Severity::kNote, file.path, 0, 0, FormatUi("and {} more", more)});
    }
  }

 private:
  bool Emit(const std::string& path, int line, int column, std::string message) {
    std::optional<Severity> severity = policy_.severity(Check::kStale);
    if (!severity) return false;
    report_->findings.push_back(
        {*severity, path, line, column, std::move(message), false, CheckName(Check::kStale)});
    return true;
  }

  const Config& config_;
  const CheckPolicy& policy_;
  CheckReport* report_;
};

// The taxonomy's names are translations too: checked as l10n-merge checks
// them, for every category link of every post. One that does not parse is
// reported with the staleness.
void CheckTaxonomyNames(const Config& config, const std::vector<Post>& posts,
                        const CheckPolicy& policy, CheckReport* report) {
  std::string taxonomy_path = config.Expand(config.taxonomy, "");
  if (!FileExists(taxonomy_path)) return;
  Result<std::string> text = ReadFile(taxonomy_path);
  Taxonomy taxonomy;
  DiagnosticSink parse;
  if (!text.ok() || !taxonomy.Parse(*text, taxonomy_path, &parse)) return;
  std::vector<Diagnostic> found;
  auto add = [&found](Diagnostic d) {
    auto same = [&d](const Diagnostic& e) {
      return e.line == d.line && e.column == d.column && e.message == d.message;
    };
    if (std::find_if(found.begin(), found.end(), same) == found.end()) {
      found.push_back(std::move(d));
    }
  };
  std::map<std::string, TermCategories> terms;  // by the posts' language
  for (const Post& post : posts) {
    for (const Unit& unit : post.segmentation.units) {
      for (const Placeholder& p : unit.placeholders) {
        for (const CategoryLink& link : p.categories) {
          const Category* category = taxonomy.Find(link.slug);
          if (!category) continue;
          for (const std::string& target : config.languages) {
            if (PrimaryLanguage(target) == post.lang) continue;
            for (CategoryNameIssue& c :
                 CheckCategoryNames(*category, link.label, post.lang, target)) {
              auto [line, column] = taxonomy.Locate(category->slug, c.lang, c.issue.offset);
              add(Diagnostic(Severity::kError, taxonomy_path, line, column,
                             std::move(c.issue.message), false, CheckName(c.issue.check)));
            }
          }
        }
      }
    }
    // Front-matter categories and tags: the post's value is the label.
    for (const Segmentation::Metadata::Term& term : post.segmentation.metadata.terms) {
      const Category* category =
          terms.try_emplace(post.lang, taxonomy, post.lang).first->second.Find(term);
      if (!category) continue;
      for (const std::string& target : config.languages) {
        if (PrimaryLanguage(target) == post.lang) continue;
        for (CategoryNameIssue& c :
             CheckCategoryNames(*category, term.name, post.lang, PrimaryLanguage(target))) {
          auto [line, column] = taxonomy.Locate(category->slug, c.lang, c.issue.offset);
          add(Diagnostic(Severity::kError, taxonomy_path, line, column, std::move(c.issue.message),
                         false, CheckName(c.issue.check)));
        }
      }
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  for (Diagnostic& d : found) {
    std::optional<Severity> severity = policy.severity(*ParseCheck(d.check));
    if (!severity) continue;
    d.severity = *severity;
    report->findings.push_back(std::move(d));
  }
}

// Where l10n-merge records the URLs it published ([site] urls,
// docs/site.md), relative to the project's root.
constexpr const char kUrlRecord[] = "locales/urls.tsv";

// With [site] settings: the translated slugs of every catalog that parses
// (`texts`: path -> bytes), and, when every catalog does, the links of the
// pages l10n-merge would publish.
void CheckSite(const Config& config, const std::vector<Post>& posts,
               const std::map<std::string, std::string>& texts, bool all_read,
               const CheckPolicy& policy, CheckReport* report) {
  if (!config.site.enabled()) return;
  std::vector<std::unique_ptr<Catalog>> read;
  std::vector<SlugCatalog> catalogs;
  for (const std::string& s : config.languages) {
    for (const std::string& t : config.languages) {
      std::string source = PrimaryLanguage(s), target = PrimaryLanguage(t);
      if (source == target) continue;
      std::string path = config.Expand(config.catalog_pattern, target, source);
      auto text = texts.find(path);
      if (text == texts.end()) continue;
      auto catalog = std::make_unique<Catalog>();
      DiagnosticSink ignored;  // its syntax errors are findings already
      if (!ReadCatalog(text->second, path, catalog.get(), &ignored)) continue;
      catalogs.push_back({path, text->second, source, target, catalog.get()});
      read.push_back(std::move(catalog));
    }
  }
  std::map<std::string, std::map<std::string, std::string>> published;
  std::string record = config.Expand(kUrlRecord, "");
  if (FileExists(record)) {
    if (Result<std::string> text = ReadFile(record); text.ok()) published = ParseUrlRecord(*text);
  }
  CheckSlugs(SiteSettingsOf(config), posts, catalogs, published, policy, report);
  if (!all_read) return;
  // A merge that would refuse (an unsafe translation) is reported by the
  // catalogs' checks; its pages are not checked then.
  DiagnosticSink merging;
  RunReport run;
  MergePlan plan;
  if (!PlanMerge(config, posts, &merging, &run, &plan)) return;
  CheckSiteLinks(posts, plan, ReadPageLinks, policy, report);
}

}  // namespace

Status ApplyCheckConfig(const Config& config, CheckPolicy* policy) {
  if (config.check_min_coverage >= 0) policy->SetMinCoverage(config.check_min_coverage);
  return policy->SetNamed(
      config.check_warnings, config.check_errors, config.check_ignore,
      [](const std::string& name) { return FormatUi("unknown check '{}'", name); });
}

bool CheckProject(const Config& config, const CheckPolicy& policy, CheckReport* report,
                  DiagnosticSink* sink) {
  std::vector<Post> posts;
  if (!LoadPosts(config, &posts, sink)) return false;
  StaleReporter stale(config, policy, report);
  std::map<std::string, std::string> texts;  // path -> bytes of what was read
  bool all_read = true;
  bool ok = true;
  auto check = [&](const std::string& path, const CatalogCheckOptions& options) {
    if (!FileExists(path)) {
      stale.Missing(path);
      return;
    }
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) {
      sink->Report(text.status());
      ok = false;
      return;
    }
    if (!CheckCatalogText(*text, path, options, policy, report)) all_read = false;
    texts[path] = std::move(*text);
  };
  for (const std::string& source_tag : config.languages) {
    std::string source = PrimaryLanguage(source_tag);
    bool has_posts = false;
    for (const Post& post : posts) has_posts = has_posts || post.lang == source;
    if (!has_posts) continue;
    // The project's catalogs are of its posts: always the HTML checks.
    check(config.Expand(config.template_pattern, source), {true, "", source, config.segment, true});
    for (const std::string& target_tag : config.languages) {
      if (PrimaryLanguage(target_tag) == source) continue;
      check(config.Expand(config.catalog_pattern, PrimaryLanguage(target_tag), source),
            {false, target_tag, source_tag, config.segment, true});
    }
  }
  if (!ok) return false;
  CheckTaxonomyNames(config, posts, policy, report);
  CheckSite(config, posts, texts, all_read, policy, report);
  // Staleness needs every catalog read; syntax errors are findings already.
  if (!all_read) return true;
  DiagnosticSink planning;
  RunReport run;
  std::vector<PlannedFile> files;
  if (!PlanExtract(config, posts, &planning, &run, &files)) {
    for (const Diagnostic& d : planning.diagnostics()) {
      if (d.severity == Severity::kError) sink->Report(d);
    }
    return false;
  }
  for (const PlannedFile& f : files) {
    if (f.unchanged) continue;
    if (f.kind == PlannedFile::Kind::kXliff) {
      if (FileExists(f.path)) {
        stale.Differs(f.path);
      } else {
        stale.Missing(f.path);
      }
      continue;
    }
    if (f.kind == PlannedFile::Kind::kTaxonomy) {
      if (FileExists(f.path)) {
        stale.Compare(f, "");
      } else {
        stale.Missing(f.path);
      }
      continue;
    }
    if (!f.old) continue;  // reported missing above
    stale.Compare(f, texts[f.path]);
  }
  return true;
}

}  // namespace l10n
