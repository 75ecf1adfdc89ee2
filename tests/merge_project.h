// A generated project for l10n-merge's tests (threads_test.cc,
// merge_cache_test.cc): posts that link to each other and to a category,
// with [site] settings, extracted, and a Spanish catalog translated but for
// every seventh string (warnings; some pages below the keep threshold).
#ifndef L10N_TESTS_MERGE_PROJECT_H_
#define L10N_TESTS_MERGE_PROJECT_H_

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace l10n::testing {

inline std::string MergePost(int i, int count, const std::string& word) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Visit {0}</title></head>\n<body>\n"
      "<h1>Visit number {0} to Lima</h1>\n"
      "<p>In May our {2} met {0} youth groups.</p>\n"
      "<p>Read the <a href=\"/p{1:03}/\">next visit</a> or the <a href=\"/r{0}.html\">report</a>."
      "</p>\n<ul><li>Water</li><li>Schools in {0} districts</li></ul>\n"
      "<p class=\"post-meta\">Publish Date: <time datetime=\"2018-05-16\">May 16, 2018</time></p>\n"
      "<p class=\"post-categories\">Category: <a rel=\"category tag\" "
      "href=\"https://example.org/category/events/\">Events / Eventos</a></p>\n"
      "</body></html>\n",
      i, (i + 1) % count, word);
}

// The Spanish of every msgid in `po` not yet translated ("ES " and the
// msgid), but every seventh; `hostile`: one translation adds a <script>.
inline std::string TranslatePo(const std::string& po, bool hostile) {
  std::string out;
  size_t pos = 0;
  int n = 0;
  while (pos < po.size()) {
    size_t end = po.find('\n', pos);
    if (end == std::string::npos) end = po.size();
    std::string line = po.substr(pos, end - pos);
    pos = end + 1;
    out += line + '\n';
    if (line.rfind("msgid \"", 0) != 0 || line == "msgid \"\"") continue;
    if (po.compare(pos, 10, "msgstr \"\"\n") != 0) continue;
    if (++n % 7 == 0) continue;
    std::string text = line.substr(7, line.size() - 8);
    if (hostile && n == 12) text += "<script>x()</script>";
    out += "msgstr \"ES " + text + "\"\n";
    pos += 10;
  }
  return out;
}

inline void MakeMergeProject(const std::string& dir, int count, bool hostile = false) {
  std::filesystem::create_directories(dir + "/posts");
  std::filesystem::create_directories(dir + "/locales");
  Spit(dir + "/l10n.toml",
       "[project]\nname = \"T\"\nlanguages = [\"en\", \"es\"]\nposts = [\"posts/*.html\"]\n"
       "[site]\nbase_url = \"https://example.org\"\n"
       "url = { en = \"/{slug}/\", es = \"/es/{slug}/\" }\n"
       "category_url = { en = \"/category/{slug}/\", es = \"/es/categoria/{slug}/\" }\n"
       "[merge]\nkeep = 90\n");
  Spit(dir + "/locales/taxonomy.toml", "[categories.events]\nen = \"Events\"\nes = \"Eventos\"\n");
  for (int i = 0; i < count; ++i) {
    Spit(fmt::format("{}/posts/p{:03}.html", dir, i), MergePost(i, count, "team"));
  }
  REQUIRE(Run(Tool("l10n-extract") + " -q", dir).exit_code == 0);
  Spit(dir + "/locales/es.po", TranslatePo(Slurp(dir + "/locales/es.po"), hostile));
}

}  // namespace l10n::testing

#endif  // L10N_TESTS_MERGE_PROJECT_H_
