#include "post/html_tree_model.h"

#include <algorithm>

#include "base/ui_text.h"
#include "post/html_text.h"

namespace l10n {

namespace {

// Prefixed to the names of SVG and MathML elements (but svg and math).
constexpr char kForeign[] = "\x01";

}  // namespace

void HtmlTreeModel::Push(const std::string& name, size_t offset) {
  Element el;
  // An element of SVG or MathML content is kept under a name no HTML rule
  // knows (an SVG <td> is no cell, an SVG <object> no marker); integration
  // points keep theirs, as the scopes name them.
  el.name = InForeign() && !IsIntegrationPoint(name) ? kForeign + name : name;
  el.serial = static_cast<int>(alive_.size());
  bool parent_foreign = InForeign();
  el.marker = InsertsMarker(name) && !parent_foreign;  // an SVG <title> is no marker
  el.foreign = name == "svg" || name == "math" || (parent_foreign && !IsIntegrationPoint(name));
  const std::string& n = el.name;
  el.p_in_scope = n == "p" || (!open_.empty() && open_.back().p_in_scope && !EndsButtonScope(n));
  el.table_mode = OneOf(n, {"table", "tbody", "thead", "tfoot", "tr"}) ||
                  (!OneOf(n, {"td", "th", "caption", "template", "html"}) && !open_.empty() &&
                   open_.back().table_mode);
  alive_.push_back(true);
  ++open_count_[name];
  open_.push_back(std::move(el));
  if (open_.back().marker) active_.push_back(Entry{true, "", "", -1, offset});
  if (static_cast<int>(open_.size()) > kMaxNesting) {
    Fail(offset, FormatUi("elements nested more than {} deep", kMaxNesting));
  }
}

void HtmlTreeModel::ClearToLastMarker() {
  while (!active_.empty()) {
    bool marker = active_.back().marker;
    EraseEntry(active_.size() - 1);
    if (marker) break;
  }
}

void HtmlTreeModel::Pop() {
  Element& el = open_.back();
  alive_[el.serial] = false;
  --open_count_[el.name];
  // Closing a cell or a caption clears the list to its marker; an object,
  // applet, marquee or template only its own end tag does (AnyOtherEndTag).
  bool clears = el.marker && OneOf(el.name, {"td", "th", "caption"});
  open_.pop_back();
  if (clears) ClearToLastMarker();
}

size_t HtmlTreeModel::StackIndex(int serial) const {
  if (serial < 0 || !alive_[serial]) return std::string::npos;
  for (size_t k = open_.size(); k-- > 0;) {
    if (open_[k].serial == serial) return k;
  }
  return std::string::npos;
}

void HtmlTreeModel::ClosePIfInButtonScope() {
  if (open_.empty() || !open_.back().p_in_scope) return;
  while (!open_.empty()) {
    bool was_p = open_.back().name == "p";
    Pop();
    if (was_p) break;
  }
}

void HtmlTreeModel::PopThroughNearest(std::initializer_list<std::string_view> names,
                                      bool (*stop)(std::string_view)) {
  for (size_t k = open_.size(); k-- > 0;) {
    if (OneOf(open_[k].name, names)) {
      PopThrough(k);
      return;
    }
    if (stop(open_[k].name)) return;
  }
}

void HtmlTreeModel::Reopened(const Entry& blame) {
  if (++reopened_ > kMaxReopened) {
    Fail(blame.offset, FormatUi("'<{}>' is never closed: the HTML parser would reopen it and "
                                "other unclosed inline elements more than {} times",
                                blame.name, kMaxReopened));
  }
}

void HtmlTreeModel::Reconstruct() {
  // "Reconstruct the active formatting elements": every entry after the
  // last marker or open element gets a new element, in list order.
  if (active_.empty()) return;
  auto settled = [&](const Entry& e) { return e.marker || (e.serial >= 0 && alive_[e.serial]); };
  size_t k = active_.size();
  if (settled(active_[k - 1])) return;
  while (k > 0 && !settled(active_[k - 1])) --k;
  const size_t first = k;
  for (; k < active_.size() && !problem_; ++k) {
    Entry& entry = active_[k];
    Push(entry.name, entry.offset);
    entry.serial = open_.back().serial;
    Reopened(active_[first]);
  }
}

void HtmlTreeModel::AddFormatting(const std::string& name,
                                  const std::vector<TagAttribute>& attributes, size_t offset) {
  // The signature: the attributes by name, the first of duplicates kept.
  std::vector<std::pair<std::string_view, std::string_view>> sorted;
  for (const TagAttribute& a : attributes) sorted.emplace_back(a.name, a.value);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string signature;
  for (size_t k = 0; k < sorted.size(); ++k) {
    if (k > 0 && sorted[k].first == sorted[k - 1].first) continue;
    signature.append(sorted[k].first).append(1, '\0').append(sorted[k].second).append(1, '\0');
  }
  // Noah's Ark: at most three identical entries after the last marker.
  int identical = 0;
  size_t earliest = 0;
  for (size_t k = active_.size(); k-- > 0;) {
    const Entry& e = active_[k];
    if (e.marker) break;
    if (e.name == name && e.signature == signature) {
      ++identical;
      earliest = k;
    }
  }
  if (identical >= 3) EraseEntry(earliest);
  if (++entries_ > kMaxFormatting) {
    Fail(offset,
         FormatUi("more than {} formatting elements ('<b>', '<i>', '<a>', ...) open at once",
                  kMaxFormatting));
    return;
  }
  Push(name, offset);
  active_.push_back(Entry{false, name, std::move(signature), open_.back().serial, offset});
}

bool HtmlTreeModel::AdoptionAgency(const std::string& name) {
  // HTML5 13.2.6.4.7, "adoption agency algorithm".
  if (!open_.empty() && open_.back().name == name) {
    int serial = open_.back().serial;
    bool listed = std::any_of(active_.begin(), active_.end(),
                              [&](const Entry& e) { return !e.marker && e.serial == serial; });
    if (!listed) {
      Pop();
      return true;
    }
  }
  for (int outer = 0; outer < 8 && !problem_; ++outer) {
    size_t fe = std::string::npos;  // the formatting element's entry
    for (size_t k = active_.size(); k-- > 0;) {
      if (active_[k].marker) break;
      if (active_[k].name == name) {
        fe = k;
        break;
      }
    }
    if (fe == std::string::npos) return outer > 0;
    size_t fe_index = StackIndex(active_[fe].serial);
    if (fe_index == std::string::npos) {
      EraseEntry(fe);
      return true;
    }
    for (size_t k = fe_index + 1; k < open_.size(); ++k) {
      if (EndsScope(open_[k].name)) return true;  // not in scope: ignored
    }
    size_t furthest = std::string::npos;
    for (size_t k = fe_index + 1; k < open_.size(); ++k) {
      if (IsSpecial(open_[k].name)) {
        furthest = k;
        break;
      }
    }
    if (furthest == std::string::npos) {
      PopThrough(fe_index);
      EraseEntry(fe);
      return true;
    }
    // Elements between the formatting element and the furthest block:
    // the listed ones (at most three) are cloned, the others closed.
    size_t bookmark = fe + 1;
    size_t node = furthest;
    bool last_is_furthest = true;
    for (int inner = 1;; ++inner) {
      --node;
      if (node == fe_index) break;
      int serial = open_[node].serial;
      size_t entry = std::string::npos;
      for (size_t k = active_.size(); k-- > 0;) {
        if (!active_[k].marker && active_[k].serial == serial) {
          entry = k;
          break;
        }
      }
      if (inner > 3 && entry != std::string::npos) {
        EraseEntry(entry);
        if (entry < bookmark) --bookmark;
        if (entry < fe) --fe;
        entry = std::string::npos;
      }
      if (entry == std::string::npos) {
        alive_[serial] = false;
        --open_count_[open_[node].name];
        open_.erase(open_.begin() + static_cast<long>(node));
        --furthest;
        continue;
      }
      // A new element for the entry, in the node's place.
      alive_[serial] = false;
      int clone = static_cast<int>(alive_.size());
      alive_.push_back(true);
      open_[node].serial = clone;
      active_[entry].serial = clone;
      Reopened(active_[fe]);
      if (last_is_furthest) bookmark = entry + 1;
      last_is_furthest = false;
    }
    // The formatting element's clone goes into the furthest block: a new
    // entry at the bookmark, a new element just above the furthest block.
    Entry clone = active_[fe];
    int old_serial = clone.serial;
    clone.serial = static_cast<int>(alive_.size());
    alive_.push_back(true);
    Reopened(clone);
    active_.insert(active_.begin() + static_cast<long>(bookmark), clone);
    ++entries_;
    EraseEntry(bookmark <= fe ? fe + 1 : fe);
    Element moved = open_[fe_index];
    alive_[old_serial] = false;
    open_.erase(open_.begin() + static_cast<long>(fe_index));
    --furthest;
    moved.serial = clone.serial;
    moved.foreign = false;
    moved.p_in_scope = open_[furthest].p_in_scope;
    open_.insert(open_.begin() + static_cast<long>(furthest) + 1, std::move(moved));
  }
  return true;
}

void HtmlTreeModel::AnyOtherEndTag(const std::string& name) {
  auto count = open_count_.find(name);
  if (count == open_count_.end() || count->second == 0) return;  // ignored
  if (name == "body" || name == "html") return;                  // they close nothing
  bool special = IsSpecial(name);
  for (size_t k = open_.size(); k-- > 0;) {
    if (open_[k].name == name) {
      PopThrough(k);
      if (OneOf(name, {"applet", "marquee", "object", "template"})) ClearToLastMarker();
      return;
    }
    // Ignored: past a special element, or for a special end tag past the
    // edge of its scope.
    const std::string& n = open_[k].name;
    bool table_part =
        OneOf(name, {"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"});
    if (table_part ? OneOf(n, {"html", "table", "template"})
        : special  ? EndsScope(n) || (name == "li" && OneOf(n, {"ol", "ul"}))
                   : IsSpecial(n)) {
      return;
    }
  }
}

bool HtmlTreeModel::StartTag(const std::string& name, const std::vector<TagAttribute>& attributes,
                             bool self_closing, size_t offset) {
  if (InForeign()) {
    bool font_breaks_out =
        name == "font" &&
        std::any_of(attributes.begin(), attributes.end(), [](const TagAttribute& a) {
          return a.name == "color" || a.name == "face" || a.name == "size";
        });
    if (!BreaksOutOfForeign(name) && !font_breaks_out) {
      // "/>" closes only inside SVG and MathML.
      if (!self_closing) Push(name, offset);
      return false;
    }
    while (InForeign()) Pop();
  }
  // Table parts outside a table are ignored (so they add no marker).
  bool in_table = open_count_["table"] > 0 || open_count_["template"] > 0;
  if (!in_table &&
      OneOf(name, {"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"})) {
    return false;
  }
  if (!open_.empty() && open_.back().table_mode) {
    // "In table": a table part first closes what was foster-parented, and
    // a <table> the open one.
    if (OneOf(name, {"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"})) {
      while (!OneOf(open_.back().name,
                    {"table", "tbody", "thead", "tfoot", "tr", "template", "html"})) {
        Pop();
      }
    } else if (name == "table") {
      PopThroughNearest({"table"},
                        [](std::string_view n) { return n == "html" || n == "template"; });
    }
  }
  if (IsRawText(name)) {
    // Its content is skipped by the caller; it opens and closes here.
    if (name == "xmp" || name == "plaintext") ClosePIfInButtonScope();
    if (name == "xmp") Reconstruct();
    if (name == "plaintext") Push(name, offset);
    return true;
  }
  // Elements whose end tag is optional close their open sibling, as the
  // tree builder looks for it.
  auto list_stop = [](std::string_view n) {
    return IsSpecial(n) && !OneOf(n, {"address", "div", "p"});
  };
  auto table_stop = [](std::string_view n) { return OneOf(n, {"html", "table", "template"}); };
  if (name == "li") {
    PopThroughNearest({"li"}, list_stop);
  } else if (name == "dd" || name == "dt") {
    PopThroughNearest({"dd", "dt"}, list_stop);
  } else if (OneOf(name,
                   {"td", "th", "tr", "caption", "col", "colgroup", "tbody", "thead", "tfoot"})) {
    // A table part closes the open cell, and the row and section it cannot be in.
    PopThroughNearest({"td", "th"}, table_stop);
    if (name != "td" && name != "th") PopThroughNearest({"tr"}, table_stop);
    if (!OneOf(name, {"td", "th", "tr"}))
      PopThroughNearest({"tbody", "thead", "tfoot"}, table_stop);
  } else if (name == "option" && !open_.empty() && open_.back().name == "option") {
    Pop();
  } else if (name == "button") {
    PopThroughNearest({"button"}, EndsScope);
  }
  if (ClosesParagraph(name) && !(name == "table" && quirks_)) ClosePIfInButtonScope();
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !open_.empty()) {
    const std::string& top = open_.back().name;
    if (top.size() == 2 && top[0] == 'h' && top[1] >= '1' && top[1] <= '6') Pop();
  }
  // <svg/> and <math/> close at once.
  if ((name == "svg" || name == "math") && self_closing) {
    Reconstruct();
    return false;
  }
  if (IsVoidElement(name)) {
    if (OneOf(name, {"area", "br", "embed", "img", "image", "keygen", "wbr", "input"})) {
      Reconstruct();
    }
    return false;
  }
  if (name == "nobr") {
    // A <nobr> in scope is closed first, after the list is reconstructed.
    Reconstruct();
    if (open_count_["nobr"] > 0) {
      AdoptionAgency(name);
      Reconstruct();
    }
  } else if (name == "a") {
    // A second <a> first closes the open one: the adoption agency, then
    // that element leaves the list and the stack if still there.
    int serial = -1;
    for (size_t k = active_.size(); k-- > 0 && !active_[k].marker;) {
      if (active_[k].name == name) {
        serial = active_[k].serial;
        break;
      }
    }
    if (serial >= 0) {
      AdoptionAgency(name);
      for (size_t k = active_.size(); k-- > 0;) {
        if (!active_[k].marker && active_[k].serial == serial) {
          EraseEntry(k);
          break;
        }
      }
      size_t index = StackIndex(serial);
      if (index != std::string::npos) {
        alive_[serial] = false;
        --open_count_[name];
        open_.erase(open_.begin() + static_cast<long>(index));
      }
    }
  }
  if (!SkipsReconstruction(name)) Reconstruct();
  if (problem_) return false;
  if (IsFormatting(name)) {
    AddFormatting(name, attributes, offset);
  } else {
    Push(name, offset);
  }
  return false;
}

void HtmlTreeModel::EndTag(const std::string& name) {
  if (InForeign()) {
    // In SVG or MathML: the open foreign element of that name, if any
    // before the HTML content around it.
    std::string foreign = kForeign + name;
    for (size_t k = open_.size(); k-- > 0 && open_[k].foreign;) {
      if (open_[k].name == foreign || open_[k].name == name) {
        PopThrough(k);
        return;
      }
    }
  }
  if (name == "br") {  // </br> is read as <br>
    Reconstruct();
    return;
  }
  if (name == "p") {
    ClosePIfInButtonScope();
    return;
  }
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
    // Any heading's end tag closes the open heading, whatever its level.
    PopThroughNearest({"h1", "h2", "h3", "h4", "h5", "h6"}, EndsScope);
    return;
  }
  if (IsFormatting(name)) {
    if (!AdoptionAgency(name)) AnyOtherEndTag(name);
    return;
  }
  AnyOtherEndTag(name);
}

void HtmlTreeModel::Text(std::string_view text) {
  if (text.empty()) return;
  bool blank = true;
  for (size_t k = 0; k < text.size() && blank; ++k) blank = IsHtmlSpace(text[k]);
  if (!InForeign() &&
      !(blank && !open_.empty() &&
        (open_.back().table_mode || OneOf(open_.back().name, {"head", "colgroup", "select"})))) {
    Reconstruct();
  }
}

}  // namespace l10n
