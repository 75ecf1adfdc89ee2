#include "catalog/po_writer.h"

#include <algorithm>
#include <climits>
#include <memory>

#include "base/charset.h"
#include "catalog/po_flags.h"
#include "catalog/po_references.h"
#include "catalog/po_wrap.h"

namespace l10n {

namespace {

// The charset the header declares, "" without one.
std::string_view DeclaredCharset(const Message* header) {
  if (!header || header->msgstr.empty()) return {};
  return HeaderCharset(header->msgstr[0]).value_or(std::string_view());
}

class Writer {
 public:
  Writer(const Message* header, const PoStyle& style)
      : crlf_(style.crlf),
        page_width_(style.width <= 0 ? INT_MAX : std::max(style.width, 20)),
        strings_(DeclaredCharset(header), page_width_, !style.no_wrap) {
    if (!style.domain.empty()) {
      // As msgcat writes it: first, then a blank line.
      out_ += "domain \"";
      for (char c : style.domain) {
        if (c == '"' || c == '\\') out_ += '\\';
        out_ += c;
      }
      out_ += "\"\n";
      blank_line_ = true;
    }
  }

  // Active entries first, then obsolete ones, as gettext orders them.
  void Add(const Message& m) {
    if (!m.obsolete) {
      if (blank_line_) out_ += '\n';
      WriteMessage(m, false);
    } else if (!m.msgstr.empty() && !m.msgstr[0].empty()) {
      // gettext drops obsolete entries without a translation.
      if (blank_line_) out_ += '\n';
      WriteMessage(m, true);
    }
    blank_line_ = true;
  }

  // The text written since the last call.
  std::string Take() {
    std::string text;
    if (!crlf_) {
      text.swap(out_);
      return text;
    }
    text.reserve(out_.size() + out_.size() / 16);
    for (char c : out_) {
      if (c == '\n') text += '\r';
      text += c;
    }
    out_.clear();
    return text;
  }

  void Reserve(size_t bytes) { out_.reserve(bytes); }
  size_t buffered() const { return out_.size(); }
  void Continue() { blank_line_ = true; }

 private:
  void WriteMessage(const Message& m, bool obsolete) {
    for (const std::string& comment : m.translator_comments) {
      // One "#" line per line of the comment, as gettext splits them.
      size_t pos = 0;
      for (;;) {
        out_ += '#';
        if (pos < comment.size()) out_ += ' ';
        size_t end = comment.find('\n', pos);
        out_.append(comment, pos, end == std::string::npos ? std::string::npos : end - pos);
        out_ += '\n';
        if (end == std::string::npos) break;
        pos = end + 1;
      }
    }
    for (const std::string& comment : m.extracted_comments) {
      out_ += "#.";
      if (!comment.empty()) out_ += ' ';
      out_ += comment;
      out_ += '\n';
    }
    AppendPoReferences(m.references, page_width_, &out_);

    PoFlags flags = ParsePoFlags(m.flags);
    bool translated = !m.msgstr.empty() && !m.msgstr[0].empty();
    AppendPoFlagsLine(flags, obsolete ? flags.fuzzy : flags.fuzzy && translated, !obsolete, &out_);

    const int format = FirstPossibleFormat(flags);
    const bool do_wrap = flags.wrap >= 0;
    auto write = [&](std::string_view prefix, std::string_view name, std::string_view value) {
      strings_.Write(prefix, name, value, format, do_wrap, &out_);
    };
    std::string_view prev_prefix = obsolete ? "#~| " : "#| ";
    if (m.prev_msgctxt) write(prev_prefix, "msgctxt", *m.prev_msgctxt);
    if (m.prev_msgid) write(prev_prefix, "msgid", *m.prev_msgid);
    if (m.prev_msgid_plural) write(prev_prefix, "msgid_plural", *m.prev_msgid_plural);

    std::string_view prefix = obsolete ? "#~ " : "";
    if (m.msgctxt) write(prefix, "msgctxt", *m.msgctxt);
    write(prefix, "msgid", m.msgid);
    if (m.msgid_plural) {
      write(prefix, "msgid_plural", *m.msgid_plural);
      if (m.msgstr.empty()) write(prefix, "msgstr[0]", "");
      for (size_t i = 0; i < m.msgstr.size(); ++i) {
        write(prefix, "msgstr[" + std::to_string(i) + "]", m.msgstr[i]);
      }
    } else {
      write(prefix, "msgstr", m.msgstr.empty() ? std::string_view() : m.msgstr[0]);
    }
  }

  bool crlf_ = false;
  bool blank_line_ = false;  // an entry was written: the next one needs a blank line first
  int page_width_ = 79;
  PoStringWriter strings_;
  std::string out_;
};

}  // namespace

std::string WritePo(const Catalog& catalog) {
  Writer writer(catalog.FindHeader(), catalog.style);
  writer.Reserve(catalog.messages.size() * 96);
  for (const Message& m : catalog.messages) {
    if (!m.obsolete) writer.Add(m);
  }
  for (const Message& m : catalog.messages) {
    if (m.obsolete) writer.Add(m);
  }
  return writer.Take();
}

class PoWriter::Impl : public Writer {
 public:
  using Writer::Writer;
};

PoWriter::PoWriter(const Message* header, const PoStyle& style)
    : writer_(std::make_unique<Impl>(header, style)) {}

PoWriter::~PoWriter() = default;

void PoWriter::Add(const Message& m) { writer_->Add(m); }

std::string PoWriter::Take() { return writer_->Take(); }

size_t PoWriter::buffered() const { return writer_->buffered(); }

void PoWriter::Continue() { writer_->Continue(); }

}  // namespace l10n
