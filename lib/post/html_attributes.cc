#include "post/html_attributes.h"

#include <cctype>
#include <utility>

#include "post/html_elements.h"
#include "post/html_text.h"
#include "post/unit_builder.h"
#include "unit/unit_text.h"

namespace l10n {

void CollectAttributeUnits(const GumboElement& el, const std::optional<std::string>& context,
                           const HtmlSourceMap& map, std::string_view slug,
                           std::vector<Unit>* units) {
  if (!HasStartTag(el)) return;
  // A pragma: <meta http-equiv="refresh" content="0;url=...">.
  if (el.tag == GUMBO_TAG_META && (Attr(el, "http-equiv") || Attr(el, "charset"))) return;
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    const GumboAttribute* attr = static_cast<GumboAttribute*>(el.attributes.data[i]);
    std::string_view name = attr->name;
    UnitKind kind;
    if (name == "alt") {
      kind = UnitKind::kAltText;
    } else if (name == "title") {
      kind = UnitKind::kTitleText;
    } else if (name == "aria-label" || name == "placeholder") {
      kind = UnitKind::kLabelText;
    } else if (name == "content" && el.tag == GUMBO_TAG_META) {
      const GumboAttribute* which = Attr(el, "name");
      if (!which) which = Attr(el, "property");
      if (!which) continue;
      std::string w = which->value;
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (w != "description" && w != "og:title" && w != "og:description" && w != "twitter:title" &&
          w != "twitter:description") {
        continue;
      }
      kind = UnitKind::kMetaText;
    } else {
      continue;
    }
    if (attr->original_value.length == 0) continue;
    Unit unit;
    unit.kind = kind;
    unit.context = context;
    unit.is_attribute = true;
    std::string text;
    AppendUnitText(attr->value, &text);
    unit.text = Collapse(text);
    if (!HasWords(attr->value)) continue;
    unit.range = map.ValueRange(*attr, &unit.quote);
    if (unit.quote) {
      while (unit.range.begin < unit.range.end && IsHtmlSpace(map.html()[unit.range.begin])) {
        ++unit.range.begin;
      }
      while (unit.range.end > unit.range.begin && IsHtmlSpace(map.html()[unit.range.end - 1])) {
        --unit.range.end;
      }
    }
    map.Locate(unit.range.begin, &unit.line, &unit.column);
    unit.note = UnitNote(unit, slug);
    units->push_back(std::move(unit));
  }
}

void FindPageLanguage(const GumboNode* root, const HtmlSourceMap& map, Segmentation* segmentation) {
  if (root->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& el = root->v.element;
  if (!HasStartTag(el)) return;
  segmentation->has_lang_edit = true;
  const GumboAttribute* lang = Attr(el, "lang");
  // gumbo gives a valueless attribute its name as original_value.
  bool valueless = lang && lang->value[0] == '\0' &&
                   !(lang->original_value.length >= 2 &&
                     (lang->original_value.data[0] == '"' || lang->original_value.data[0] == '\''));
  if (valueless) {
    // "<html lang>" or "<html lang=>": no value to replace, so the
    // attribute as written is (found by tests/fuzz, segment target).
    size_t b = map.Offset(lang->original_name.data);
    size_t e = b + lang->original_name.length;
    size_t k = e;
    while (k < map.html().size() && IsHtmlSpace(map.html()[k])) ++k;
    if (k < map.html().size() && map.html()[k] == '=') e = k + 1;
    segmentation->lang = lang->value;
    segmentation->lang_range = {b, e};
  } else if (lang) {
    segmentation->lang = lang->value;
    segmentation->lang_attribute_present = true;
    segmentation->lang_range = map.ValueRange(*lang, nullptr);
  } else {
    // Insert after "<html".
    size_t at = map.Offset(el.original_tag.data) + 5;
    segmentation->lang_range = {at, at};
  }
}

}  // namespace l10n
