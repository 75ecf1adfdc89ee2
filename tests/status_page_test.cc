// The status page (check/status_page.h): the page of a small report compared
// whole from <body> on, its head (phone viewport, inline style, no script),
// escaping of hostile catalog and post text, links; and l10n-check
// --format=html -o on a copy of the corpus, in English and Spanish.
#include "check/status_page.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace l10n {
namespace {

CheckReport SmallReport() {
  CheckReport report;
  report.findings = {
      {Severity::kError, "es.po", 16, 1, "untranslated: \"Hi\"", false, "untranslated"},
      {Severity::kNote, "es.po", 12, 1, "the first definition"},
      {Severity::kWarning, "es.po", 0, 0, "not up to date", false, "stale"},
  };
  CatalogSummary es{"es.po", "es", "en", false, true, {}, {}, {}, {}};
  es.total.Add(true, false, 6);
  es.total.Add(false, true, 3);
  es.total.Add(false, false, 1);
  es.posts = {{"posts/a.html", es.total}};
  es.last_translator = "Ana <ana@example.org>";
  es.revision_date = "2026-11-29 12:00+0000";
  CatalogSummary pot{"en.pot", "", "en", true, true, {}, {}, {}, {}};
  pot.total.Add(false, false, 1);
  report.catalogs = {pot, es};
  return report;
}

StatusPageOptions SmallOptions() {
  StatusPageOptions options;
  options.title = "Blog";
  options.link = [](std::string_view path) { return "../" + std::string(path); };
  options.published = [](std::string_view post, std::string_view lang) {
    return post == "posts/a.html" ? std::string(lang) + "/a.html" : std::string();
  };
  return options;
}

std::string Body(const std::string& page) {
  size_t at = page.find("<body>");
  return at == std::string::npos ? page : page.substr(at);
}

// clang-format off
const char kSmallBody[] = R"html(<body>
<h1>Translation status: Blog</h1>
<p id="summary" data-errors="1" data-warnings="1">1 error, 1 warning</p>
<p class="legend"><span style="background:#43a047"></span>translated<span style="background:#fbc02d"></span>fuzzy<span style="background:#e57373"></span>untranslated</p>
<section class="catalog" id="catalog-1" data-path="es.po" data-language="es">
<h2>en → es: <a href="../es.po">es.po</a></h2>
<p class="stale" data-stale="yes">Out of date with the posts: run l10n-extract.</p>
<dl><dt>Last translator</dt><dd data-field="last-translator">Ana &lt;ana@example.org&gt;</dd><dt>Revision date</dt><dd data-field="revision-date">2026-11-29 12:00+0000</dd></dl>
<div class="scroll"><table>
<thead><tr><th scope="col">Post</th><th scope="col">Progress (strings, words)</th><th scope="col">Translated</th><th scope="col">Fuzzy</th><th scope="col">Untranslated</th><th scope="col">%</th><th scope="col">Published page</th></tr><tr><th></th><th></th><th colspan="3" class="n">strings / words</th><th></th><th></th></tr></thead>
<tbody>
<tr class="post" data-post="posts/a.html"><th scope="row"><a href="../posts/a.html">posts/a.html</a></th><td><div class="bar" role="img" aria-label="1 of 3 strings translated (33%)" title="1 of 3 strings translated (33%)"><span class="t" style="width:33.33%"></span><span class="f" style="width:33.33%"></span></div><div class="bar" role="img" aria-label="6 of 10 words translated" title="6 of 10 words translated"><span class="t" style="width:60.00%"></span><span class="f" style="width:30.00%"></span></div></td><td class="n"><span data-count="translated-strings">1</span> / <span data-count="translated-words">6</span></td><td class="n"><span data-count="fuzzy-strings">1</span> / <span data-count="fuzzy-words">3</span></td><td class="n"><span data-count="untranslated-strings">1</span> / <span data-count="untranslated-words">1</span></td><td class="n" data-count="percent">33%</td><td><a href="es/a.html">es</a></td></tr>
<tr class="total"><th scope="row">All posts</th><td><div class="bar" role="img" aria-label="1 of 3 strings translated (33%)" title="1 of 3 strings translated (33%)"><span class="t" style="width:33.33%"></span><span class="f" style="width:33.33%"></span></div><div class="bar" role="img" aria-label="6 of 10 words translated" title="6 of 10 words translated"><span class="t" style="width:60.00%"></span><span class="f" style="width:30.00%"></span></div></td><td class="n"><span data-count="translated-strings">1</span> / <span data-count="translated-words">6</span></td><td class="n"><span data-count="fuzzy-strings">1</span> / <span data-count="fuzzy-words">3</span></td><td class="n"><span data-count="untranslated-strings">1</span> / <span data-count="untranslated-words">1</span></td><td class="n" data-count="percent">33%</td><td></td></tr>
</tbody></table></div>
</section>
<section id="templates">
<h2>Templates</h2>
<ul>
<li data-path="en.pot"><a href="../en.pot">en.pot</a>: 1 string <span class="fresh">Up to date with the posts.</span></li>
</ul>
</section>
<section id="findings">
<h2>Findings</h2>
<h3 data-check="untranslated">untranslated (1)</h3>
<ul class="findings">
<li class="error"><code><a href="../es.po">es.po:16:1</a></code> <strong>error</strong>: untranslated: &quot;Hi&quot;</li>
<li class="note"><code><a href="../es.po">es.po:12:1</a></code> <strong>note</strong>: the first definition</li>
</ul>
<h3 data-check="stale">stale (1)</h3>
<ul class="findings">
<li class="warning"><code><a href="../es.po">es.po</a></code> <strong>warning</strong>: not up to date</li>
</ul>
</section>
</body>
</html>
)html";
// clang-format on

TEST_CASE("FormatStatusPage: a small report's page, whole from <body> on") {
  std::string page = FormatStatusPage(SmallReport(), SmallOptions());
  CHECK_MESSAGE(Body(page) == kSmallBody, testing::FirstDifference(kSmallBody, Body(page)));
}

TEST_CASE("FormatStatusPage: a self-contained page readable on a phone") {
  std::string page = FormatStatusPage(SmallReport(), SmallOptions());
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>Translation status: Blog</title>\n<style>\n",
                   0) == 0);
  CHECK(page.find("@media (max-width:") != std::string::npos);
  for (const char* fetched : {"<script", "<link", "src=", "@import", "url("}) {
    CAPTURE(fetched);
    CHECK(page.find(fetched) == std::string::npos);
  }
}

TEST_CASE("FormatStatusPage: no report: no catalogs, no findings") {
  std::string page = FormatStatusPage(CheckReport(), StatusPageOptions());
  CHECK(Body(page) ==
        "<body>\n<h1>Translation status</h1>\n"
        "<p id=\"summary\" data-errors=\"0\" data-warnings=\"0\">0 errors, 0 warnings</p>\n"
        "<p class=\"legend\"><span style=\"background:#43a047\"></span>translated<span "
        "style=\"background:#fbc02d\"></span>fuzzy<span "
        "style=\"background:#e57373\"></span>untranslated</p>\n"
        "<section id=\"findings\">\n<h2>Findings</h2>\n<p class=\"fresh\">No findings.</p>\n"
        "</section>\n</body>\n</html>\n");
}

TEST_CASE("FormatStatusPage: what catalogs and posts say is escaped, links are paths") {
  const std::string hostile = "<script>alert('x')</script>\"&amp;";
  CheckReport report;
  report.findings = {{Severity::kError, "locales/" + hostile + ".po", 3, 2,
                      "unsafe markup: " + hostile, false, "unsafe<b>"}};
  CatalogSummary c{"locales/" + hostile + ".po", hostile, hostile, false, true, {}, {}, {}, {}};
  c.total.Add(true, false, 2);
  c.posts = {{"corpus/" + hostile + ".html", c.total}};
  c.last_translator = hostile;
  c.revision_date = hostile;
  report.catalogs = {c};
  StatusPageOptions options;
  options.title = hostile;
  options.link = [](std::string_view path) { return "javascript:" + std::string(path); };
  options.published = [](std::string_view, std::string_view) {
    return std::string("\"><script>x</script>");
  };
  std::string page = FormatStatusPage(report, options);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("href=\"javascript:") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;amp;") !=
        std::string::npos);
  CHECK(page.find("<a href=\"javascript%3Alocales/%3Cscript%3Ealert%28%27x%27%29%3C/"
                  "script%3E%22%26amp%3B.po\">") != std::string::npos);
  CHECK(page.find("<a href=\"%22%3E%3Cscript%3Ex%3C/script%3E\">") != std::string::npos);
  // Every quote in the page delimits an attribute: the text held none.
  size_t quotes = 0;
  for (char ch : Body(page)) quotes += ch == '"';
  CHECK(quotes % 2 == 0);
}

TEST_CASE("FormatStatusPage: findings that name no check are \"other\", notes follow theirs") {
  CheckReport report;
  report.findings = {
      {Severity::kWarning, "corpus/*.md", 0, 0, "no post matches"},
      {Severity::kError, "es.po", 4, 0, "fuzzy: \"A\"", false, "fuzzy"},
      {Severity::kNote, "es.po", 2, 0, "a note"},
  };
  std::string page = FormatStatusPage(report, StatusPageOptions());
  size_t at = page.find("<section id=\"findings\">");
  REQUIRE(at != std::string::npos);
  CHECK(page.substr(at) ==
        "<section id=\"findings\">\n<h2>Findings</h2>\n"
        "<h3 data-check=\"other\">other (1)</h3>\n<ul class=\"findings\">\n"
        "<li class=\"warning\"><code>corpus/*.md</code> <strong>warning</strong>: no post "
        "matches</li>\n</ul>\n"
        "<h3 data-check=\"fuzzy\">fuzzy (1)</h3>\n<ul class=\"findings\">\n"
        "<li class=\"error\"><code>es.po:4</code> <strong>error</strong>: fuzzy: "
        "&quot;A&quot;</li>\n"
        "<li class=\"note\"><code>es.po:2</code> <strong>note</strong>: a note</li>\n"
        "</ul>\n</section>\n</body>\n</html>\n");
}

TEST_CASE("EscapeHtml and EncodeUrlPath") {
  CHECK(EscapeHtml("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(EncodeUrlPath("../es/año nuevo.html") == "../es/a%C3%B1o%20nuevo.html");
  CHECK(EncodeUrlPath("a:b?c#d") == "a%3Ab%3Fc%23d");
}

// The corpus's catalogs, as l10n-check sees them in a copy of the project.
void CopyProject(const std::string& dir) {
  namespace fs = std::filesystem;
  std::string root = L10N_SOURCE_DIR;
  fs::copy(root + "/l10n.toml", dir + "/l10n.toml");
  fs::copy(root + "/corpus", dir + "/corpus", fs::copy_options::recursive);
  fs::copy(root + "/locales", dir + "/locales", fs::copy_options::recursive);
}

TEST_CASE("l10n-check --format=html -o FILE writes the page, links relative to it") {
  testing::TempDir dir;
  CopyProject(dir.path());
  testing::CommandResult merged = testing::Run(testing::Tool("l10n-merge") + " -q", dir.path());
  REQUIRE(merged.exit_code == 0);
  testing::CommandResult r = testing::Run(
      "LANGUAGE= " + testing::Tool("l10n-check") + " --format=html -o public/status.html",
      dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  CHECK(r.err == "");
  std::string page = testing::Slurp(dir / "public/status.html");
  CHECK(page.find("<html lang=\"en\">") != std::string::npos);
  CHECK(page.find("<a href=\"../corpus/field-visit-peru-colombia.html\">") != std::string::npos);
  // Published under its slug in Spanish (msgctxt "slug").
  CHECK(page.find("<td><a href=\"es/visita-de-campo-peru-colombia.html\">es</a></td>") !=
        std::string::npos);
  CHECK(page.find("<dd data-field=\"last-translator\">Youth Voices for Change translators</dd>") !=
        std::string::npos);
  CHECK(page.find("data-stale=\"no\"") != std::string::npos);

  SUBCASE("in Spanish") {
    testing::CommandResult es = testing::Run(
        "LANG=C.UTF-8 LANGUAGE=es " + testing::Tool("l10n-check") + " --format=html -o es.html",
        dir.path());
    CHECK(es.exit_code == 0);
    std::string spanish = testing::Slurp(dir / "es.html");
    CHECK(spanish.find(">0 errores, 0 avisos</p>") != std::string::npos);
  }
  SUBCASE("a stale catalog is shown so, and an error exits 1 with the page written") {
    std::filesystem::remove(dir / "locales/es.po");
    testing::CommandResult stale =
        testing::Run(testing::Tool("l10n-check") + " --format=html -o out/status.html", dir.path());
    CHECK(stale.exit_code == 1);
    std::string text = testing::Slurp(dir / "out/status.html");
    CHECK(text.find("<h3 data-check=\"stale\">") != std::string::npos);
  }
  SUBCASE("-o with json writes the JSON there") {
    testing::CommandResult json =
        testing::Run(testing::Tool("l10n-check") + " --format=json -o report.json", dir.path());
    CHECK(json.exit_code == 0);
    CHECK(json.out == "");
    CHECK(testing::Slurp(dir / "report.json").find("\"catalogs\"") != std::string::npos);
  }
  SUBCASE("--output is for json, github and html") {
    testing::CommandResult text =
        testing::Run(testing::Tool("l10n-check") + " -o x.txt", dir.path());
    CHECK(text.exit_code == 2);
    CHECK(!std::filesystem::exists(dir / "x.txt"));
  }
}

}  // namespace
}  // namespace l10n
