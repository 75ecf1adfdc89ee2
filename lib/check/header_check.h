// The header rules (kHeader): the header entry a catalog must have, and its
// Language, Content-Type charset and Plural-Forms fields. l10n-check reports
// them under its policy; the other tools refuse a catalog that
// ValidateHeaderForTools rejects.
//
//   header Message --CheckHeaderEntry--> Findings
//   Catalog --ValidateHeaderForTools--> DiagnosticSink (errors)
#ifndef L10N_CHECK_HEADER_CHECK_H_
#define L10N_CHECK_HEADER_CHECK_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "catalog/catalog.h"
#include "check/entry_rule.h"

namespace l10n {

// What makes a PO catalog unusable to the tools, reported as errors: no
// header entry, a charset other than UTF-8, a Plural-Forms that does not
// evaluate. `text` is the file the catalog was read from (for locations).
bool ValidateHeaderForTools(const Catalog& catalog, std::string_view text, const std::string& path,
                            DiagnosticSink* sink);

// What the header of a catalog is checked against, besides RuleContext.
struct HeaderExpectations {
  std::string_view language;  // the project's for the catalog; empty: any
  bool from_xliff = false;    // XLIFF names the language in an attribute
  // The charset the PO file declares, as spelled (PoDeclaredCharset): the
  // bytes before the reader converted them. nullopt for XLIFF.
  std::optional<std::string> declared_charset;
};

// The Language, Content-Type and Plural-Forms of `header`, the catalog's
// header entry.
void CheckHeaderEntry(const Message& header, const HeaderExpectations& expected,
                      const RuleContext& context, Findings* out);

}  // namespace l10n

#endif  // L10N_CHECK_HEADER_CHECK_H_
