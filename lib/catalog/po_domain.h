// The `domain "name"` directives of a PO file: msgfmt writes the entries
// after one to name.mo (those before any are of "messages"). One catalog
// holds one domain, so entries of a second domain are an error, reported
// once, at the directive that starts it. The parser (po_parser) reads the
// directive's string into value().
#ifndef L10N_CATALOG_PO_DOMAIN_H_
#define L10N_CATALOG_PO_DOMAIN_H_

#include <optional>
#include <string>

#include "base/diagnostic.h"

namespace l10n {

class PoDomains {
 public:
  // A directive at line:column; its string is read into value().
  void Start(int line, int column);
  std::string* value() { return &value_; }
  // The directive's string is complete: its domain is in force.
  void Apply();
  // An entry was read, in the domain in force: the error the first time it
  // is not the domain of the entries before.
  std::optional<Diagnostic> NoteEntry(const std::string& path);
  // The domain of the entries; nullopt before the first.
  const std::optional<std::string>& entries_domain() const { return entries_domain_; }

 private:
  std::string domain_ = "messages";  // in force
  std::optional<std::string> entries_domain_;
  std::string value_;          // of the directive being read
  int line_ = 1, column_ = 1;  // of the directive in force
  int pending_line_ = 0, pending_column_ = 0;
  bool reported_ = false;
};

}  // namespace l10n

#endif  // L10N_CATALOG_PO_DOMAIN_H_
