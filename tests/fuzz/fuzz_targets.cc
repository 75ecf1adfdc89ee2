#include "fuzz_targets.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "catalog.h"
#include "check.h"
#include "category_format.h"
#include "date_format.h"
#include "html_segmenter.h"
#include "input_limits.h"
#include "merge.h"
#include "po_reader.h"
#include "po_writer.h"
#include "utf8.h"
#include "xliff.h"

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
  for (size_t at = lower.find(handler); at != std::string::npos;
       at = lower.find(handler, at + 1)) {
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
  DiagnosticSink sink;
  Segmentation seg = SegmentHtml(data, "f.html", &sink);
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
  options.translate = [](const Unit& u) -> std::optional<Translation> {
    return Translation{u.text, "", 0, nullptr};
  };
  MergeResult merged = MergePost(data, "f.html", seg, options, &sink);
  if (merged.html != data) FuzzFail("same-language merge changed the post");
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
  options.translate = [&catalog](const Unit& unit) -> std::optional<Translation> {
    const Message* m = catalog.Find(unit.context, unit.text);
    if (!m || m->fuzzy() || m->msgstr.empty() || m->msgstr[0].empty()) return std::nullopt;
    return Translation{m->msgstr[0], "es.po", m->line, nullptr};
  };
  options.translate_category = [&catalog](std::string_view name) -> std::optional<std::string> {
    const Message* m = catalog.Find(std::string("category"), name);
    if (!m || m->fuzzy() || m->msgstr.empty() || m->msgstr[0].empty()) return std::nullopt;
    return m->msgstr[0];
  };
  MergeResult merged = MergePost(kPost, "post.html", *seg, options, &sink);
  // Event handlers as attributes ("onerror=", "onload ="); the words alone
  // are text a translation may hold.
  for (std::string_view handler : {"onerror", "onload", "onclick", "onmouseover"}) {
    if (CountHandlers(merged.html, handler) > CountHandlers(kPost, handler)) {
      FuzzFail("event handler attribute added to the page");
    }
  }
  for (std::string_view needle : {"<script", "<iframe", "<object", "<svg", "<style", "<img",
                                  "<a ", "</a", "<!--", "javascript:", "&#", "\xE2\x80\xAE",
                                  "<div", "</p", "</body", "<p"}) {
    if (CountFolded(merged.html, needle) > CountFolded(kPost, needle)) {
      std::fprintf(stderr, "'%.*s' added to the page\n", static_cast<int>(needle.size()),
                   needle.data());
      FuzzFail("markup injected");
    }
  }
  if (!ValidUtf8(merged.html) && ValidUtf8(data)) FuzzFail("merged page is not UTF-8");
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
