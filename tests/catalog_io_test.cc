// catalog_io: the format a file name picks, and reading and writing through
// it.
#include "catalog/catalog_io.h"

#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

namespace l10n {
namespace {

TEST_CASE("the file name picks the catalog format") {
  struct Case {
    const char* path;
    CatalogSyntax syntax;
    bool is_template;
  };
  const Case cases[] = {
      {"locales/es.po", CatalogSyntax::kPo, false},
      {"locales/en.pot", CatalogSyntax::kPo, true},
      {"dir/.pot", CatalogSyntax::kPo, true},
      {"locales/es.xlf", CatalogSyntax::kXliff, false},
      {"locales/es.xliff", CatalogSyntax::kXliff, false},
      {".xlf", CatalogSyntax::kXliff, false},
      // A name no format claims is PO, as the tools always read it.
      {"locales/es.txt", CatalogSyntax::kPo, false},
      {"es", CatalogSyntax::kPo, false},
      {"", CatalogSyntax::kPo, false},
      {"es.XLF", CatalogSyntax::kPo, false},
      {"es.xlf.po", CatalogSyntax::kPo, false},
      {"es.po.xliff", CatalogSyntax::kXliff, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    const CatalogFormat& format = CatalogFormatOf(c.path);
    CHECK(format.syntax == c.syntax);
    CHECK(format.is_template == c.is_template);
    CHECK(IsTemplatePath(c.path) == c.is_template);
    CHECK(IsXliffPath(c.path) == (c.syntax == CatalogSyntax::kXliff));
  }
}

constexpr char kPo[] =
    "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"X-Source-Language: en\\n\"\n\nmsgid \"Hello\"\nmsgstr \"Hola\"\n";

TEST_CASE("ReadCatalog reads the format of the name") {
  Catalog po;
  DiagnosticSink sink;
  REQUIRE(ReadCatalog(kPo, "es.po", &po, &sink));
  CHECK(RenderDiagnostics(sink) == "");
  po.Reindex();
  const Catalog& const_po = po;
  REQUIRE(const_po.Find(std::nullopt, "Hello"));
  CHECK(const_po.Find(std::nullopt, "Hello")->msgstr[0] == "Hola");

  Result<std::string> xliff = WriteCatalog(po, "es.xlf");
  REQUIRE(xliff.ok());
  CHECK(xliff->find("<xliff version=\"1.2\"") != std::string::npos);
  Catalog back;
  REQUIRE(ReadCatalog(*xliff, "es.xlf", &back, &sink));
  CHECK(RenderDiagnostics(sink) == "");
  REQUIRE(back.Find(std::nullopt, "Hello"));
  CHECK(back.Find(std::nullopt, "Hello")->msgstr[0] == "Hola");

  // Each name is read as its format, whatever the text is.
  struct Case {
    const char* path;
    const char* text;
    const char* want;
  };
  const Case errors[] = {
      {"x.po", "<xliff version=\"1.2\"/>\n",
       "x.po:1:1: error: unexpected character '<' [syntax]\n"},
      {"x.xlf", kPo, "x.xlf:9:1: error: malformed XML: No document element found [syntax]\n"},
  };
  for (const Case& c : errors) {
    CAPTURE(c.path);
    Catalog catalog;
    DiagnosticSink found;
    CHECK_FALSE(ReadCatalog(c.text, c.path, &catalog, &found));
    CHECK(RenderDiagnostics(found) == std::string(c.want));
  }
}

TEST_CASE("WriteCatalog writes the format of the name; its errors name the file") {
  Catalog catalog;
  catalog.Header().msgstr = {"Language: es\n"};
  Message m;
  m.msgid = "%d post";
  m.msgid_plural = "%d posts";
  m.msgstr = {"", ""};
  m.line = 3;
  catalog.messages.push_back(m);

  Result<std::string> po = WriteCatalog(catalog, "es.po");
  REQUIRE(po.ok());
  CHECK(po->find("msgid_plural \"%d posts\"") != std::string::npos);

  CatalogWriteOptions options;
  options.xliff.version = XliffVersion::k20;
  for (const char* path : {"es.xlf", "es.xliff"}) {
    CAPTURE(path);
    Result<std::string> xliff = WriteCatalog(catalog, path, options);
    REQUIRE_FALSE(xliff.ok());
    CHECK(xliff.status().message() ==
          std::string(path) +
              ": error: plural entries cannot be written to XLIFF yet: \"%d post\" (line 3)");
  }
  catalog.messages.pop_back();
  Result<std::string> v20 = WriteCatalog(catalog, "es.xlf", options);
  REQUIRE(v20.ok());
  CHECK(v20->find("<xliff version=\"2.0\"") != std::string::npos);
}

}  // namespace
}  // namespace l10n
