// Prints the strings of the post argv[1] as a PO template (README, "Use the library").
#include <fstream>
#include <iostream>
#include <sstream>

#include "catalog/catalog_io.h"
#include "post/post_formats.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::stringstream text;
  text << std::ifstream(argv[1]).rdbuf();
  l10n::DiagnosticSink sink;
  l10n::Segmentation post = l10n::PostFormatFor(argv[1]).Segment(text.str(), argv[1], {}, &sink);
  l10n::Catalog pot;
  pot.messages.push_back(l10n::MakeCatalogHeader({"demo", "en", "", "2026-01-01 00:00+0000"}));
  for (const l10n::Unit& unit : post.units) {
    if (unit.translatable) pot.messages.push_back({.msgctxt = unit.context, .msgid = unit.text});
  }
  l10n::Result<std::string> po = l10n::WriteCatalog(pot, "post.pot");
  if (!po.ok() || sink.has_errors()) return 1;
  std::cout << *po;
}
