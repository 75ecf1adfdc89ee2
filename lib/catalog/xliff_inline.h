// Inline codes: between unit text, whose placeholders are tags
// ("Read <a1>more</a1>", "<br1/>": unit/unit_text.h), and the inline
// content of an XLIFF <source> or <target> (docs/xliff.md).
//
//   writing: 1.2 <g id ctype>..</g> and <x/>; 2.0 <pc>..</pc> and <ph/>,
//            whose native code goes in <originalData>
//   reading: those, and other tools' codes: 1.2 <ph>, <it>, <bx>/<ex>,
//            <bpt>/<ept>; 2.0 <sc>/<ec>, <cp>; annotations (<mrk>, <sm>,
//            <em>) as their content
//
// Used by the XLIFF writer and reader only; internal to lib/catalog/.
#ifndef L10N_CATALOG_XLIFF_INLINE_H_
#define L10N_CATALOG_XLIFF_INLINE_H_

#include <functional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/xliff.h"

namespace l10n {

// Whether unit text can be written as inline content with codes and read
// back to the same bytes: it tokenizes, its text is escaped canonically,
// and its tags are well formed against `source` (itself, for the source).
// Text that cannot is written raw (as plain text).
bool Codable(std::string_view text, std::string_view source);

// Codable's last step, the general one: whether CheckMarkup finds nothing
// in `text` against `source` that blocks a merge. (Codable skips it for a
// text against itself whose placeholders nest; tests compare the two.)
bool CodableMarkup(std::string_view text, std::string_view source);

// Appends `text` as inline content: codes for its placeholders (Codable()
// said it can), or, when `raw`, the text as it is.
void AppendInline(std::string_view text, bool raw, XliffVersion version, std::string* out);

// Appends 2.0's <originalData> for the codes of a unit's source and target
// (nothing when they have none), each line after `indent`.
void AppendOriginalData(const std::string& indent, std::string_view source, std::string_view target,
                        std::string* out);

// Reads inline content into unit text. Errors (an element that is no
// inline code, an empty or misnamed id, a bad <cp>) go to `error`, at the
// node, with the name of the check they belong to.
class InlineReader {
 public:
  using ErrorFn =
      std::function<void(const pugi::xml_node& at, std::string message, const char* check)>;

  explicit InlineReader(ErrorFn error) : error_(std::move(error)) {}

  // The version of the document read; 1.2 until set.
  void SetVersion(XliffVersion version) { version_ = version; }

  // Unit text from the inline content of `nodes` (the <source>s or
  // <target>s of a unit, in order); `where` names them in messages. Paired
  // codes written as a start and an end (1.2 <bpt>/<ept>, <bx>/<ex>; 2.0
  // <sc>/<ec>) become <name>..</name> when they nest; when they cross, or
  // one is missing its partner, the text is read again with every start
  // <name/> and every end <name-end/>. False after an error.
  bool ReadText(const std::vector<pugi::xml_node>& nodes, bool raw, const char* where,
                std::string* out);

  // The inline content of one node, appended, the starts and ends read as
  // the last ReadText() settled.
  bool Read(const pugi::xml_node& node, bool raw, const char* where, std::string* out);

 private:
  // A 2.0 <cp hex>: the character it names.
  bool ReadCodePoint(const pugi::xml_node& c, bool raw, std::string* out);
  // An inline code element, by its local name: the placeholder it becomes.
  bool ReadCode(const pugi::xml_node& c, std::string_view name, bool raw, const char* where,
                std::string* out);

  ErrorFn error_;
  XliffVersion version_ = XliffVersion::k12;
  bool paired_codes_ = true;  // how starts and ends are read
  bool crossed_ = false;
  std::vector<std::string> open_codes_;
};

}  // namespace l10n

#endif  // L10N_CATALOG_XLIFF_INLINE_H_
