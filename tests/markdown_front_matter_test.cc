// Front matter of Markdown posts: which values are units, how a
// translation is written back in each YAML and TOML style, the page
// language and metadata, and front matter that cannot be read.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "markdown_test_util.h"
#include "post/front_matter.h"
#include "test_util.h"

namespace l10n {
namespace {

std::string Merged(const std::string& text, const std::map<std::string, std::string>& t) {
  return MergeMarkdown(text, [&](const Unit& u) -> std::optional<std::string> {
    auto it = t.find(u.text);
    if (it == t.end()) return std::nullopt;
    return it->second;
  });
}

TEST_CASE("front matter: the translatable keys are units with a note naming the key") {
  std::string text =
      "---\ntitle: Hello\ndate: 2024-01-01\ndraft: true\nweight: 3\naliases: [/a]\n"
      "url: /x/\nauthor: Ana\ndescription: About us\nimages:\n  - src: a.jpg\n    alt: A cat\n"
      "---\nBody.\n";
  Segmentation seg = SegmentMarkdown(text, "content/hello.md");
  CHECK(DumpMarkdownUnits(seg, text) ==
        "@page title: Hello [Hello]\n@page metadata: About us [About us]\n"
        "@image alt text: A cat [A cat]\nparagraph: Body. [Body.]\n");
  REQUIRE(seg.units.size() == 4);
  CHECK(seg.units[0].note == "front matter 'title', hello");
  CHECK(seg.units[2].note == "front matter 'alt', hello");
  CHECK(seg.units[0].line == 2);
  CHECK(seg.units[0].column == 8);
}

TEST_CASE("front matter: the key list is a setting") {
  std::string text = "---\ntitle: Hello\nteaser: Read this\n---\n";
  SegmentOptions options;
  options.front_matter_keys = {"teaser"};
  DiagnosticSink sink;
  Segmentation seg = MarkdownPostFormat().Segment(text, "p.md", options, &sink);
  CHECK(DumpMarkdownUnits(seg, text) == "@page metadata: Read this [Read this]\n");
}

struct StyleCase {
  const char* name;
  const char* source;
  const char* translation;
  const char* merged;
};

const StyleCase kStyles[] = {
    {"YAML plain stays plain", "---\ntitle: Hello world\n---\n", "Hola mundo",
     "---\ntitle: Hola mundo\n---\n"},
    {"YAML plain that would not read back is double-quoted", "---\ntitle: Hello\n---\n",
     "Nota: es #1", "---\ntitle: \"Nota: es #1\"\n---\n"},
    {"YAML plain: a comment after the value stays", "---\ntitle: Hello # c\n---\n", "Hola",
     "---\ntitle: Hola # c\n---\n"},
    {"YAML double-quoted: escapes", "---\ntitle: \"Hello\"\n---\n", "Di \"hola\" \\ ya",
     "---\ntitle: \"Di \\\"hola\\\" \\\\ ya\"\n---\n"},
    {"YAML single-quoted: quotes doubled", "---\ntitle: 'Hello'\n---\n", "It's",
     "---\ntitle: 'It''s'\n---\n"},
    {"YAML literal block: lines kept at the block's indent",
     "---\ndescription: |\n  One\n  two\ndate: 1\n---\n", "Uno\ndos\n\ntres",
     "---\ndescription: |\n  Uno\n  dos\n\n  tres\ndate: 1\n---\n"},
    {"YAML folded block: one line", "---\ndescription: >\n  One\n  two\n---\n", "Uno dos",
     "---\ndescription: >\n  Uno dos\n---\n"},
    {"YAML word that would read as a boolean is quoted", "---\ntitle: Hi\n---\n", "No",
     "---\ntitle: \"No\"\n---\n"},
    {"TOML basic string", "+++\ntitle = \"Hello\"\n+++\n", "Di \"hola\"",
     "+++\ntitle = \"Di \\\"hola\\\"\"\n+++\n"},
    {"TOML literal string", "+++\ntitle = 'Hello'\n+++\n", "C:\\dir",
     "+++\ntitle = 'C:\\dir'\n+++\n"},
    {"TOML literal that cannot hold a quote becomes basic", "+++\ntitle = 'Hello'\n+++\n", "It's",
     "+++\ntitle = \"It's\"\n+++\n"},
    {"TOML multi-line basic", "+++\nsummary = \"\"\"\nOne\ntwo\"\"\"\n+++\n", "Uno\n\"dos\"",
     "+++\nsummary = \"\"\"Uno\n\\\"dos\\\"\"\"\"\n+++\n"},
    {"TOML nested table", "+++\n[params]\nsubtitle = \"Hi there\"\n+++\n", "Hola",
     "+++\n[params]\nsubtitle = \"Hola\"\n+++\n"},
};

TEST_CASE("front matter: a translation in the value's own style") {
  for (const StyleCase& c : kStyles) {
    CAPTURE(std::string(c.name));
    Segmentation seg = SegmentMarkdown(c.source);
    REQUIRE(!seg.units.empty());
    std::string msgid = seg.units[0].text;
    std::string translation;
    AppendUnitText(c.translation, &translation);
    std::string merged = Merged(c.source, {{msgid, translation}});
    CHECK(merged == std::string(c.merged));
    // Read again, the value is the translation.
    Segmentation again = SegmentMarkdown(merged);
    REQUIRE(!again.units.empty());
    std::string want = c.translation;
    if (seg.units[0].quote != kYamlLiteral && seg.units[0].quote != kTomlMultiBasic) {
      for (char& ch : want) {
        if (ch == '\n') ch = ' ';
      }
    }
    std::string want_text;
    AppendUnitText(want, &want_text);
    CHECK(again.units[0].text == want_text);
  }
}

TEST_CASE("front matter: language, slug, date, categories and tags") {
  Segmentation yaml = SegmentMarkdown(
      "---\nlang: \"es-MX\"\nslug: mi-post\ndate: 2024-02-03\ncategories: [Noticias, Barrio]\n"
      "tags:\n  - a\n  - b\n---\n");
  CHECK(yaml.lang == "es-MX");
  CHECK(yaml.has_lang_edit);
  CHECK(yaml.metadata.slug == "mi-post");
  CHECK(yaml.metadata.date == "2024-02-03");
  CHECK(yaml.metadata.categories == std::vector<std::string>{"Noticias", "Barrio"});
  CHECK(yaml.metadata.tags == std::vector<std::string>{"a", "b"});
  Segmentation toml = SegmentMarkdown(
      "+++\nlanguage = 'en'\ncategories = \"News\"\ndate = 2024-02-03T10:00:00Z\n+++\n");
  CHECK(toml.lang == "en");
  CHECK(toml.metadata.categories == std::vector<std::string>{"News"});
  CHECK(toml.metadata.date == "2024-02-03T10:00:00Z");
  Segmentation none = SegmentMarkdown("Just text.\n");
  CHECK(none.lang.empty());
  CHECK_FALSE(none.has_lang_edit);
  // Merge writes the target language in the key's own quotes.
  CHECK(Merged("---\nlang: \"en\"\n---\n", {}) == "---\nlang: \"es\"\n---\n");
  CHECK(Merged("+++\nlang = 'en'\n+++\n", {}) == "+++\nlang = 'es'\n+++\n");
}

struct BadCase {
  const char* name;
  const char* text;
  const char* message;
};

const BadCase kBad[] = {
    {"unterminated YAML", "---\ntitle: x\n\nBody\n",
     "1:1: the front matter opened by '---' is never closed by a '---' line"},
    {"unterminated TOML", "+++\ntitle = 'x'\n",
     "1:1: the front matter opened by '+++' is never closed by a '+++' line"},
    {"invalid YAML", "---\ntitle: a\n bad: b\n---\n",
     "3:5: invalid YAML front matter: illegal map value"},
    {"invalid YAML: unclosed flow", "---\ntags: [a, b\n---\n",
     "3:1: invalid YAML front matter: end of sequence flow not found"},
    {"YAML that is not a mapping", "---\n- a\n- b\n---\n",
     "2:1: the YAML front matter is not a mapping of keys"},
    {"invalid TOML", "+++\ntitle = \n+++\n",
     "2:9: invalid TOML front matter: Error while parsing key-value pair: expected value, "
     "saw '\\n'"},
};

TEST_CASE("front matter: bad input is refused where it is wrong") {
  for (const BadCase& c : kBad) {
    CAPTURE(std::string(c.name));
    std::optional<InputProblem> problem = MarkdownPostFormat().CheckInput(c.text);
    REQUIRE(problem.has_value());
    LineMap lines(c.text);
    int line, column;
    lines.Locate(problem->offset, &line, &column);
    std::string got = std::to_string(line) + ":" + std::to_string(column) + ": " + problem->message;
    CHECK(got == std::string(c.message));
  }
  CHECK_FALSE(MarkdownPostFormat().CheckInput("---\ntitle: ok\n---\nText\n").has_value());
  CHECK_FALSE(MarkdownPostFormat().CheckInput("No front matter --- here\n").has_value());
  CHECK_FALSE(MarkdownPostFormat().CheckInput("---\n---\n").has_value());
}

}  // namespace
}  // namespace l10n

namespace l10n {
namespace {

// End to end: l10n-extract on a post with a broken front matter reports it
// where it is, exits 1 and writes nothing.
TEST_CASE("front matter: the tools refuse a broken front matter and write nothing") {
  for (const char* post : {"---\ntitle: a\n bad: b\n---\nText.\n", "+++\ntitle = 'a'\nText.\n"}) {
    TempDir dir;
    std::filesystem::create_directories(dir / "posts");
    Spit(dir / "posts/bad.md", post);
    testing::CommandResult r =
        Run(Tool("l10n-extract") +
                " --posts 'posts/*.md' --languages en es --template 'po/{lang}.pot'"
                " --catalog 'po/{lang}.po'",
            dir.path());
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == (post[0] == '-'
                        ? "posts/bad.md:3:5: error: invalid YAML front matter: illegal map value\n"
                        : "posts/bad.md:1:1: error: the front matter opened by '+++' is never "
                          "closed by a '+++' line\n"));
    CHECK(Snapshot(dir.path()).size() == 1);  // the post alone
  }
}

}  // namespace
}  // namespace l10n
