// The import benchmark's perturbations (bench/import_bench.cc): a page
// that merge translated, changed as real translations differ from their
// source, and the pairs that still exist in it (bench/import_bench.cc's
// header defines them). The page is changed as bytes, so that a tool that
// reads pages (po4a-gettextize) sees what the aligner sees.
#ifndef L10N_BENCH_IMPORT_PERTURB_H_
#define L10N_BENCH_IMPORT_PERTURB_H_

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "align/align_features.h"
#include "unit/unit.h"

namespace l10n::bench {

inline const char* const kKinds[] = {"none", "merge", "split", "drop", "add", "reorder", "link"};

using Pair = std::pair<std::string, std::string>;  // source, translation: plain text

// Text without tags, entities as they are, spacing collapsed.
inline std::string Plain(std::string_view s) {
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

// A page's true pairs, each once per occurrence, and the sources a pair
// can be judged by.
struct Truth {
  std::multiset<Pair> possible;
  std::set<std::string> judged;
};

// The element around unit `u` of `page`: [start tag's '<', end tag's '>'
// + 1) and its name, when only spacing lies between its tags and the unit.
struct Element {
  size_t begin = 0, end = 0;
  std::string name;
};

inline std::optional<Element> ElementOf(const std::string& page, const Unit& u) {
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
inline size_t SentenceCut(const std::string& page, const Unit& u) {
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
inline size_t Pick(size_t seed, size_t n) { return (seed * 2654435761u + 12345u) % n; }

// The published page `page` (its units `units`, unit k of the source's
// unit k) perturbed as `kind` says, and its truth from `pairs` (unit k ->
// its true pair, absent for an untranslated unit); nullopt when the page
// has no place for the kind.
inline std::optional<std::pair<std::string, Truth>> Perturb(const std::string& page,
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

}  // namespace l10n::bench

#endif  // L10N_BENCH_IMPORT_PERTURB_H_
