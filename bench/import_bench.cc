// The import benchmark's program (bench/import.sh): translated pages made
// from a project's posts and catalog with the real merge, perturbed as real
// translations differ, aligned by AlignUnits; and the pairs another tool
// (po4a-gettextize) recovered from the same pages, scored the same way.
//
//   import_bench pages POSTS_DIR CATALOG OUT_DIR
//       writes OUT_DIR/<kind>/<name>.en.html and .es.html for each post and
//       perturbation kind (none, drop, merge, swap), and prints, per kind,
//       the pairs AlignUnits recovers and the seconds it took
//   import_bench score CATALOG PO...
//       prints the pairs of each PO (msgid, msgstr; markup and spacing left
//       out) that CATALOG has, and the pairs each holds
//
// A pair is recovered when its source and translation, tags and spacing
// left out, are an entry of the catalog the pages were made from: the
// truth comes from the catalog, never from either tool.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "align/align.h"
#include "base/file_io.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "catalog/catalog.h"
#include "catalog/po_reader.h"
#include "post/html_segmenter.h"
#include "render/merge.h"

namespace fs = std::filesystem;
using namespace l10n;

namespace {

std::string Read(const std::string& path) {
  Result<std::string> text = ReadFile(path, kCatalogCap);
  if (!text.ok()) {
    std::fprintf(stderr, "%s: cannot read\n", path.c_str());
    std::exit(1);
  }
  return *text;
}

void Write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  if (!WriteFileAtomic(path, text).ok()) std::exit(1);
}

// Text without tags, entities as they are, spacing collapsed.
std::string Plain(std::string_view s) {
  std::string out;
  bool in_tag = false, space = true;
  for (char c : s) {
    if (c == '<') in_tag = true;
    if (!in_tag) {
      bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (is_space) {
        if (!space) out += ' ';
      } else {
        out += c;
      }
      space = is_space;
    }
    if (c == '>') in_tag = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Catalog LoadPo(const std::string& path) {
  Catalog catalog;
  DiagnosticSink sink;
  ReadPo(Read(path), path, &catalog, &sink);
  catalog.Reindex();
  return catalog;
}

std::set<std::pair<std::string, std::string>> Truth(const Catalog& catalog) {
  std::set<std::pair<std::string, std::string>> truth;
  for (const Message& m : catalog.messages) {
    if (!m.is_header() && !m.obsolete && !m.msgstr[0].empty()) {
      truth.insert({Plain(m.msgid), Plain(m.msgstr[0])});
    }
  }
  return truth;
}

// The page with its n-th element `tag` (a "<p>" or "<li>" start to its end
// tag) changed: dropped, joined with the next, or swapped with the next.
std::string Perturb(const std::string& page, const std::string& kind) {
  std::string open = kind == "swap" ? "<li" : "<p";
  std::string close = kind == "swap" ? "</li>" : "</p>";
  std::vector<std::pair<size_t, size_t>> elements;  // [begin, end)
  size_t at = page.find("<body");
  while (at != std::string::npos && (at = page.find(open, at)) != std::string::npos) {
    char after = at + open.size() < page.size() ? page[at + open.size()] : 0;
    size_t end = page.find(close, at);
    if (end == std::string::npos) break;
    if (after == '>' || after == ' ') elements.push_back({at, end + close.size()});
    at = end;
  }
  if (elements.size() < 3) return page;
  size_t k = elements.size() / 2;
  auto [b, e] = elements[k];
  auto [nb, ne] = elements[k + 1];
  std::string out = page;
  if (kind == "drop") {
    out.erase(b, e - b);
  } else if (kind == "merge") {
    // The two paragraphs one: the first's end tag to the second's content.
    size_t content = page.find('>', nb) + 1;
    out = page.substr(0, e - close.size()) + " " + page.substr(content);
  } else if (kind == "swap") {
    out = page.substr(0, b) + page.substr(nb, ne - nb) + page.substr(e, nb - e) +
          page.substr(b, e - b) + page.substr(ne);
  }
  return out;
}

int Pages(const std::string& posts_dir, const std::string& po_path, const std::string& out) {
  Catalog catalog = LoadPo(po_path);
  auto truth = Truth(catalog);
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(posts_dir)) {
    if (e.path().extension() == ".html") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::printf("%-6s %6s %9s %10s %9s\n", "kind", "pages", "possible", "recovered", "seconds");
  for (const std::string kind : {"none", "drop", "merge", "swap"}) {
    int pages = 0, recovered = 0, possible = 0;
    double seconds = 0;
    for (const std::string& file : files) {
      std::string html = Read(file);
      DiagnosticSink sink;
      Segmentation seg = SegmentHtml(html, file, &sink);
      if (PrimaryLanguage(seg.lang) != "en") continue;
      MergeOptions options;
      options.source_lang = "en";
      options.target_lang = "es";
      options.translate = [&](const Unit& u) -> std::optional<Translation> {
        const Message* m = catalog.Find(u.context, u.text);
        if (m == nullptr || m->HasFlag("fuzzy") || m->msgstr[0].empty()) return std::nullopt;
        return Translation{m->msgstr[0], po_path, 0, nullptr};
      };
      std::string page = Perturb(MergePost(html, file, seg, options, &sink).html, kind);
      std::string name = fs::path(file).stem().string();
      Write(out + "/" + kind + "/" + name + ".en.html", html);
      Write(out + "/" + kind + "/" + name + ".es.html", page);
      ++pages;
      for (const Unit& u : seg.units) {
        const Message* m = catalog.Find(u.context, u.text);
        possible += m != nullptr && !m->msgstr[0].empty();
      }
      auto start = std::chrono::steady_clock::now();
      Segmentation translated = SegmentHtml(page, name, &sink);
      std::vector<AlignedPair> pairs =
          AlignUnits({&seg.units, html}, {&translated.units, page}, AlignOptions{});
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      for (const AlignedPair& p : pairs) {
        if (p.source_count != 1 || p.translation_count < 1 || p.text.empty()) continue;
        recovered += truth.count({Plain(seg.units[p.source_begin].text), Plain(p.text)});
      }
    }
    std::printf("%-6s %6d %9d %10d %9.3f\n", kind.c_str(), pages, possible, recovered, seconds);
  }
  return 0;
}

int Score(const std::string& po_path, int argc, char** argv) {
  auto truth = Truth(LoadPo(po_path));
  int right = 0, held = 0;
  for (int i = 0; i < argc; ++i) {
    Catalog theirs = LoadPo(argv[i]);
    for (const Message& m : theirs.messages) {
      if (m.is_header() || m.msgstr[0].empty()) continue;
      ++held;
      right += truth.count({Plain(m.msgid), Plain(m.msgstr[0])});
    }
  }
  std::printf("%d %d\n", right, held);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "pages" && argc == 5) return Pages(argv[2], argv[3], argv[4]);
  if (mode == "score" && argc >= 3) return Score(argv[2], argc - 3, argv + 3);
  std::fprintf(stderr,
               "usage: import_bench pages POSTS_DIR CATALOG OUT_DIR\n"
               "       import_bench score CATALOG PO...\n");
  return 2;
}
