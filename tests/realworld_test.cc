// Catalogs and pages that are not ours: whatever this machine has. Skipped
// (with a message) where it has none.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/charset.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "post/html_segmenter.h"
#include "render/merge.h"
#include "test_util.h"

namespace l10n {
namespace {

// Up to `limit` files under `root` whose name ends with `ext`, in a stable
// order.
std::vector<std::string> FindFiles(const std::string& root, const std::string& ext, size_t limit) {
  std::vector<std::string> files;
  std::error_code ec;
  auto options = std::filesystem::directory_options::skip_permission_denied;
  for (std::filesystem::recursive_directory_iterator it(root, options, ec), end; it != end;
       it.increment(ec)) {
    if (ec) break;
    const std::string path = it->path().string();
    if (path.size() > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0 &&
        it->is_regular_file(ec)) {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.size() > limit) {
    std::vector<std::string> spread;
    for (size_t i = 0; i < limit; ++i) spread.push_back(files[i * files.size() / limit]);
    files.swap(spread);
  }
  return files;
}

TEST_CASE("PO files gettext writes from the system's catalogs round-trip byte for byte") {
  testing::RequireProgram("msgunfmt");
  testing::RequireProgram("msgconv");
  std::vector<std::string> mos = FindFiles("/usr/share/locale", ".mo", 60);
  if (mos.empty()) L10N_SKIP_TEST("no .mo files under /usr/share/locale");
  testing::TempDir dir;
  int compared = 0;
  for (const std::string& mo : mos) {
    std::string po = dir / "x.po";
    if (testing::Run("msgunfmt '" + mo + "' -o '" + po + "'").exit_code != 0) continue;
    std::string text = testing::Slurp(po);
    Catalog catalog;
    DiagnosticSink sink;
    CAPTURE(mo);
    REQUIRE(ReadPo(text, po, &catalog, &sink));
    // A catalog in another charset is read converted, and written in UTF-8
    // as msgconv writes it.
    if (!ResolveCharset(PoDeclaredCharset(text).value_or("")).utf8()) {
      REQUIRE(testing::Run("msgconv --to-code=UTF-8 '" + po + "' -o '" + po + "'").exit_code == 0);
      text = testing::Slurp(po);
    }
    CHECK(WritePo(catalog) == text);
    ++compared;
  }
  MESSAGE(compared << " catalogs compared");
  CHECK(compared > 0);
}

TEST_CASE("HTML pages on this machine survive an identity merge byte for byte") {
  std::vector<std::string> pages = FindFiles("/usr/share/doc", ".html", 300);
  if (pages.empty()) L10N_SKIP_TEST("no HTML pages under /usr/share/doc");
  for (const std::string& path : pages) {
    std::string html = testing::Slurp(path);
    DiagnosticSink sink;
    Segmentation seg = SegmentHtml(html, path, &sink);
    MergeOptions options;
    options.source_lang = PrimaryLanguage(seg.lang);
    options.target_lang = options.source_lang;
    options.translate = [](const Unit& u) -> std::optional<Translation> {
      return Translation{u.text, "", 0, nullptr};
    };
    CAPTURE(path);
    CHECK(MergePost(html, path, seg, options, &sink).html == html);
    // Every source unit is a valid translation of itself, placeholders and all.
    options.translate = [](const Unit& u) -> std::optional<Translation> {
      return Translation{"Xx " + u.text, "", 0, nullptr};
    };
    options.target_lang = options.source_lang == "es" ? "en" : "es";
    DiagnosticSink merge_sink;
    MergePost(html, path, seg, options, &merge_sink);
    CHECK_FALSE(merge_sink.has_errors());
  }
  MESSAGE(pages.size() << " pages merged");
}

}  // namespace
}  // namespace l10n
