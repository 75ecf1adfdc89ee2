// Coverage and PostCoverage (check/coverage.h): counting strings and words,
// per catalog and per post.
#include "check/coverage.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

namespace l10n {
namespace {

std::string Dump(const Coverage& c) {
  return fmt::format("{} strings, {} translated, {} fuzzy, {} untranslated, {}/{} words, {}%",
                     c.strings, c.translated, c.fuzzy, c.untranslated, c.translated_words, c.words,
                     c.Percent());
}

std::string Dump(const std::vector<std::pair<std::string, Coverage>>& posts) {
  std::string out;
  for (const auto& [name, c] : posts) out += name + ": " + Dump(c) + "\n";
  return out;
}

TEST_CASE("Coverage counts strings and words; a fuzzy string is not translated") {
  Coverage c;
  CHECK(Dump(c) == "0 strings, 0 translated, 0 fuzzy, 0 untranslated, 0/0 words, 100%");
  c.Add(true, false, 5);
  c.Add(true, true, 3);  // fuzzy
  c.Add(false, false, 4);
  CHECK(Dump(c) == "3 strings, 1 translated, 1 fuzzy, 1 untranslated, 5/12 words, 33%");
  Coverage sum = c;
  sum += c;
  CHECK(Dump(sum) == "6 strings, 2 translated, 2 fuzzy, 2 untranslated, 10/24 words, 33%");
}

TEST_CASE("PostCoverage counts an entry once per post, whatever its references say") {
  PostCoverage posts;
  posts.Add({"posts/b.html:3", "posts/b.html:9", "posts/a.html"}, true, false, 2);
  posts.Add({"posts/a.html:12", "posts/c.html:x"}, false, false, 1);
  CHECK(Dump(posts.posts()) ==
        "posts/b.html: 1 strings, 1 translated, 0 fuzzy, 0 untranslated, 2/2 words, 100%\n"
        "posts/a.html: 2 strings, 1 translated, 0 fuzzy, 1 untranslated, 2/3 words, 50%\n"
        "posts/c.html:x: 1 strings, 0 translated, 0 fuzzy, 1 untranslated, 0/1 words, 0%\n");
  PostCoverage other;
  other.Add({"posts/a.html:1", "posts/0.html:1"}, true, true, 7);
  posts.Merge(other);
  CHECK(Dump(std::move(posts).Sorted()) ==
        "posts/0.html: 1 strings, 0 translated, 1 fuzzy, 0 untranslated, 0/7 words, 0%\n"
        "posts/a.html: 3 strings, 1 translated, 1 fuzzy, 1 untranslated, 2/10 words, 33%\n"
        "posts/b.html: 1 strings, 1 translated, 0 fuzzy, 0 untranslated, 2/2 words, 100%\n"
        "posts/c.html:x: 1 strings, 0 translated, 0 fuzzy, 1 untranslated, 0/1 words, 0%\n");
}

}  // namespace
}  // namespace l10n
