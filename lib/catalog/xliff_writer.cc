// The XLIFF writer (xliff.h): a catalog as XLIFF 1.2 or 2.0, valid against
// the OASIS schemas.
#include <algorithm>
#include <cstring>
#include <functional>
#include <set>
#include <vector>

#include "base/file_io.h"
#include "base/parallel.h"
#include "base/ui_text.h"
#include "catalog/xliff.h"
#include "catalog/xliff_extensions.h"
#include "catalog/xliff_inline.h"
#include "catalog/xliff_xml.h"
#include "unit/unit.h"

namespace l10n {

namespace {

class XliffWriter {
 public:
  // `flush`, when set, takes the text written so far now and then (and the
  // rest at the end), so that a large catalog is not held twice.
  XliffWriter(const Catalog& catalog, const XliffOptions& options,
              std::function<Status(std::string_view)> flush = nullptr)
      : catalog_(catalog), options_(options), flush_(std::move(flush)) {}

  Result<std::string> Write() {
    for (const Message& m : catalog_.messages) {
      if (m.msgid_plural) {
        return Status::Error(FormatUi(
            "plural entries cannot be written to XLIFF yet: \"{}\" (line {})", m.msgid, m.line));
      }
      Status status = CheckStrings(m);
      if (!status.ok()) {
        return Status::Error(
            FormatUi("{} (the entry \"{}\", line {})", status.message(), m.msgid, m.line));
      }
    }
    std::string source = options_.source_lang;
    std::string target = options_.target_lang;
    if (source.empty()) source = catalog_.HeaderField("X-Source-Language").value_or("en");
    if (target.empty()) target = catalog_.HeaderField("Language").value_or("");
    if (source.empty()) source = "en";
    bool v2 = options_.version == XliffVersion::k20;
    out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (v2) {
      out_ += "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"" +
              XmlAttr("srcLang", source) + (target.empty() ? "" : XmlAttr("trgLang", target)) +
              ">\n";
      out_ += "  <file id=\"f1\"" + XmlAttr("original", options_.original) + ">\n";
      WriteHeaderNotes("    ");
    } else {
      out_ += "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n";
      out_ += "  <file" + XmlAttr("original", options_.original) +
              XmlAttr("source-language", source) +
              (target.empty() ? "" : XmlAttr("target-language", target)) + " datatype=\"html\">\n";
      WriteHeaderNotes("    ");
      out_ += "    <body>\n";
    }
    std::string indent = v2 ? "    " : "      ";
    bool any = false;
    // Ids first, in file order (a collision gets a suffix); then the units,
    // in batches formatted half on each of two threads.
    std::vector<const Message*> active;
    std::vector<std::string> ids;
    for (const Message& m : catalog_.messages) {
      if (m.is_header() || m.obsolete) continue;
      active.push_back(&m);
      ids.push_back(Id(m));
    }
    any = !active.empty();
    // Streamed (flush_), a batch is what is held before it is handed on.
    const size_t kBatch = flush_ ? 128 : 1024;
    XliffWriter helper(catalog_, options_);
    for (size_t begin = 0; begin < active.size(); begin += kBatch) {
      size_t end = std::min(begin + kBatch, active.size());
      size_t middle = end - begin >= 64 ? begin + (end - begin) / 2 : end;
      helper.out_.clear();
      ParallelFor(middle < end ? 2 : 1, [&](size_t half) {
        if (half == 0) {
          for (size_t i = begin; i < middle; ++i) WriteUnit(*active[i], ids[i], indent);
        } else {
          for (size_t i = middle; i < end; ++i) helper.WriteUnit(*active[i], ids[i], indent);
        }
      });
      out_ += helper.out_;
      if (flush_ && out_.size() >= (256u << 10)) {
        Status status = flush_(out_);
        if (!status.ok()) return status;
        out_.clear();
      }
    }
    bool obsolete = std::any_of(catalog_.messages.begin(), catalog_.messages.end(),
                                [](const Message& m) { return m.obsolete; });
    if (obsolete || (v2 && !any)) {
      // 2.0 needs a unit or group in every file: an empty catalog gets the
      // (empty) group of obsolete entries.
      out_ += indent + (v2 ? "<group id=\"obsolete\" type=\"l10n:obsolete\" translate=\"no\">\n"
                           : "<group id=\"obsolete\" restype=\"x-gettext-obsolete\" "
                             "translate=\"no\">\n");
      for (const Message& m : catalog_.messages) {
        if (m.obsolete) WriteUnit(m, Id(m), indent + "  ");
      }
      out_ += indent + "</group>\n";
    }
    out_ += v2 ? "  </file>\n</xliff>\n" : "    </body>\n  </file>\n</xliff>\n";
    if (flush_) {
      Status status = flush_(out_);
      if (!status.ok()) return status;
      out_.clear();
    }
    return std::move(out_);
  }

 private:
  // CheckXmlText of every string of the entry, in order: the first error.
  static Status CheckStrings(const Message& m) {
    Status status = CheckXmlText(m.msgid);
    if (status.ok() && m.msgctxt) status = CheckXmlText(*m.msgctxt);
    for (const std::string& s : m.msgstr) {
      if (status.ok()) status = CheckXmlText(s);
    }
    for (const auto& list :
         {&m.translator_comments, &m.extracted_comments, &m.references, &m.flags}) {
      for (const std::string& s : *list) {
        if (status.ok()) status = CheckXmlText(s);
      }
    }
    if (status.ok() && m.prev_msgid) status = CheckXmlText(*m.prev_msgid);
    if (status.ok() && m.prev_msgctxt) status = CheckXmlText(*m.prev_msgctxt);
    return status;
  }

  static std::string Join(const std::vector<std::string>& lines, std::string_view separator) {
    std::string out;
    for (const std::string& l : lines) {
      if (!out.empty()) out += separator;
      out += l;
    }
    return out;
  }

  void Note(std::string_view indent, std::string_view kind, std::string_view text) {
    bool v2 = options_.version == XliffVersion::k20;
    out_ += indent;
    out_ += "<note";
    AppendXmlAttr(v2 ? "category" : "from", kind, &out_);
    out_ += '>';
    AppendXmlText(text, &out_);
    out_ += "</note>\n";
  }

  void WriteHeaderNotes(const std::string& indent) {
    const Message* header = catalog_.FindHeader();
    if (!header) return;
    bool v2 = options_.version == XliffVersion::k20;
    std::string inner = indent + "  ";
    out_ += indent + (v2 ? "<notes>\n" : "<header>\n");
    Note(inner, "po-header", header->msgstr[0]);
    if (!header->translator_comments.empty()) {
      Note(inner, "po-header-comments", Join(header->translator_comments, "\n"));
    }
    if (!header->flags.empty()) Note(inner, "po-header-flags", Join(header->flags, ", "));
    out_ += indent + (v2 ? "</notes>\n" : "</header>\n");
  }

  // The id: derived from msgctxt and msgid, as the posts' units are; made
  // unique within the file should two entries collide.
  std::string Id(const Message& m) {
    std::string id = (m.obsolete ? "obsolete-" : "") + UnitId(m.msgctxt, m.msgid);
    std::string unique = id;
    for (int n = 2; !ids_.insert(unique).second; ++n) unique = id + "-" + std::to_string(n);
    return unique;
  }

  // Whitespace an XML tool could normalize: at either end, a line break or
  // tab, or two spaces in a row.
  static bool WhitespaceMatters(std::string_view s) {
    if (s.empty()) return false;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    if (space(s.front()) || space(s.back())) return true;
    for (char c : {'\n', '\t', '\r'}) {
      if (std::memchr(s.data(), c, s.size())) return true;
    }
    return s.find("  ") != std::string_view::npos;
  }

  // One <trans-unit> (1.2) or <unit> (2.0) for the entry.
  void WriteUnit(const Message& m, const std::string& id, const std::string& indent) {
    bool v2 = options_.version == XliffVersion::k20;
    const std::string& target = m.msgstr[0];
    bool raw = !Codable(m.msgid, m.msgid) || (!target.empty() && !Codable(target, m.msgid));
    bool preserve = WhitespaceMatters(m.msgid) || WhitespaceMatters(target) ||
                    (m.prev_msgid && WhitespaceMatters(*m.prev_msgid));
    std::string in = indent + "  ";
    std::vector<std::string> other_flags;
    for (const std::string& f : m.flags) {
      if (f != "fuzzy") other_flags.push_back(f);
    }
    std::string_view state_flag = KeptState(m);
    std::vector<std::string> comments;
    for (const std::string& c : m.translator_comments) {
      if (!IsStateComment(c)) comments.push_back(c);
    }

    out_ += indent;
    out_ += v2 ? "<unit" : "<trans-unit";
    AppendXmlAttr("id", id, &out_);
    if (m.msgctxt) AppendXmlAttr(v2 ? "name" : "resname", *m.msgctxt, &out_);
    if (preserve) out_ += " xml:space=\"preserve\"";
    if (raw) {
      if (v2) {
        AppendXmlAttr("type", kRawType, &out_);
      } else {
        out_ += " datatype=\"plaintext\"";
      }
    }
    out_ += ">\n";
    if (v2) {
      WriteUnit20(m, raw, state_flag, other_flags, comments, in);
      out_ += indent;
      out_ += "</unit>\n";
    } else {
      WriteUnit12(m, raw, state_flag, other_flags, comments, in);
      out_ += indent;
      out_ += "</trans-unit>\n";
    }
  }

  // 2.0: <notes>, <originalData>, one <segment>.
  // `raw`: plain text, not inline codes; `state_flag`: KeptState(m); the
  // flags but fuzzy and the translator comments but the state's.
  void WriteUnit20(const Message& m, bool raw, std::string_view state_flag,
                   const std::vector<std::string>& other_flags,
                   const std::vector<std::string>& comments, const std::string& in) {
    const std::string& target = m.msgstr[0];
    bool notes = !m.references.empty() || !m.extracted_comments.empty() || !comments.empty() ||
                 !other_flags.empty() || m.prev_msgid || m.prev_msgctxt;
    if (notes) {
      const std::string inner = in + "  ";
      out_ += in;
      out_ += "<notes>\n";
      for (const std::string& r : m.references) Note(inner, "location", r);
      if (!m.extracted_comments.empty()) {
        Note(inner, "developer", Join(m.extracted_comments, "\n"));
      }
      if (!comments.empty()) Note(inner, "translator", Join(comments, "\n"));
      if (!other_flags.empty()) Note(inner, "po-flags", Join(other_flags, ", "));
      if (m.prev_msgctxt) Note(inner, "previous-context", *m.prev_msgctxt);
      if (m.prev_msgid) Note(inner, "previous-source", *m.prev_msgid);
      out_ += in;
      out_ += "</notes>\n";
    }
    if (!raw) AppendOriginalData(in, m.msgid, target, &out_);
    out_ += in;
    out_ += "<segment";
    if (target.empty()) {
      out_ += " state=\"initial\"";
    } else if (m.fuzzy()) {
      out_ += " state=\"initial\"";
      AppendXmlAttr("subState", kFuzzySubState, &out_);
    } else if (state_flag == "signed-off") {
      out_ += " state=\"final\"";
      AppendXmlAttr("subState", kSignedOffSubState, &out_);
    } else {
      AppendXmlAttr("state", state_flag.empty() ? "translated" : state_flag, &out_);
    }
    out_ += ">\n";
    out_ += in;
    out_ += "  <source>";
    AppendInline(m.msgid, raw, options_.version, &out_);
    out_ += "</source>\n";
    if (!target.empty()) {
      out_ += in;
      out_ += "  <target>";
      AppendInline(target, raw, options_.version, &out_);
      out_ += "</target>\n";
    }
    out_ += in;
    out_ += "</segment>\n";
  }

  // 1.2: <source>, <target>, <context-group>s, <note>s, <alt-trans>; the
  // same arguments.
  void WriteUnit12(const Message& m, bool raw, std::string_view state_flag,
                   const std::vector<std::string>& other_flags,
                   const std::vector<std::string>& comments, const std::string& in) {
    const std::string& target = m.msgstr[0];
    out_ += in;
    out_ += "<source>";
    AppendInline(m.msgid, raw, options_.version, &out_);
    out_ += "</source>\n";
    // 1.2 has no "reviewed": an extension value says it.
    std::string kept = state_flag == "reviewed" ? "x-reviewed" : std::string(state_flag);
    std::string_view state = target.empty()  ? "new"
                             : m.fuzzy()     ? "needs-review-translation"
                             : !kept.empty() ? std::string_view(kept)
                                             : "translated";
    // An empty target as Poedit (pugixml) writes it.
    out_ += in;
    out_ += "<target";
    AppendXmlAttr("state", state, &out_);
    if (target.empty()) {
      out_ += "/>\n";
    } else {
      out_ += '>';
      AppendInline(target, raw, options_.version, &out_);
      out_ += "</target>\n";
    }
    for (const std::string& ref : m.references) {
      std::string_view r = ref;
      // "path:12": the digits after the last ':', if all are.
      size_t colon = r.size();
      while (colon > 0 && r[colon - 1] >= '0' && r[colon - 1] <= '9') --colon;
      bool line = colon > 0 && colon < r.size() && r[colon - 1] == ':';
      if (line) --colon;
      out_ += in;
      out_ += "<context-group purpose=\"location\">\n";
      out_ += in;
      out_ += "  <context context-type=\"sourcefile\">";
      AppendXmlText(line ? r.substr(0, colon) : r, &out_);
      out_ += "</context>\n";
      if (line) {
        out_ += in;
        out_ += "  <context context-type=\"linenumber\">";
        out_ += r.substr(colon + 1);
        out_ += "</context>\n";
      }
      out_ += in;
      out_ += "</context-group>\n";
    }
    if (!m.extracted_comments.empty()) Note(in, "developer", Join(m.extracted_comments, "\n"));
    if (!comments.empty()) Note(in, "translator", Join(comments, "\n"));
    if (!other_flags.empty()) Note(in, "po-flags", Join(other_flags, ", "));
    if (m.prev_msgid || m.prev_msgctxt) {
      std::string previous = m.prev_msgid.value_or(m.msgid);
      bool previous_raw = !Codable(previous, previous);
      out_ += in + "<alt-trans alttranstype=\"previous-version\"";
      if (m.prev_msgctxt) out_ += XmlAttr("resname", *m.prev_msgctxt);
      if (previous_raw) out_ += " datatype=\"plaintext\"";
      if (!m.prev_msgid) out_ += " extype=\"x-no-previous-msgid\"";
      out_ += ">\n" + in + "  <source>";
      AppendInline(previous, previous_raw, options_.version, &out_);
      out_ += "</source>\n" + in + "  <target>";
      AppendInline(target, raw, options_.version, &out_);
      out_ += "</target>\n" + in + "</alt-trans>\n";
    }
  }

  const Catalog& catalog_;
  const XliffOptions& options_;
  std::function<Status(std::string_view)> flush_;
  std::set<std::string> ids_;
  std::string out_;
};

}  // namespace

bool ParseXliffVersion(std::string_view text, XliffVersion* version) {
  if (text == "1.2") {
    *version = XliffVersion::k12;
    return true;
  }
  if (text == "2.0" || text == "2.1") {
    *version = XliffVersion::k20;
    return true;
  }
  return false;
}

const char* XliffVersionName(XliffVersion version) {
  return version == XliffVersion::k12 ? "1.2" : "2.0";
}

Result<std::string> WriteXliff(const Catalog& catalog, const XliffOptions& options) {
  return XliffWriter(catalog, options).Write();
}

Status WriteXliffPieces(const Catalog& catalog, const XliffOptions& options,
                        const std::function<Status(std::string_view)>& out) {
  Result<std::string> written = XliffWriter(catalog, options, out).Write();
  return written.ok() ? Status::Ok() : written.status();
}

Status WriteXliffFile(const Catalog& catalog, const XliffOptions& options,
                      const std::string& path) {
  AtomicFile file(path);
  Status status = file.Open();
  if (!status.ok()) return status;
  status = WriteXliffPieces(catalog, options,
                            [&file](std::string_view text) { return file.Append(text); });
  if (!status.ok()) return status;
  return file.Commit();
}

}  // namespace l10n
