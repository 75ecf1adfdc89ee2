// CheckSiteLinks and CheckSlugs: l10n-check's checks of the site.
#include "project/site_check.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "base/check_id.h"
#include "base/diagnostic.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "check/locator.h"

namespace l10n {

namespace {

constexpr const char kSlugContext[] = "slug";

// Reports findings of one check at the policy's level; `at_most` lowers a
// finding that is a warning or a note by nature.
class Findings {
 public:
  Findings(Check check, const CheckPolicy& policy, CheckReport* report)
      : check_(check), severity_(policy.severity(check)), report_(report) {}

  bool on() const { return severity_.has_value(); }

  void Add(const std::string& path, int line, int column, std::string message,
           Severity at_most = Severity::kError) {
    if (!severity_) return;
    Severity s = std::min(*severity_, at_most);
    report_->findings.push_back(
        {s, path, line, column, std::move(message), false, CheckName(check_)});
  }

 private:
  Check check_;
  std::optional<Severity> severity_;
  CheckReport* report_;
};

struct Location {
  std::string path;
  int line = 0;
  int column = 0;
};

// Where a page's link is in its source post: the link of the same order
// among the post's links and switchers (merge rewrites links, never adds or
// drops one); the post itself when the two do not pair.
class SourceLinks {
 public:
  SourceLinks(const Post& post, const PageLinkReader& read) : post_(post) {
    for (const PageLink& link : read(post.html, post.path)) {
      if (link.kind != PageLink::Kind::kAlternate) offsets_.push_back(link.offset);
    }
  }

  // The location of the `index`-th link of a page that has `count`.
  Location Of(size_t index, size_t count) const {
    Location at{post_.path};
    if (count == offsets_.size() && index < count) {
      LineColumn(post_.html, offsets_[index], &at.line, &at.column);
    }
    return at;
  }

 private:
  const Post& post_;
  std::vector<size_t> offsets_;
};

std::string Normalized(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Two posts at one URL in one language.
void CheckCollisions(const std::vector<Post>& posts, const SiteMap& site, Findings* findings) {
  for (const auto& [lang, pattern] : site.settings().post_url) {
    std::map<std::string, const Post*> first;  // URL path -> the first post there
    for (const Post& post : posts) {
      std::string path = site.PostPath(post.path, lang);
      if (path.empty()) continue;
      auto [it, added] = first.try_emplace(Normalized(path), &post);
      if (added) continue;
      findings->Add(post.path, 0, 0,
                    FormatUi("its page in '{}' has the URL '{}' of the post {}", lang, path,
                             it->second->path));
    }
  }
}

}  // namespace

void CheckSiteLinks(const std::vector<Post>& posts, const MergePlan& plan,
                    const PageLinkReader& read, const CheckPolicy& policy, CheckReport* report) {
  const SiteMap* site = plan.site.get();
  Findings findings(Check::kLinks, policy, report);
  if (!site || !findings.on()) return;
  CheckCollisions(posts, *site, &findings);

  // Each page's alternates, resolved: (post, lang) -> hreflang -> target.
  struct Alternates {
    const PlannedPage* page = nullptr;
    std::string path;  // on the site
    std::vector<std::pair<PageLink, std::optional<SiteTarget>>> links;
  };
  std::map<std::pair<std::string, std::string>, Alternates> alternates;
  std::map<const Post*, SourceLinks> sources;

  for (const PlannedPage& page : plan.pages) {
    if (!page.post) continue;
    const Post& post = *page.post;
    std::string page_path = site->PostPath(post.path, page.lang);
    if (page_path.empty()) continue;  // no URL pattern for its language
    const SourceLinks& source = sources.try_emplace(&post, post, read).first->second;
    std::vector<PageLink> links = read(page.content, post.path);
    size_t count = 0;
    for (const PageLink& link : links) count += link.kind != PageLink::Kind::kAlternate;
    Alternates& set = alternates[{post.path, page.lang}];
    set.page = &page;
    set.path = page_path;
    size_t index = 0;
    for (const PageLink& link : links) {
      std::optional<SiteTarget> target = site->Resolve(link.href, page_path);
      if (link.kind == PageLink::Kind::kAlternate) {
        set.links.emplace_back(link, target);
        continue;
      }
      Location at = source.Of(index++, count);
      if (!target || link.hidden) continue;  // not a page of this site, not shown
      if (!site->PathOf(*target, target->lang)) {
        findings.Add(at.path, at.line, at.column,
                     FormatUi("on its '{}' page, the link '{}' names a page that is not "
                              "published in '{}'",
                              page.lang, link.href, target->lang));
        continue;
      }
      if (target->lang != page.lang && link.kind == PageLink::Kind::kLink) {
        std::optional<std::string> own = site->PathOf(*target, page.lang);
        findings.Add(at.path, at.line, at.column,
                     own ? FormatUi("on its '{}' page, the link '{}' leads into '{}'; its page in "
                                    "'{}' is '{}'",
                                    page.lang, link.href, target->lang, page.lang, *own)
                         : FormatUi("on its '{}' page, the link '{}' leads into '{}'", page.lang,
                                    link.href, target->lang),
                     Severity::kNote);
      }
    }
  }

  // Reciprocity: page A names B as `hreflang`; B must be published in that
  // language and name A back under A's language.
  for (const auto& [key, set] : alternates) {
    const std::string& post_path = key.first;
    const std::string& lang = key.second;
    for (const auto& [link, target] : set.links) {
      std::string hreflang = PrimaryLanguage(link.hreflang);
      std::string whole = link.hreflang;
      for (char& c : whole) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (whole == "x-default") {
        if (!target || target->kind != SiteTarget::Kind::kPost ||
            !site->Published(target->key, target->lang)) {
          findings.Add(post_path, 0, 0,
                       FormatUi("on its '{}' page, the x-default alternate '{}' names no "
                                "published page",
                                lang, link.href));
        }
        continue;
      }
      if (!target || target->kind != SiteTarget::Kind::kPost || target->lang != hreflang ||
          !site->Published(target->key, target->lang)) {
        findings.Add(post_path, 0, 0,
                     FormatUi("on its '{}' page, the hreflang '{}' alternate '{}' names no "
                              "page published in '{}'",
                              lang, link.hreflang, link.href, link.hreflang));
        continue;
      }
      if (target->lang == lang && target->key == post_path) continue;  // itself
      auto other = alternates.find({target->key, target->lang});
      bool back = false;
      if (other != alternates.end()) {
        for (const auto& [their, their_target] : other->second.links) {
          back = back || (PrimaryLanguage(their.hreflang) == lang && their_target &&
                          their_target->kind == SiteTarget::Kind::kPost &&
                          their_target->key == post_path && their_target->lang == lang);
        }
      }
      if (!back) {
        findings.Add(post_path, 0, 0,
                     FormatUi("on its '{}' page, the hreflang '{}' alternate '{}' is not "
                              "reciprocal: that page names no '{}' alternate back",
                              lang, link.hreflang, link.href, lang));
      }
    }
  }
}

bool IsValidSlug(std::string_view slug) {
  if (slug.empty() || slug.front() == '-' || slug.back() == '-') return false;
  char previous = 0;
  for (char c : slug) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word && c != '-') return false;
    if (c == '-' && previous == '-') return false;
    previous = c;
  }
  return true;
}

std::map<std::string, std::map<std::string, std::string>> ParseUrlRecord(std::string_view text) {
  std::map<std::string, std::map<std::string, std::string>> record;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t tab1 = line.find('\t');
    if (tab1 == std::string_view::npos) continue;
    size_t tab2 = line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos || line.find('\t', tab2 + 1) != std::string_view::npos) {
      continue;
    }
    record[std::string(line.substr(0, tab1))][std::string(line.substr(tab1 + 1, tab2 - tab1 - 1))] =
        std::string(line.substr(tab2 + 1));
  }
  return record;
}

void CheckSlugs(const SiteSettings& site, const std::vector<Post>& posts,
                const std::vector<SlugCatalog>& catalogs,
                const std::map<std::string, std::map<std::string, std::string>>& published,
                const CheckPolicy& policy, CheckReport* report) {
  Findings findings(Check::kSlug, policy, report);
  if (!findings.on()) return;

  // A translated slug's entry, located at its msgstr.
  struct Entry {
    const Message* message = nullptr;
    Location at;
    bool valid = false;
  };
  // (source, target, source slug) -> the entry.
  std::map<std::tuple<std::string, std::string, std::string>, Entry> entries;
  for (const SlugCatalog& c : catalogs) {
    if (!c.catalog) continue;
    Locator locator(c.text);
    for (const Message& m : c.catalog->messages) {
      if (m.obsolete || m.msgctxt != kSlugContext || m.fuzzy() || m.msgstr.empty() ||
          m.msgstr[0].empty()) {
        continue;
      }
      Entry entry{&m, {c.path}, IsValidSlug(m.msgstr[0])};
      std::tie(entry.at.line, entry.at.column) =
          locator.InString(locator.KeywordLine(m.line, "msgstr"), 0);
      if (!entry.valid) {
        findings.Add(c.path, entry.at.line, entry.at.column,
                     FormatUi("'{}' is no slug: a slug is lowercase ASCII letters and digits, "
                              "words joined by single hyphens",
                              m.msgstr[0]));
      }
      entries.try_emplace({c.source, c.target, m.msgid}, entry);
    }
  }

  // Each post's slug in each language: its translation when it is a slug
  // (else merge keeps the source slug), its own in its language.
  auto entry_of = [&entries](const Post& post, const std::string& lang) -> const Entry* {
    auto it = entries.find({post.lang, lang, post.slug});
    return it == entries.end() ? nullptr : &it->second;
  };
  auto slug_in = [&entry_of](const Post& post, const std::string& lang) {
    if (post.lang == lang) return post.slug;
    const Entry* e = entry_of(post, lang);
    return e && e->valid ? e->message->msgstr[0] : post.slug;
  };

  for (const auto& [lang, pattern] : site.post_url) {
    std::map<std::string, const Post*> taken;  // slug in lang -> the first post with it
    for (const Post& post : posts) taken.try_emplace(slug_in(post, lang), &post);
    for (const Post& post : posts) {
      std::string slug = slug_in(post, lang);
      const Entry* entry = post.lang == lang ? nullptr : entry_of(post, lang);
      if (entry && entry->valid) {
        const Post* first = taken[slug];
        if (first != &post) {
          findings.Add(entry->at.path, entry->at.line, entry->at.column,
                       FormatUi("the slug '{}' in '{}' is the slug of the post {} too", slug, lang,
                                first->path));
        } else {
          for (const Post& other : posts) {
            if (&other != &post && slug_in(other, lang) == slug) {
              findings.Add(entry->at.path, entry->at.line, entry->at.column,
                           FormatUi("the slug '{}' in '{}' is the slug of the post {} too", slug,
                                    lang, other.path));
              break;
            }
          }
        }
      }
      auto record = published.find(post.path);
      if (record == published.end()) continue;
      auto was = record->second.find(lang);
      if (was == record->second.end()) continue;
      std::string now = ExpandUrlPattern(pattern, slug);
      if (was->second == now) continue;
      Location at = entry ? entry->at : Location{post.path};
      findings.Add(at.path, at.line, at.column,
                   FormatUi("the URL of this post in '{}' changes from '{}' to '{}': links to the "
                            "old one break",
                            lang, was->second, now),
                   Severity::kWarning);
    }
  }
}

}  // namespace l10n
