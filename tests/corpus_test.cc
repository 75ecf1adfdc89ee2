// Property tests over the real corpus and catalogs of this repository.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/po_reader.h"
#include "post/html_segmenter.h"
#include "render/merge.h"
#include "test_util.h"
#include "unit/unit_text.h"

namespace l10n {
namespace {

std::vector<std::string> Files(const std::string& dir, const std::string& ext) {
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(L10N_SOURCE_DIR) + "/" + dir)) {
    if (e.path().extension() == ext) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_CASE("identity round trip: every corpus post and HTML fixture comes back byte for byte") {
  std::vector<std::string> posts = Files("corpus", ".html");
  for (const std::string& f : Files("tests/cli/basic/posts", ".html")) posts.push_back(f);
  REQUIRE(posts.size() >= 7);
  for (const std::string& path : posts) {
    CAPTURE(path);
    std::string html = Slurp(path);
    DiagnosticSink sink;
    Segmentation seg = SegmentHtml(html, path, &sink);
    CHECK(seg.units.size() > 0);
    MergeOptions options;
    options.source_lang = PrimaryLanguage(seg.lang);
    options.target_lang = options.source_lang;
    options.translate = [](const Unit& u) -> std::optional<Translation> {
      return Translation{u.text, "", 0, nullptr};
    };
    MergeResult result = MergePost(html, path, seg, options, &sink);
    CHECK(result.html == html);
    CHECK(result.translated == result.units);
  }
}

TEST_CASE("the repository's catalogs are as gettext writes them and fully translated") {
  std::vector<std::string> catalogs = Files("locales", ".po");
  for (const std::string& f : Files("locales", ".pot")) catalogs.push_back(f);
  for (const std::string& f : Files("locales/ui", ".po")) catalogs.push_back(f);
  REQUIRE(catalogs.size() >= 5);
  bool have_gettext = Run("command -v msgcat && command -v msgfmt").exit_code == 0;
  for (const std::string& path : catalogs) {
    CAPTURE(path);
    if (have_gettext) {
      CHECK(Run("msgcat '" + path + "' | cmp - '" + path + "'").exit_code == 0);
      CHECK(Run("msgfmt -c -o /dev/null '" + path + "'").exit_code == 0);
    }
    if (path.size() > 3 && path.substr(path.size() - 3) == ".po") {
      Catalog catalog;
      DiagnosticSink sink;
      REQUIRE(ReadPo(Slurp(path), path, &catalog, &sink));
      for (const Message& m : catalog.messages) {
        if (m.is_header() || m.obsolete) continue;
        CAPTURE(m.msgid);
        CHECK(m.translated());
        CHECK_FALSE(m.fuzzy());
      }
    }
  }
}

TEST_CASE("the demo: catalogs are up to date and the Spanish seed post has no English left") {
  testing::TempDir dir;
  for (const char* item : {"corpus", "locales", "l10n.toml"}) {
    std::filesystem::copy(std::string(L10N_SOURCE_DIR) + "/" + item, dir / item,
                          std::filesystem::copy_options::recursive);
  }
  auto before = testing::Snapshot(dir.path());
  testing::CommandResult r = Run(testing::Tool("l10n-extract"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(testing::Snapshot(dir.path()) == before);  // extract changes no byte
  r = Run(testing::Tool("l10n-merge"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");  // nothing untranslated

  // Each page is written under its slug in its language, as
  // locales/urls.tsv records it ("/es/visita-de-campo-peru-colombia/").
  std::map<std::pair<std::string, std::string>, std::string> urls;
  {
    std::istringstream lines(Slurp(dir / "locales/urls.tsv"));
    std::string post, lang, url;
    while (std::getline(lines, post, '\t') && std::getline(lines, lang, '\t') &&
           std::getline(lines, url)) {
      urls[{post, lang}] = url;
    }
  }
  auto page_of = [&](const std::string& post, const std::string& lang) {
    std::string url = urls[{post, lang}];
    if (!url.empty() && url.back() == '/') url.pop_back();
    return dir / ("public/" + lang + "/" + url.substr(url.rfind('/') + 1) + ".html");
  };
  CHECK(page_of("corpus/field-visit-peru-colombia.html", "es") ==
        dir / "public/es/visita-de-campo-peru-colombia.html");
  std::string es = Slurp(page_of("corpus/field-visit-peru-colombia.html", "es"));
  CHECK(es.find("<html lang=\"es\">") != std::string::npos);
  CHECK(es.find("<time datetime=\"2017-08-29\">29 de agosto de 2017</time>") != std::string::npos);
  CHECK(es.find(">Visita de campo / Blog fieldvisit</a>") != std::string::npos);
  CHECK(es.find("Fecha de publicación") != std::string::npos);
  // No English sentence of the body is left: no English msgid of the post
  // with more than three words appears in the Spanish page.
  DiagnosticSink sink;
  std::string source = Slurp(dir / "corpus/field-visit-peru-colombia.html");
  Segmentation seg = SegmentHtml(source, "seed", &sink);
  Catalog catalog;
  REQUIRE(ReadPo(Slurp(dir / "locales/es.po"), "es.po", &catalog, &sink));
  int checked = 0;
  for (const Unit& u : seg.units) {
    if (!u.translatable || CountWords(u.text) <= 3) continue;
    const Message* m = catalog.Find(u.context, u.text);
    REQUIRE(m);
    if (m->msgstr[0] == m->msgid) continue;  // a name, the same in both languages
    std::string plain = u.text.substr(0, u.text.find('<'));
    if (plain.size() < 12) continue;
    CAPTURE(plain);
    CHECK(es.find(plain) == std::string::npos);
    ++checked;
  }
  CHECK(checked >= 8);
  // Each Spanish-authored post comes out in English.
  for (const std::string& path : Files("corpus", ".html")) {
    std::string html = Slurp(path);
    if (html.find("<html lang=\"es\"") == std::string::npos) continue;
    std::string slug = std::filesystem::path(path).stem().string();
    std::string en = Slurp(page_of("corpus/" + slug + ".html", "en"));
    CAPTURE(slug);
    CHECK(en.find("<html lang=\"en\"") != std::string::npos);
    CHECK(en.find("Publish Date:") != std::string::npos);
    CHECK(en.find("Fecha de publicación") == std::string::npos);
  }
}

}  // namespace
}  // namespace l10n
