// A translated front-matter value written back in the style of the value
// it replaces (front_matter.h): YAML plain, quoted or block scalars, TOML
// basic, literal or multi-line strings; double-quoted when the style
// cannot hold the translation, so that the front matter reads back to it.
#ifndef L10N_POST_FRONT_MATTER_VALUE_H_
#define L10N_POST_FRONT_MATTER_VALUE_H_

#include <string>
#include <string_view>

#include "unit/unit.h"

namespace l10n {

// The styles of a value unit (Unit::quote) in a front matter.
enum FrontMatterQuote : char {
  kYamlPlain = 'P',
  kYamlFlowPlain = 'F',  // plain inside a flow collection ("[a, b]"): no ",[]{}"
  kYamlDouble = 'D',
  kYamlSingle = 'S',
  kYamlLiteral = '|',  // range: the block's lines; its indent is column - 1
  kYamlFolded = '>',
  kTomlBasic = 'b',
  kTomlLiteral = 'l',
  kTomlMultiBasic = 'B',
  kTomlMultiLiteral = 'L',
};

// The bytes that replace a front-matter value unit for `text` (decoded).
std::string RenderFrontMatterValue(const Unit& unit, std::string_view text);

}  // namespace l10n

#endif  // L10N_POST_FRONT_MATTER_VALUE_H_
