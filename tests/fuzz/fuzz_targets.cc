#include "fuzz_targets.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "catalog/catalog.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "catalog/taxonomy.h"
#include "catalog/xliff.h"
#include "check/catalog_checker.h"
#include "check/header_check.h"
#include "post/html_segmenter.h"
#include "post/markdown_format.h"
#include "post/post_formats.h"
#include "post/post_input.h"
#include "post/segmentation_codec.h"
#include "project/post_cache.h"
#include "project/project.h"
#include "render/category_format.h"
#include "render/date_format.h"
#include "render/merge.h"
#include "unit/unit_text.h"

namespace l10n::fuzz {

namespace {

[[noreturn]] void FuzzFail(const char* what) {
  std::fprintf(stderr, "fuzz property failed: %s\n", what);
  std::abort();
}

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

size_t CountFolded(std::string_view haystack, std::string_view needle) {
  std::string lower(haystack);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  size_t count = 0;
  for (size_t at = lower.find(needle); at != std::string::npos; at = lower.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// "onerror" followed by optional spaces and '=', ASCII case folded.
size_t CountHandlers(std::string_view html, std::string_view handler) {
  std::string lower(html);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  size_t count = 0;
  for (size_t at = lower.find(handler); at != std::string::npos; at = lower.find(handler, at + 1)) {
    size_t i = at + handler.size();
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t' || lower[i] == '\n')) ++i;
    if (i < lower.size() && lower[i] == '=') ++count;
  }
  return count;
}

// A post with every kind of unit and placeholder.
constexpr std::string_view kPost = R"(<!DOCTYPE html>
<html lang="en">
<head><title>Field visit Peru and Colombia</title>
<meta name="description" content="Our visit to partners.">
</head>
<body>
<h1>Field visit Peru and Colombia</h1>
<p>Read <a href="/report.pdf">the <em>full</em> report</a> of our visit.<br>Thanks!</p>
<ul><li>Lima</li><li>Bogot&aacute; &amp; Cali</li></ul>
<figure><img src="/lima.jpg" alt="Partners in Lima"><figcaption>Photo: <a href="https://example.org/">the team</a></figcaption></figure>
<p>Publish Date: <time datetime="2017-08-29">August 29, 2017</time></p>
<p>Category: <a rel="category tag" href="/category/blog-fieldvisit/">Blog fieldvisit / Visita de campo</a></p>
<footer><p>Youth Voices for Change &copy; 2017</p></footer>
</body>
</html>
)";

// A post whose categories take their Spanish names from every source: the
// taxonomy, the catalog (msgctxt "category"), the bilingual label.
constexpr std::string_view kPublishPost = R"(<!DOCTYPE html>
<html lang="en">
<head><title>Field visit</title><meta name="description" content="Our visit &amp; more."></head>
<body>
<h1>Field visit</h1>
<p>Read <a href="/report.pdf" title="The report">the <em>full</em> report</a>.<br>Thanks!</p>
<p><img src="/lima.jpg" alt="Partners in Lima"> Bogot&aacute; &amp; Cali &copy; 2017</p>
<p>Publish Date: <time datetime="2017-08-29">August 29, 2017</time></p>
<p>Category: <a rel="category tag" href="/category/blog-fieldvisit/">Blog fieldvisit / Visita de campo</a>, <a rel="category tag" href="/category/events/">Events</a>, <a rel="category tag" href="/category/news/">News</a></p>
</body>
</html>
)";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

// The tags of HTML as a browser's tokenizer sees them ('<' then a letter,
// '/', '!' or '?'), each as its name and its attributes' names, sorted:
// "a href rel", "/a", "!doctype", "!--".
std::map<std::string, int> TagShapes(std::string_view html) {
  std::map<std::string, int> shapes;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '<' || i + 1 >= html.size()) continue;
    char n = html[i + 1];
    bool letter = (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z');
    if (!letter && n != '/' && n != '!' && n != '?') continue;
    size_t j = i + 1;
    if (n == '!' && html.substr(j, 3) == "!--") {
      ++shapes["!--"];
      size_t end = html.find("-->", j);
      i = end == std::string_view::npos ? html.size() : end + 2;
      continue;
    }
    auto space = [](char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    };
    size_t name_start = j;
    while (j < html.size() && !space(html[j]) && html[j] != '>' &&
           (j == name_start || html[j] != '/')) {
      ++j;
    }
    std::string shape = Lower(html.substr(name_start, j - name_start));
    std::vector<std::string> attributes;
    while (j < html.size() && html[j] != '>') {
      if (space(html[j]) || html[j] == '/') {
        ++j;
        continue;
      }
      size_t a = j;
      while (j < html.size() && !space(html[j]) && html[j] != '>' && html[j] != '=' &&
             (j == a || html[j] != '/')) {
        ++j;
      }
      attributes.push_back(Lower(html.substr(a, j - a)));
      while (j < html.size() && space(html[j])) ++j;
      if (j < html.size() && html[j] == '=') {
        ++j;
        while (j < html.size() && space(html[j])) ++j;
        if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
          size_t close = html.find(html[j], j + 1);
          j = close == std::string_view::npos ? html.size() : close + 1;
        } else {
          while (j < html.size() && !space(html[j]) && html[j] != '>') ++j;
        }
      }
    }
    std::sort(attributes.begin(), attributes.end());
    for (const std::string& a : attributes) shape += " " + a;
    ++shapes[shape];
    i = j;
  }
  return shapes;
}

// Character references ("&amp;", "&#39;") and the bare '&'s of HTML.
std::map<std::string, int> References(std::string_view html) {
  std::map<std::string, int> refs;
  for (size_t i = html.find('&'); i != std::string_view::npos; i = html.find('&', i + 1)) {
    size_t j = i + 1;
    while (j < html.size() && j - i < 40 &&
           ((html[j] >= 'a' && html[j] <= 'z') || (html[j] >= 'A' && html[j] <= 'Z') ||
            (html[j] >= '0' && html[j] <= '9') || html[j] == '#')) {
      ++j;
    }
    ++refs[std::string(html.substr(i, j - i))];
  }
  return refs;
}

// Code points no page gets from a translation: controls but TAB and LF,
// bidi controls, format and default-ignorable characters but the soft
// hyphen, ZWNJ, ZWJ, variation selectors, prepended concatenation marks and
// tag characters (emoji tag sequences). Counted by code point.
std::map<UChar32, int> Invisible(std::string_view s) {
  std::map<UChar32, int> out;
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) continue;
    int8_t type = u_charType(c);
    bool control = type == U_CONTROL_CHAR && c != '\t' && c != '\n';
    bool bidi = u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL);
    bool ignorable =
        type == U_FORMAT_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
    bool allowed = c == 0xAD || c == 0x200C || c == 0x200D ||
                   u_hasBinaryProperty(c, UCHAR_VARIATION_SELECTOR) ||
                   u_hasBinaryProperty(c, UCHAR_PREPENDED_CONCATENATION_MARK) ||
                   (c >= 0xE0020 && c <= 0xE007F);
    if (control || bidi || (ignorable && !allowed)) ++out[c];
  }
  return out;
}

// "javascript:" as browsers read it in a URL: ASCII case folded, without
// white space and controls.
size_t CountJavascript(std::string_view html) {
  std::string folded;
  for (char c : html) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u > 0x20 && u != 0x7F) folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return CountFolded(folded, "javascript:");
}

template <typename K>
bool Within(const std::map<K, int>& page, const std::map<K, int>& post, const K** extra) {
  for (const auto& [key, count] : page) {
    auto it = post.find(key);
    if (it == post.end() || it->second < count) {
      *extra = &key;
      return false;
    }
  }
  return true;
}

// l10n-check on any bytes as a catalog: findings, never a crash, each
// located in the file or at a line of it.
void CheckAsCatalog(std::string_view data, const std::string& path) {
  CheckPolicy policy;
  CheckReport report;
  CheckCatalogText(data, path, CatalogCheckOptions(), policy, &report);
  int lines = 1 + static_cast<int>(std::count(data.begin(), data.end(), '\n'));
  for (const Diagnostic& d : report.findings) {
    if (d.line < 0 || d.line > lines || d.column < 0) FuzzFail("finding outside the file");
  }
}

}  // namespace

void Segment(std::string_view data) {
  // The tools refuse what the limits refuse before segmenting (LoadPosts).
  if (CheckPostInput(data)) return;
  // As the default project segments it, and with WordPress shortcodes on.
  SegmentOptions wordpress;
  wordpress.shortcodes = true;
  for (const SegmentOptions& segment : {SegmentOptions(), wordpress}) {
    DiagnosticSink sink;
    Segmentation seg = SegmentHtml(data, "f.html", segment, &sink);
    for (const Unit& u : seg.units) {
      if (u.range.begin > u.range.end || u.range.end > data.size()) FuzzFail("unit range");
    }
    // The tools need a usable <html lang> (LoadPosts); without one the post
    // is taken as English here.
    std::string lang = PrimaryLanguage(seg.lang);
    if (lang.empty()) lang = "en";
    MergeOptions options;
    options.source_lang = lang;
    options.target_lang = lang;
    options.segment = segment;
    options.translate = [](const Unit& u) -> std::optional<Translation> {
      return Translation{u.text, "", 0, nullptr};
    };
    MergeResult merged = MergePost(data, "f.html", seg, options, &sink);
    if (merged.html != data) FuzzFail("same-language merge changed the post");
  }
}

namespace {

struct CachePost {
  const char* path;
  const char* text;
};

constexpr CachePost kCachePosts[] = {
    {"posts/a.html",
     "<!DOCTYPE html><html lang=\"en\"><head><title>A visit</title></head><body><p>We met "
     "<em>youth</em> in <a href=\"/lima/\">Lima</a> <time datetime=\"2024-05-01\">May "
     "1</time>.</p></body></html>"},
    {"posts/b.html",
     "<html lang=es><p>Hola <a rel=\"category tag\" href=\"/category/news/\">News</a> "
     "<!--more--> <img alt=\"Foto\" src=x.png></p>"},
    {"content/c.md",
     "---\ntitle: \"A post\"\nslug: a-post\ncategories: [News]\n---\n\n# Hello\n\nSome "
     "*text* with a [link](/x/).\n"},
};

}  // namespace

std::string SegmentCacheSeed() {
  PostCache cache;
  cache.OpenBytes("", SegmentOptions());
  for (const CachePost& p : kCachePosts) {
    DiagnosticSink sink;
    Segmentation s = PostFormatFor(p.path).Segment(p.text, p.path, SegmentOptions(), &sink);
    cache.KeepMade(cache.Record(p.path, p.text, s));
  }
  return cache.Serialize();
}

void SegmentCache(std::string_view data) {
  PostCache cache;
  cache.OpenBytes(std::string(data), SegmentOptions());
  for (const CachePost& p : kCachePosts) {
    DiagnosticSink sink;
    Segmentation s = PostFormatFor(p.path).Segment(p.text, p.path, SegmentOptions(), &sink);
    Segmentation found;
    std::string_view record;
    if (cache.Find(p.path, p.text, &found, &record) && !(found == s)) {
      FuzzFail("a cache record found for a post is not its segmentation");
    }
  }
  Segmentation decoded;
  const size_t size = std::string_view(kCachePosts[0].text).size();
  if (!DecodeSegmentation(data, size, &decoded)) return;
  for (const Unit& u : decoded.units) {
    if (u.range.begin > u.range.end || u.range.end > size) FuzzFail("decoded unit range");
  }
  std::string again;
  EncodeSegmentation(decoded, &again);
  Segmentation twice;
  if (!DecodeSegmentation(again, size, &twice) || !(twice == decoded)) {
    FuzzFail("a decoded segmentation does not encode back to itself");
  }
}

void Markdown(std::string_view data) {
  const PostFormat& format = MarkdownPostFormat();
  if (format.CheckInput(data)) return;
  DiagnosticSink sink;
  Segmentation seg = format.Segment(data, "f.md", SegmentOptions(), &sink);
  size_t end = 0;
  for (const Unit& u : seg.units) {
    if (u.range.begin > u.range.end || u.range.end > data.size()) FuzzFail("unit range");
    if (u.is_attribute) continue;
    if (u.range.begin < end) FuzzFail("units overlap");
    end = u.range.end;
  }
  std::string lang = PrimaryLanguage(seg.lang);
  if (lang.empty()) lang = "en";
  MergeOptions options;
  options.source_lang = lang;
  options.target_lang = lang;
  options.translate = [](const Unit& u) -> std::optional<Translation> {
    return Translation{u.text, "", 0, nullptr};
  };
  if (MergePost(data, "f.md", seg, options, &sink).html != data)
    FuzzFail("same-language merge changed the post");
  // Every text token followed by syntax a translation must not add.
  options.translate = [](const Unit& u) -> std::optional<Translation> {
    Result<std::vector<Token>> tokens = TokenizeUnitText(u.text);
    if (!tokens.ok()) return std::nullopt;
    std::string out;
    for (const Token& t : *tokens) {
      if (t.type == Token::kText) {
        AppendUnitText(t.text + " - *_[x]` #| \\ ' \" \n1. ", &out);
      } else {
        out += t.type == Token::kOpen    ? "<" + t.text + ">"
               : t.type == Token::kClose ? "</" + t.text + ">"
                                         : "<" + t.text + "/>";
      }
    }
    return Translation{out, "", 0, nullptr};
  };
  options.target_lang = lang == "es" ? "en" : "es";
  std::string merged = MergePost(data, "f.md", seg, options, &sink).html;
  if (format.CheckInput(merged)) FuzzFail("a translated post is refused");
}

void ReadPoFile(std::string_view data) {
  CheckAsCatalog(data, "f.po");
  Catalog catalog;
  DiagnosticSink sink;
  if (!ReadPo(data, "f.po", &catalog, &sink)) return;
  // What the tools go on to write: a header, UTF-8, Plural-Forms that
  // evaluates (a non-UTF-8 charset made column counts differ).
  if (!ValidateHeaderForTools(catalog, data, "f.po", &sink)) return;
  std::string first = WritePo(catalog);
  Catalog again;
  DiagnosticSink sink2;
  if (!ReadPo(first, "f.po", &again, &sink2)) FuzzFail("written PO does not read");
  // The same catalog, written in the same style. (The wrapping a file
  // suggests is a guess from its lines; on odd files, such as a reference
  // line that suggests a width of 41, the guess from our own output can
  // differ: docs/po_format.md.)
  again.style = catalog.style;
  if (WritePo(again) != first) FuzzFail("PO read back differs");
}

void ReadXliffFile(std::string_view data) {
  CheckAsCatalog(data, "f.xlf");
  Catalog catalog;
  DiagnosticSink sink;
  if (!ReadXliff(data, "f.xlf", &catalog, &sink)) return;
  for (XliffVersion version : {XliffVersion::k12, XliffVersion::k20}) {
    XliffOptions options;
    options.version = version;
    options.original = "f.po";
    Result<std::string> first = WriteXliff(catalog, options);
    if (!first.ok()) continue;  // plurals, characters XML cannot hold
    Catalog back;
    DiagnosticSink sink2;
    if (!ReadXliff(*first, "f.xlf", &back, &sink2)) FuzzFail("written XLIFF does not read");
    Result<std::string> second = WriteXliff(back, options);
    if (!second.ok() || *second != *first) FuzzFail("XLIFF written twice differs");
  }
}

void MergeCatalog(std::string_view data) {
  static const Segmentation* seg = [] {
    DiagnosticSink sink;
    return new Segmentation(SegmentHtml(kPost, "post.html", &sink));
  }();
  Catalog catalog;
  DiagnosticSink sink;
  if (!ReadPo(data, "es.po", &catalog, &sink)) return;
  MergeOptions options;
  options.source_lang = "en";
  options.target_lang = "es";
  const std::string path = "es.po";
  const std::string text(data);
  UseCatalog(&catalog, path, text, &options);
  MergeResult merged = MergePost(kPost, "post.html", *seg, options, &sink);
  // Event handlers as attributes ("onerror=", "onload ="); the words alone
  // are text a translation may hold.
  for (std::string_view handler : {"onerror", "onload", "onclick", "onmouseover"}) {
    if (CountHandlers(merged.html, handler) > CountHandlers(kPost, handler)) {
      FuzzFail("event handler attribute added to the page");
    }
  }
  for (std::string_view needle :
       {"<script", "<iframe", "<object", "<svg", "<style", "<img", "<a ", "</a", "<!--",
        "javascript:", "&#", "\xE2\x80\xAE", "<div", "</p", "</body", "<p"}) {
    if (CountFolded(merged.html, needle) > CountFolded(kPost, needle)) {
      std::fprintf(stderr, "'%.*s' added to the page\n", static_cast<int>(needle.size()),
                   needle.data());
      FuzzFail("markup injected");
    }
  }
  if (!ValidUtf8(merged.html) && ValidUtf8(data)) FuzzFail("merged page is not UTF-8");
}

void Publish(std::string_view data) {
  static const Segmentation* seg = [] {
    DiagnosticSink sink;
    return new Segmentation(SegmentHtml(kPublishPost, "post.html", &sink));
  }();
  static const auto* post_tags = new std::map<std::string, int>(TagShapes(kPublishPost));
  static const auto* post_refs = new std::map<std::string, int>(References(kPublishPost));
  static const auto* post_invisible = new std::map<UChar32, int>(Invisible(kPublishPost));
  static const size_t post_javascript = CountJavascript(kPublishPost);

  size_t nul = data.find('\0');
  const std::string text(data.substr(0, nul));
  std::string_view toml = nul == std::string_view::npos ? std::string_view() : data.substr(nul + 1);
  bool xliff = !text.empty() && text[0] == '<';
  const std::string path = xliff ? "es.xlf" : "es.po";
  Catalog catalog;
  DiagnosticSink sink;
  // As RunMerge: every input must read, or nothing is published.
  if (xliff ? !ReadXliff(text, path, &catalog, &sink)
            : !(ReadPo(text, path, &catalog, &sink) &&
                ValidateHeaderForTools(catalog, text, path, &sink))) {
    return;
  }
  Taxonomy taxonomy;
  if (!taxonomy.Parse(toml, "taxonomy.toml", &sink)) return;
  for (const char* target : {"es", "en-GB"}) {
    MergeOptions options;
    options.source_lang = "en";
    options.target_lang = target;
    options.taxonomy = &taxonomy;
    UseCatalog(&catalog, path, text, &options);
    MergeResult merged = MergePost(kPublishPost, "post.html", *seg, options, &sink);
    const std::string& page = merged.html;
    if (!ValidUtf8(page)) FuzzFail("the page is not UTF-8");
    // Published or not, the page holds the post's markup and escaped text.
    const std::string* tag = nullptr;
    if (!Within(TagShapes(page), *post_tags, &tag)) {
      std::fprintf(stderr, "tag <%s> added to the page\n", tag->c_str());
      FuzzFail("markup injected");
    }
    // The escapes merge writes for text, else references of the post.
    for (const auto& [ref, count] : References(page)) {
      bool escape = ref == "&amp" || ref == "&lt" || ref == "&gt" || ref == "&nbsp" ||
                    ref == "&quot" || ref == "&#39";
      auto it = post_refs->find(ref);
      if (!escape && (it == post_refs->end() || it->second < count)) {
        std::fprintf(stderr, "'%s' added to the page\n", ref.c_str());
        FuzzFail("character reference injected");
      }
    }
    const UChar32* c = nullptr;
    if (!Within(Invisible(page), *post_invisible, &c)) {
      std::fprintf(stderr, "U+%04X added to the page\n", static_cast<unsigned>(*c));
      FuzzFail("invisible character injected");
    }
    if (CountJavascript(page) > post_javascript) FuzzFail("javascript: added to the page");
  }
}

void FormatAttributes(std::string_view data) {
  std::vector<std::string> fields(5);
  size_t field = 0;
  for (char c : data) {
    if (c == '\0' && field + 1 < fields.size()) {
      ++field;
    } else {
      fields[field] += c;
    }
  }
  for (DateStyle style : {DateStyle::kLong, DateStyle::kShort}) {
    Result<std::string> date = FormatDate(fields[0], fields[1], style);
    if (date.ok() && !ValidUtf8(*date)) FuzzFail("date is not UTF-8");
  }
  Category category;
  category.slug = "x";
  category.names["en"] = fields[3];
  category.names["es"] = fields[4];
  Result<std::string> label = FormatCategoryLabel(fields[2], fields[1], "en", category);
  if (label.ok() && ValidUtf8(fields[3]) && ValidUtf8(fields[4]) && ValidUtf8(fields[2]) &&
      !ValidUtf8(*label)) {
    FuzzFail("label is not UTF-8");
  }
  Result<std::string> list = JoinList({fields[3], fields[4]}, fields[1]);
  if (list.ok() && !ValidUtf8(*list)) FuzzFail("list is not UTF-8");
}

}  // namespace l10n::fuzz
