#include "project/config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "base/language_tag.h"
#include "base/ui_text.h"
#include "catalog/xliff.h"
#include "render/date_format.h"

namespace l10n {

namespace {

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s->find(from, pos)) != std::string::npos) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

class ConfigParser {
 public:
  ConfigParser(const std::string& path, Config* config, DiagnosticSink* sink)
      : path_(path), config_(config), sink_(sink) {}

  void Parse(const toml::table& root) {
    for (const auto& [key, node] : root) {
      if (key == "project") {
        Project(node);
      } else if (key == "extract") {
        Extract(node);
      } else if (key == "merge") {
        Merge(node);
      } else if (key == "categories") {
        Categories(node);
      } else if (key == "check") {
        CheckSection(node);
      } else if (key == "site") {
        Site(node);
      } else if (key == "import") {
        Import(node);
      } else {
        Unknown(key.str(), node);
      }
    }
  }

 private:
  void Error(const toml::node& node, const std::string& message) {
    const toml::source_region& where = node.source();
    sink_->Error(path_, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                 message);
  }

  void Unknown(std::string_view key, const toml::node& node) {
    Error(node, FormatUi("unknown setting '{}'", key));
  }

  const toml::table* Table(const toml::node& node, std::string_view name) {
    const toml::table* table = node.as_table();
    if (!table) Error(node, FormatUi("'{}' must be a table", name));
    return table;
  }

  bool String(const toml::node& node, std::string_view name, std::string* out) {
    const toml::value<std::string>* value = node.as_string();
    if (!value) {
      Error(node, FormatUi("'{}' must be a string", name));
      return false;
    }
    *out = value->get();
    return true;
  }

  // False when `node` is no array; items that are no string are left out
  // (and reported).
  bool StringList(const toml::node& node, std::string_view name, std::vector<std::string>* out) {
    const toml::array* array = node.as_array();
    if (!array) {
      Error(node, FormatUi("'{}' must be an array of strings", name));
      return false;
    }
    out->clear();
    for (const toml::node& item : *array) {
      std::string s;
      if (String(item, name, &s)) out->push_back(s);
    }
    return true;
  }

  void Project(const toml::node& node) {
    const toml::table* table = Table(node, "project");
    if (!table) return;
    for (const auto& [k, v] : *table) {
      std::string_view key = k.str();
      if (key == "name") {
        String(v, "project.name", &config_->project_name);
      } else if (key == "languages") {
        StringList(v, "project.languages", &config_->languages);
      } else if (key == "posts") {
        StringList(v, "project.posts", &config_->posts);
      } else if (key == "taxonomy") {
        String(v, "project.taxonomy", &config_->taxonomy);
      } else if (key == "template") {
        String(v, "project.template", &config_->template_pattern);
      } else if (key == "catalog") {
        String(v, "project.catalog", &config_->catalog_pattern);
      } else if (key == "output") {
        String(v, "project.output", &config_->output_pattern);
      } else if (key == "markdown_output") {
        String(v, "project.markdown_output", &config_->markdown_output_pattern);
      } else if (key == "xliff") {
        std::vector<std::string> versions;
        if (StringList(v, "project.xliff", &versions)) SetXliffVersions(versions, config_);
      } else if (key == "cache") {
        String(v, "project.cache", &config_->cache);
      } else if (key == "xliff_path") {
        String(v, "project.xliff_path", &config_->xliff_pattern);
      } else if (key == "shortcodes") {
        Bool(v, "project.shortcodes", &config_->segment.shortcodes);
      } else if (key == "prose_pre_classes") {
        StringList(v, "project.prose_pre_classes", &config_->segment.prose_pre_classes);
      } else if (key == "shortcode_names") {
        StringList(v, "project.shortcode_names", &config_->segment.shortcode_names);
      } else if (key == "front_matter_keys") {
        StringList(v, "project.front_matter_keys", &config_->segment.front_matter_keys);
      } else {
        Unknown(fmt::format("project.{}", key), v);
      }
    }
  }

  bool Bool(const toml::node& node, std::string_view name, bool* out) {
    const toml::value<bool>* value = node.as_boolean();
    if (!value) {
      Error(node, FormatUi("'{}' must be true or false", name));
      return false;
    }
    *out = value->get();
    return true;
  }

  void Extract(const toml::node& node) {
    const toml::table* table = Table(node, "extract");
    if (!table) return;
    for (const auto& [k, v] : *table) {
      std::string_view key = k.str();
      if (key == "fuzzy_matching") {
        Bool(v, "extract.fuzzy_matching", &config_->fuzzy_matching);
      } else if (key == "purge_obsolete") {
        Bool(v, "extract.purge_obsolete", &config_->purge_obsolete);
      } else if (key == "compendia") {
        StringList(v, "extract.compendia", &config_->compendia);
      } else {
        Unknown(fmt::format("extract.{}", key), v);
      }
    }
  }

  void Merge(const toml::node& node) {
    const toml::table* table = Table(node, "merge");
    if (!table) return;
    for (const auto& [k, v] : *table) {
      std::string_view key = k.str();
      if (key == "keep") {
        const toml::value<int64_t>* value = v.as_integer();
        if (!value) {
          Error(v, _("'merge.keep' must be an integer"));
        } else {
          config_->keep = static_cast<int>(value->get());
        }
      } else if (key == "date_style") {
        std::string style;
        if (String(v, "merge.date_style", &style)) SetDateStyle(style, config_);
      } else {
        Unknown(fmt::format("merge.{}", key), v);
      }
    }
  }

  void CheckSection(const toml::node& node) {
    const toml::table* table = Table(node, "check");
    if (!table) return;
    for (const auto& [k, v] : *table) {
      std::string_view key = k.str();
      if (key == "error") {
        StringList(v, "check.error", &config_->check_errors);
      } else if (key == "warning") {
        StringList(v, "check.warning", &config_->check_warnings);
      } else if (key == "ignore") {
        StringList(v, "check.ignore", &config_->check_ignore);
      } else if (key == "min_coverage") {
        const toml::value<int64_t>* value = v.as_integer();
        if (!value || value->get() < 0 || value->get() > 100) {
          Error(v, _("'check.min_coverage' must be a percentage from 0 to 100"));
        } else {
          config_->check_min_coverage = static_cast<int>(value->get());
        }
      } else {
        Unknown(fmt::format("check.{}", key), v);
      }
    }
  }

  void Categories(const toml::node& node) {
    const toml::table* table = Table(node, "categories");
    if (!table) return;
    for (const auto& [k, v] : *table) {
      std::string pattern;
      if (String(v, fmt::format("categories.{}", k.str()), &pattern)) {
        config_->category_patterns[std::string(k.str())] = pattern;
      }
    }
  }

  // A table of language -> string ("site.url").
  void LanguageStrings(const toml::node& node, const std::string& name,
                       std::map<std::string, std::string>* out) {
    const toml::table* table = Table(node, name);
    if (!table) return;
    for (const auto& [k, v] : *table) {
      std::string value;
      if (String(v, fmt::format("{}.{}", name, k.str()), &value)) {
        (*out)[std::string(k.str())] = value;
      }
    }
  }

  void Site(const toml::node& node) {
    const toml::table* table = Table(node, "site");
    if (!table) return;
    SiteSettings& site = config_->site;
    for (const auto& [k, v] : *table) {
      std::string_view key = k.str();
      if (key == "base_url") {
        String(v, "site.base_url", &site.base_url);
      } else if (key == "url") {
        LanguageStrings(v, "site.url", &site.post_url);
      } else if (key == "category_url") {
        LanguageStrings(v, "site.category_url", &site.category_url);
      } else if (key == "og_locale") {
        LanguageStrings(v, "site.og_locale", &site.og_locale);
      } else if (key == "x_default") {
        String(v, "site.x_default", &site.x_default);
      } else if (key == "urls") {
        String(v, "site.urls", &config_->site_urls);
      } else if (key == "pages") {
        const toml::table* pages = Table(v, "site.pages");
        if (!pages) continue;
        for (const auto& [page, urls] : *pages) {
          std::map<std::string, std::string> entry;
          LanguageStrings(urls, fmt::format("site.pages.\"{}\"", page.str()), &entry);
          // The key is the page's URL in the language the table leaves out,
          // or in its `lang`.
          std::string own_lang;
          if (auto it = entry.find("lang"); it != entry.end()) {
            own_lang = it->second;
            entry.erase(it);
          }
          entry[own_lang] = std::string(page.str());
          site.pages.push_back(std::move(entry));
        }
      } else {
        Unknown(fmt::format("site.{}", key), v);
      }
    }
  }

  void Import(const toml::node& node) {
    const toml::table* table = Table(node, "import");
    if (!table) return;
    for (const auto& [k, v] : *table) {
      std::string_view key = k.str();
      if (key == "from") {
        String(v, "import.from", &config_->import_from);
      } else if (key == "map") {
        String(v, "import.map", &config_->import_map);
      } else if (key == "pair") {
        std::string pair;
        if (!String(v, "import.pair", &pair)) continue;
        if (pair != "name" && pair != "hreflang" && pair != "hugo" && pair != "map") {
          Error(v, FormatUi("unknown pairing '{}' (name, hreflang, hugo or map)", pair));
        } else {
          config_->import_pair = pair;
        }
      } else if (key == "accept") {
        std::optional<double> value = v.value<double>();
        if (!v.is_number() || !value || !(*value >= 0 && *value <= 1)) {
          Error(v, _("'import.accept' must be a number from 0 to 1"));
        } else {
          config_->import_accept = *value;
        }
      } else {
        Unknown(fmt::format("import.{}", key), v);
      }
    }
  }

  const std::string& path_;
  Config* config_;
  DiagnosticSink* sink_;
};

}  // namespace

std::string Config::Expand(std::string_view pattern, std::string_view lang, std::string_view source,
                           std::string_view slug) const {
  std::string s(pattern);
  ReplaceAll(&s, "{lang}", lang);
  ReplaceAll(&s, "{source}", source);
  ReplaceAll(&s, "{slug}", slug);
  if (root.empty() || root == "." || (!s.empty() && s[0] == '/')) return s;
  return (std::filesystem::path(root) / s).lexically_normal().string();
}

bool ParseConfig(std::string_view text, const std::string& path, Config* config,
                 DiagnosticSink* sink) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  config->root = parent.empty() ? "." : parent.string();
  toml::table table;
  try {
    table = toml::parse(text, path);
  } catch (const toml::parse_error& error) {
    sink->Error(path, static_cast<int>(error.source().begin.line),
                static_cast<int>(error.source().begin.column), std::string(error.description()));
    return false;
  }
  size_t before = sink->diagnostics().size();
  // toml++ iterates keys in sorted order: report in file order instead.
  DiagnosticSink found;
  ConfigParser(path, config, &found).Parse(table);
  std::vector<Diagnostic> sorted = found.diagnostics();
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  for (Diagnostic& d : sorted) sink->Report(std::move(d));
  for (size_t i = before; i < sink->diagnostics().size(); ++i) {
    if (sink->diagnostics()[i].severity == Severity::kError) return false;
  }
  return true;
}

void SetXliffVersions(const std::vector<std::string>& words, Config* config) {
  config->xliff_versions.clear();
  config->unknown_xliff_versions.clear();
  for (const std::string& word : words) {
    XliffVersion version;
    if (ParseXliffVersion(word, &version) && word != "2.1") {
      config->xliff_versions.push_back(version);
    } else {
      config->unknown_xliff_versions.push_back(word);
    }
  }
}

void SetDateStyle(std::string_view word, Config* config) {
  config->unknown_date_style.reset();
  if (!ParseDateStyle(word, &config->date_style)) config->unknown_date_style = std::string(word);
}

SiteSettings SiteSettingsOf(const Config& config) {
  SiteSettings site = config.site;
  for (std::map<std::string, std::string>& page : site.pages) {
    auto own = page.find("");
    if (own == page.end()) continue;
    std::string url = own->second;
    page.erase(own);
    std::vector<std::string> left_out;
    for (const std::string& tag : config.languages) {
      std::string lang = PrimaryLanguage(tag);
      if (!page.count(lang)) left_out.push_back(lang);
    }
    if (left_out.size() == 1) page[left_out[0]] = url;
  }
  return site;
}

bool ValidateConfig(const Config& config, const std::string& path, DiagnosticSink* sink) {
  bool ok = true;
  auto error = [&](const std::string& message) {
    sink->Error(path, 0, 0, message);
    ok = false;
  };
  if (config.languages.size() < 2) error(_("at least two languages are needed"));
  for (const std::string& lang : config.languages) {
    if (!IsLanguageTag(lang)) error(FormatUi("'{}' is not a language tag", lang));
  }
  if (config.posts.empty()) error(_("no posts are named"));
  if (config.template_pattern.find("{lang}") == std::string::npos) {
    error(_("the template path needs '{lang}'"));
  }
  if (config.catalog_pattern.find("{lang}") == std::string::npos) {
    error(_("the catalog path needs '{lang}'"));
  }
  if (config.languages.size() > 2 && config.catalog_pattern.find("{source}") == std::string::npos) {
    error(_("with more than two languages the catalog path needs '{source}'"));
  }
  // A page's path names its language and its post ({slug}, or {name} and
  // the folder {dir} when pages go beside their posts).
  auto names_page = [](const std::string& p) {
    auto has = [&p](const char* key) { return p.find(key) != std::string::npos; };
    return has("{lang}") && (has("{slug}") || (has("{dir}") && has("{name}")));
  };
  if (!names_page(config.output_pattern)) {
    error(_("the output path needs '{lang}' and '{slug}'"));
  }
  if (!names_page(config.markdown_output_pattern)) {
    error(_("the Markdown output path needs '{lang}', and '{slug}' or '{dir}' and '{name}'"));
  }
  for (const std::string& version : config.unknown_xliff_versions) {
    error(FormatUi("unknown XLIFF version '{}' (1.2 or 2.0)", version));
  }
  size_t xliff_count = config.xliff_versions.size() + config.unknown_xliff_versions.size();
  if (xliff_count > 0 &&
      (config.xliff_pattern.find("{lang}") == std::string::npos ||
       (xliff_count > 1 && config.xliff_pattern.find("{version}") == std::string::npos))) {
    error(_("the XLIFF path needs '{lang}', and '{version}' when several versions are written"));
  }
  if (config.keep < 0 || config.keep > 100) error(_("keep must be a percentage from 0 to 100"));
  if (config.unknown_date_style) {
    error(FormatUi("unknown date style '{}' (long, medium, short or full)",
                   *config.unknown_date_style));
  }
  const SiteSettings& site = config.site;
  bool site_used =
      site.enabled() || !site.post_url.empty() || !site.category_url.empty() || !site.pages.empty();
  if (site_used) {
    std::string_view base = site.base_url;
    if (base.substr(0, 8) != "https://" && base.substr(0, 7) != "http://") {
      error(_("site.base_url must be an http or https URL (\"https://www.example.org\")"));
    }
    for (const std::string& tag : config.languages) {
      std::string lang = PrimaryLanguage(tag);
      auto url = site.post_url.find(lang);
      if (url == site.post_url.end()) {
        error(FormatUi("site.url needs the URL of a post in '{}' (\"/{}/{{slug}}/\")", lang, lang));
      }
    }
    auto rooted = [&](std::string_view name, const std::map<std::string, std::string>& urls,
                      bool with_slug) {
      for (const auto& [lang, url] : urls) {
        if (url.empty() || url[0] != '/' ||
            (with_slug && url.find("{slug}") == std::string::npos)) {
          error(with_slug ? FormatUi("{}.{} must be a path from the site's root with '{{slug}}'",
                                     name, lang)
                          : FormatUi("{}.{} must be a path from the site's root", name, lang));
        }
      }
    };
    rooted("site.url", site.post_url, true);
    rooted("site.category_url", site.category_url, true);
    SiteSettings resolved = SiteSettingsOf(config);
    for (size_t i = 0; i < resolved.pages.size(); ++i) {
      if (resolved.pages[i].count("")) {
        error(FormatUi("site.pages \"{}\": say its language with 'lang' (more than two languages)",
                       resolved.pages[i].at("")));
      }
      rooted("site.pages", resolved.pages[i], false);
    }
  }
  return ok;
}

}  // namespace l10n
