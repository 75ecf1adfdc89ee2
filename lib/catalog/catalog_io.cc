#include "catalog/catalog_io.h"

#include "base/ui_text.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"

namespace l10n {

namespace {

Result<std::string> WritePoFormat(const Catalog& catalog, const CatalogWriteOptions&) {
  return WritePo(catalog);
}

Result<std::string> WriteXliffFormat(const Catalog& catalog, const CatalogWriteOptions& options) {
  return WriteXliff(catalog, options.xliff);
}

bool ReadPoFormat(std::string_view text, const std::string& path, Catalog* catalog,
                  DiagnosticSink* sink) {
  return ReadPo(text, path, catalog, sink);
}

// The first row whose extension ends the name; the first row for any other
// name.
constexpr CatalogFormat kFormats[] = {
    {".po", CatalogSyntax::kPo, false, ReadPoFormat, WritePoFormat},
    {".pot", CatalogSyntax::kPo, true, ReadPoFormat, WritePoFormat},
    {".xlf", CatalogSyntax::kXliff, false, ReadXliff, WriteXliffFormat},
    {".xliff", CatalogSyntax::kXliff, false, ReadXliff, WriteXliffFormat},
};

}  // namespace

const CatalogFormat& CatalogFormatOf(std::string_view path) {
  for (const CatalogFormat& format : kFormats) {
    if (path.size() >= format.extension.size() &&
        path.substr(path.size() - format.extension.size()) == format.extension) {
      return format;
    }
  }
  return kFormats[0];
}

bool IsXliffPath(std::string_view path) {
  return CatalogFormatOf(path).syntax == CatalogSyntax::kXliff;
}

bool ReadCatalog(std::string_view text, const std::string& path, Catalog* catalog,
                 DiagnosticSink* sink) {
  return CatalogFormatOf(path).read(text, path, catalog, sink);
}

Result<std::string> WriteCatalog(const Catalog& catalog, const std::string& path,
                                 const CatalogWriteOptions& options) {
  Result<std::string> written = CatalogFormatOf(path).write(catalog, options);
  if (!written.ok()) {
    return Status::Error(path + ": " + _("error") + ": " + written.status().message());
  }
  return written;
}

bool WritesAs(const Catalog& catalog, const std::string& path, const CatalogWriteOptions& options,
              std::string_view bytes) {
  if (CatalogFormatOf(path).syntax != CatalogSyntax::kXliff) {
    Result<std::string> written = WriteCatalog(catalog, path, options);
    return written.ok() && *written == bytes;
  }
  size_t at = 0;
  bool same = true;
  Status status = WriteXliffPieces(catalog, options.xliff, [&](std::string_view piece) {
    if (bytes.substr(at, piece.size()) != piece) {
      same = false;
      return Status::Error("differs");  // stops the writing
    }
    at += piece.size();
    return Status::Ok();
  });
  return status.ok() && same && at == bytes.size();
}

}  // namespace l10n
