// The site the posts are published on ([site] in l10n.toml,
// docs/site.md): its base URL, the URL of a post, a category and each
// other page in every language, and which translations are published.
//
//   [site] settings + posts' slugs + taxonomy --SiteMap-->
//     Resolve(href on a page) --> what it names (a post, a category, a page)
//     UrlOf(that, language)   --> where it lives in that language
//
// Merge rewrites a link to the target language's URL of what it names
// (render/site_links.h); l10n-check follows the links of the pages merge
// would publish with the same map.
#ifndef L10N_RENDER_SITE_MAP_H_
#define L10N_RENDER_SITE_MAP_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace l10n {

struct SiteSettings {
  // Scheme and host, maybe a path below which the site lives, without a
  // trailing slash: "https://www.example.org". Empty: no [site] settings,
  // and merge changes no link and no <head>.
  std::string base_url;
  // Language -> the path of a post below base_url, with {slug}:
  // "/{slug}/", "/es/{slug}/".
  std::map<std::string, std::string> post_url;
  // Language -> the path of a category's page, with {slug}: the category's
  // slug in that language (render: Taxonomy::Slug).
  std::map<std::string, std::string> category_url;
  // Pages that are not posts: each maps a language to its path
  // ("/about-us/" in en, "/es/quienes-somos/" in es).
  std::vector<std::map<std::string, std::string>> pages;
  // The language of the x-default alternate; empty: the post's own.
  std::string x_default;
  // Language -> og:locale ("es_ES"); a language not given gets its likely
  // region from ICU (es -> es_ES, en -> en_US).
  std::map<std::string, std::string> og_locale;

  bool enabled() const { return !base_url.empty(); }
};

// What a link names on the site, whatever its form.
struct SiteTarget {
  enum class Kind { kPost, kCategory, kPage };
  Kind kind = Kind::kPost;
  std::string key;   // kPost: the post's path; kCategory: its taxonomy slug;
                     // kPage: the index in SiteSettings::pages
  std::string lang;  // the language of the URL the link names
  std::string tail;  // "?query#fragment" as written, kept on rewrite
};

class SiteMap {
 public:
  explicit SiteMap(SiteSettings settings);

  const SiteSettings& settings() const { return settings_; }

  // A post, by its path, with its slug in `lang` (the source slug, or its
  // translation) and whether its page in `lang` is published (written by
  // this run or already there). Call once per post and language.
  void AddPost(const std::string& key, const std::string& lang, const std::string& slug,
               bool published);
  // A category, by its taxonomy slug, with its slug in `lang`; a category's
  // page exists in each language it has a name in.
  void AddCategory(const std::string& key, const std::string& lang, const std::string& slug);

  // What `href`, written on the page at `page_path` (a path below
  // base_url: "/es/visita/"), names: an absolute URL on base_url's host
  // (http or https, any case of host), a protocol-relative one, a
  // root-relative or a relative path; with or without a trailing slash;
  // "?query" and "#fragment" kept in the tail. nullopt for anything else
  // (another site, mailto:, a fragment alone, a path the site does not
  // know).
  std::optional<SiteTarget> Resolve(std::string_view href, std::string_view page_path) const;

  // The path of `target` in `lang`, as the settings' patterns write it
  // ("/es/visita-de-campo/"); nullopt when it has none there or, for a post,
  // when that page is not published.
  std::optional<std::string> PathOf(const SiteTarget& target, std::string_view lang) const;

  // A post's path in `lang`, published or not ("" when the settings have no
  // pattern for lang).
  std::string PostPath(const std::string& key, std::string_view lang) const;
  bool Published(const std::string& key, std::string_view lang) const;

  // `href`, written on the page at `from_path`, rewritten to name `target`
  // in `lang` on the page at `to_path`, in the form it was written: an
  // absolute URL stays absolute, root-relative stays root-relative, a
  // relative path is made relative to `to_path`; the tail is kept. nullopt
  // when PathOf gives none: the link then stays as it is.
  std::optional<std::string> Rewrite(std::string_view href, const SiteTarget& target,
                                     std::string_view lang, std::string_view to_path) const;

  // base_url + path.
  std::string Absolute(std::string_view path) const;

 private:
  struct Entry {
    SiteTarget::Kind kind;
    std::string key;
    std::string lang;
  };
  void Index(const std::string& path, SiteTarget::Kind kind, const std::string& key,
             const std::string& lang);

  SiteSettings settings_;
  std::string scheme_;  // "https"
  std::string host_;    // lowercased
  std::string prefix_;  // base_url's path, without a trailing slash ("" or "/blog")
  // Normalized path (no trailing slash, prefix removed) -> what it names.
  std::map<std::string, Entry> index_;
  // (post key, lang) -> (slug, published)
  std::map<std::pair<std::string, std::string>, std::pair<std::string, bool>> posts_;
  std::map<std::pair<std::string, std::string>, std::string> categories_;
};

// The path for `slug` in `pattern` ("/es/{slug}/" -> "/es/visita/").
std::string ExpandUrlPattern(std::string_view pattern, std::string_view slug);

}  // namespace l10n

#endif  // L10N_RENDER_SITE_MAP_H_
