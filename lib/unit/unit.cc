#include "unit/unit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace l10n {

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kTitle:
      return "page title";
    case UnitKind::kHeading:
      return "heading";
    case UnitKind::kParagraph:
      return "paragraph";
    case UnitKind::kListItem:
      return "list item";
    case UnitKind::kTerm:
      return "term";
    case UnitKind::kDefinition:
      return "definition";
    case UnitKind::kTableHeader:
      return "table header";
    case UnitKind::kTableCell:
      return "table cell";
    case UnitKind::kTableCaption:
      return "table caption";
    case UnitKind::kFigureCaption:
      return "figure caption";
    case UnitKind::kQuote:
      return "quotation";
    case UnitKind::kBlock:
      return "text block";
    case UnitKind::kPreformatted:
      return "preformatted text";
    case UnitKind::kAltText:
      return "image alt text";
    case UnitKind::kTitleText:
      return "title attribute";
    case UnitKind::kLabelText:
      return "label attribute";
    case UnitKind::kMetaText:
      return "page metadata";
  }
  return "text";
}

std::string UnitId(const std::optional<std::string>& context, std::string_view text) {
  // FNV-1a 64 over msgctxt + '\x04' + msgid: the same text gets the same id
  // in every post and every run.
  uint64_t hash = 0xcbf29ce484222325ULL;
  auto mix = [&hash](std::string_view s) {
    for (unsigned char c : s) {
      hash ^= c;
      hash *= 0x100000001b3ULL;
    }
  };
  if (context) {
    mix(*context);
    mix(std::string_view("\x04", 1));
  }
  mix(text);
  return fmt::format("{:016x}", hash);
}

std::string Unit::Id() const { return UnitId(context, text); }

bool Unit::HasDynamicPlaceholders() const {
  return std::any_of(placeholders.begin(), placeholders.end(), [](const Placeholder& p) {
    return p.kind == Placeholder::Kind::kDate || p.kind == Placeholder::Kind::kCategory;
  });
}

}  // namespace l10n
