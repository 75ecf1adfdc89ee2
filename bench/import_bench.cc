// The import benchmark's program (bench/import.sh): translated pages made
// from a project's posts and catalog with the real merge, perturbed as real
// translations differ from their source, aligned by AlignUnits; and the
// pairs another tool (po4a-gettextize) recovered from the same pages,
// scored the same way.
//
//   import_bench pages POSTS_DIR CATALOG OUT_DIR SAMPLE
//       writes, for each English post and each perturbation kind, the
//       post and its perturbed translation (OUT_DIR/<kind>/<name>.en.html,
//       .es.html) and the page's true pairs (<name>.truth); lists SAMPLE of
//       each kind's pages, spread evenly, in OUT_DIR/<kind>/sample.txt; and
//       prints one line per kind for AlignUnits on all pages ("ours") and
//       on the sample ("ours-sample")
//   import_bench score OUT_DIR KIND
//       prints the line of po4a-gettextize on KIND's sample: the pairs of
//       each <name>.po (msgid, msgstr), a page without one (po4a refused
//       it) reporting none
//
// The kinds, one variant of each per post (a post without a place for a
// kind has no page of that kind), the place chosen by the post's number:
//   none     the page as merge writes it
//   merge    two adjacent translated paragraphs made one
//   split    a translated paragraph cut in two after a sentence (". ")
//   drop     a translated paragraph removed
//   add      a paragraph the source lacks inserted before a unit
//   reorder  two adjacent list items swapped
//   link     a link's start tag rewritten (other attributes and quoting,
//            the same href)
//
// The truth comes from the catalog the pages were made from, never from
// either tool: a true pair is a source unit that merge translated with the
// catalog (an entry, not fuzzy, with a msgstr) and its translation, each
// as its page shows it: the unit's bytes with tags left out and spacing
// collapsed (a date, a category as rendered), so that po4a's msgid and
// msgstr, read the same way, compare. The possible pairs of a page are
// those that still exist in it: a dropped paragraph's pair is not
// possible; the two pairs of a merge are one possible pair, both sources
// and both translations (2-1); a split paragraph's pair is its whole
// translation over the two pieces (1-2), so one piece alone is wrong; an
// added paragraph has no pair; swapped items and a rewritten link keep
// their pairs. A reported pair is correct when it is a possible pair of
// its page (each counted once). A reported pair that the truth cannot
// judge is "unjudged" and left out of precision: one of ours none of
// whose source units merge translated, one of po4a's whose msgid is no
// translated unit's text nor a merged pair's (po4a's own segments: a lang
// value, a script, a date apart from its sentence). Precision = correct /
// (reported - unjudged); recall = correct / possible; ">0.9" counts the
// judged pairs of ours above confidence 0.9 and "p>0.9" their precision.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "align/align.h"
#include "base/file_io.h"
#include "base/input_limits.h"
#include "base/language_tag.h"
#include "catalog/catalog.h"
#include "catalog/po_reader.h"
#include "import_perturb.h"
#include "post/html_segmenter.h"
#include "render/merge.h"

namespace fs = std::filesystem;
using namespace l10n;
using namespace l10n::bench;

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

// The text a reader sees of unit `u` of `page`: its bytes, tags left out
// (a date or a category as the page renders it).
std::string Visible(const std::string& page, const Unit& u) {
  return Plain(std::string_view(page).substr(u.range.begin, u.range.end - u.range.begin));
}

Catalog LoadPo(const std::string& path) {
  Catalog catalog;
  DiagnosticSink sink;
  ReadPo(Read(path), path, &catalog, &sink);
  catalog.Reindex();
  return catalog;
}

std::string EncodeTruth(const Truth& truth) {
  std::string out;
  for (const std::string& s : truth.judged) out += "j\t" + s + "\n";
  for (const Pair& p : truth.possible) out += "p\t" + p.first + "\t" + p.second + "\n";
  return out;
}

Truth DecodeTruth(const std::string& text) {
  Truth truth;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    at = end + 1;
    size_t tab = line.find('\t', 2);
    if (line.rfind("j\t", 0) == 0) truth.judged.insert(line.substr(2));
    if (line.rfind("p\t", 0) == 0 && tab != std::string::npos) {
      truth.possible.insert({line.substr(2, tab - 2), line.substr(tab + 1)});
    }
  }
  return truth;
}

// What one tool did on one kind's pages.
struct Tally {
  int pages = 0, fails = 0;
  int reported = 0, unjudged = 0, correct = 0, possible = 0;
  int sure = 0, sure_correct = 0;  // judged, above confidence 0.9 (ours)
  double seconds = 0;

  void Add(const Truth& truth) { possible += static_cast<int>(truth.possible.size()); }
  // One reported pair; `remaining` loses it when it is correct.
  bool Report(const Pair& pair, bool judged, std::multiset<Pair>* remaining) {
    ++reported;
    auto it = remaining->find(pair);
    if (it != remaining->end()) {
      remaining->erase(it);
      ++correct;
      return true;
    }
    unjudged += !judged;
    return false;
  }
};

void PrintHeader() {
  std::printf("%-8s %-12s %6s %6s %9s %8s %8s %8s %9s %7s %6s %7s %9s\n", "kind", "tool", "pages",
              "fails", "reported", "unjudged", "correct", "possible", "precision", "recall", ">0.9",
              "p>0.9", "seconds");
}

// A percentage, or "-" for none of none (a tool that reported nothing has
// no precision).
std::string Pct(int a, int b, int decimals = 1) {
  if (b == 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.*f%%", decimals, 100.0 * a / b);
  return buf;
}

void PrintLine(const std::string& kind, const std::string& tool, const Tally& t, bool ours) {
  std::printf("%-8s %-12s %6d %6d %9d %8d %8d %8d %9s %7s", kind.c_str(), tool.c_str(), t.pages,
              t.fails, t.reported, t.unjudged, t.correct, t.possible,
              Pct(t.correct, t.reported - t.unjudged).c_str(), Pct(t.correct, t.possible).c_str());
  if (ours) {
    std::printf(" %6d %7s %9.3f\n", t.sure, Pct(t.sure_correct, t.sure, 2).c_str(), t.seconds);
  } else {
    std::printf(" %6s %7s %9s\n", "-", "-", "-");
  }
}

int Pages(const std::string& posts_dir, const std::string& po_path, const std::string& out,
          int sample) {
  Catalog catalog = LoadPo(po_path);
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(posts_dir)) {
    if (e.path().extension() == ".html") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  struct Post {
    std::string name, html;
    Segmentation seg;
    std::string page;
    std::vector<Unit> units;
    std::map<size_t, Pair> pairs;
  };
  std::vector<Post> posts;
  int skipped = 0;
  for (const std::string& file : files) {
    Post post;
    post.name = fs::path(file).stem().string();
    post.html = Read(file);
    DiagnosticSink sink;
    post.seg = SegmentHtml(post.html, file, &sink);
    if (PrimaryLanguage(post.seg.lang) != "en") continue;
    MergeOptions options;
    options.source_lang = "en";
    options.target_lang = "es";
    options.translate = [&](const Unit& u) -> std::optional<Translation> {
      const Message* m = catalog.Find(u.context, u.text);
      if (m == nullptr || m->HasFlag("fuzzy") || m->msgstr[0].empty()) return std::nullopt;
      return Translation{m->msgstr[0], po_path, 0, nullptr};
    };
    post.page = MergePost(post.html, file, post.seg, options, &sink).html;
    post.units = SegmentHtml(post.page, file, &sink).units;
    // The perturbations need unit k of the page to be unit k of the post.
    if (post.units.size() != post.seg.units.size()) {
      ++skipped;
      continue;
    }
    for (size_t k = 0; k < post.seg.units.size(); ++k) {
      const Unit& u = post.seg.units[k];
      const Message* m = catalog.Find(u.context, u.text);
      if (m == nullptr || m->HasFlag("fuzzy") || m->msgstr[0].empty()) continue;
      post.pairs[k] = {Visible(post.html, u), Visible(post.page, post.units[k])};
    }
    posts.push_back(std::move(post));
  }
  if (skipped > 0)
    std::fprintf(stderr, "%d posts whose page segments otherwise: left out\n", skipped);
  PrintHeader();
  for (const std::string kind : kKinds) {
    std::vector<std::string> names;
    std::vector<Tally> ones;  // one per page
    for (size_t i = 0; i < posts.size(); ++i) {
      const Post& post = posts[i];
      auto variant = Perturb(post.page, post.units, post.pairs, kind, i * 7 + 3);
      if (!variant) continue;
      const auto& [page, truth] = *variant;
      std::string base = out + "/" + kind + "/" + post.name;
      Write(base + ".en.html", post.html);
      Write(base + ".es.html", page);
      Write(base + ".truth", EncodeTruth(truth));
      names.push_back(post.name);
      Tally one;
      one.pages = 1;
      one.Add(truth);
      auto start = std::chrono::steady_clock::now();
      DiagnosticSink sink;
      Segmentation translated = SegmentHtml(page, post.name, &sink);
      std::vector<AlignedPair> pairs =
          AlignUnits({&post.seg.units, post.html}, {&translated.units, page}, AlignOptions{});
      one.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::multiset<Pair> remaining = truth.possible;
      for (const AlignedPair& p : pairs) {
        if (p.source_count == 0 || p.translation_count == 0) continue;
        // The visible text of the units paired, as po4a's pairs are read.
        std::string source, text;
        bool judged = false;
        for (int k = p.source_begin; k < p.source_begin + p.source_count; ++k) {
          source += " " + Visible(post.html, post.seg.units[k]);
          judged |= post.pairs.count(k) > 0;
        }
        for (int k = p.translation_begin; k < p.translation_begin + p.translation_count; ++k) {
          text += " " + Visible(page, translated.units[k]);
        }
        bool right = one.Report({Plain(source), Plain(text)}, judged, &remaining);
        if (p.confidence > 0.9 && (judged || right)) {
          ++one.sure;
          one.sure_correct += right;
        }
      }
      ones.push_back(one);
    }
    // Page i of n is in a sample of s when (i s) mod n < s: s pages, spread.
    Tally all, sampled;
    std::string list;
    size_t n = ones.size(), s = std::min<size_t>(n, sample);
    for (size_t i = 0; i < n; ++i) {
      bool in_sample = (i * s) % n < s;
      for (Tally* t : {&all, &sampled}) {
        if (t == &sampled && !in_sample) continue;
        t->pages += ones[i].pages;
        t->reported += ones[i].reported;
        t->unjudged += ones[i].unjudged;
        t->correct += ones[i].correct;
        t->possible += ones[i].possible;
        t->sure += ones[i].sure;
        t->sure_correct += ones[i].sure_correct;
        t->seconds += ones[i].seconds;
      }
      if (in_sample) list += names[i] + "\n";
    }
    Write(out + "/" + kind + "/sample.txt", list);
    PrintLine(kind, "ours", all, true);
    if (s < n) PrintLine(kind, "ours-sample", sampled, true);
  }
  return 0;
}

int Score(const std::string& out, const std::string& kind) {
  std::string dir = out + "/" + kind + "/";
  std::string list = Read(dir + "sample.txt");
  Tally t;
  size_t at = 0;
  while (at < list.size()) {
    size_t end = list.find('\n', at);
    std::string name = list.substr(at, end - at);
    at = end + 1;
    Truth truth = DecodeTruth(Read(dir + name + ".truth"));
    ++t.pages;
    t.Add(truth);
    if (!fs::exists(dir + name + ".po")) {
      ++t.fails;
      continue;
    }
    std::multiset<Pair> remaining = truth.possible;
    for (const Message& m : LoadPo(dir + name + ".po").messages) {
      if (m.is_header() || m.msgstr[0].empty()) continue;
      Pair pair{Plain(m.msgid), Plain(m.msgstr[0])};
      t.Report(pair, truth.judged.count(pair.first) > 0, &remaining);
    }
  }
  PrintLine(kind, "po4a", t, false);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "pages" && argc == 6) return Pages(argv[2], argv[3], argv[4], std::atoi(argv[5]));
  if (mode == "score" && argc == 4) return Score(argv[2], argv[3]);
  std::fprintf(stderr,
               "usage: import_bench pages POSTS_DIR CATALOG OUT_DIR SAMPLE\n"
               "       import_bench score OUT_DIR KIND\n");
  return 2;
}
