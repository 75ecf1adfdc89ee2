// Benchmark helper for bench/xliff.sh:
//   xliff_bench convert IN.po OUT.xlf [1.2|2.0]   PO -> XLIFF, as l10n-extract
//                                                 writes its XLIFF copies
//   xliff_bench back IN.xlf OUT.po               XLIFF -> PO
#include <cstdio>
#include <string>

#include "base/file_io.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "catalog/xliff.h"

namespace {

int Fail(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  return 1;
}

int Convert(const std::string& in, const std::string& out, const std::string& version) {
  l10n::Result<std::string> text = l10n::ReadFile(in);
  if (!text.ok()) return Fail(text.status().message());
  l10n::Catalog catalog;
  l10n::DiagnosticSink sink;
  if (!l10n::ReadPo(*text, in, &catalog, &sink)) return Fail(in + ": does not parse");
  std::string().swap(*text);  // give the file's bytes back
  l10n::XliffOptions options;
  if (!l10n::ParseXliffVersion(version, &options.version)) return Fail("bad version " + version);
  options.original = in;
  l10n::Status status = l10n::WriteXliffFile(catalog, options, out);
  return status.ok() ? 0 : Fail(status.message());
}

int Back(const std::string& in, const std::string& out) {
  l10n::Result<std::string> text = l10n::ReadFile(in);
  if (!text.ok()) return Fail(text.status().message());
  l10n::Catalog catalog;
  l10n::DiagnosticSink sink;
  if (!l10n::ReadXliff(*text, in, &catalog, &sink)) {
    for (const l10n::Diagnostic& d : sink.diagnostics())
      std::fprintf(stderr, "%s\n", d.Render().c_str());
    return 1;
  }
  l10n::Status status = l10n::WriteFileAtomic(out, l10n::WritePo(catalog));
  return status.ok() ? 0 : Fail(status.message());
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "convert" && (argc == 4 || argc == 5)) {
    return Convert(argv[2], argv[3], argc == 5 ? argv[4] : "1.2");
  }
  if (mode == "back" && argc == 4) return Back(argv[2], argv[3]);
  std::fprintf(stderr, "usage: xliff_bench convert IN.po OUT.xlf [1.2|2.0] | back IN.xlf OUT.po\n");
  return 2;
}
