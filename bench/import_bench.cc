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
// either tool: a pair is a source unit's text and its catalog translation,
// markup and spacing left out, for every unit that merge translated. The
// possible pairs of a page are those that still exist in it: a dropped
// paragraph's pair is not possible; the two pairs of a merge are one
// possible pair, both sources and both translations (2-1); a split
// paragraph's pair is its whole translation over the two pieces (1-2); an
// added paragraph has no pair; swapped items and a rewritten link keep
// their pairs. A reported pair is correct when it is a possible pair of
// its page (each counted once). A reported pair whose source is neither a
// translated source unit of the page nor a possible pair's source (po4a
// extracts text that merge does not translate) is "unjudged": left out of
// precision. Precision = correct / (reported - unjudged); recall =
// correct / possible.
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
#include "align/align_features.h"
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

const char* const kKinds[] = {"none", "merge", "split", "drop", "add", "reorder", "link"};

using Pair = std::pair<std::string, std::string>;  // source, translation: plain text

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

// A page's true pairs, each once per occurrence, and the sources a pair
// can be judged by.
struct Truth {
  std::multiset<Pair> possible;
  std::set<std::string> judged;
};

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
std::string Pct(int a, int b) {
  if (b == 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * a / b);
  return buf;
}

void PrintLine(const std::string& kind, const std::string& tool, const Tally& t, bool ours) {
  std::printf("%-8s %-12s %6d %6d %9d %8d %8d %8d %9s %7s", kind.c_str(), tool.c_str(), t.pages,
              t.fails, t.reported, t.unjudged, t.correct, t.possible,
              Pct(t.correct, t.reported - t.unjudged).c_str(), Pct(t.correct, t.possible).c_str());
  if (ours) {
    std::printf(" %6d %7s %9.3f\n", t.sure, Pct(t.sure_correct, t.sure).c_str(), t.seconds);
  } else {
    std::printf(" %6s %7s %9s\n", "-", "-", "-");
  }
}

// The element around unit `u` of `page`: [start tag's '<', end tag's '>'
// + 1) and its name, when only spacing lies between its tags and the unit.
struct Element {
  size_t begin = 0, end = 0;
  std::string name;
};

std::optional<Element> ElementOf(const std::string& page, const Unit& u) {
  size_t b = u.range.begin, e = u.range.end;
  while (b > 0 && isspace(static_cast<unsigned char>(page[b - 1]))) --b;
  if (b == 0 || page[b - 1] != '>') return std::nullopt;
  size_t open = page.rfind('<', b - 1);
  if (open == std::string::npos || page[open + 1] == '/') return std::nullopt;
  Element el;
  el.begin = open;
  size_t n = open + 1;
  while (n < page.size() && isalnum(static_cast<unsigned char>(page[n]))) el.name += page[n++];
  while (e < page.size() && isspace(static_cast<unsigned char>(page[e]))) ++e;
  std::string close = "</" + el.name + ">";
  if (el.name.empty() || page.compare(e, close.size(), close) != 0) return std::nullopt;
  el.end = e + close.size();
  return el;
}

// A byte of unit `u` after ". " outside any element inside it, at least 10
// bytes into the unit, or 0.
size_t SentenceCut(const std::string& page, const Unit& u) {
  int depth = 0;
  for (size_t at = u.range.begin; at + 2 < u.range.end; ++at) {
    if (page[at] == '<') {
      size_t close = page.find('>', at);
      if (close == std::string::npos || close >= u.range.end) return 0;
      std::string_view tag(page.data() + at, close + 1 - at);
      static const std::set<std::string> kVoid = {"img", "br", "hr", "wbr", "input"};
      std::string name;
      for (size_t n = at + 1; n < close && isalnum(static_cast<unsigned char>(page[n])); ++n) {
        name += page[n];
      }
      if (tag[1] == '/') {
        --depth;
      } else if (tag[tag.size() - 2] != '/' && !kVoid.count(name)) {
        ++depth;
      }
      at = close;
    } else if (depth == 0 && page[at] == '.' && page[at + 1] == ' ' && at - u.range.begin > 10) {
      return at + 2;
    }
  }
  return 0;
}

// A deterministic choice among n (n > 0) for post number `seed`.
size_t Pick(size_t seed, size_t n) { return (seed * 2654435761u + 12345u) % n; }

// The published page `page` (its units `units`, unit k of the source's
// unit k) perturbed as `kind` says, and its truth from `pairs` (unit k ->
// its true pair, absent for an untranslated unit); nullopt when the page
// has no place for the kind.
std::optional<std::pair<std::string, Truth>> Perturb(const std::string& page,
                                                     const std::vector<Unit>& units,
                                                     const std::map<size_t, Pair>& pairs,
                                                     const std::string& kind, size_t seed) {
  Truth truth;
  for (const auto& [k, pair] : pairs) {
    truth.possible.insert(pair);
    truth.judged.insert(pair.first);
  }
  auto paragraph = [&](size_t k) -> std::optional<Element> {
    if (k >= units.size() || units[k].kind != UnitKind::kParagraph || !pairs.count(k)) {
      return std::nullopt;
    }
    return ElementOf(page, units[k]);
  };
  std::vector<size_t> at;
  std::string out = page;
  if (kind == "none") return std::make_pair(out, truth);
  if (kind == "merge") {
    for (size_t k = 0; k + 1 < units.size(); ++k) {
      auto a = paragraph(k), b = paragraph(k + 1);
      if (a && b && a->end <= b->begin && Plain(page.substr(a->end, b->begin - a->end)).empty() &&
          page.find_first_not_of(" \t\r\n", a->end) == b->begin) {
        at.push_back(k);
      }
    }
    if (at.empty()) return std::nullopt;
    size_t k = at[Pick(seed, at.size())];
    out = page.substr(0, units[k].range.end) + " " + page.substr(units[k + 1].range.begin);
    const Pair &a = pairs.at(k), &b = pairs.at(k + 1);
    truth.possible.erase(truth.possible.find(a));
    truth.possible.erase(truth.possible.find(b));
    Pair merged{Plain(a.first + " " + b.first), Plain(a.second + " " + b.second)};
    truth.possible.insert(merged);
    truth.judged.insert(merged.first);
  } else if (kind == "split") {
    for (size_t k = 0; k < units.size(); ++k) {
      if (paragraph(k) && SentenceCut(page, units[k]) != 0) at.push_back(k);
    }
    if (at.empty()) return std::nullopt;
    size_t k = at[Pick(seed, at.size())];
    size_t cut = SentenceCut(page, units[k]);
    std::string name = paragraph(k)->name;
    out = page.substr(0, cut - 1) + "</" + name + ">\n<" + name + ">" + page.substr(cut);
  } else if (kind == "drop") {
    for (size_t k = 0; k < units.size(); ++k) {
      if (paragraph(k)) at.push_back(k);
    }
    if (at.empty()) return std::nullopt;
    size_t k = at[Pick(seed, at.size())];
    Element el = *paragraph(k);
    out.erase(el.begin, el.end - el.begin);
    truth.possible.erase(truth.possible.find(pairs.at(k)));
  } else if (kind == "add") {
    static const char* kAdded[] = {
        "Nota del traductor: este texto se publicó primero en la revista del programa y "
        "se revisó para esta edición.",
        "Agradecemos a todas las personas que hicieron posible este encuentro.",
        "Para más información, escriba a la oficina regional.",
    };
    for (size_t k = 0; k < units.size(); ++k) {
      if (paragraph(k)) at.push_back(k);
    }
    if (at.empty()) return std::nullopt;
    size_t k = at[Pick(seed, at.size())];
    out.insert(paragraph(k)->begin, std::string("<p>") + kAdded[seed % 3] + "</p>\n");
  } else if (kind == "reorder") {
    for (size_t k = 0; k + 1 < units.size(); ++k) {
      if (units[k].kind != UnitKind::kListItem || units[k + 1].kind != UnitKind::kListItem) {
        continue;
      }
      auto a = ElementOf(page, units[k]), b = ElementOf(page, units[k + 1]);
      if (a && b && a->end <= b->begin && a->name == "li" && b->name == "li") at.push_back(k);
    }
    if (at.empty()) return std::nullopt;
    size_t k = at[Pick(seed, at.size())];
    Element a = *ElementOf(page, units[k]), b = *ElementOf(page, units[k + 1]);
    out = page.substr(0, a.begin) + page.substr(b.begin, b.end - b.begin) +
          page.substr(a.end, b.begin - a.end) + page.substr(a.begin, a.end - a.begin) +
          page.substr(b.end);
  } else if (kind == "link") {
    std::vector<Range> tags;
    for (const Unit& u : units) {
      for (const Placeholder& ph : u.placeholders) {
        std::string_view tag(page.data() + ph.start_tag.begin,
                             ph.start_tag.end - ph.start_tag.begin);
        if (ph.kind == Placeholder::Kind::kPaired && tag.rfind("<a", 0) == 0 &&
            !TagAttribute(tag, "href").empty()) {
          tags.push_back(ph.start_tag);
        }
      }
    }
    if (tags.empty()) return std::nullopt;
    Range r = tags[Pick(seed, tags.size())];
    std::string href = TagAttribute(page.substr(r.begin, r.end - r.begin), "href");
    out = page.substr(0, r.begin) + "<a class=\"enlace\" target=_blank href='" + href +
          "' rel=\"noopener\">" + page.substr(r.end);
  }
  return std::make_pair(out, truth);
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
