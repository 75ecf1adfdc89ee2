// Post naming (project/post_naming.h): the language a file name carries, a
// post's folder and name, output paths; and LoadPosts' use of them: the
// language of a post that does not say it, pages of other posts left out.
#include "project/post_naming.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "project/project.h"
#include "test_util.h"

namespace l10n {
namespace {

const std::vector<std::string> kLanguages = {"en", "es-419"};

TEST_CASE("ParsePostName: folder, name, and a .LANG that is a project language") {
  struct Case {
    const char* path;
    const char* dir;
    const char* name;
    const char* lang;
  };
  const Case cases[] = {
      {"content/blog/visit/index.md", "content/blog/visit", "index", ""},
      {"content/blog/visit/index.es.md", "content/blog/visit", "index", "es"},
      {"content/blog/visit/index.ES.md", "content/blog/visit", "index", "es"},
      {"content/blog/visit/index.es-419.md", "content/blog/visit", "index", "es"},
      {"content/blog/lima.en.markdown", "content/blog", "lima", "en"},
      {"content/blog/notes.v2.md", "content/blog", "notes.v2", ""},
      {"content/blog/notes.fr.md", "content/blog", "notes.fr", ""},  // not a project language
      {"post.es.html", ".", "post", "es"},
      {"post.html", ".", "post", ""},
      {".es.md", ".", ".es", ""},
      {"a/es.md", "a", "es", ""},
      {"a/README", "a", "README", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    PostName name = ParsePostName(c.path, kLanguages);
    CHECK(name.dir == c.dir);
    CHECK(name.name == c.name);
    CHECK(name.lang == c.lang);
  }
}

TEST_CASE("TakesLanguageFromFileName: Markdown posts, not HTML ones") {
  CHECK(TakesLanguageFromFileName("a/index.md"));
  CHECK(TakesLanguageFromFileName("a/Post.MARKDOWN"));
  CHECK_FALSE(TakesLanguageFromFileName("a/post.html"));
  CHECK_FALSE(TakesLanguageFromFileName("a/post.htm"));
  CHECK_FALSE(TakesLanguageFromFileName("a/md"));
}

TEST_CASE("SlugOf: a bundle's folder, else the name") {
  CHECK(SlugOf(ParsePostName("content/blog/visit/index.es.md", kLanguages)) == "visit");
  CHECK(SlugOf(ParsePostName("content/blog/_index.md", kLanguages)) == "blog");
  CHECK(SlugOf(ParsePostName("index.md", kLanguages)) == "index");
  CHECK(SlugOf(ParsePostName("content/blog/lima.es.md", kLanguages)) == "lima");
}

TEST_CASE("OutputPath: every placeholder, in one pass, relative to the root") {
  Config config;
  struct Case {
    const char* root;
    const char* pattern;
    const char* path;
    const char* out;
  };
  const Case cases[] = {
      {".", "{dir}/{name}.{lang}.md", "content/blog/visit/index.md",
       "content/blog/visit/index.es.md"},
      {".", "{dir}/{name}.{lang}.md", "content/blog/lima.en.md", "content/blog/lima.es.md"},
      {".", "{dir}/{name}.{lang}.md", "index.md", "index.es.md"},
      {"site", "{dir}/{name}.{lang}.md", "content/a.md", "site/content/a.es.md"},
      {"site", "public/{lang}/{slug}.html", "posts/a.html", "site/public/es/a.html"},
      {".", "public/{lang}/{slug}.html", "posts/a.html", "public/es/a.html"},
      {".", "out/{source}-{lang}/{slug}/index.md", "content/v/index.md", "out/en-es/v/index.md"},
      {".", "{dir}/{name}.{lang}.md", "content/{slug}/index.md", "content/{slug}/index.es.md"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CAPTURE(c.path);
    config.root = c.root;
    PostName name = ParsePostName(c.path, kLanguages);
    CHECK(OutputPath(config, c.pattern, name, SlugOf(name), "en", "es") == c.out);
  }
}

TEST_CASE("OutputPatternFor and OutputsBesidePosts") {
  Config config;
  CHECK(OutputPatternFor(config, "a/index.md") == "{dir}/{name}.{lang}.md");
  CHECK(OutputPatternFor(config, "a/post.html") == "public/{lang}/{slug}.html");
  CHECK(OutputsBesidePosts(config.markdown_output_pattern));
  CHECK_FALSE(OutputsBesidePosts(config.output_pattern));
}

std::string Dump(const std::vector<Post>& posts) {
  std::string out;
  for (const Post& p : posts) out += p.path + " " + p.lang + " " + p.slug + "\n";
  return out;
}

std::string Messages(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics()) out += d.Render() + "\n";
  return out;
}

TEST_CASE("LoadPosts: a Markdown post's language from its name, else the first language") {
  TempDir dir;
  Spit(dir / "content/visit/index.md", "A visit.\n");
  Spit(dir / "content/visit/index.es.md", "Una visita.\n");  // the page of index.md
  Spit(dir / "content/lima.es.md", "Lima.\n");               // authored in Spanish
  Spit(dir / "content/notes.md", "Notes.\n");
  Config config;
  config.root = dir.path();
  config.languages = {"en", "es"};
  config.posts = {"content/*/index*.md", "content/*.md"};
  std::vector<Post> posts;
  DiagnosticSink sink;
  REQUIRE(LoadPosts(config, &posts, &sink));
  CHECK(Dump(posts) ==
        "content/lima.es.md es lima\n"
        "content/notes.md en notes\n"
        "content/visit/index.md en visit\n");
  CHECK(Messages(sink) ==
        "content/visit/index.es.md: note: not read as a post: it is the page of "
        "'content/visit/index.md' in 'es' that l10n-merge writes\n");
  CHECK(OutputPathOf(config, posts[0], "en") == dir / "content/lima.en.md");
}

TEST_CASE("LoadPosts: HTML posts keep their <html lang> rule; pages beside them left out") {
  TempDir dir;
  Spit(dir / "posts/a.html", "<html lang=\"en\"><p>A</p></html>\n");
  Spit(dir / "posts/a.es.html", "<html lang=\"es\"><p>Una</p></html>\n");
  Config config;
  config.root = dir.path();
  config.languages = {"en", "es"};
  config.posts = {"posts/*.html"};
  config.output_pattern = "{dir}/{name}.{lang}.html";
  std::vector<Post> posts;
  DiagnosticSink sink;
  REQUIRE(LoadPosts(config, &posts, &sink));
  CHECK(Dump(posts) == "posts/a.html en a\n");
  CHECK(Messages(sink) ==
        "posts/a.es.html: note: not read as a post: it is the page of 'posts/a.html' in 'es' "
        "that l10n-merge writes\n");

  Spit(dir / "posts/b.html", "<p>No language</p>\n");
  posts.clear();
  sink.Clear();
  CHECK_FALSE(LoadPosts(config, &posts, &sink));
  CHECK(Messages(sink).find("posts/b.html:1:1: error: the post has no <html lang>, so its "
                            "language is unknown\n") != std::string::npos);
}

TEST_CASE("LoadPosts: two posts that are each other's page: the later one stays") {
  TempDir dir;
  Spit(dir / "p/en.html", "<html lang=\"en\"><p>A</p></html>\n");
  Spit(dir / "p/es.html", "<html lang=\"es\"><p>B</p></html>\n");
  Config config;
  config.root = dir.path();
  config.languages = {"en", "es"};
  config.posts = {"p/*.html"};
  config.output_pattern = "{dir}/{lang}.html";  // en.html -> es.html -> en.html
  std::vector<Post> posts;
  DiagnosticSink sink;
  REQUIRE(LoadPosts(config, &posts, &sink));
  CHECK(Dump(posts) == "p/es.html es es\n");
  CHECK(Messages(sink) ==
        "p/en.html: note: not read as a post: it is the page of 'p/es.html' in 'en' that "
        "l10n-merge writes\n");
}

TEST_CASE("LoadPosts: two Markdown posts with one folder and name") {
  TempDir dir;
  Spit(dir / "c/a.md", "A\n");
  Spit(dir / "c/a.markdown", "A\n");
  Config config;
  config.root = dir.path();
  config.languages = {"en", "es"};
  config.posts = {"c/*"};
  std::vector<Post> posts;
  DiagnosticSink sink;
  CHECK_FALSE(LoadPosts(config, &posts, &sink));
  CHECK(Messages(sink) == "c/a.md: error: another post already has the name 'c/a'\n");
}

}  // namespace
}  // namespace l10n
