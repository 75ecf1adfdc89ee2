// Merging translations into Markdown posts: only the units' bytes change,
// a translation is escaped so that it adds no syntax, and msgstr = msgid
// gives the post back byte for byte.
#include <doctest/doctest.h>
#include <md4c.h>

#include <filesystem>
#include <map>

#include "markdown_generator.h"
#include "markdown_test_util.h"
#include "test_util.h"
#include "unit/unit_text.h"

namespace l10n {
namespace {

std::string MergeWith(const std::string& text, const std::map<std::string, std::string>& t,
                      std::string* errors = nullptr) {
  return MergeMarkdown(
      text,
      [&](const Unit& u) -> std::optional<std::string> {
        auto it = t.find(u.text);
        if (it == t.end()) return std::nullopt;
        return it->second;
      },
      "post.md", errors);
}

struct MergeCase {
  const char* name;
  const char* markdown;
  std::map<std::string, std::string> translations;
  const char* merged;
};

const MergeCase kMergeCases[] = {
    {"the source's own markers stay",
     "Some *light* and __strong__ text.\n",
     {{"Some <em>light</em> and <strong>strong</strong> text.",
       "Un texto <strong>fuerte</strong> y <em>ligero</em>."}},
     "Un texto __fuerte__ y *ligero*.\n"},
    {"link URL and reference kept",
     "Read [the plan](/plan \"Plan\") or [this][r].\n\n[r]: /r\n",
     {{"Read <a1>the plan</a1> or <a2>this</a2>.", "Lee <a1>el plan</a1> o <a2>esto</a2>."},
      {"Plan", "El \"plan\""}},
     "Lee [el plan](/plan \"El \\\"plan\\\"\") o [esto][r].\n\n[r]: /r\n"},
    {"collapsed and shortcut references name their definition after a translation",
     "See the [budget][] and the [*plan*], and [Lima][].\n\n[budget]: /b\n[*plan*]: /p\n"
     "[lima]: /l\n",
     {{"See the <a1>budget</a1> and the <a2><em>plan</em></a2>, and <a3>Lima</a3>.",
       "Mira el <a1>presupuesto</a1> y el <a2><em>plan</em></a2>, y <a3>Lima</a3>."}},
     "Mira el [presupuesto][budget] y el [*plan*], y [Lima][].\n\n[budget]: /b\n"
     "[*plan*]: /p\n[lima]: /l\n"},
    {"hard-wrapped paragraph written on one line",
     "One two\nthree four.\n\nNext.\n",
     {{"One two three four.", "Uno dos\ntres cuatro."}},
     "Uno dos tres cuatro.\n\nNext.\n"},
    {"Markdown punctuation in a translation is escaped",
     "# Title\n\nText.\n",
     {{"Title", "Título *no* _em_ [x] `c` &lt;b> #1 |"}, {"Text.", "- 1. no es lista"}},
     "# Título \\*no\\* \\_em\\_ \\[x\\] \\`c\\` \\<b> \\#1 \\|\n\n\\- 1. no es lista\n"},
    {"digits and a dot at the start of a line",
     "Text.\n",
     {{"Text.", "2024. Un año"}},
     "2024\\. Un año\n"},
    {"code, image and hard break restored from the source",
     "Use `x`  \nthen ![a cat](c.png).\n",
     {{"Use <code/><br/>then <img/>.", "Usa <code/><br/>y luego <img/>."}, {"a cat", "un [gato]"}},
     "Usa `x`  \ny luego ![un \\[gato\\]](c.png).\n"},
    {"setext heading and list markers kept",
     "Hello\n=====\n\n* one\n* two\n",
     {{"Hello", "Hola"}, {"one", "uno"}, {"two", "dos"}},
     "Hola\n=====\n\n* uno\n* dos\n"},
    {"quote over two lines", "> one\n> two\n", {{"one two", "uno dos"}}, "> uno dos\n"},
    {"table cell", "| a |\n|---|\n| b |\n", {{"b", "x | y"}}, "| a |\n|---|\n| x \\| y |\n"},
    {"the page language is written for the target",
     "---\nlang: en\n---\nHi.\n",
     {},
     "---\nlang: es\n---\nHi.\n"},
    {"a translation that adds a tag is rejected",
     "Some text.\n",
     {{"Some text.", "Un <em>texto</em>."}},
     "Some text.\n"},
    {"definition titles: escaped for their delimiter",
     "See [a], [b] and [c].\n\n[a]: /a \"Report\"\n[b]: /b 'Budget'\n[c]: /c (Chart)\n",
     {{"See <a1>a</a1>, <a2>b</a2> and <a3>c</a3>.", "Mira <a1>a</a1>, <a2>b</a2> y <a3>c</a3>."},
      {"Report", "El \"informe\" &lt;b> & &amp;copy;"},
      {"Budget", "L'argent \"ok\""},
      {"Chart", "Gráfico (nuevo) 'x'"}},
     "Mira [a], [b] y [c].\n\n[a]: /a \"El \\\"informe\\\" <b> & \\&copy;\"\n"
     "[b]: /b 'L\\'argent \"ok\"'\n[c]: /c (Gráfico \\(nuevo\\) 'x')\n"},
    {"definition title over lines: the translation on one line",
     "[a]:\n  /a\n  \"The annual\n  report\"\n",
     {{"The annual report", "El informe\n\nanual"}},
     "[a]:\n  /a\n  \"El informe anual\"\n"},
    {"definition in a quote: its prefix kept",
     "> See [q].\n>\n> [q]: /q \"Quote\"\n",
     {{"Quote", "Cita"}},
     "> See [q].\n>\n> [q]: /q \"Cita\"\n"},
    {"HTML block: a translation escaped as HTML, not as Markdown",
     "<div class=\"note\">\nText *not md*\n</div>\n",
     {{"Text *not md*", "Texto *no* &lt;b> & \"más\" [x] #1"}},
     "<div class=\"note\">\nTexto *no* &lt;b&gt; &amp; \"más\" [x] #1\n</div>\n"},
    {"HTML block: a translation's line breaks cannot end the block",
     "<div>\nOne\n</div>\n",
     {{"One", "Uno\n\n# dos"}},
     "<div>\nUno # dos\n</div>\n"},
    {"HTML block: tags restored, attributes escaped as HTML's",
     "<p>Hello <b>x</b> <img src=a.png alt=door title='A \"door\"'></p>\n",
     {{"Hello <b>x</b>", "Hola <b>equis</b>"},
      {"door", "la \"puerta\" & &lt;más>"},
      {"A \"door\"", "Una 'puerta'"}},
     "<p>Hola <b>equis</b> <img src=a.png alt=\"la &quot;puerta&quot; &amp; &lt;más&gt;\" "
     "title='Una &#39;puerta&#39;'></p>\n"},
    {"HTML block in a list item: the translation on one line",
     "- item\n\n  <div>\n  Two\n  lines\n  </div>\n",
     {{"Two lines", "Dos\nlíneas"}},
     "- item\n\n  <div>\n  Dos líneas\n  </div>\n"},
    {"HTML block: a translation that adds a tag is rejected",
     "<p>Some text.</p>\n",
     {{"Some text.", "Un <em>texto</em>."}},
     "<p>Some text.</p>\n"},
    {"code blocks untouched",
     "```\ncode\n```\n\nText.\n",
     {{"Text.", "Texto."}},
     "```\ncode\n```\n\nTexto.\n"},
};

TEST_CASE("markdown merge: table of cases") {
  for (const MergeCase& c : kMergeCases) {
    CAPTURE(std::string(c.name));
    CHECK(MergeWith(c.markdown, c.translations) == std::string(c.merged));
  }
}

// msgstr = msgid: the post back, byte for byte.
void CheckIdentity(const std::string& text) {
  std::string lang = SegmentMarkdown(text).lang;
  std::string merged = MergeMarkdown(
      text, [](const Unit& u) { return u.text; }, "post.md", nullptr, lang.empty() ? "en" : lang);
  if (merged != text) {
    FAIL_CHECK("identity broken at " << FirstDifference(text, merged) << " in:\n" << text);
  }
}

std::vector<std::string> Fixtures() {
  std::vector<std::string> posts;
  for (const auto& e : std::filesystem::directory_iterator(std::string(L10N_SOURCE_DIR) +
                                                           "/tests/fixtures/markdown")) {
    posts.push_back(Slurp(e.path().string()));
  }
  REQUIRE(posts.size() >= 4);
  return posts;
}

TEST_CASE("markdown merge: identity on the fixtures and on generated posts") {
  for (const std::string& post : Fixtures()) CheckIdentity(post);
  MarkdownGenerator gen(14);
  for (int i = 0; i < 300; ++i) CheckIdentity(gen.Post());
  for (const MergeCase& c : kMergeCases) CheckIdentity(c.markdown);
}

// What the parser sees of a post: its blocks, link and image URLs, code,
// the tags of HTML.
std::string Structure(const std::string& post) {
  std::string text = post;  // the body
  for (const char* fence : {"---", "+++"}) {
    if (text.rfind(std::string(fence) + "\n", 0) == 0) {
      size_t end = text.find("\n" + std::string(fence) + "\n");
      if (end != std::string::npos) text = text.substr(end + 5);
    }
  }
  std::string out;
  MD_PARSER parser = {};
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                 MD_FLAG_PERMISSIVEWWWAUTOLINKS | MD_FLAG_TASKLISTS;
  parser.enter_block = [](MD_BLOCKTYPE t, void* detail, void* o) {
    auto* s = static_cast<std::string*>(o);
    *s += "<" + std::to_string(static_cast<int>(t));
    if (t == MD_BLOCK_H) *s += "h" + std::to_string(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
    *s += ">";
    return 0;
  };
  parser.leave_block = [](MD_BLOCKTYPE t, void*, void* o) {
    *static_cast<std::string*>(o) += "</" + std::to_string(static_cast<int>(t)) + ">";
    return 0;
  };
  parser.enter_span = [](MD_SPANTYPE t, void* detail, void* o) {
    auto* s = static_cast<std::string*>(o);
    if (t == MD_SPAN_A) {
      auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
      *s += "[a " + std::string(d->href.text, d->href.size) + "]";
    } else if (t == MD_SPAN_IMG) {
      auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
      *s += "[img " + std::string(d->src.text, d->src.size) + "]";
    } else if (t == MD_SPAN_CODE) {
      *s += "[code]";
    }
    return 0;
  };
  parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* o) {
    auto* s = static_cast<std::string*>(o);
    if (t == MD_TEXT_CODE) {
      *s += std::string(p, n);
    } else if (t == MD_TEXT_HTML) {  // its tags: the text of an HTML block is translated
      bool in_tag = false;
      for (MD_SIZE i = 0; i < n; ++i) {
        if (p[i] == '<') in_tag = true;
        if (in_tag) *s += p[i];
        if (p[i] == '>') in_tag = false;
      }
    }
    return 0;
  };
  md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &out);
  return out;
}

// Every text token of a unit replaced by a translation full of Markdown
// punctuation; placeholders kept in order.
std::string Pseudo(const Unit& u) {
  Result<std::vector<Token>> tokens = TokenizeUnitText(u.text);
  std::string out;
  for (const Token& t : *tokens) {
    switch (t.type) {
      case Token::kText: {
        // White space at the ends kept: CommonMark's emphasis depends on it.
        size_t b = t.text.find_first_not_of(' '), e = t.text.find_last_not_of(' ');
        if (b == std::string::npos) {
          AppendUnitText(t.text, &out);
          break;
        }
        std::string core = t.text.substr(b, e + 1 - b);
        AppendUnitText(t.text.substr(0, b) + (t.offset == 0 ? "- 1. " : "") + core +
                           " *a* _b_ [c](d) `e` <f> #g | ~~h~~ &amp; \\ www.x.org " + core +
                           t.text.substr(e + 1),
                       &out);
        break;
      }
      case Token::kOpen:
        out += "<" + t.text + ">";
        break;
      case Token::kClose:
        out += "</" + t.text + ">";
        break;
      case Token::kSelfClosing:
        out += "<" + t.text + "/>";
        break;
    }
  }
  return out;
}

void CheckRoundTrip(const std::string& text) {
  std::string errors;
  std::string merged = MergeMarkdown(text, Pseudo, "post.md", &errors);
  CHECK_MESSAGE(errors.empty(), errors);
  if (Structure(merged) != Structure(text)) {
    FAIL_CHECK("structure changed: " << FirstDifference(Structure(text), Structure(merged)) << "\n"
                                     << text << "\n=== merged:\n"
                                     << merged);
    return;
  }
  // Read again, each unit is its translation.
  Segmentation before = SegmentMarkdown(text);
  Segmentation after = SegmentMarkdown(merged);
  std::vector<std::string> want, got;
  for (const Unit& u : before.units) want.push_back(u.is_attribute ? "@" + Pseudo(u) : Pseudo(u));
  for (const Unit& u : after.units) got.push_back(u.is_attribute ? "@" + u.text : u.text);
  auto collapse = [](std::string s) {
    std::string o;
    for (char c : s) {
      if (c == '\n') c = ' ';
      if (c == ' ' && !o.empty() && o.back() == ' ') continue;
      o += c;
    }
    return o;
  };
  for (auto& w : want) w = collapse(w);
  for (auto& g : got) g = collapse(g);
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  if (want != got) {
    std::string diff;
    for (size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
      std::string w = i < want.size() ? want[i] : "", g = i < got.size() ? got[i] : "";
      if (w != g) diff += "want " + w + "\n got " + g + "\n";
    }
    FAIL_CHECK("units differ after merge:\n" << diff << "in:\n" << merged);
  }
}

// Every paragraph of the generated posts is a unit: none is left out as
// unaccounted for (the segmenter's safety net is not what makes merge pass).
TEST_CASE("markdown merge: generated paragraphs are all extracted") {
  MarkdownGenerator gen(7);
  for (int i = 0; i < 200; ++i) {
    std::string post = gen.Post();
    std::string body = Structure(post);
    size_t paragraphs = 0;
    for (size_t at = 0; (at = body.find("<9>", at)) != std::string::npos; ++at) ++paragraphs;
    size_t alone = 0;  // paragraphs of a shortcode alone: no unit
    for (size_t at = 0; (at = post.find("\n{{< figure", at)) != std::string::npos; ++at) ++alone;
    size_t units = 0;
    for (const Unit& u : SegmentMarkdown(post).units) {
      if (u.kind == UnitKind::kParagraph || u.kind == UnitKind::kQuote ||
          u.kind == UnitKind::kListItem)
        ++units;
    }
    CHECK_MESSAGE(units + alone >= paragraphs, post);
  }
}

TEST_CASE("markdown merge: a pseudo-translation keeps the block structure") {
  for (const std::string& post : Fixtures()) CheckRoundTrip(post);
  MarkdownGenerator gen(41);
  for (int i = 0; i < 200; ++i) CheckRoundTrip(gen.Post());
}

}  // namespace
}  // namespace l10n
