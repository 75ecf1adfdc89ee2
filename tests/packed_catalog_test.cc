// PackedCatalog: the old catalog of an update, packed.
#include "catalog/packed_catalog.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "catalog/po_reader.h"

namespace l10n {
namespace {

Catalog Parse(const std::string& text) {
  Catalog c;
  DiagnosticSink sink;
  REQUIRE(ReadPo(text, "t.po", &c, &sink));
  return c;
}

TEST_CASE("PackedCatalog gives back every part of every entry") {
  Catalog c = Parse(
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      "# note\n#. extracted\n#: a.html:1 b.html:2\n#, fuzzy, c-format\n#| msgctxt \"old\"\n"
      "#| msgid \"one %d\"\n#| msgid_plural \"many %d\"\nmsgctxt \"ctx\"\nmsgid \"a %d\"\n"
      "msgid_plural \"b %d\"\nmsgstr[0] \"\"\nmsgstr[1] \"y %d\"\n\n"
      "msgctxt \"\"\nmsgid \"empty context\"\nmsgstr \"\"\n\n#~ msgid \"gone\"\n#~ msgstr "
      "\"ido\"\n");
  PackedCatalog packed = PackedCatalog::FromCatalog(c);
  REQUIRE(packed.size() == c.messages.size());
  for (size_t i = 0; i < c.messages.size(); ++i) {
    const Message& m = c.messages[i];
    Message got = packed.Get(i);
    CHECK(got.msgctxt == m.msgctxt);
    CHECK(got.msgid == m.msgid);
    CHECK(got.msgid_plural == m.msgid_plural);
    CHECK(got.msgstr == m.msgstr);
    CHECK(got.translator_comments == m.translator_comments);
    CHECK(got.extracted_comments == m.extracted_comments);
    CHECK(got.references == m.references);
    CHECK(got.flags == m.flags);
    CHECK(got.prev_msgctxt == m.prev_msgctxt);
    CHECK(got.prev_msgid == m.prev_msgid);
    CHECK(got.prev_msgid_plural == m.prev_msgid_plural);
    CHECK(got.obsolete == m.obsolete);
    CHECK(got.line == m.line);
    CHECK(packed.msgid(i) == m.msgid);
    CHECK(packed.msgctxt(i) ==
          (m.msgctxt ? std::optional<std::string_view>(*m.msgctxt) : std::nullopt));
    CHECK(packed.is_header(i) == m.is_header());
    CHECK(packed.fuzzy(i) == m.fuzzy());
    CHECK(packed.has_translation(i) ==
          (m.translated() || (m.msgstr.size() > 1 && !m.msgstr[1].empty())));
    CHECK(packed.first_translated(i) == !m.msgstr[0].empty());
  }
  CHECK(packed.header() == std::optional<size_t>(0));
  // Entries bigger than a block get one of their own.
  Message big;
  big.msgid = std::string(1 << 19, 'x');
  packed.Add(big);
  CHECK(packed.msgid(packed.size() - 1) == big.msgid);
}

}  // namespace
}  // namespace l10n
