// The published site, crawled: l10n-extract and l10n-merge run on a copy of
// the repository's project (l10n.toml, corpus/, locales/), then every page
// of public/ is parsed and every link to the site followed, as a reader
// would: no link may be broken, and none may lead into the other language
// but the language switcher and the hreflang alternates (issue 15).
//
// A link's target, by its URL path (after RFC 3986 reference resolution
// against the page's own URL, query and fragment left out):
//   - a page of public/ (public/LANG/SLUG.html is served at the [site] post
//     URL of LANG with SLUG): that page, in LANG;
//   - a page of [site] pages: that page, in the language it is mapped to
//     (the site serves it; merge does not publish it);
//   - a path of a [site] category URL pattern: that category's page in its
//     language (the site serves it);
//   - a path of a [site] post URL pattern that is none of the above: a post
//     page that is not there, a broken link;
//   - any other path (/wp-content/...): a file of the site, not a page; not
//     followed.
// This resolver is written here on its own, not SiteMap's, so that the test
// checks merge's rewriting rather than repeating it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "project/config.h"
#include "project/site_check_links.h"
#include "test_util.h"

namespace l10n {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

// RFC 3986 5.2.4.
std::string RemoveDots(const std::string& path) {
  std::vector<std::string> out;
  size_t begin = 1;
  bool folder = path.empty() || path.back() == '/';
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string::npos) end = path.size();
    std::string segment = path.substr(begin, end - begin);
    if (segment == "..") {
      if (!out.empty()) out.pop_back();
      folder = folder || end == path.size();
    } else if (segment == ".") {
      folder = folder || end == path.size();
    } else if (!segment.empty()) {
      out.push_back(segment);
    }
    begin = end + 1;
  }
  std::string result;
  for (const std::string& s : out) result += "/" + s;
  if (result.empty() || folder) result += "/";
  return result;
}

// The path on the site that `href`, on the page at `page` (a path), names;
// nullopt when it leaves the site `base` ("https://host").
std::optional<std::string> SitePath(std::string href, const std::string& page,
                                    const std::string& host) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (!href.empty() && space(href.front())) href.erase(0, 1);
  while (!href.empty() && space(href.back())) href.pop_back();
  href = href.substr(0, href.find_first_of("?#"));
  if (href.empty()) return std::nullopt;  // this page
  size_t colon = href.find(':');
  if (colon != std::string::npos && colon < href.find('/')) {
    std::string scheme = Lower(href.substr(0, colon));
    if (scheme != "http" && scheme != "https") return std::nullopt;
    href.erase(0, colon + 1);
  }
  if (href.rfind("//", 0) == 0) {
    size_t slash = href.find('/', 2);
    if (Lower(href.substr(2, slash - 2)) != host) return std::nullopt;
    return RemoveDots(slash == std::string::npos ? "/" : href.substr(slash));
  }
  if (href[0] == '/') return RemoveDots(href);
  return RemoveDots(page.substr(0, page.rfind('/') + 1) + href);
}

std::string Key(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Whether `path` is `pattern` with a slug (no '/') for {slug}.
bool Matches(const std::string& pattern, const std::string& path) {
  size_t at = pattern.find("{slug}");
  if (at == std::string::npos) return Key(pattern) == Key(path);
  std::string prefix = pattern.substr(0, at), suffix = Key(pattern.substr(at + 6));
  std::string p = Key(path);
  if (suffix == "/") suffix.clear();
  if (p.size() <= prefix.size() + suffix.size() || p.rfind(prefix, 0) != 0 ||
      p.compare(p.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return false;
  }
  std::string slug = p.substr(prefix.size(), p.size() - prefix.size() - suffix.size());
  return slug.find('/') == std::string::npos;
}

struct Crawl {
  int pages = 0;
  int followed = 0;
  std::vector<std::string> broken;  // "page: href"
  std::vector<std::string> other_language;
};

Crawl CrawlSite(const std::string& root, const SiteSettings& site) {
  Crawl crawl;
  std::string host = site.base_url.substr(site.base_url.find("//") + 2);
  host = Lower(host.substr(0, host.find('/')));
  struct Page {
    std::string file, lang, path;
  };
  std::vector<Page> pages;
  std::map<std::string, std::string> published;  // URL path key -> language
  for (const auto& lang_dir : fs::directory_iterator(root + "/public")) {
    std::string lang = lang_dir.path().filename().string();
    auto pattern = site.post_url.find(lang);
    REQUIRE_MESSAGE(pattern != site.post_url.end(), "public/" << lang << " has no [site] URL");
    for (const auto& file : fs::directory_iterator(lang_dir)) {
      if (file.path().extension() != ".html") continue;
      std::string path = pattern->second;
      path.replace(path.find("{slug}"), 6, file.path().stem().string());
      pages.push_back({file.path().string(), lang, path});
      published[Key(path)] = lang;
    }
  }
  std::sort(pages.begin(), pages.end(),
            [](const Page& a, const Page& b) { return a.file < b.file; });
  auto language_of = [&](const std::string& path) -> std::optional<std::string> {
    if (auto it = published.find(Key(path)); it != published.end()) return it->second;
    for (const auto& page : site.pages) {
      for (const auto& [lang, url] : page) {
        if (Key(url) == Key(path)) return lang;
      }
    }
    for (const auto& [lang, pattern] : site.category_url) {
      if (Matches(pattern, path)) return lang;
    }
    return std::nullopt;
  };
  for (const Page& page : pages) {
    ++crawl.pages;
    std::string html = testing::Slurp(page.file);
    std::string name = fs::path(page.file).lexically_relative(root).string();
    for (const PageLink& link : ReadPageLinks(html, page.file)) {
      std::optional<std::string> path = SitePath(link.href, page.path, host);
      if (!path) continue;
      std::optional<std::string> lang = language_of(*path);
      bool is_post_url = false;
      for (const auto& [l, pattern] : site.post_url)
        is_post_url = is_post_url || Matches(pattern, *path);
      if (!lang) {
        if (is_post_url) crawl.broken.push_back(name + ": " + link.href);
        continue;
      }
      ++crawl.followed;
      if (*lang != page.lang && link.kind == PageLink::Kind::kLink) {
        crawl.other_language.push_back(name + " (" + page.lang + "): " + link.href + " (" + *lang +
                                       ")");
      }
    }
  }
  return crawl;
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// The repository's own project, published as `make demo` does.
TEST_CASE("The corpus's site, crawled: no broken link, none into the other language") {
  testing::TempDir dir;
  for (const char* name : {"l10n.toml", "corpus", "locales"}) {
    fs::copy(std::string(L10N_SOURCE_DIR) + "/" + name, dir / name, fs::copy_options::recursive);
  }
  Config config;
  DiagnosticSink sink;
  REQUIRE(ParseConfig(testing::Slurp(dir / "l10n.toml"), dir / "l10n.toml", &config, &sink));
  REQUIRE_MESSAGE(config.site.enabled(), "l10n.toml has no [site] settings: nothing to crawl");
  testing::CommandResult r = testing::Run(testing::Tool("l10n-extract") + " -q", dir.path());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  r = testing::Run(testing::Tool("l10n-merge") + " -q", dir.path());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);

  Crawl crawl = CrawlSite(dir.path(), SiteSettingsOf(config));
  CHECK(crawl.pages == 16);  // 8 posts in 2 languages
  CHECK(crawl.followed > crawl.pages);
  INFO("broken:\n" << Lines(crawl.broken));
  INFO("into the other language:\n" << Lines(crawl.other_language));
  CHECK(crawl.broken.size() == 0);
  CHECK(crawl.other_language.size() == 0);
}

TEST_CASE("The crawler: reference resolution, patterns") {
  CHECK(SitePath("https://WWW.Example.org/es/a/?x#y", "/b/", "www.example.org") == "/es/a/");
  CHECK(SitePath("//www.example.org", "/b/", "www.example.org") == "/");
  CHECK(SitePath("https://example.com/es/a/", "/b/", "www.example.org") == std::nullopt);
  CHECK(SitePath("mailto:a@b.org", "/b/", "www.example.org") == std::nullopt);
  CHECK(SitePath("#top", "/b/", "www.example.org") == std::nullopt);
  CHECK(SitePath("../categoria/x/", "/es/a/", "h") == "/es/categoria/x/");
  CHECK(SitePath("c", "/es/a/", "h") == "/es/a/c");
  CHECK(SitePath("./..", "/es/a/", "h") == "/es/");
  CHECK(Matches("/es/{slug}/", "/es/visita"));
  CHECK(Matches("/{slug}/", "/visit/"));
  CHECK_FALSE(Matches("/{slug}/", "/es/visita/"));
  CHECK_FALSE(Matches("/es/{slug}/", "/es/"));
  CHECK(Matches("/es/quienes-somos/", "/es/quienes-somos"));
}

}  // namespace
}  // namespace l10n
