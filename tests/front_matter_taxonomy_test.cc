// Front-matter categories and tags through the taxonomy: where each value
// is and how it is written, what extract learns from them, how merge
// writes them in the target language in the value's own style, and what
// it does with a name it lacks or refuses.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <map>
#include <string>

#include "markdown_test_util.h"
#include "post/front_matter_value.h"
#include "project/extract.h"

namespace l10n {
namespace {

using Term = Segmentation::Metadata::Term;

std::string DumpTerms(const Segmentation& seg, std::string_view text) {
  std::string out;
  for (const Term& t : seg.metadata.terms) {
    out += fmt::format("{} {} slug={} style={} {}:{} [{}]\n",
                       t.kind == Term::Kind::kTag ? "tag" : "category", t.name, t.slug, t.quote,
                       t.line, t.column, text.substr(t.range.begin, t.range.end - t.range.begin));
  }
  return out;
}

struct TermCase {
  const char* name;
  const char* text;
  const char* terms;
};

const TermCase kTermCases[] = {
    {"YAML flow list, plain", "---\ncategories: [Field visits, News]\n---\n",
     "category Field visits slug=field-visits style=F 2:14 [Field visits]\n"
     "category News slug=news style=F 2:28 [News]\n"},
    {"YAML flow list, quoted", "---\ntags: [\"Agua, saneamiento\", 'it''s']\n---\n",
     "tag Agua, saneamiento slug=agua-saneamiento style=D 2:8 [\"Agua, saneamiento\"]\n"
     "tag it's slug=it-s style=S 2:29 ['it''s']\n"},
    {"YAML block list", "---\ntags:\n  - water\n  - Perú  # country\n---\n",
     "tag water slug=water style=P 3:5 [water]\n"
     "tag Perú slug=peru style=P 4:5 [Perú]\n"},
    {"YAML one string", "---\ncategories: Educación & Niñez\n---\n",
     "category Educación & Niñez slug=educacion-ninez style=P 2:13 [Educación & Niñez]\n"},
    {"YAML block scalar", "---\ncategories: >\n  Field\n  visits\n---\n",
     "category Field visits slug=field-visits style=> 3:3 [Field\n  visits]\n"},
    {"YAML one quoted string", "---\ncategories: \"News\"\n---\n",
     "category News slug=news style=D 2:13 [\"News\"]\n"},
    {"TOML array", "+++\ntags = [\"water\", 'training']\ncategories = [\"Workshops\"]\n+++\n",
     "tag water slug=water style=b 2:9 [\"water\"]\n"
     "tag training slug=training style=l 2:18 ['training']\n"
     "category Workshops slug=workshops style=b 3:15 [\"Workshops\"]\n"},
    {"TOML string", "+++\ncategories = 'News'\n+++\n",
     "category News slug=news style=l 2:14 ['News']\n"},
    {"not categories: other keys, nested keys, no letters; YAML has no number type",
     "---\nkeywords: [a]\nparams:\n  tags: [b]\ncategories: [\"--\", 3, [c]]\n---\n",
     "category 3 slug=3 style=F 5:20 [3]\n"},
    {"TOML: strings only", "+++\ncategories = [3, \"a\"]\n+++\n",
     "category a slug=a style=b 2:18 [\"a\"]\n"},
    {"no front matter", "categories: [a]\n", ""},
    {"an alias is not the value's bytes",
     "---\nname: &n News\nlist: &l [Events]\ncategories: *n\ntags: *l\nkeywords: [*n]\n---\n", ""},
    {"nor an anchored or tagged one (as for translated keys)",
     "---\ncategories: [&n News, !!str Events]\n---\n", ""},
};

TEST_CASE("front matter: each category and tag value, its slug, style and place") {
  for (const TermCase& c : kTermCases) {
    CAPTURE(std::string(c.name));
    Segmentation seg = SegmentMarkdown(c.text);
    CHECK(DumpTerms(seg, c.text) == c.terms);
  }
}

// A post merged from `source` into `target` with a taxonomy (TOML) and
// the catalog's msgctxt "category" translations; the output, then each
// diagnostic on a line.
struct MergeRun {
  std::string out;
  std::string diagnostics;
  bool unsafe = false;
  std::vector<std::string> untranslated;
};

MergeRun MergeWithTaxonomy(const std::string& text, const std::string& taxonomy_toml,
                           const std::map<std::string, std::string>& catalog,
                           const std::string& source = "en", const std::string& target = "es") {
  DiagnosticSink sink;
  Segmentation seg = MarkdownPostFormat().Segment(text, "post.md", SegmentOptions(), &sink);
  Taxonomy taxonomy;
  REQUIRE(taxonomy.Parse(taxonomy_toml, "taxonomy.toml", &sink));
  MergeOptions options;
  options.source_lang = source;
  options.target_lang = target;
  options.taxonomy = &taxonomy;
  options.translate_category = [&](std::string_view name) -> std::optional<Translation> {
    auto it = catalog.find(std::string(name));
    if (it == catalog.end()) return std::nullopt;
    return Translation{it->second, "es.po", 7, nullptr};
  };
  MergeResult result = MergePost(text, "post.md", seg, options, &sink);
  MergeRun run;
  run.out = result.html;
  run.unsafe = result.unsafe;
  for (const Diagnostic& d : sink.diagnostics()) run.diagnostics += d.Render() + "\n";
  for (const Term* t : result.untranslated_terms) run.untranslated.push_back(t->name);
  return run;
}

const char kTaxonomy[] =
    "[categories.field-visits]\nen = \"Field visits\"\nes = \"Visitas de campo\"\n"
    "[categories.news]\nen = \"News\"\nes = \"Noticias\"\n"
    "[categories.peru]\nen = \"Peru\"\nes = \"Perú\"\n"
    "[categories.reports]\nen = \"Reports\"\nes = \"Informes\"\n"
    "[categories.water]\nen = \"water\"\nes = \"agua\"\n"
    "[categories.wash]\nen = \"WASH\"\nes = \"Agua, saneamiento\"\n"
    "[categories.yes]\nen = \"Yes\"\nes = \"sí: no\"\n"
    "[categories.quote]\nen = \"Quote\"\nes = \"l'eau \\\"y\\\" #1\"\n"
    "[categories.only-en]\nen = \"Only English\"\n";

struct MergeCase {
  const char* name;
  const char* text;
  const char* merged;
};

const MergeCase kMergeCases[] = {
    {"YAML flow list", "---\ntitle: x\ncategories: [Field visits, News]  # two\n---\nBody.\n",
     "---\ntitle: x\ncategories: [Visitas de campo, Noticias]  # two\n---\nBody.\n"},
    {"YAML block list", "---\ntags:\n  - water\n  - Peru\n---\n",
     "---\ntags:\n  - agua\n  - Perú\n---\n"},
    {"YAML one string", "---\ncategories: News\n---\n", "---\ncategories: Noticias\n---\n"},
    {"YAML block scalar", "---\ncategories: |\n  News\ntitle: x\n---\n",
     "---\ncategories: |\n  Noticias\ntitle: x\n---\n"},
    {"YAML quoted", "---\ncategories: [\"News\", 'Reports']\n---\n",
     "---\ncategories: [\"Noticias\", 'Informes']\n---\n"},
    {"TOML array", "+++\ntags = [\"water\", 'Peru']\n+++\n",
     "+++\ntags = [\"agua\", 'Perú']\n+++\n"},
    {"TOML string", "+++\ncategories = \"News\"\n+++\n", "+++\ncategories = \"Noticias\"\n+++\n"},
    {"a comma in a flow list is quoted", "---\ntags: [WASH, News]\n---\n",
     "---\ntags: [\"Agua, saneamiento\", Noticias]\n---\n"},
    {"a comma is plain in a block list", "---\ntags:\n- WASH\n---\n",
     "---\ntags:\n- Agua, saneamiento\n---\n"},
    {"': ' is quoted", "---\ncategories: Yes\n---\n", "---\ncategories: \"sí: no\"\n---\n"},
    {"quotes and '#' in each style",
     "---\na: [Quote]\ncategories: [Quote, 'Quote', \"Quote\"]\ntags:\n  - Quote\n---\n",
     "---\na: [Quote]\ncategories: [\"l'eau \\\"y\\\" #1\", 'l''eau \"y\" #1', "
     "\"l'eau \\\"y\\\" #1\"]\ntags:\n  - \"l'eau \\\"y\\\" #1\"\n---\n"},
    {"TOML quotes", "+++\ntags = ['Quote', \"Quote\"]\n+++\n",
     "+++\ntags = [\"l'eau \\\"y\\\" #1\", \"l'eau \\\"y\\\" #1\"]\n+++\n"},
    {"the same name in both languages: no byte changes", "---\ncategories: [Only]\n---\n",
     "---\ncategories: [Only]\n---\n"},
};

TEST_CASE("merge: each category and tag as the taxonomy's name, in the value's style") {
  for (const MergeCase& c : kMergeCases) {
    CAPTURE(std::string(c.name));
    std::string taxonomy =
        std::string(kTaxonomy) + "[categories.only]\nen = \"Only\"\nes = \"Only\"\n";
    MergeRun run = MergeWithTaxonomy(c.text, taxonomy, {});
    CHECK(run.out == c.merged);
    CHECK(run.diagnostics == "");
    CHECK(run.untranslated.empty());
    // What the target page says is the name, read back.
    Segmentation again = SegmentMarkdown(run.out);
    Segmentation source = SegmentMarkdown(c.text);
    REQUIRE(again.metadata.terms.size() == source.metadata.terms.size());
  }
}

// `text` without the bytes of its terms.
std::string WithoutTerms(const std::string& text) {
  Segmentation seg = SegmentMarkdown(text);
  std::string out;
  size_t pos = 0;
  for (const Term& t : seg.metadata.terms) {
    out.append(text, pos, t.range.begin - pos);
    out += "<term>";
    pos = t.range.end;
  }
  return out + text.substr(pos);
}

// Runs of white space as one space, none at either end: what a plain
// scalar can hold of a name.
std::string Collapsed(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

TEST_CASE("merge: a written name reads back as the name, whatever it holds") {
  // Names as a translator (untrusted) may write them: YAML and TOML
  // indicators, quotes, escapes, comments, keywords, numbers, white space
  // (each with a letter or digit: a value without is no term). A control
  // character is refused (next test cases).
  const char* names[] = {"Agua, saneamiento",
                         "sí: no",
                         "l'eau \"y\" #1",
                         "[x]",
                         "- a",
                         "true",
                         "a\\b",
                         "{b}",
                         "#hash",
                         "x #y",
                         "*star",
                         "&amp",
                         "!tag",
                         "|pipe",
                         ">gt",
                         "?q",
                         "%pct",
                         "@at",
                         "`tick",
                         "null",
                         "~tilde",
                         "123",
                         "1.5",
                         "-1",
                         "trailing:",
                         " leading",
                         "tab\there",
                         "two\nlines",
                         "'''a",
                         "\"\"\"b",
                         "a'b",
                         "]c",
                         "}, x: {y",
                         "ü ñ 日本"};
  const char* posts[] = {
      "---\ntitle: T  # c\ncategories: [News, Other]\ntags: x\n---\nBody.\n",
      "---\ncategories:\n  - News\n  - Other\n---\n",
      "---\ncategories: News\n---\n",
      "---\ncategories: ['News', \"Other\"]\n---\n",
      "---\ncategories:\n- 'News'\n- \"Other\"\n---\n",
      "+++\ncategories = ['News', \"Other\"]\ntitle = 'T'\n+++\n",
      "+++\ncategories = \"News\"\n+++\n",
      "+++\ncategories = '''News'''\n+++\n",
  };
  for (const char* name : names) {
    for (const char* post : posts) {
      CAPTURE(std::string(name));
      CAPTURE(std::string(post));
      MergeRun run = MergeWithTaxonomy(post, "", {{"News", name}, {"Other", name}});
      CHECK(run.diagnostics.find("error") == std::string::npos);
      Segmentation source = SegmentMarkdown(post);
      Segmentation again = SegmentMarkdown(run.out);
      REQUIRE(again.metadata.terms.size() == source.metadata.terms.size());
      for (size_t i = 0; i < again.metadata.terms.size(); ++i) {
        const Term& term = source.metadata.terms[i];
        bool plain = term.quote == kYamlPlain || term.quote == kYamlFlowPlain;
        std::string want = plain ? Collapsed(name) : std::string(name);
        if (term.name == "x") want = "x";  // no name: kept
        CHECK(again.metadata.terms[i].name == want);
      }
      // Nothing else changed.
      CHECK(WithoutTerms(run.out) == WithoutTerms(post));
    }
  }
}

TEST_CASE("merge: the catalog's name when the taxonomy has none, else kept as written") {
  std::string post = "---\ncategories: [Only English, Unknown]\ntags: Unknown tag\n---\n";
  MergeRun run = MergeWithTaxonomy(post, kTaxonomy, {{"Only English", "Solo inglés"}});
  CHECK(run.out == "---\ncategories: [Solo inglés, Unknown]\ntags: Unknown tag\n---\n");
  CHECK(run.untranslated == std::vector<std::string>{"Unknown", "Unknown tag"});
  CHECK_FALSE(run.unsafe);
}

TEST_CASE("merge: a Spanish post's names, paired with the English ones") {
  // "Informes" has its own slug; the taxonomy pairs it with "Reports".
  std::string post = "+++\ncategories = [\"Informes\"]\ntags = [\"agua\", \"feria\"]\n+++\n";
  MergeRun run = MergeWithTaxonomy(post, kTaxonomy, {{"feria", "fair"}}, "es", "en");
  CHECK(run.out == "+++\ncategories = [\"Reports\"]\ntags = [\"water\", \"fair\"]\n+++\n");
  CHECK(run.untranslated.empty());
}

TEST_CASE("merge: a name with markup the value lacks is refused, the post not published") {
  std::string post = "---\ntitle: T\ncategories: [News]\n---\n";
  MergeRun run = MergeWithTaxonomy(
      post, "[categories.news]\nen = \"News\"\nes = \"<script>x</script>\"\n", {});
  CHECK(run.unsafe);
  CHECK(run.out == post);
  CHECK(run.diagnostics ==
        "taxonomy.toml:3:7: error: markup not in the source: '<script>' [unsafe]\n"
        "post.md:3:14: note: the translation of this text is rejected; the post is not "
        "published\n");
  run = MergeWithTaxonomy(post, "", {{"News", "Noti\u202Ecias"}});
  CHECK(run.unsafe);
  CHECK(run.out == post);
  CHECK(run.diagnostics ==
        "es.po:7: error: bidirectional control character U+202E is not in the source "
        "[unsafe]\npost.md:3:14: note: the translation of this text is rejected; the post is "
        "not published\n");
}

TEST_CASE("merge: into the post's own language, no byte changes") {
  for (const MergeCase& c : kMergeCases) {
    CAPTURE(std::string(c.name));
    MergeRun run = MergeWithTaxonomy(c.text, kTaxonomy, {{"News", "Noticias"}}, "en", "en");
    CHECK(run.out == c.text);
  }
}

TEST_CASE("extract: front-matter names are learned, paired by name, and translated") {
  std::string en_post = "---\ncategories: [Reports]\ntags:\n  - water\n---\n";
  std::string es_post = "+++\ncategories = [\"Informes\"]\ntags = [\"agua\", \"Perú\"]\n+++\n";
  Segmentation en = SegmentMarkdown(en_post, "content/a.md");
  Segmentation es = SegmentMarkdown(es_post, "content/b.es.md");
  Taxonomy taxonomy;
  DiagnosticSink sink;
  REQUIRE(taxonomy.Parse("[categories.reports]\nen = \"Reports\"\nes = \"Informes\"\n", "t.toml",
                         &sink));
  CHECK(LearnCategories(en, "en", {"en", "es"}, &taxonomy));
  CHECK(LearnCategories(es, "es", {"en", "es"}, &taxonomy));
  CHECK_FALSE(LearnCategories(es, "es", {"en", "es"}, &taxonomy));
  CHECK(taxonomy.Serialize() ==
        "# Category names by language (slug -> name). Kept sorted by the l10n tools.\n\n"
        "[categories.agua]\nes = \"agua\"\n\n"
        "[categories.peru]\nes = \"Perú\"\n\n"
        "[categories.reports]\nen = \"Reports\"\nes = \"Informes\"\n\n"
        "[categories.water]\nen = \"water\"\n");

  CatalogInfo info;
  info.source_lang = "en";
  Catalog en_template = BuildTemplate({{"content/a.md", "en", &en}}, taxonomy, "es", info);
  std::string entries;
  for (const Message& m : en_template.messages) {
    if (m.is_header()) continue;
    entries += fmt::format("{}|{}|{}|{}\n", m.msgctxt.value_or(""), m.msgid,
                           m.extracted_comments.empty() ? "" : m.extracted_comments[0],
                           m.references.empty() ? "" : m.references[0]);
  }
  CHECK(entries == "category|water|tag name, slug 'water'|content/a.md:4\n");
  info.source_lang = "es";
  Catalog es_template = BuildTemplate({{"content/b.es.md", "es", &es}}, taxonomy, "en", info);
  entries.clear();
  for (const Message& m : es_template.messages) {
    if (m.is_header()) continue;
    entries += fmt::format("{}|{}|{}\n", m.msgctxt.value_or(""), m.msgid,
                           m.extracted_comments.empty() ? "" : m.extracted_comments[0]);
  }
  CHECK(entries == "category|agua|tag name, slug 'agua'\ncategory|Perú|tag name, slug 'peru'\n");
}

}  // namespace
}  // namespace l10n
