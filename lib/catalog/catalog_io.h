// Catalog files: the one place that picks a catalog's format, from its
// file name, for reading and for writing.
//
//   es.po, en.pot, es.xlf, es.xliff --ReadCatalog--> Catalog
//   Catalog --WriteCatalog(path)--> the bytes of the format the path names
//
// The formats are rows of a small table (catalog_io.cc): a name ending,
// the syntax, whether it is a template, its reader and writer. Adding a
// catalog format is one file pair under lib/catalog/ (its reader and
// writer, as po_reader/po_writer and xliff_reader/xliff_writer) and one row.
#ifndef L10N_CATALOG_CATALOG_IO_H_
#define L10N_CATALOG_CATALOG_IO_H_

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/status.h"
#include "catalog/catalog.h"
#include "catalog/xliff.h"

namespace l10n {

enum class CatalogSyntax { kPo, kXliff };

// What a format's writer may need besides the catalog; each takes what it
// knows (PO: nothing).
struct CatalogWriteOptions {
  XliffOptions xliff;  // version, file/@original, languages
};

struct CatalogFormat {
  std::string_view extension;  // how the file name ends: ".po"
  CatalogSyntax syntax;
  bool is_template;  // a .pot: the template extract writes, untranslated
  // Reads a file's text; reports every problem to the sink, false after
  // any error.
  bool (*read)(std::string_view text, const std::string& path, Catalog* catalog,
               DiagnosticSink* sink);
  Result<std::string> (*write)(const Catalog& catalog, const CatalogWriteOptions& options);
};

// The format a file name says: PO for a name no format claims.
const CatalogFormat& CatalogFormatOf(std::string_view path);

// Reads a catalog in the format its path names. Returns false after any
// error (reported as path:line:col). The catalog is not indexed: an owner
// that looks entries up calls Reindex() (catalog.h).
bool ReadCatalog(std::string_view text, const std::string& path, Catalog* catalog,
                 DiagnosticSink* sink);

// The catalog's bytes in the format its path names. An error (XLIFF cannot
// hold plural entries nor some control characters) says
// "path: error: message".
Result<std::string> WriteCatalog(const Catalog& catalog, const std::string& path,
                                 const CatalogWriteOptions& options = {});

// Whether WriteCatalog(catalog, path, options) would give exactly `bytes`,
// without holding that writing whole (XLIFF is compared piece by piece as
// it is formatted, and stops at the first difference). False also when the
// catalog cannot be written so.
bool WritesAs(const Catalog& catalog, const std::string& path, const CatalogWriteOptions& options,
              std::string_view bytes);

// Whether the path names a template (.pot).
inline bool IsTemplatePath(std::string_view path) { return CatalogFormatOf(path).is_template; }

// True for the names XLIFF files go by: *.xlf, *.xliff.
bool IsXliffPath(std::string_view path);

}  // namespace l10n

#endif  // L10N_CATALOG_CATALOG_IO_H_
