// The aligner (align/align.h) against translations whose true alignment is
// known by construction: every corpus post merged into the other language
// with the repository's catalogs, the published page segmented again, and
// perturbed as real translations differ from their source (two paragraphs
// merged, one split at a sentence, one dropped, one added, two list items
// swapped, a link's markup changed). The truth comes from the perturbation,
// never from the aligner.
#include "align/align.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "align/align_features.h"
#include "align/placeholder_map.h"
#include "base/language_tag.h"
#include "catalog/po_reader.h"
#include "post/html_segmenter.h"
#include "render/merge.h"
#include "test_util.h"
#include "unit/unit_text.h"

namespace l10n {
namespace {

using testing::Slurp;

// ---- the generator ---------------------------------------------------------

// A pair of the truth or of the aligner: source begin, count, translation
// begin, count.
using Bead = std::tuple<int, int, int, int>;

struct Variant {
  std::string kind;
  std::string bytes;  // the translated page (and the bytes a changed tag points to)
  std::vector<Unit> units;
  std::set<Bead> truth;               // the true pairs (no left-overs)
  std::map<int, std::string> msgstr;  // source unit -> the catalog's translation
};

struct PostPair {
  std::string path;
  std::string source_bytes;
  Segmentation source;
  std::string published;
  std::vector<Unit> translated;
  std::map<int, std::string> msgstr;
};

std::vector<std::string> CorpusPosts() {
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(L10N_SOURCE_DIR) + "/corpus")) {
    if (e.path().extension() == ".html") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The post merged with the repository's catalog of the other language, and
// its published page segmented: unit k of one is unit k of the other.
PostPair Publish(const std::string& path) {
  PostPair pair;
  pair.path = path;
  pair.source_bytes = Slurp(path);
  DiagnosticSink sink;
  pair.source = SegmentHtml(pair.source_bytes, path, &sink);
  std::string lang = PrimaryLanguage(pair.source.lang);
  std::string target = lang == "es" ? "en" : "es";
  std::string po_path = std::string(L10N_SOURCE_DIR) + "/locales/" + target + ".po";
  Catalog catalog;
  REQUIRE(ReadPo(Slurp(po_path), po_path, &catalog, &sink));
  MergeOptions options;
  options.source_lang = lang;
  options.target_lang = target;
  options.translate = [&](const Unit& u) -> std::optional<Translation> {
    const Message* m = catalog.Find(u.context, u.text);
    if (m == nullptr || m->HasFlag("fuzzy") || m->msgstr[0].empty()) return std::nullopt;
    return Translation{m->msgstr[0], po_path, 0, nullptr};
  };
  MergeResult merged = MergePost(pair.source_bytes, path, pair.source, options, &sink);
  pair.published = merged.html;
  pair.translated = SegmentHtml(pair.published, path, &sink).units;
  for (size_t k = 0; k < pair.source.units.size(); ++k) {
    const Unit& u = pair.source.units[k];
    const Message* m = catalog.Find(u.context, u.text);
    if (m != nullptr && !m->msgstr[0].empty()) pair.msgstr[static_cast<int>(k)] = m->msgstr[0];
  }
  return pair;
}

// A deterministic choice among n (n > 0) for variant number `seed`.
size_t Pick(size_t seed, size_t n) { return (seed * 2654435761u + 12345u) % n; }

// The placeholders of `unit` that its text uses.
void KeepUsedPlaceholders(Unit* unit) {
  std::vector<Placeholder> kept;
  Result<std::vector<Token>> tokens = TokenizeUnitText(unit->text);
  if (!tokens.ok()) return;
  for (const Placeholder& p : unit->placeholders) {
    for (const Token& t : *tokens) {
      if (t.type != Token::kText && t.text == p.name) {
        kept.push_back(p);
        break;
      }
    }
  }
  unit->placeholders = std::move(kept);
}

// Identity truth over n units, with translation unit positions shifted by
// what `map` says (source k -> translation k' or -1).
std::set<Bead> OneToOne(const std::vector<int>& map) {
  std::set<Bead> truth;
  for (size_t k = 0; k < map.size(); ++k) {
    if (map[k] >= 0) truth.insert({static_cast<int>(k), 1, map[k], 1});
  }
  return truth;
}

std::vector<int> Identity(size_t n) {
  std::vector<int> map(n);
  for (size_t k = 0; k < n; ++k) map[k] = static_cast<int>(k);
  return map;
}

// Positions k where units k and k+1 are both of `kind`.
std::vector<size_t> Adjacent(const std::vector<Unit>& units, UnitKind kind) {
  std::vector<size_t> at;
  for (size_t k = 0; k + 1 < units.size(); ++k) {
    if (units[k].kind == kind && units[k + 1].kind == kind) at.push_back(k);
  }
  return at;
}

std::optional<Variant> Perturb(const PostPair& post, const std::string& kind, size_t seed) {
  Variant v;
  v.kind = kind;
  v.bytes = post.published;
  v.units = post.translated;
  v.msgstr = post.msgstr;
  size_t n = v.units.size();
  std::vector<int> map = Identity(n);
  if (kind == "merge") {
    std::vector<size_t> at = Adjacent(v.units, UnitKind::kParagraph);
    if (at.empty()) return std::nullopt;
    size_t k = at[Pick(seed, at.size())];
    Unit& a = v.units[k];
    Unit b = v.units[k + 1];
    // The second unit's placeholders renamed apart from the first's.
    Result<std::vector<Token>> tokens = TokenizeUnitText(b.text);
    if (!tokens.ok()) return std::nullopt;
    std::string text;
    for (const Token& t : *tokens) {
      switch (t.type) {
        case Token::kText:
          AppendUnitText(t.text, &text);
          break;
        case Token::kOpen:
          text += "<" + t.text + "-m>";
          break;
        case Token::kClose:
          text += "</" + t.text + "-m>";
          break;
        case Token::kSelfClosing:
          text += "<" + t.text + "-m/>";
          break;
      }
    }
    a.text += " " + text;
    for (Placeholder p : b.placeholders) {
      p.name += "-m";
      a.placeholders.push_back(p);
    }
    v.units.erase(v.units.begin() + k + 1);
    for (size_t x = k + 2; x < n; ++x) map[x] = static_cast<int>(x) - 1;
    map[k] = map[k + 1] = -1;
    v.truth = OneToOne(map);
    v.truth.insert({static_cast<int>(k), 2, static_cast<int>(k), 1});
  } else if (kind == "split") {
    // A paragraph with a sentence end outside any tag.
    std::vector<std::pair<size_t, size_t>> at;  // unit, byte offset after ". "
    for (size_t k = 0; k < n; ++k) {
      if (v.units[k].kind != UnitKind::kParagraph) continue;
      Result<std::vector<Token>> tokens = TokenizeUnitText(v.units[k].text);
      if (!tokens.ok()) continue;
      int depth = 0;
      for (const Token& t : *tokens) {
        if (t.type == Token::kOpen) ++depth;
        if (t.type == Token::kClose) --depth;
        if (t.type != Token::kText || depth != 0) continue;
        size_t dot = t.text.find(". ");
        if (dot != std::string::npos && dot > 10 &&
            v.units[k].text.find(t.text) != std::string::npos) {
          at.push_back({k, v.units[k].text.find(t.text) + dot + 2});
          break;
        }
      }
    }
    if (at.empty()) return std::nullopt;
    auto [k, cut] = at[Pick(seed, at.size())];
    Unit second = v.units[k];
    second.text = v.units[k].text.substr(cut);
    v.units[k].text.resize(cut - 1);
    KeepUsedPlaceholders(&v.units[k]);
    KeepUsedPlaceholders(&second);
    v.units.insert(v.units.begin() + k + 1, second);
    for (size_t x = k + 1; x < n; ++x) map[x] = static_cast<int>(x) + 1;
    map[k] = -1;
    v.truth = OneToOne(map);
    v.truth.insert({static_cast<int>(k), 1, static_cast<int>(k), 2});
  } else if (kind == "drop") {
    std::vector<size_t> at;
    for (size_t k = 0; k < n; ++k) {
      if (v.units[k].kind == UnitKind::kParagraph) at.push_back(k);
    }
    if (at.empty()) return std::nullopt;
    size_t k = at[Pick(seed, at.size())];
    v.units.erase(v.units.begin() + k);
    map[k] = -1;
    for (size_t x = k + 1; x < n; ++x) map[x] = static_cast<int>(x) - 1;
    v.truth = OneToOne(map);
  } else if (kind == "add") {
    static const char* kAdded[] = {
        "Nota del traductor: este texto se publicó primero en la revista del programa y "
        "se revisó para esta edición.",
        "Agradecemos a todas las personas que hicieron posible este encuentro.",
        "Para más información, escriba a la oficina regional.",
    };
    size_t k = Pick(seed, n + 1);
    Unit added;
    added.kind = UnitKind::kParagraph;
    added.text = kAdded[seed % 3];
    v.units.insert(v.units.begin() + k, added);
    for (size_t x = k; x < n; ++x) map[x] = static_cast<int>(x) + 1;
    v.truth = OneToOne(map);
  } else if (kind == "reorder") {
    std::vector<size_t> at = Adjacent(v.units, UnitKind::kListItem);
    if (at.empty()) return std::nullopt;
    size_t k = at[Pick(seed, at.size())];
    std::swap(v.units[k], v.units[k + 1]);
    std::swap(map[k], map[k + 1]);
    v.truth = OneToOne(map);
  } else if (kind == "link") {
    // A link's start tag rewritten (other attributes, another order) and
    // its placeholder renamed: the same target.
    std::vector<std::pair<size_t, size_t>> at;
    for (size_t k = 0; k < n; ++k) {
      for (size_t p = 0; p < v.units[k].placeholders.size(); ++p) {
        const Placeholder& ph = v.units[k].placeholders[p];
        std::string_view tag(v.bytes.data() + ph.start_tag.begin,
                             ph.start_tag.end - ph.start_tag.begin);
        if (ph.kind == Placeholder::Kind::kPaired && !TagAttribute(tag, "href").empty()) {
          at.push_back({k, p});
        }
      }
    }
    if (at.empty()) return std::nullopt;
    auto [k, p] = at[Pick(seed, at.size())];
    Placeholder& ph = v.units[k].placeholders[p];
    std::string_view tag(post.published.data() + ph.start_tag.begin,
                         ph.start_tag.end - ph.start_tag.begin);
    std::string rewritten = "<a class=\"enlace\" target=_blank href='" + TagAttribute(tag, "href") +
                            "' rel=\"noopener\">";
    ph.start_tag = {v.bytes.size(), v.bytes.size() + rewritten.size()};
    v.bytes += rewritten;
    std::string old_name = ph.name, new_name = "link-" + std::to_string(seed);
    ph.name = new_name;
    std::string& text = v.units[k].text;
    for (const std::string& from : {"<" + old_name + ">", "</" + old_name + ">"}) {
      size_t at_tag = text.find(from);
      if (at_tag == std::string::npos) continue;
      std::string to = from[1] == '/' ? "</" + new_name + ">" : "<" + new_name + ">";
      text.replace(at_tag, from.size(), to);
    }
    v.truth = OneToOne(map);
  }
  return v;
}

const char* const kKinds[] = {"merge", "split", "drop", "add", "reorder", "link"};

struct Tally {
  int truth = 0, found = 0;        // recall
  int reported = 0, right = 0;     // precision, all pairs
  int sure = 0, sure_wrong = 0;    // pairs above 0.9
  int texts = 0, texts_right = 0;  // 1-1 pairs found: the mapped text is the catalog's
  int variants = 0;
};

TEST_CASE("alignment recovers the true pairs of >= 100 perturbed translations of the corpus") {
  std::vector<std::string> posts = CorpusPosts();
  REQUIRE(posts.size() >= 5);
  std::map<std::string, Tally> by_kind;
  Tally all;
  for (const std::string& path : posts) {
    CAPTURE(path);
    PostPair post = Publish(path);
    // Merge is 1-1: the published page has the source's units.
    REQUIRE(post.translated.size() == post.source.units.size());
    for (const char* kind : kKinds) {
      for (size_t seed = 0; seed < 4; ++seed) {
        std::optional<Variant> v = Perturb(post, kind, seed * 7 + 3);
        if (!v) continue;
        AlignSide source{&post.source.units, post.source_bytes};
        AlignSide translation{&v->units, v->bytes};
        std::vector<AlignedPair> pairs = AlignUnits(source, translation, AlignOptions{});
        // Every unit of each side in exactly one pair.
        std::vector<int> seen_s(post.source.units.size()), seen_t(v->units.size());
        for (const AlignedPair& p : pairs) {
          for (int k = 0; k < p.source_count; ++k) ++seen_s[p.source_begin + k];
          for (int k = 0; k < p.translation_count; ++k) ++seen_t[p.translation_begin + k];
        }
        CHECK(std::count(seen_s.begin(), seen_s.end(), 1) == static_cast<long>(seen_s.size()));
        CHECK(std::count(seen_t.begin(), seen_t.end(), 1) == static_cast<long>(seen_t.size()));
        Tally& t = by_kind[kind];
        for (Tally* tally : {&t, &all}) {
          ++tally->variants;
          tally->truth += static_cast<int>(v->truth.size());
          for (const AlignedPair& p : pairs) {
            if (p.source_count == 0 || p.translation_count == 0) continue;
            CHECK(p.confidence >= 0);
            CHECK(p.confidence <= 1);
            Bead bead{p.source_begin, p.source_count, p.translation_begin, p.translation_count};
            bool right = v->truth.count(bead) > 0;
            ++tally->reported;
            tally->right += right;
            tally->found += right;
            if (p.confidence > 0.9) {
              ++tally->sure;
              tally->sure_wrong += !right;
            }
            if (right && p.source_count == 1 && p.translation_count == 1 &&
                v->msgstr.count(p.source_begin)) {
              ++tally->texts;
              tally->texts_right += p.text == v->msgstr[p.source_begin];
            }
          }
        }
      }
    }
  }
  auto pct = [](int a, int b) { return b == 0 ? 100.0 : 100.0 * a / b; };
  std::printf("%-8s %8s %9s %9s %7s %11s %9s\n", "kind", "variants", "recall", "precision", ">0.9",
              ">0.9 wrong", "text ok");
  for (auto& [kind, t] : by_kind) {
    std::printf("%-8s %8d %8.1f%% %8.1f%% %7d %10.2f%% %8.1f%%\n", kind.c_str(), t.variants,
                pct(t.found, t.truth), pct(t.right, t.reported), t.sure, pct(t.sure_wrong, t.sure),
                pct(t.texts_right, t.texts));
  }
  std::printf("%-8s %8d %8.1f%% %8.1f%% %7d %10.2f%% %8.1f%%\n", "all", all.variants,
              pct(all.found, all.truth), pct(all.right, all.reported), all.sure,
              pct(all.sure_wrong, all.sure), pct(all.texts_right, all.texts));
  CHECK(all.variants >= 100);
  CHECK(pct(all.found, all.truth) >= 95.0);
  CHECK(pct(all.sure_wrong, all.sure) <= 1.0);
  CHECK(pct(all.texts_right, all.texts) >= 95.0);
}

}  // namespace
}  // namespace l10n
