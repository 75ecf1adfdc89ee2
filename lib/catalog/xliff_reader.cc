// The XLIFF reader (xliff.h): XLIFF 1.2, 2.0 or 2.1, ours or another
// tool's, into a catalog, every problem reported as path:line:col.
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "base/input_limits.h"
#include "base/ui_text.h"
#include "base/utf8.h"
#include "catalog/xliff.h"
#include "catalog/xliff_extensions.h"
#include "catalog/xliff_inline.h"
#include "catalog/xliff_xml.h"
#include "unit/markup_check.h"

namespace l10n {

namespace {

class XliffReader {
 public:
  XliffReader(std::string_view text, const std::string& path, Catalog* catalog,
              DiagnosticSink* sink)
      : text_(text),
        path_(path),
        catalog_(catalog),
        sink_(sink),
        locator_(text),
        inline_([this](const pugi::xml_node& at, std::string message, const char* check) {
          ErrorAt(Offset(at), std::move(message), check);
        }) {}

  bool Run() {
    catalog_->messages.clear();
    catalog_->style = PoStyle();
    if (std::optional<size_t> bad = FindInvalidUtf8(text_)) {
      ErrorAt(*bad,
              FormatUi("invalid UTF-8 byte '\\x{:02x}'",
                       static_cast<int>(static_cast<unsigned char>(text_[*bad]))),
              "encoding");
      return false;
    }
    if (auto bad = BadCharacterReference(text_)) {
      ErrorAt(bad->first, std::move(bad->second), "syntax");
      return false;
    }
    // No DTD: it may declare entities (billion laughs, external files).
    pugi::xml_parse_result parsed = doc_.load_buffer(
        text_.data(), text_.size(),
        pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype | pugi::parse_pi,
        pugi::encoding_utf8);
    if (!parsed) {
      ErrorAt(static_cast<size_t>(parsed.offset),
              FormatUi("malformed XML: {}", parsed.description()), "syntax");
      return false;
    }
    for (pugi::xml_node n : doc_.children()) {
      if (n.type() == pugi::node_doctype) {
        size_t at = text_.rfind("<!", Offset(n));
        ErrorAt(at == std::string_view::npos ? Offset(n) : at,
                _("a DTD or entity declaration is not allowed in XLIFF"), "unsafe");
        return false;
      }
    }
    // The reading recurses into groups and inline codes: no deeper than
    // the tools read HTML (lib/input_limits.h).
    if (std::optional<size_t> deep = locator_.FirstTooDeep(doc_, kMaxNesting)) {
      ErrorAt(*deep, FormatUi("elements nested more than {} deep", kMaxNesting), "syntax");
      return false;
    }
    pugi::xml_node root = doc_.document_element();
    if (LocalName(root) != "xliff") {
      ErrorAt(Offset(root), FormatUi("the root element is <{}>, not <xliff>", root.name()),
              "syntax");
      return false;
    }
    std::string version = Attribute(root, "version").value();
    if (!ParseXliffVersion(version, &version_)) {
      ErrorAt(Offset(root), FormatUi("unknown XLIFF version '{}' (1.2, 2.0 or 2.1)", version),
              "syntax");
      return false;
    }
    inline_.SetVersion(version_);
    // An XLIFF namespace must be the version's (2.1 keeps 2.0's): a 1.2
    // document in the 2.0 namespace is neither, and no schema covers it.
    std::string_view name = root.name();
    size_t colon = name.find(':');
    std::string xmlns = colon == std::string_view::npos
                            ? std::string("xmlns")
                            : "xmlns:" + std::string(name.substr(0, colon));
    std::string_view ns = root.attribute(xmlns.c_str()).value();
    constexpr std::string_view kNamespace = "urn:oasis:names:tc:xliff:document:";
    if (ns.substr(0, kNamespace.size()) == kNamespace &&
        ns.substr(kNamespace.size()) != XliffVersionName(version_)) {
      ErrorAt(Offset(root), FormatUi("the namespace '{}' is not that of XLIFF {}", ns, version),
              "syntax");
      return false;
    }
    if (version_ == XliffVersion::k20) {
      source_lang_ = Attribute(root, "srcLang").value();
      target_lang_ = Attribute(root, "trgLang").value();
    }
    std::vector<pugi::xml_node> files = Children(root, "file");
    if (files.empty()) {
      ErrorAt(Offset(root), _("the XLIFF document has no <file>"), "syntax");
      return false;
    }
    for (pugi::xml_node file : files) File(file);
    DistinctKeys();
    if (!header_) {
      // Located at the root, as l10n-check's findings about it are.
      Message header = SynthesizedHeader();
      header.line = locator_.LineColumnAt(Offset(root)).first;
      catalog_->messages.insert(catalog_->messages.begin(), std::move(header));
    }
    return ok_;
  }

 private:
  size_t Offset(const pugi::xml_node& n) const { return locator_.Offset(n); }

  void ErrorAt(size_t offset, std::string message, const char* check) {
    auto [line, column] = locator_.LineColumnAt(offset);
    sink_->Report({Severity::kError, path_, line, column, std::move(message), false, check});
    ok_ = false;
  }

  void File(const pugi::xml_node& file) {
    // Ids are unique within a <file> (1.2 2.5.2, 2.0 4.3.1.25), not the
    // document: several files may each have a unit "1".
    ids_.clear();
    ++file_count_;
    file_key_ = Attribute(file, "original").value();
    if (file_key_.empty()) file_key_ = Attribute(file, "id").value();
    if (file_key_.empty()) file_key_ = "file" + std::to_string(file_count_);
    if (version_ == XliffVersion::k12) {
      if (source_lang_.empty()) source_lang_ = Attribute(file, "source-language").value();
      if (target_lang_.empty()) target_lang_ = Attribute(file, "target-language").value();
      HeaderNotes(Child(file, "header"));
      pugi::xml_node body = Child(file, "body");
      if (!body) {
        ErrorAt(Offset(file), _("<file> without <body>"), "syntax");
        return;
      }
      Container(body, false);
    } else {
      HeaderNotes(Child(file, "notes"));
      Container(file, false);
    }
  }

  void HeaderNotes(const pugi::xml_node& parent) {
    if (!parent) return;
    for (pugi::xml_node note : Children(parent, "note")) {
      std::string kind =
          Attribute(note, version_ == XliffVersion::k20 ? "category" : "from").value();
      if (kind != "po-header" && kind != "po-header-comments" && kind != "po-header-flags") {
        continue;
      }
      if (!header_) {
        Message header;
        header.line = locator_.LineColumnAt(Offset(note)).first;
        catalog_->messages.insert(catalog_->messages.begin(), std::move(header));
        header_ = true;
      }
      Message& header = catalog_->messages.front();
      std::string text = TextOf(note);
      if (kind == "po-header") {
        header.msgstr = {text};
      } else if (kind == "po-header-comments") {
        header.translator_comments = Lines(text, '\n');
      } else {
        header.flags = Lines(text, ',');
      }
    }
  }

  Message SynthesizedHeader() const {
    Message header;
    std::string text;
    if (!target_lang_.empty()) text += "Language: " + target_lang_ + "\n";
    // The file says nothing of plurals: gettext's rule for the language.
    std::string_view plural_forms = GettextPluralForms(target_lang_).value_or(kDefaultPluralForms);
    text +=
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\nPlural-Forms: ";
    text += plural_forms;
    text += "\n";
    if (!source_lang_.empty()) text += "X-Source-Language: " + source_lang_ + "\n";
    header.msgstr = {text};
    return header;
  }

  // <body>, <file> (2.0) or <group>: units and groups, in order.
  void Container(const pugi::xml_node& node, bool obsolete) {
    bool v2 = version_ == XliffVersion::k20;
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = LocalName(c);
      // translate="no" (1.2 2.5.3, 2.0 4.3.1.36): text not to translate,
      // which another tool keeps beside what is; no entry of a catalog.
      // Our group of obsolete entries says so too, and they are read.
      bool translate = Attribute(c, "translate").value() != std::string_view("no");
      if (name == "group") {
        bool obsolete_group = v2 ? Attribute(c, "type").value() == kObsoleteType
                                 : Attribute(c, "restype").value() == kObsoleteRestype;
        if (translate || obsolete_group) Container(c, obsolete || obsolete_group);
      } else if (name == (v2 ? "unit" : "trans-unit")) {
        if (translate || obsolete) Unit(c, obsolete);
      }
    }
  }

  void Unit(const pugi::xml_node& unit, bool obsolete) {
    bool v2 = version_ == XliffVersion::k20;
    Message m;
    m.obsolete = obsolete;
    m.line = locator_.LineColumnAt(Offset(unit)).first;
    std::string id = Attribute(unit, "id").value();
    if (id.empty()) {
      ErrorAt(Offset(unit), FormatUi("<{}> without an id", unit.name()), "syntax");
      return;
    }
    if (!ids_.insert(id).second) {
      ErrorAt(Offset(unit), FormatUi("duplicate id '{}'", id), "duplicate");
      return;
    }
    if (pugi::xml_attribute name = Attribute(unit, v2 ? "name" : "resname")) {
      m.msgctxt = name.value();
    }
    bool raw = v2 ? Attribute(unit, "type").value() == kRawType
                  : Attribute(unit, "datatype").value() == std::string_view("plaintext");
    // 2.0: the <segment>s and <ignorable>s of the unit, in order, are one
    // entry: their sources joined are the msgid, their targets the msgstr
    // (an <ignorable> without a target stands for itself).
    std::vector<pugi::xml_node> parts;
    if (v2) {
      for (pugi::xml_node c : unit.children()) {
        if (c.type() == pugi::node_element &&
            (LocalName(c) == "segment" || LocalName(c) == "ignorable")) {
          parts.push_back(c);
        }
      }
      if (Children(unit, "segment").empty()) {
        ErrorAt(Offset(unit), FormatUi("<{}> without <segment>", unit.name()), "syntax");
        return;
      }
    } else {
      parts.push_back(unit);
    }
    std::vector<pugi::xml_node> sources, targets;
    pugi::xml_node target;   // the first, where errors about the translation go
    pugi::xml_node segment;  // 2.0: the least advanced segment, for the state
    int segments = 0, translated = 0, least = 99;
    // 2.0 segment states in their order (4.4.2.2); others count as initial.
    auto rank = [](std::string_view state) {
      return state == "translated" ? 1 : state == "reviewed" ? 2 : state == "final" ? 3 : 0;
    };
    for (const pugi::xml_node& part : parts) {
      pugi::xml_node source = Child(part, "source");
      if (!source) {
        ErrorAt(Offset(part), FormatUi("<{}> without <source>", unit.name()), "syntax");
        return;
      }
      sources.push_back(source);
      pugi::xml_node part_target = Child(part, "target");
      bool is_segment = part == unit || LocalName(part) == "segment";
      if (is_segment) {
        ++segments;
        if (part_target) ++translated;
        int r = rank(Attribute(part, "state").value());
        if (!segment || r < least) {
          segment = part;
          least = r;
        }
      }
      if (part_target && !target) target = part_target;
      targets.push_back(part_target ? part_target : source);
    }
    if (!inline_.ReadText(sources, raw, "source", &m.msgid)) return;
    std::string translation;
    if (translated > 0 && !inline_.ReadText(targets, raw, "target", &translation)) return;
    m.msgstr = {translation};

    // 2.0 says a segment without a state is "initial"; 1.2 has no default.
    // Some segments without a target: a draft.
    std::string state = Attribute(v2 ? segment : target, "state").value();
    if (v2 && (state.empty() || translated < segments)) state = "initial";
    std::string sub_state = v2 ? Attribute(segment, "subState").value() : "";
    if (translated < segments) sub_state.clear();
    ApplyXliffState(state, sub_state, &m);

    if (v2) {
      for (pugi::xml_node note : Children(Child(unit, "notes"), "note")) {
        Note(Attribute(note, "category").value(), TextOf(note), &m);
      }
    } else if (!Extras12(unit, &m)) {
      return;
    }

    // A translation whose codes differ from the source's: the rules of
    // l10n-check and l10n-merge, reported where the target is. A plain-text
    // unit is what the writer makes of a translation they refuse: it reads
    // back as it was, for the translator to mend, and l10n-check and
    // l10n-merge refuse it as they would in the PO file.
    if (!raw && !translation.empty()) {
      for (const MarkupIssue& issue : CheckMarkup(m.msgid, translation)) {
        if (!issue.blocks_merge) continue;
        ErrorAt(Offset(target), issue.message, CheckName(issue.check));
      }
    }
    units_.push_back({file_key_, id, Offset(unit)});
    catalog_->messages.push_back(std::move(m));
  }

  // What a 1.2 <trans-unit> says besides its text: references in
  // <context-group purpose="location">, notes, the previous source in
  // <alt-trans alttranstype="previous-version">. False after an error.
  bool Extras12(const pugi::xml_node& unit, Message* entry) {
    Message& m = *entry;
    for (pugi::xml_node group : Children(unit, "context-group")) {
      if (Attribute(group, "purpose").value() != std::string_view("location")) continue;
      std::string file, line;
      for (pugi::xml_node context : Children(group, "context")) {
        std::string_view type = Attribute(context, "context-type").value();
        if (type == "sourcefile") file = TextOf(context);
        if (type == "linenumber") line = TextOf(context);
      }
      // A reference has one line: Angular writes a range "10,12" (its
      // first line, then), and a line that is no number is left out.
      line = line.substr(0, line.find_first_not_of("0123456789"));
      if (!file.empty()) m.references.push_back(line.empty() ? file : file + ":" + line);
    }
    for (pugi::xml_node note : Children(unit, "note")) {
      Note(Attribute(note, "from").value(), TextOf(note), &m);
    }
    for (pugi::xml_node alt : Children(unit, "alt-trans")) {
      if (Attribute(alt, "alttranstype").value() != std::string_view("previous-version")) {
        continue;
      }
      if (pugi::xml_attribute context = Attribute(alt, "resname")) {
        m.prev_msgctxt = context.value();
      }
      if (Attribute(alt, "extype").value() != std::string_view("x-no-previous-msgid")) {
        bool previous_raw = Attribute(alt, "datatype").value() == std::string_view("plaintext");
        std::string previous;
        if (!inline_.Read(Child(alt, "source"), previous_raw, "source", &previous)) return false;
        m.prev_msgid = previous;
      }
    }
    return true;
  }

  // msgctxt and msgid are the key of a catalog entry. Units of other tools
  // are keyed by their ids, so two may hold the same text in the same
  // context (two files, or two ids in one): each of those then has its id as
  // msgctxt, after its file's original (or 2.0 id) and '#' when the document
  // has several files. Our own files never have such a pair, and read back
  // as they were written. A unit with an empty source and no name gets its
  // id as well: the empty msgid without a context is the header.
  void DistinctKeys() {
    using Key = std::tuple<bool, std::optional<std::string>, std::string>;
    auto key = [](const Message& m) { return Key(m.obsolete, m.msgctxt, m.msgid); };
    // The units, in order, after the header when one was read.
    size_t first = header_ ? 1 : 0;
    std::vector<Message>& messages = catalog_->messages;
    std::map<Key, int> count;
    for (size_t i = first; i < messages.size(); ++i) ++count[key(messages[i])];
    bool renamed = false;
    for (size_t i = first; i < messages.size(); ++i) {
      Message& m = messages[i];
      // The empty msgid without a context is the header's key.
      if (count[key(m)] < 2 && !m.is_header()) continue;
      const UnitSource& where = units_[i - first];
      m.msgctxt = (file_count_ > 1 ? where.file + "#" : "") + where.id;
      renamed = true;
    }
    if (!renamed) return;
    // Still the same key twice (two files with one original): an error.
    std::map<Key, int> seen;
    for (size_t i = first; i < messages.size(); ++i) {
      if (++seen[key(messages[i])] != 2) continue;
      const UnitSource& where = units_[i - first];
      ErrorAt(where.offset,
              FormatUi("the entry \"{}\" is in this XLIFF file twice, with the id '{}'",
                       Utf8Excerpt(messages[i].msgid, 16), where.id),
              "duplicate");
    }
  }

  void Note(const std::string& kind, const std::string& text, Message* m) {
    if (kind == "location") {
      m->references.push_back(text);
    } else if (kind == "developer") {
      for (std::string& l : Lines(text, '\n')) m->extracted_comments.push_back(std::move(l));
    } else if (kind == "po-flags") {
      for (std::string& f : Lines(text, ',')) {
        if (!f.empty()) m->SetFlag(f, true);
      }
    } else if (kind == "previous-source") {
      m->prev_msgid = text;
    } else if (kind == "previous-context") {
      m->prev_msgctxt = text;
    } else {
      // "translator", and the notes CAT tools add.
      for (std::string& l : Lines(text, '\n')) m->translator_comments.push_back(std::move(l));
    }
  }

  std::string_view text_;
  const std::string& path_;
  Catalog* catalog_;
  DiagnosticSink* sink_;
  pugi::xml_document doc_;
  XliffVersion version_ = XliffVersion::k12;
  std::string source_lang_, target_lang_;
  bool header_ = false;
  bool ok_ = true;
  std::set<std::string> ids_;  // of the current <file>
  std::string file_key_;       // its original (1.2), or original or id (2.0)
  int file_count_ = 0;
  struct UnitSource {
    std::string file, id;
    size_t offset;
  };
  std::vector<UnitSource> units_;  // for each entry but the header, in order
  XmlLocator locator_;
  InlineReader inline_;
};

}  // namespace

bool ReadXliff(std::string_view text, const std::string& path, Catalog* catalog,
               DiagnosticSink* sink) {
  return XliffReader(text, path, catalog, sink).Run();
}

}  // namespace l10n
