// ImportXliff (xliff_import.h): an XLIFF file's translations into the PO
// file it was made from, the unchanged entries kept byte for byte.
#include "catalog/xliff_import.h"

#include <algorithm>
#include <optional>
#include <pugixml.hpp>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/check_id.h"
#include "base/ui_text.h"
#include "base/utf8.h"
#include "catalog/catalog.h"
#include "catalog/po_reader.h"
#include "catalog/po_writer.h"
#include "catalog/xliff.h"
#include "catalog/xliff_extensions.h"
#include "catalog/xliff_xml.h"
#include "unit/markup_check.h"
#include "unit/unit.h"
#include "unit/unit_text.h"

namespace l10n {

namespace {

// A unit of the XLIFF document: its id and where it starts.
struct UnitPlace {
  std::string id;
  size_t offset = 0;
};

// The units ReadXliff makes entries of, in its order: a <unit> or
// <trans-unit> to translate, or in our group of obsolete entries. Walked
// with a stack, not recursion (ReadXliff has refused a document nested too
// deep before this runs).
std::vector<UnitPlace> UnitPlaces(const pugi::xml_document& doc, XliffVersion version,
                                  const XmlLocator& locator) {
  bool v2 = version == XliffVersion::k20;
  std::vector<UnitPlace> places;
  // For each container being walked: its next child, and whether it holds
  // obsolete entries.
  std::vector<std::pair<pugi::xml_node, bool>> stack;
  std::vector<pugi::xml_node> files = Children(doc.document_element(), "file");
  for (auto f = files.rbegin(); f != files.rend(); ++f) {
    stack.emplace_back((v2 ? *f : Child(*f, "body")).first_child(), false);
  }
  while (!stack.empty()) {
    auto [c, obsolete] = stack.back();
    if (!c) {
      stack.pop_back();
      continue;
    }
    stack.back().first = c.next_sibling();
    if (c.type() != pugi::node_element) continue;
    std::string_view name = LocalName(c);
    bool translate = Attribute(c, "translate").value() != std::string_view("no");
    if (name == "group") {
      bool obsolete_group = v2 ? Attribute(c, "type").value() == kObsoleteType
                               : Attribute(c, "restype").value() == kObsoleteRestype;
      if (translate || obsolete_group)
        stack.emplace_back(c.first_child(), obsolete || obsolete_group);
    } else if (name == (v2 ? "unit" : "trans-unit") && (translate || obsolete)) {
      places.push_back({Attribute(c, "id").value(), locator.Offset(c)});
    }
  }
  return places;
}

// The offset of each line's start (line n at [n - 1]).
std::vector<size_t> LineStarts(std::string_view text) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// Where the entry that starts at `begin` ends, before `limit` (the next
// entry): after its last keyword or string line, so that the blank lines
// and the comments that belong to nothing stay as they are.
size_t EntryEnd(std::string_view text, size_t begin, size_t limit) {
  size_t end = begin;
  for (size_t at = begin; at < limit;) {
    size_t next = text.find('\n', at);
    next = next == std::string_view::npos || next >= limit ? limit : next + 1;
    if (text[at] == 'm' || text[at] == '"') end = next;
    at = next;
  }
  return end;
}

// Unit text with its tags' names left out ("Read <>the report</>.</ >"), the
// names of its start and standalone tags in order: another tool names the
// codes its own way ("<1>", "<x2/>"), and the shape matches them to the
// PO's. nullopt for text that does not tokenize.
std::optional<std::string> Shape(std::string_view text, std::vector<std::string>* names) {
  Result<std::vector<Token>> tokens = TokenizeUnitText(text);
  if (!tokens.ok()) return std::nullopt;
  std::string shape;
  for (const Token& t : *tokens) {
    switch (t.type) {
      case Token::kText:
        AppendUnitText(t.text, &shape);
        break;
      case Token::kOpen:
        shape += "<>";
        names->push_back(t.text);
        break;
      case Token::kClose:
        shape += "</>";
        break;
      case Token::kSelfClosing:
        shape += "</ >";
        names->push_back(t.text);
        break;
    }
  }
  return shape;
}

// `text` with its tags renamed by `names` (a name it lacks stays, for the
// markup check to refuse).
std::string Rename(std::string_view text,
                   const std::unordered_map<std::string, std::string>& names) {
  Result<std::vector<Token>> tokens = TokenizeUnitText(text);
  if (!tokens.ok()) return std::string(text);
  std::string out;
  for (const Token& t : *tokens) {
    auto it = names.find(t.text);
    const std::string& name = it == names.end() ? t.text : it->second;
    switch (t.type) {
      case Token::kText:
        AppendUnitText(t.text, &out);
        break;
      case Token::kOpen:
        out += "<" + name + ">";
        break;
      case Token::kClose:
        out += "</" + name + ">";
        break;
      case Token::kSelfClosing:
        out += "<" + name + "/>";
        break;
    }
  }
  return out;
}

bool IsUtf8Name(std::string charset) {
  for (char& c : charset) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return charset == "utf-8" || charset == "utf8";
}

class Importer {
 public:
  Importer(std::string_view xliff_text, const std::string& xliff_path, const std::string& po_path,
           const XliffImportOptions& options, XliffImportStats* stats, DiagnosticSink* sink)
      : xliff_text_(xliff_text),
        xliff_path_(xliff_path),
        po_path_(po_path),
        options_(options),
        stats_(stats),
        sink_(sink),
        locator_(xliff_text) {}

  // Reads both files; false after an error.
  bool Read(std::string_view po_text) {
    bool ok = ReadPo(po_text, po_path_, &po_, sink_);
    if (std::optional<std::string> charset = PoDeclaredCharset(po_text);
        ok && charset && !IsUtf8Name(*charset)) {
      const Message* header = po_.FindHeader();
      sink_->Error(po_path_, header ? header->line : 1, 1,
                   FormatUi("the catalog is in '{}': import writes UTF-8 catalogs only "
                            "(convert it with msgconv --to-code=UTF-8)",
                            *charset));
      ok = false;
    }
    if (!ReadXliff(xliff_text_, xliff_path_, &units_, sink_)) return false;
    if (!ok) return false;
    // ReadXliff took the document; this only finds its units' ids again.
    doc_.load_buffer(xliff_text_.data(), xliff_text_.size(),
                     pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    XliffVersion version = XliffVersion::k12;
    ParseXliffVersion(Attribute(doc_.document_element(), "version").value(), &version);
    places_ = UnitPlaces(doc_, version, locator_);
    // The header first, then one entry per unit.
    if (units_.messages.size() != places_.size() + 1) places_.clear();
    return true;
  }

  bool Run() {
    po_.Reindex();
    for (size_t i = 0; i < po_.messages.size(); ++i) {
      const Message& m = po_.messages[i];
      if (!m.obsolete && !m.is_header()) by_id_.emplace(UnitId(m.msgctxt, m.msgid), i);
      if (!m.obsolete && !m.is_header()) ++msgid_count_[m.msgid];
      std::vector<std::string> names;
      std::optional<std::string> shape = Shape(m.msgid, &names);
      if (!m.obsolete && !m.is_header() && shape) {
        auto [it, added] = by_shape_.emplace(*shape, i);
        if (!added) it->second = kAmbiguous;
      }
    }
    changed_.assign(po_.messages.size(), false);
    bool ok = true;
    for (size_t u = 1; u < units_.messages.size(); ++u) {
      const Message& unit = units_.messages[u];
      if (unit.obsolete || unit.msgstr.empty() || unit.msgstr[0].empty()) continue;
      UnitPlace place = u - 1 < places_.size() ? places_[u - 1] : UnitPlace();
      if (!Import(unit, place)) ok = false;
    }
    return ok;
  }

  // The PO text with the changed entries written again.
  std::string Write(std::string_view po_text) const {
    std::vector<size_t> starts = LineStarts(po_text);
    auto begin_of = [&](size_t i) {
      int line = po_.messages[i].line;
      return line >= 1 && static_cast<size_t>(line) <= starts.size() ? starts[line - 1]
                                                                     : po_text.size();
    };
    PoStyle style = po_.style;
    style.domain.clear();  // written once, before the first entry: kept
    std::string out;
    size_t copied = 0;
    for (size_t i = 0; i < po_.messages.size(); ++i) {
      if (!changed_[i]) continue;
      size_t begin = begin_of(i);
      size_t limit = i + 1 < po_.messages.size() ? begin_of(i + 1) : po_text.size();
      size_t end = EntryEnd(po_text, begin, limit);
      out.append(po_text.substr(copied, begin - copied));
      PoWriter writer(po_.FindHeader(), style);
      writer.Add(po_.messages[i]);
      out += writer.Take();
      copied = end;
    }
    out.append(po_text.substr(copied));
    return out;
  }

 private:
  std::pair<int, int> Where(const UnitPlace& place, const Message& unit) {
    if (places_.empty()) return {unit.line, 0};
    return locator_.LineColumnAt(place.offset);
  }

  void Warn(const UnitPlace& place, const Message& unit, std::string message) {
    auto [line, column] = Where(place, unit);
    sink_->Warning(xliff_path_, line, column, std::move(message));
  }

  // The PO entry a unit stands for, and the unit's text in its names.
  struct Matched {
    Message* entry = nullptr;
    std::string source, target;
  };

  Matched Match(const Message& unit, const UnitPlace& place) {
    Matched found{nullptr, unit.msgid, unit.msgstr[0]};
    if (!place.id.empty()) {
      auto it = by_id_.find(place.id);
      if (it != by_id_.end()) found.entry = &po_.messages[it->second];
    }
    if (!found.entry) {
      Message* m = po_.Find(unit.msgctxt, unit.msgid);
      if (m && !m->is_header()) found.entry = m;
    }
    if (!found.entry) {
      auto count = msgid_count_.find(unit.msgid);
      if (count != msgid_count_.end() && count->second == 1) {
        for (Message& m : po_.messages) {
          if (!m.obsolete && !m.is_header() && m.msgid == unit.msgid) found.entry = &m;
        }
      }
    }
    if (found.entry) return found;
    // Another tool's names for the codes: the one entry of the same shape,
    // its codes renamed in order.
    std::vector<std::string> names;
    std::optional<std::string> shape = Shape(unit.msgid, &names);
    auto it = shape ? by_shape_.find(*shape) : by_shape_.end();
    if (it == by_shape_.end() || it->second == kAmbiguous) return found;
    Message& entry = po_.messages[it->second];
    std::vector<std::string> po_names;
    Shape(entry.msgid, &po_names);
    std::unordered_map<std::string, std::string> rename;
    for (size_t i = 0; i < names.size() && i < po_names.size(); ++i) {
      if (!rename.emplace(names[i], po_names[i]).second && rename[names[i]] != po_names[i]) {
        return found;
      }
    }
    found.entry = &entry;
    found.source = Rename(unit.msgid, rename);
    found.target = Rename(unit.msgstr[0], rename);
    return found;
  }

  bool Import(const Message& unit, const UnitPlace& place) {
    Matched matched = Match(unit, place);
    Message* entry = matched.entry;
    if (!entry || entry->msgid_plural) {
      ++stats_->unmatched;
      Warn(place, unit,
           place.id.empty() ? FormatUi("no entry of {} has this source text", po_path_)
                            : FormatUi("no entry of {} has the id '{}' or this source text",
                                       po_path_, place.id));
      return true;
    }
    size_t index = static_cast<size_t>(entry - po_.messages.data());
    const std::string& target = matched.target;
    bool source_changed = matched.source != entry->msgid;
    {
      // ReadXliff checked the target against the unit's own source; the
      // entry's msgid is what merge will hold it to.
      bool refused = false;
      for (const MarkupIssue& issue : CheckMarkup(entry->msgid, target)) {
        if (!issue.blocks_merge) continue;
        auto [line, column] = Where(place, unit);
        sink_->Report(
            {Severity::kError, xliff_path_, line, column,
             FormatUi("{} (against the source of {}:{})", issue.message, po_path_, entry->line),
             false, CheckName(issue.check)});
        refused = true;
      }
      if (refused) return false;
    }
    bool fuzzy = unit.fuzzy() || source_changed;
    if (changed_[index]) {
      ++stats_->conflicts;
      Warn(place, unit,
           FormatUi("another unit of this file gave {}:{} its translation already: skipped",
                    po_path_, entry->line));
      return true;
    }
    if (target == entry->msgstr[0]) {
      if (fuzzy == entry->fuzzy()) return true;
    } else if (entry->translated() && !entry->fuzzy() && !options_.overwrite) {
      ++stats_->conflicts;
      Warn(place, unit,
           FormatUi("the translation differs from that of {}:{}, which is kept "
                    "(--overwrite replaces it)",
                    po_path_, entry->line));
      return true;
    }
    entry->msgstr[0] = target;
    entry->SetFlag("fuzzy", fuzzy);
    if (fuzzy) {
      // As msgmerge: the source the translation was made for.
      if (source_changed && !entry->prev_msgid) entry->prev_msgid = matched.source;
      ++stats_->fuzzy;
    } else {
      entry->prev_msgctxt.reset();
      entry->prev_msgid.reset();
      entry->prev_msgid_plural.reset();
      ++stats_->updated;
    }
    changed_[index] = true;
    return true;
  }

  std::string_view xliff_text_;
  const std::string& xliff_path_;
  const std::string& po_path_;
  const XliffImportOptions& options_;
  XliffImportStats* stats_;
  DiagnosticSink* sink_;
  XmlLocator locator_;
  pugi::xml_document doc_;
  Catalog po_, units_;
  std::vector<UnitPlace> places_;  // of units_.messages[1...], or empty
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, int> msgid_count_;
  static constexpr size_t kAmbiguous = static_cast<size_t>(-1);
  std::unordered_map<std::string, size_t> by_shape_;  // entry, or kAmbiguous
  std::vector<bool> changed_;
};

}  // namespace

void XliffLanguages(std::string_view xliff_text, std::string* source, std::string* target) {
  source->clear();
  target->clear();
  pugi::xml_document doc;
  if (!doc.load_buffer(xliff_text.data(), xliff_text.size(), pugi::parse_default,
                       pugi::encoding_utf8)) {
    return;
  }
  pugi::xml_node root = doc.document_element();
  pugi::xml_node file = Child(root, "file");
  *source = Attribute(root, "srcLang").value();
  if (source->empty()) *source = Attribute(file, "source-language").value();
  *target = Attribute(root, "trgLang").value();
  if (target->empty()) *target = Attribute(file, "target-language").value();
}

bool ImportXliff(std::string_view xliff_text, const std::string& xliff_path,
                 std::string_view po_text, const std::string& po_path,
                 const XliffImportOptions& options, std::string* out, XliffImportStats* stats,
                 DiagnosticSink* sink) {
  XliffImportStats counted;
  Importer importer(xliff_text, xliff_path, po_path, options, &counted, sink);
  if (!importer.Read(po_text) || !importer.Run()) return false;
  *out = importer.Write(po_text);
  *stats = counted;
  return true;
}

}  // namespace l10n
