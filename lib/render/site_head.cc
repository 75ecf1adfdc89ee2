#include "render/site_head.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/icu_util.h"
#include "base/language_tag.h"
#include "base/utf8.h"
#include "post/front_matter_value.h"
#include "post/html_escape.h"

namespace l10n {

namespace {

using Tag = Segmentation::Head::Tag;

// hreflang values compare without regard to case (BCP 47).
std::string Attribute(std::string_view value, char quote) {
  std::string out;
  AppendHtmlAttribute(value, quote, &out);
  return out;
}

// The range that removes `element`: its whole line when nothing else is on
// it, so no blank line is left.
Range LineOf(std::string_view text, Range element) {
  size_t b = element.begin;
  while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
  size_t e = element.end;
  while (e < text.size() && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r')) ++e;
  bool line_start = b == 0 || text[b - 1] == '\n';
  if (!line_start || (e < text.size() && text[e] != '\n')) return element;
  return {b, e < text.size() ? e + 1 : e};
}

std::string IndentOf(std::string_view text, Range element, const std::string& fallback) {
  size_t b = element.begin;
  while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
  if (b > 0 && text[b - 1] != '\n') return fallback;
  return std::string(text.substr(b, element.begin - b));
}

class HeadWriter {
 public:
  HeadWriter(std::string_view text, const Segmentation::Head& head, std::vector<TextEdit>* edits)
      : text_(text), head_(head), edits_(edits) {}

  // The tags of one kind: `existing` as the page has them, `wanted` as the
  // page must have them (key, value, element to insert). An existing tag
  // is kept for the wanted one of its key (`keyed`) or position, its value
  // updated; the others are removed; the wanted ones left over are
  // inserted after the last kept one, else at the head's insertion point.
  struct Wanted {
    std::string key;
    std::string value;
    std::string element;
  };
  void Sync(const std::vector<Tag>& existing, const std::vector<Wanted>& wanted, bool keyed) {
    std::vector<bool> placed(wanted.size(), false);
    const Tag* last = nullptr;
    size_t next = 0;
    for (const Tag& tag : existing) {
      size_t match = wanted.size();
      if (keyed) {
        for (size_t i = 0; i < wanted.size() && match == wanted.size(); ++i) {
          if (!placed[i] && wanted[i].key == tag.key) match = i;
        }
      } else if (next < wanted.size()) {
        match = next++;
      }
      if (match == wanted.size()) {
        edits_->push_back({LineOf(text_, tag.element), ""});
        continue;
      }
      placed[match] = true;
      last = &tag;
      SetValue(tag, wanted[match]);
    }
    std::vector<std::string> rest;
    for (size_t i = 0; i < wanted.size(); ++i) {
      if (!placed[i]) rest.push_back(wanted[i].element);
    }
    if (rest.empty()) return;
    if (!last) {
      for (std::string& e : rest) block_.push_back(std::move(e));
      return;
    }
    std::string indent = IndentOf(text_, last->element, head_.indent);
    std::string out;
    for (const std::string& e : rest) out += head_.eol + indent + e;
    edits_->push_back({{last->element.end, last->element.end}, std::move(out)});
  }

  // The tags no existing one could take, before </head>.
  void Finish() {
    if (block_.empty()) return;
    std::string out;
    for (const std::string& e : block_) {
      out += head_.at_line_start ? head_.indent + e + head_.eol : head_.eol + head_.indent + e;
    }
    edits_->push_back({{head_.insert_at, head_.insert_at}, std::move(out)});
  }

 private:
  void SetValue(const Tag& tag, const Wanted& wanted) {
    if (tag.valueless) {
      edits_->push_back({tag.element, wanted.element});
      return;
    }
    std::string value = Attribute(wanted.value, tag.quote ? tag.quote : '"');
    if (!tag.quote) value = "\"" + value + "\"";
    if (text_.substr(tag.value.begin, tag.value.end - tag.value.begin) == value) return;
    edits_->push_back({tag.value, std::move(value)});
  }

  std::string_view text_;
  const Segmentation::Head& head_;
  std::vector<TextEdit>* edits_;
  std::vector<std::string> block_;
};

std::string LinkTag(std::string_view rel, std::string_view hreflang, std::string_view href) {
  std::string out = "<link rel=\"" + std::string(rel) + "\"";
  if (!hreflang.empty()) out += " hreflang=\"" + Attribute(hreflang, '"') + "\"";
  return out + " href=\"" + Attribute(href, '"') + "\">";
}

std::string MetaTag(std::string_view property, std::string_view content) {
  return "<meta property=\"" + std::string(property) + "\" content=\"" + Attribute(content, '"') +
         "\">";
}

// The page's languages: each the post is published in, in the settings'
// order, with the page's own (where it is, whatever the map says).
struct Published {
  std::string lang;
  std::string path;
};
std::vector<Published> PublishedLanguages(const SitePage& page) {
  std::vector<Published> out;
  const SiteMap& site = *page.site;
  for (const auto& [lang, pattern] : site.settings().post_url) {
    if (lang == page.lang) {
      out.push_back({lang, page.path});
      continue;
    }
    if (!site.Published(page.post, lang)) continue;
    std::string path = site.PostPath(page.post, lang);
    if (!path.empty()) out.push_back({lang, std::move(path)});
  }
  return out;
}

std::string OgLocaleOf(const SiteSettings& settings, const std::string& lang) {
  auto it = settings.og_locale.find(lang);
  return it != settings.og_locale.end() ? it->second : OpenGraphLocale(lang);
}

void HtmlHead(std::string_view text, const Segmentation::Head& head, const SitePage& page,
              const std::vector<Published>& langs, std::vector<TextEdit>* edits) {
  const SiteMap& site = *page.site;
  const SiteSettings& settings = site.settings();
  HeadWriter writer(text, head, edits);
  std::string self = site.Absolute(page.path);
  writer.Sync(head.canonicals, {{"", self, LinkTag("canonical", "", self)}}, false);

  std::vector<HeadWriter::Wanted> alternates;
  const Published* x_default = nullptr;
  for (const Published& p : langs) {
    std::string url = site.Absolute(p.path);
    alternates.push_back({LowerAscii(p.lang), url, LinkTag("alternate", p.lang, url)});
    if (p.lang == settings.x_default) x_default = &p;
  }
  for (const Published& p : langs) {
    if (!x_default && p.lang == page.source_lang) x_default = &p;
  }
  if (x_default) {
    std::string url = site.Absolute(x_default->path);
    alternates.push_back({"x-default", url, LinkTag("alternate", "x-default", url)});
  }
  writer.Sync(head.alternates, alternates, true);

  std::string locale = OgLocaleOf(settings, page.lang);
  writer.Sync(head.og_locales, {{"", locale, MetaTag("og:locale", locale)}}, false);
  std::vector<HeadWriter::Wanted> others;
  for (const Published& p : langs) {
    if (p.lang == page.lang) continue;
    std::string other = OgLocaleOf(settings, p.lang);
    others.push_back({"", other, MetaTag("og:locale:alternate", other)});
  }
  writer.Sync(head.og_locale_alternates, others, false);
  // og:url where the page has Open Graph tags of its own (og:locale and
  // og:locale:alternate, which every page gets, do not count).
  if (head.has_open_graph || !head.og_urls.empty()) {
    writer.Sync(head.og_urls, {{"", self, MetaTag("og:url", self)}}, false);
  }
  writer.Finish();
}

// A switcher's href: the post's page in its language, in the form the
// href is written when it names a page of the site, else absolute; hidden
// when that page is not published.
void Switchers(std::string_view text, const Segmentation::Head& head, const SitePage& page,
               const std::vector<Published>& langs, std::vector<TextEdit>* edits) {
  const SiteMap& site = *page.site;
  for (const Segmentation::Head::Switcher& s : head.switchers) {
    std::string lang = PrimaryLanguage(s.lang);
    const Published* to = nullptr;
    for (const Published& p : langs) {
      if (p.lang == lang) to = &p;
    }
    if (!to) {
      if (!s.hidden) edits->push_back({{s.attribute_at, s.attribute_at}, " hidden"});
      continue;
    }
    std::string href = site.Absolute(to->path);
    if (s.has_href && !s.href.valueless) {
      std::string_view written =
          text.substr(s.href.value.begin, s.href.value.end - s.href.value.begin);
      if (std::optional<SiteTarget> t = site.Resolve(written, page.path)) {
        SiteTarget target{SiteTarget::Kind::kPost, page.post, lang, t->tail};
        if (std::optional<std::string> r = site.Rewrite(written, target, lang, page.path)) {
          href = *r;
        }
      }
    }
    std::string value = Attribute(href, s.href.quote ? s.href.quote : '"');
    if (!s.has_href) {
      edits->push_back({{s.attribute_at, s.attribute_at}, " href=\"" + value + "\""});
    } else if (s.href.valueless) {
      // "<a href data-l10n-alternate>": the attribute gets a value after
      // the tag's name.
      edits->push_back({{s.attribute_at, s.attribute_at}, " href=\"" + value + "\""});
    } else {
      if (!s.href.quote) value = "\"" + value + "\"";
      std::string_view written =
          text.substr(s.href.value.begin, s.href.value.end - s.href.value.begin);
      if (written != value) edits->push_back({s.href.value, std::move(value)});
    }
  }
}

// The slug Hugo serves the page under: the part of its path the
// language's pattern has for {slug}.
std::string SlugOf(const SitePage& page) {
  const auto& patterns = page.site->settings().post_url;
  auto it = patterns.find(page.lang);
  if (it == patterns.end()) return "";
  std::string_view pattern = it->second, path = page.path;
  size_t at = pattern.find("{slug}");
  if (at == std::string_view::npos) return "";
  std::string_view prefix = pattern.substr(0, at), suffix = pattern.substr(at + 6);
  if (path.size() < prefix.size() + suffix.size() || path.substr(0, prefix.size()) != prefix ||
      path.substr(path.size() - suffix.size()) != suffix) {
    return "";
  }
  return std::string(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
}

// l10n-check's rule for a slug: lowercase ASCII letters, digits and
// hyphens. A translated slug that breaks it is never written.
bool SafeSlug(std::string_view slug) {
  if (slug.empty()) return false;
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// Hugo's translation key of a content file: its path below `content_dir`
// without the extension and the language suffix ("blog/x.es.md" ->
// "blog/x"); a bundle's ("blog/x/index.es.md") is its folder ("blog/x").
std::string HugoKey(std::string_view file, std::string_view content_dir) {
  std::string dir_prefix = std::string(content_dir) + "/";
  if (!content_dir.empty() && file.substr(0, dir_prefix.size()) == dir_prefix) {
    file.remove_prefix(dir_prefix.size());
  }
  size_t slash = file.rfind('/');
  std::string_view dir = slash == std::string_view::npos ? "" : file.substr(0, slash);
  std::string_view name = slash == std::string_view::npos ? file : file.substr(slash + 1);
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0)
    name = name.substr(0, dot);
  if (size_t dot = name.rfind('.');
      dot != std::string_view::npos && dot > 0 && IsLanguageTag(name.substr(dot + 1))) {
    name = name.substr(0, dot);
  }
  if (name == "index" || name == "_index") return std::string(dir);
  return dir.empty() ? std::string(name) : std::string(dir) + "/" + std::string(name);
}

void FrontMatter(std::string_view text, const Segmentation::Head& head, const SitePage& page,
                 std::vector<TextEdit>* edits) {
  bool yaml = head.syntax == '-';
  auto line = [&](std::string_view key, std::string_view value) {
    Unit at;
    at.quote = yaml ? kYamlDouble : kTomlBasic;
    return std::string(key) + (yaml ? ": " : " = ") + RenderFrontMatterValue(at, value) + head.eol;
  };
  std::string out;
  std::string slug = SlugOf(page);
  if (SafeSlug(slug)) {
    if (!head.slug.empty()) {
      Unit at;
      at.quote = head.slug_quote;
      std::string value = RenderFrontMatterValue(at, slug);
      if (text.substr(head.slug.begin, head.slug.end - head.slug.begin) != value) {
        edits->push_back({head.slug, std::move(value)});
      }
    } else if (!head.has_slug_key && page.lang != page.source_lang) {
      out += line("slug", slug);
    }
  }
  if (!head.has_translation_key && !page.file.empty() &&
      HugoKey(page.file, page.content_dir) != HugoKey(page.post, page.content_dir)) {
    out += line("translationKey", HugoKey(page.post, page.content_dir));
  }
  if (!out.empty()) edits->push_back({{head.insert_at, head.insert_at}, std::move(out)});
}

}  // namespace

std::vector<TextEdit> SiteHeadEdits(std::string_view text, const Segmentation& segmentation,
                                    const SitePage& page) {
  if (!page.site || !page.site->settings().enabled()) return {};
  const Segmentation::Head& head = segmentation.head;
  std::vector<TextEdit> edits;
  if (head.syntax) {
    if (head.found) FrontMatter(text, head, page, &edits);
    return edits;
  }
  std::vector<Published> langs = PublishedLanguages(page);
  if (head.found) HtmlHead(text, head, page, langs, &edits);
  Switchers(text, head, page, langs, &edits);
  return edits;
}

}  // namespace l10n
