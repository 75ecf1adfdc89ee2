// AlignUnits and MapPlaceholders on small hand-made inputs: the edges of the
// search (a side empty, long posts) and the placeholder mapping, table-driven.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "align/align.h"
#include "align/align_features.h"
#include "align/placeholder_map.h"
#include "post/html_segmenter.h"

namespace l10n {
namespace {

std::string Describe(const std::vector<AlignedPair>& pairs) {
  std::string out;
  for (const AlignedPair& p : pairs) {
    out += std::to_string(p.source_count) + "-" + std::to_string(p.translation_count) + " ";
  }
  return out;
}

TEST_CASE("AlignUnits: empty sides, and a long post in linear memory without recursion") {
  std::vector<Unit> none, three(3);
  for (Unit& u : three) u.text = "Some words here.";
  CHECK(Describe(AlignUnits({&none, ""}, {&none, ""}, {})) == "");
  CHECK(Describe(AlignUnits({&three, ""}, {&none, ""}, {})) == "1-0 1-0 1-0 ");
  CHECK(Describe(AlignUnits({&none, ""}, {&three, ""}, {})) == "0-1 0-1 0-1 ");
  // 20,000 units against 19,990: every unit in one pair, the counts add up.
  std::vector<Unit> source(20000), translation(19990);
  for (size_t k = 0; k < source.size(); ++k) source[k].text = "Paragraph " + std::to_string(k);
  for (size_t k = 0; k < translation.size(); ++k) {
    translation[k].text = "Párrafo " + std::to_string(k < 5000 ? k : k + 10);
  }
  std::vector<AlignedPair> pairs = AlignUnits({&source, ""}, {&translation, ""}, {});
  int s = 0, t = 0, right = 0;
  for (const AlignedPair& p : pairs) {
    s += p.source_count;
    t += p.translation_count;
    right += p.source_count == 1 && p.translation_count == 1 &&
             (p.source_begin < 5000 ? p.translation_begin == p.source_begin
                                    : p.translation_begin == p.source_begin - 10);
  }
  CHECK(s == 20000);
  CHECK(t == 19990);
  CHECK(right >= 19980);
  // Counts far apart: the band is narrowed to its cap, every unit still in
  // one pair.
  std::vector<Unit> many(60000), few(20000);
  for (Unit& u : many) u.text = "Words";
  for (Unit& u : few) u.text = "Palabras";
  for (const auto& [a, b] : {std::pair{&many, &few}, std::pair{&few, &many}}) {
    s = t = 0;
    for (const AlignedPair& p : AlignUnits({a, ""}, {b, ""}, {})) {
      s += p.source_count;
      t += p.translation_count;
    }
    CHECK(s == static_cast<int>(a->size()));
    CHECK(t == static_cast<int>(b->size()));
  }
}

// One paragraph of each page: the translation's placeholders mapped onto
// the source's.
struct MapCase {
  const char* source;       // <p> content, HTML
  const char* translation;  // <p> content, HTML
  const char* want;         // unit text in the source's names
  bool markup_removed;
};

TEST_CASE("MapPlaceholders: a translation's markup renamed by its targets, or removed") {
  const MapCase cases[] = {
      // The same target, other attributes.
      {"Read <a href=\"/x\">this</a>.", "Lea <a class=y href='/x'>esto</a>.", "Lea <a>esto</a>.",
       false},
      // Two links in the other order.
      {"<a href=\"/1\">one</a> and <a href=\"/2\">two</a>",
       "<a href=\"/2\">dos</a> y <a href=\"/1\">uno</a>", "<a2>dos</a2> y <a1>uno</a1>", false},
      // Emphasis by element name.
      {"A <em>big</em> day", "Un día <em>grande</em>", "Un día <em>grande</em>", false},
      // A link the source does not have: its markup removed.
      {"Read <a href=\"/x\">this</a>.", "Lea <a href=\"/evil\">esto</a>.", "Lea esto.", true},
      // An element the source does not have.
      {"Plain text", "Texto <strong>plano</strong>", "Texto plano", true},
  };
  for (const MapCase& c : cases) {
    CAPTURE(c.translation);
    std::string source =
        std::string("<!DOCTYPE html><html lang=en><body><p>") + c.source + "</p></body></html>";
    std::string translation = std::string("<!DOCTYPE html><html lang=es><body><p>") +
                              c.translation + "</p></body></html>";
    DiagnosticSink sink;
    Segmentation s = SegmentHtml(source, "s.html", &sink);
    Segmentation t = SegmentHtml(translation, "t.html", &sink);
    REQUIRE(s.units.size() == 1);
    REQUIRE(t.units.size() == 1);
    MappedTranslation mapped = MapPlaceholders(s.units[0], source, {&t.units[0]}, translation);
    CHECK(mapped.text == c.want);
    CHECK(mapped.markup_removed == c.markup_removed);
  }
}

TEST_CASE("UnitFeatures: targets, numbers, URLs and names, a sentence's first word left out") {
  std::string html =
      "<!DOCTYPE html><html lang=en><body><p>In 2024, 2,500 people met in Lima. See "
      "https://example.org/x. <img src=\"/i.png\" alt=\"\"> <a href=\"/r\">More</a> here.</p>"
      "</body></html>";
  DiagnosticSink sink;
  Segmentation s = SegmentHtml(html, "s.html", &sink);
  REQUIRE(s.units.size() >= 1);
  UnitFeatures f = FeaturesOf(s.units[0], html);
  // Keys are hashes: compared with the hashes of the keys expected.
  std::vector<uint64_t> want;
  for (const char* k :
       {"I:/i.png", "L:/r", "N:2024", "N:2500", "P:Lima", "U:https://example.org/x"}) {
    want.push_back(FeatureKey(k));
  }
  std::sort(want.begin(), want.end());
  CHECK(f.keys == want);
  CHECK(IsNameKey(FeatureKey("P:Lima")));
  CHECK_FALSE(IsNameKey(FeatureKey("N:2024")));
  // Stems: "people" -> "peop", "https" -> "http", "example" -> "exam".
  std::vector<uint32_t> stems = f.stems;
  CHECK(std::find(stems.begin(), stems.end(), FeatureStem("peop")) != stems.end());
  CHECK(std::find(stems.begin(), stems.end(), FeatureStem("exam")) != stems.end());
  CHECK(std::is_sorted(stems.begin(), stems.end()));
}

}  // namespace
}  // namespace l10n
