// Varied Markdown posts for the Markdown format's property tests: every
// block and inline construct the format reads, in random combinations,
// under YAML, TOML or no front matter.
#ifndef L10N_TESTS_MARKDOWN_GENERATOR_H_
#define L10N_TESTS_MARKDOWN_GENERATOR_H_

#include <random>
#include <string>
#include <vector>

namespace l10n {

class MarkdownGenerator {
 public:
  explicit MarkdownGenerator(unsigned seed) : rng_(seed) {}

  std::string Post() {
    std::string out;
    switch (Pick(3)) {
      case 0:
        out += "---\ntitle: " + Words(3) + "\n";
        out += "description: \"" + Words(4) + " \\\"q\\\"\"\n";
        out += "summary: '" + Words(2) + " it''s'\n";
        out += "subtitle: |\n  " + Words(3) + "\n  " + Words(2) + "\n";
        out += "date: 2024-01-0" + std::to_string(1 + Pick(9)) + "\n";
        out += "tags: [" + Word() + ", " + Word() +
               "]\nimages:\n  - src: a.jpg\n    alt: " + Words(2) + "\n";
        if (Pick(2)) out += "lang: en\n";
        out += "---\n";
        break;
      case 1:
        out += "+++\ntitle = \"" + Words(3) + "\"\ndescription = '" + Words(2) + "'\n";
        out += "summary = \"\"\"\n" + Words(3) + "\"\"\"\ndraft = false\n";
        out += "[params]\nsubtitle = \"" + Words(2) + "\"\n+++\n";
        break;
      default:
        break;
    }
    int blocks = 1 + Pick(8);
    for (int i = 0; i < blocks; ++i) out += "\n" + Block();
    return out;
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::string Word() {
    static const char* kWords[] = {"the",  "park", "volunteers", "bread", "año",   "city",
                                   "open", "day",  "café",       "north", "gate",  "river",
                                   "blog", "news", "morning",    "team",  "works", "map"};
    return kWords[Pick(18)];
  }

  std::string Words(int n) {
    std::string s = Word();
    for (int i = 1; i < n; ++i) s += " " + Word();
    return s;
  }

  std::string Inline() {
    switch (Pick(18)) {
      case 0:
        return "**" + Words(2) + "**";
      case 1:
        return "_" + Word() + "_";
      case 2:
        return "*" + Words(2) + "*";
      case 3:
        return "~~" + Word() + "~~";
      case 4:
        return "[" + Words(2) + "](https://example.org/" + Word() + "?a=1 \"" + Words(2) + "\")";
      case 5:
        return "[" + Word() + "][ref]";
      case 6:
        return "`" + Word() + "()`";
      case 7:
        return "![" + Words(2) + "](img/" + Word() + ".png)";
      case 8:
        return "<span class=\"x\">" + Word() + "</span>";
      case 9:
        return "&amp; &copy;";
      case 10:
        return "\\*" + Word() + "\\_";
      case 11:
        return "{{< ref \"" + Word() + ".md\" >}}";
      case 12:
        return "<https://example.org>";
      case 13:
        return Word() + "  \n" + Word();
      case 14:
        return Word() + "\n" + Word();
      case 15:
        return "***" + Word() + "***";
      case 16:
        return "[**" + Word() + "** " + Word() + "](/x)";
      default:
        return Words(1 + Pick(3));
    }
  }

  std::string Text() {
    std::string s = Words(1 + Pick(2));
    int n = Pick(5);
    for (int i = 0; i < n; ++i) s += " " + Inline();
    return s + (Pick(2) ? "." : "");
  }

  std::string Block() {
    switch (Pick(14)) {
      case 0:
        return std::string(1 + Pick(6), '#') + " " + Text() + (Pick(3) ? "\n" : " ##\n");
      case 1:
        return Text() + "\n" + (Pick(2) ? "=====" : "---") + "\n";
      case 2: {
        std::string bullet = std::string(1, "-*+"[Pick(3)]) + " ";
        std::string s;
        for (int i = 0, n = 1 + Pick(4); i < n; ++i) {
          s += bullet + Text() + "\n";
          if (Pick(4) == 0) s += "  - " + Text() + "\n";
        }
        return s;
      }
      case 3: {
        std::string s;
        for (int i = 0, n = 1 + Pick(4); i < n; ++i)
          s += std::to_string(i + 1) + (Pick(2) ? ". " : ". ") + Text() + "\n";
        return s;
      }
      case 4:
        return "> " + Text() + "\n> " + Text() + "\n";
      case 5:
        return "| " + Word() + " | " + Words(2) + " |\n|---|:---:|\n| " + Text() + " | " + Word() +
               " \\| " + Word() + " |\n";
      case 6:
        return "```go\nfunc " + Word() + "() {}\n```\n";
      case 7:
        return "    indented " + Word() + "\n";
      case 8:
        return "<div class=\"note\">\n" + Words(3) + "\n</div>\n";
      case 9:
        return "{{< figure src=\"a.png\" title=\"" + Words(2) + "\" >}}\n";
      case 10:
        return "---\n";
      case 11:
        return "[ref]: https://example.org/ref \"" + Words(2) + "\"\n";
      case 12:
        return Text() + "\n" + Text() + "\n";
      default:
        return Text() + "\n";
    }
  }

  std::mt19937 rng_;
};

}  // namespace l10n

#endif  // L10N_TESTS_MARKDOWN_GENERATOR_H_
