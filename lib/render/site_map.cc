#include "render/site_map.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "base/utf8.h"

namespace l10n {

namespace {

bool IsSchemeChar(char c, bool first) {
  bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

// An href split as RFC 3986 reads it, as much as links need.
struct Href {
  enum class Form { kAbsolute, kProtocolRelative, kRootRelative, kRelative };
  Form form = Form::kRelative;
  std::string scheme;  // as written
  std::string host;    // as written, port included
  std::string path;
  std::string tail;  // "?..." or "#...", as written
};

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

std::optional<Href> ParseHref(std::string_view href) {
  // Browsers strip leading and trailing white space from a URL.
  while (!href.empty() && IsHtmlSpace(href.front())) href.remove_prefix(1);
  while (!href.empty() && IsHtmlSpace(href.back())) href.remove_suffix(1);
  Href h;
  size_t tail = href.find_first_of("?#");
  if (tail != std::string_view::npos) {
    h.tail = std::string(href.substr(tail));
    href = href.substr(0, tail);
  }
  size_t colon = href.find(':');
  size_t slash = href.find('/');
  if (colon != std::string_view::npos && colon > 0 &&
      (slash == std::string_view::npos || colon < slash)) {
    for (size_t i = 0; i < colon; ++i) {
      if (!IsSchemeChar(href[i], i == 0)) return std::nullopt;
    }
    h.scheme = std::string(href.substr(0, colon));
    std::string scheme = LowerAscii(h.scheme);
    if (scheme != "http" && scheme != "https") return std::nullopt;
    href.remove_prefix(colon + 1);
    if (href.substr(0, 2) != "//") return std::nullopt;
    h.form = Href::Form::kAbsolute;
  } else if (href.substr(0, 2) == "//") {
    h.form = Href::Form::kProtocolRelative;
  } else if (!href.empty() && href[0] == '/') {
    h.form = Href::Form::kRootRelative;
    h.path = std::string(href);
    return h;
  } else {
    if (href.empty()) return std::nullopt;  // this page: "#top", "?page=2"
    h.form = Href::Form::kRelative;
    h.path = std::string(href);
    return h;
  }
  href.remove_prefix(2);
  size_t path = href.find('/');
  h.host = std::string(href.substr(0, path));
  h.path = path == std::string_view::npos ? "/" : std::string(href.substr(path));
  return h;
}

// RFC 3986 5.2.4: "/a/b/../c/./d" -> "/a/c/d".
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t begin = 1;
  bool trailing = false;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(begin, end - begin);
    trailing = end == path.size() && (segment.empty() || segment == "." || segment == "..");
    if (segment == "..") {
      if (!out.empty()) out.pop_back();
    } else if (segment != "." && !segment.empty()) {
      out.push_back(segment);
    }
    begin = end + 1;
  }
  std::string result;
  for (std::string_view segment : out) {
    result += '/';
    result.append(segment);
  }
  if (result.empty() || trailing || (!path.empty() && path.back() == '/')) result += '/';
  return result;
}

// The folder of a path: "/es/visita/" -> "/es/visita/", "/es/a.html" -> "/es/".
std::string_view Folder(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view("/") : path.substr(0, slash + 1);
}

// The key of a path in the index: without a trailing "/", "/index.html" or
// "/index.htm", so that every form of one page's URL meets.
std::string Normalize(std::string_view path) {
  std::string p(path);
  for (std::string_view index : {"/index.html", "/index.htm"}) {
    if (p.size() >= index.size() && p.compare(p.size() - index.size(), index.size(), index) == 0) {
      p.resize(p.size() - index.size() + 1);
    }
  }
  while (!p.empty() && p.back() == '/') p.pop_back();
  return p;
}

std::vector<std::string_view> Split(std::string_view folder) {
  std::vector<std::string_view> parts;
  size_t begin = 1;
  while (begin < folder.size()) {
    size_t end = folder.find('/', begin);
    if (end == std::string_view::npos) break;
    parts.push_back(folder.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

// `to` written relative to the page at `from` (both absolute paths).
std::string RelativePath(std::string_view from, std::string_view to) {
  std::vector<std::string_view> base = Split(Folder(from));
  std::string_view to_folder = Folder(to);
  std::vector<std::string_view> target = Split(to_folder);
  size_t common = 0;
  while (common < base.size() && common < target.size() && base[common] == target[common]) {
    ++common;
  }
  std::string out;
  for (size_t i = common; i < base.size(); ++i) out += "../";
  for (size_t i = common; i < target.size(); ++i) {
    out.append(target[i]);
    out += '/';
  }
  out.append(to.substr(to_folder.size()));
  return out.empty() ? "./" : out;
}

}  // namespace

std::string ExpandUrlPattern(std::string_view pattern, std::string_view slug) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t at = pattern.find("{slug}", pos);
    if (at == std::string_view::npos) break;
    out.append(pattern.substr(pos, at - pos));
    out.append(slug);
    pos = at + 6;
  }
  out.append(pattern.substr(pos));
  return out;
}

SiteMap::SiteMap(SiteSettings settings) : settings_(std::move(settings)) {
  std::string base = settings_.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  settings_.base_url = base;
  if (std::optional<Href> h = ParseHref(base + "/"); h && h->form == Href::Form::kAbsolute) {
    scheme_ = LowerAscii(h->scheme);
    host_ = LowerAscii(h->host);
    prefix_ = h->path;
    while (!prefix_.empty() && prefix_.back() == '/') prefix_.pop_back();
  }
  for (size_t i = 0; i < settings_.pages.size(); ++i) {
    for (const auto& [lang, path] : settings_.pages[i]) {
      Index(path, SiteTarget::Kind::kPage, std::to_string(i), lang);
    }
  }
}

void SiteMap::Index(const std::string& path, SiteTarget::Kind kind, const std::string& key,
                    const std::string& lang) {
  if (path.empty()) return;
  index_.try_emplace(Normalize(path), Entry{kind, key, lang});
}

void SiteMap::AddPost(const std::string& key, const std::string& lang, const std::string& slug,
                      bool published) {
  posts_[{key, lang}] = {slug, published};
  Index(PostPath(key, lang), SiteTarget::Kind::kPost, key, lang);
}

void SiteMap::AddCategory(const std::string& key, const std::string& lang,
                          const std::string& slug) {
  categories_[{key, lang}] = slug;
  auto pattern = settings_.category_url.find(lang);
  if (pattern == settings_.category_url.end()) return;
  Index(ExpandUrlPattern(pattern->second, slug), SiteTarget::Kind::kCategory, key, lang);
}

std::string SiteMap::PostPath(const std::string& key, std::string_view lang) const {
  auto post = posts_.find({key, std::string(lang)});
  auto pattern = settings_.post_url.find(std::string(lang));
  if (post == posts_.end() || pattern == settings_.post_url.end()) return "";
  return ExpandUrlPattern(pattern->second, post->second.first);
}

bool SiteMap::Published(const std::string& key, std::string_view lang) const {
  auto post = posts_.find({key, std::string(lang)});
  return post != posts_.end() && post->second.second;
}

std::optional<SiteTarget> SiteMap::Resolve(std::string_view href,
                                           std::string_view page_path) const {
  if (!settings_.enabled()) return std::nullopt;
  std::optional<Href> h = ParseHref(href);
  if (!h) return std::nullopt;
  std::string path;
  switch (h->form) {
    case Href::Form::kAbsolute:
    case Href::Form::kProtocolRelative:
      if (LowerAscii(h->host) != host_) return std::nullopt;
      path = RemoveDotSegments(h->path);
      break;
    case Href::Form::kRootRelative:
      path = RemoveDotSegments(h->path);
      break;
    case Href::Form::kRelative:
      path = RemoveDotSegments(std::string(Folder(prefix_ + std::string(page_path))) + h->path);
      break;
  }
  if (!prefix_.empty()) {
    if (path.compare(0, prefix_.size(), prefix_) != 0 ||
        (path.size() > prefix_.size() && path[prefix_.size()] != '/')) {
      return std::nullopt;
    }
    path.erase(0, prefix_.size());
    if (path.empty()) path.push_back('/');
  }
  auto it = index_.find(Normalize(path));
  if (it == index_.end()) return std::nullopt;
  return SiteTarget{it->second.kind, it->second.key, it->second.lang, h->tail};
}

std::optional<std::string> SiteMap::PathOf(const SiteTarget& target, std::string_view lang) const {
  std::string l(lang);
  switch (target.kind) {
    case SiteTarget::Kind::kPost: {
      if (!Published(target.key, lang)) return std::nullopt;
      std::string path = PostPath(target.key, lang);
      if (path.empty()) return std::nullopt;
      return path;
    }
    case SiteTarget::Kind::kCategory: {
      auto slug = categories_.find({target.key, l});
      auto pattern = settings_.category_url.find(l);
      if (slug == categories_.end() || pattern == settings_.category_url.end()) {
        return std::nullopt;
      }
      return ExpandUrlPattern(pattern->second, slug->second);
    }
    case SiteTarget::Kind::kPage: {
      size_t i = 0;
      auto [end, error] =
          std::from_chars(target.key.data(), target.key.data() + target.key.size(), i);
      if (error != std::errc() || i >= settings_.pages.size()) return std::nullopt;
      auto it = settings_.pages[i].find(l);
      if (it == settings_.pages[i].end()) return std::nullopt;
      return it->second;
    }
  }
  return std::nullopt;
}

std::optional<std::string> SiteMap::Rewrite(std::string_view href, const SiteTarget& target,
                                            std::string_view lang, std::string_view to_path) const {
  std::optional<std::string> path = PathOf(target, lang);
  std::optional<Href> h = ParseHref(href);
  if (!path || !h) return std::nullopt;
  switch (h->form) {
    case Href::Form::kAbsolute:
      return h->scheme + "://" + h->host + prefix_ + *path + h->tail;
    case Href::Form::kProtocolRelative:
      return "//" + h->host + prefix_ + *path + h->tail;
    case Href::Form::kRootRelative:
      return prefix_ + *path + h->tail;
    case Href::Form::kRelative:
      return RelativePath(to_path, *path) + h->tail;
  }
  return std::nullopt;
}

std::string SiteMap::Absolute(std::string_view path) const {
  return settings_.base_url + std::string(path);
}

}  // namespace l10n
