// The XML layer under the XLIFF reader and writer (xliff.h): escaping for
// writing, and for reading the pugixml lookups by local name, the checks
// pugixml does not make (character references), and where a node is in the
// text (line and column for diagnostics). Internal to lib/catalog/.
#ifndef L10N_CATALOG_XLIFF_XML_H_
#define L10N_CATALOG_XLIFF_XML_H_

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace l10n {

// ---- Writing ----

// Ok, or why `s` cannot be written as XML 1.0 text, even escaped: invalid
// UTF-8, a C0 control but tab and line ends, U+FFFE or U+FFFF.
Status CheckXmlText(std::string_view s);

// `s` as element content: & < > escaped, and CR as "&#13;" (a parser would
// turn a raw CR into LF).
void AppendXmlText(std::string_view s, std::string* out);

// ` name="value"`, the value escaped for a double-quoted attribute (line
// ends and tabs as references, which attribute normalization would lose).
std::string XmlAttr(std::string_view name, std::string_view value);

// The same, appended to *out.
void AppendXmlAttr(std::string_view name, std::string_view value, std::string* out);

// ---- Reading ----

// An element's name without its namespace prefix.
std::string_view LocalName(const pugi::xml_node& node);

// An attribute by local name ("xml:space" keeps its prefix); empty when
// absent.
pugi::xml_attribute Attribute(const pugi::xml_node& node, std::string_view name);

// The child elements of that local name, or the first of them.
std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view name);
pugi::xml_node Child(const pugi::xml_node& node, std::string_view name);

// The text (and CDATA) directly inside `node`.
std::string TextOf(const pugi::xml_node& node);

// `text` cut at each `separator`; pieces after a ',' lose their leading
// spaces ("fuzzy, c-format" -> {"fuzzy", "c-format"}).
std::vector<std::string> Lines(std::string_view text, char separator);

// The first character reference ("&#233;", "&#xE9;") of XML text that is
// malformed or names no character XML allows (well-formedness constraint
// "Legal Character"): pugixml would write a surrogate or a value past
// U+10FFFF as invalid UTF-8 and cut the text at "&#0;". Comments, CDATA
// sections and processing instructions hold no references. Returns its
// offset and an error message.
std::optional<std::pair<size_t, std::string>> BadCharacterReference(std::string_view text);

// Positions in the text a document was parsed from.
class XmlLocator {
 public:
  explicit XmlLocator(std::string_view text) : text_(text) {}

  // Where a node starts: its '<' for an element (pugixml gives its name).
  size_t Offset(const pugi::xml_node& n) const;

  // 1-based line and column of a byte offset; a byte order mark is no
  // column of the first line.
  std::pair<int, int> LineColumnAt(size_t offset);

  // Where the first element nested more than `max_depth` deep starts, if
  // any (walked without recursion).
  std::optional<size_t> FirstTooDeep(const pugi::xml_document& doc, int max_depth) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;  // built on first use
};

}  // namespace l10n

#endif  // L10N_CATALOG_XLIFF_XML_H_
