#include "catalog/po_reader.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/charset.h"
#include "catalog/po_flags.h"
#include "catalog/po_input_text.h"
#include "catalog/po_references.h"
#include "catalog/po_syntax.h"
#include "catalog/po_line_break.h"
#include "catalog/po_wrap_detect.h"
#include "base/ui_text.h"
#include "base/utf8.h"

namespace l10n {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
bool IsIdent(char c) { return IsIdentStart(c) || IsDigit(c); }


enum class Field {
  kNone,
  kPrevMsgctxt,
  kPrevMsgid,
  kPrevMsgidPlural,
  kMsgctxt,
  kMsgid,
  kMsgidPlural,
  kMsgstr,
  kDomain  // the string of a `domain` directive
};

bool IsPrevious(Field f) {
  return f == Field::kPrevMsgctxt || f == Field::kPrevMsgid || f == Field::kPrevMsgidPlural;
}

// Keeps the header of what it reads: the charset is read from it before the
// file itself.
class HeaderOnly : public PoEntrySink {
 public:
  void Add(Message&& m) override {
    if (m.is_header() && !header) header = std::move(m);
  }
  bool SameKey(size_t, size_t) const override { return false; }
  std::optional<Message> header;
};

class Reader {
 public:
  Reader(std::string_view text, const std::string& path)
      : text_(text), path_(path), input_(text, path), utf8_(text, path) {}
  void SetRaw() { raw_ = true; }

  bool Run(PoEntrySink* entries, PoStyle* style, DiagnosticSink* sink,
           const std::function<void(size_t)>& consumed) {
    entries_ = entries;
    if (!raw_) ReadAsCharset();
    wrap_ = PoWrapDetector(text_);
    utf8_ = Utf8LineChecker(text_, path_);
    size_t pos = 0;
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    *style = PoStyle();
    size_t first_newline = text_.find('\n');
    style->crlf = first_newline != std::string_view::npos && first_newline > 0 &&
                  text_[first_newline - 1] == '\r';
    size_t next_report = kConsumedStep;
    while (pos < text_.size()) {
      if (pos >= next_report) {
        // Whole lines behind us: checked, and not to be read again (but
        // for a few lines of wrapping evidence, early in most files).
        utf8_.CheckUpTo(pos);
        if (consumed && !input_.converted()) consumed(pos);
        next_report = pos + kConsumedStep;
      }
      size_t end = text_.find('\n', pos);
      if (end == std::string_view::npos) end = text_.size();
      ++line_;
      line_start_ = pos;
      size_t content_end = end;
      if (content_end > pos && text_[content_end - 1] == '\r') --content_end;
      ScanLine(pos, content_end);
      pos = end + 1;
    }
    // The end of the file is after its last line end, or at the end of an
    // unterminated last line.
    if (text_.empty() || text_.back() == '\n') {
      ++line_;
      line_start_ = text_.size();
    }
    eof_ = true;
    ApplyDomain();
    FinishEntry(text_.size());
    if (entries_domain_ && *entries_domain_ != "messages") style->domain = *entries_domain_;

    CheckDuplicates();
    utf8_.CheckUpTo(text_.size());
    const bool utf8 = CharsetIsUtf8();
    if (utf8) {
      for (Diagnostic& d : utf8_.errors()) groups_.push_back({std::move(d)});
      for (auto [line, column] : escaped_utf8_errors_) {
        ErrorAt(line, column,
                input_.converted()
                    ? FormatUi("escape sequences give bytes of charset '{}', not characters; "
                            "write the characters",
                          input_.charset().canonical)
                           : _("escape sequences make invalid UTF-8"));
        groups_.back().back().check = "encoding";
      }
    }
    wrap_.Detect(style, utf8);
    input_.MapColumnsBack(&groups_);
    for (std::vector<Diagnostic>& group : input_.errors()) groups_.push_back(std::move(group));
    for (std::vector<Diagnostic>& group : charset_errors_) groups_.push_back(std::move(group));

    std::stable_sort(groups_.begin(), groups_.end(),
                     [](const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
                       return std::pair(a[0].line, a[0].column) < std::pair(b[0].line, b[0].column);
                     });
    bool ok = true;
    for (std::vector<Diagnostic>& group : groups_) {
      for (Diagnostic& d : group) {
        if (d.severity == Severity::kError) ok = false;
        sink->Report(std::move(d));
      }
    }
    return ok;
  }

 private:
  // ---- Diagnostics -------------------------------------------------------

  int Column(size_t offset) const { return static_cast<int>(offset - line_start_) + 1; }

  void ErrorAt(int line, int column, std::string message) {
    groups_.push_back(
        {Diagnostic{Severity::kError, path_, line, column, std::move(message), false, "syntax"}});
  }
  void Error(size_t offset, std::string message) {
    ErrorAt(line_, Column(offset), std::move(message));
  }

  // ---- Lines and tokens --------------------------------------------------

  void ScanLine(size_t i, size_t end) {
    while (i < end && IsBlank(text_[i])) ++i;
    if (i == end) return;
    bool obsolete = false, previous = false;
    if (text_[i] == '#') {
      char next = i + 1 < end ? text_[i + 1] : '\0';
      if (next == '~') {
        obsolete = true;
        i += 2;
        if (i < end && text_[i] == '|') {
          previous = true;
          ++i;
        }
      } else if (next == '|') {
        previous = true;
        i += 2;
      } else {
        Comment(i, end);
        return;
      }
    }
    Tokens(i, end, obsolete, previous);
  }

  void Tokens(size_t i, size_t end, bool obsolete, bool previous) {
    for (;;) {
      while (i < end && IsBlank(text_[i])) ++i;
      if (i >= end) return;
      char c = text_[i];
      if (c == '"') {
        i = StringToken(i, end, obsolete, previous);
      } else if (IsIdentStart(c)) {
        i = KeywordToken(i, end, obsolete, previous);
      } else if (c == '#') {
        // "#~ #, fuzzy" and comments after tokens.
        Comment(i, end);
        return;
      } else {
        size_t len = Utf8SequenceLength(text_, i);
        Error(i, FormatUi("unexpected character '{}'", text_.substr(i, len ? len : 1)));
        return;
      }
    }
  }

  void Comment(size_t i, size_t end) {
    // text_[i] == '#'
    if (const void* nul = std::memchr(text_.data() + i, '\0', end - i)) {
      // As in strings: gettext would cut the comment there.
      Error(static_cast<size_t>(static_cast<const char*>(nul) - text_.data()),
            _("NUL byte in a comment"));
      groups_.back().back().check = "encoding";
    }
    wrap_.EndField();
    ApplyDomain();
    if (has_msgid_ || field_ == Field::kMsgctxt) {
      // A comment starts the next entry.
      FinishEntry(i);
    } else if (field_ != Field::kNone) {
      // Comments may follow "#|" lines.
      if (field_strings_ == 0) ExpectedStringBefore(i, NextToken(i));
      field_ = Field::kNone;
    }
    StartEntry();
    char kind = i + 1 < end ? text_[i + 1] : '\0';
    std::string_view rest = text_.substr(i + 1, end - i - 1);
    switch (kind) {
      case '.':
        rest.remove_prefix(1);
        if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
        cur_.extracted_comments.emplace_back(rest);
        break;
      case ':':
        ParsePoReferences(rest.substr(1), &cur_.references, &reference_open_);
        break;
      case ',':
      case '!':
        SplitPoFlags(rest.substr(1), &cur_.flags);
        break;
      default:
        if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
        cur_.translator_comments.emplace_back(rest);
        break;
    }
  }

  size_t KeywordToken(size_t i, size_t end, bool obsolete, bool previous) {
    size_t start = i;
    while (i < end && IsIdent(text_[i])) ++i;
    std::string_view word = text_.substr(start, i - start);
    int index = -1;
    if (word == "msgstr") {
      size_t j = i;
      while (j < end && IsBlank(text_[j])) ++j;
      if (j < end && text_[j] == '[') {
        ++j;
        while (j < end && IsBlank(text_[j])) ++j;
        size_t digits = j;
        long n = 0;
        while (j < end && IsDigit(text_[j]) && n < 1000000) n = n * 10 + (text_[j++] - '0');
        size_t digits_end = j;
        while (j < end && IsBlank(text_[j])) ++j;
        if (digits_end == digits || j >= end || text_[j] != ']') {
          Error(j, _("expected plural form index after 'msgstr['"));
          recovering_ = true;
          field_ = Field::kNone;
          return end;
        }
        index = static_cast<int>(n);
        i = j + 1;
      }
    }
    std::string spelled(word);
    if (index >= 0) {
      spelled += '[';
      spelled += std::to_string(index);
      spelled += ']';
    }

    Field field;
    if (word == "msgctxt") {
      field = previous ? Field::kPrevMsgctxt : Field::kMsgctxt;
    } else if (word == "msgid") {
      field = previous ? Field::kPrevMsgid : Field::kMsgid;
    } else if (word == "msgid_plural") {
      field = previous ? Field::kPrevMsgidPlural : Field::kMsgidPlural;
    } else if (word == "msgstr" && !previous) {
      field = Field::kMsgstr;
    } else if (word == "domain" && !previous && !obsolete) {
      Domain(start);
      return i;
    } else {
      if (word == "msgstr") {
        Error(start, _("unexpected 'msgstr' after '#|'"));
      } else if (field_ != Field::kNone && field_strings_ == 0) {
        ExpectedStringBefore(start, word);
      } else {
        // A keyword of a 10 MB line is quoted, not printed whole.
        std::string shown(word.substr(0, 32));
        if (shown.size() < word.size()) shown += "...";
        Error(start, FormatUi("unknown keyword '{}'", shown));
      }
      field_ = Field::kNone;
      recovering_ = true;
      return i;
    }
    Keyword(field, index, spelled, start, obsolete);
    return i;
  }

  // `got` is the token found instead, empty at the end of the file.
  void ExpectedStringBefore(size_t offset, std::string_view got) {
    if (got.empty()) {
      Error(offset, FormatUi("expected string after '{}' at end of file", keyword_));
    } else {
      Error(offset, FormatUi("expected string after '{}', got '{}'", keyword_, got));
    }
  }

  // `domain "name"`: the entries after it are that domain's (gettext's
  // default is "messages"). One catalog holds one domain.
  void Domain(size_t offset) {
    recovering_ = false;
    wrap_.EndField();
    if (field_ != Field::kNone && field_strings_ == 0) ExpectedStringBefore(offset, "domain");
    if (has_msgid_) FinishEntry(offset);
    ApplyDomain();
    field_ = Field::kDomain;
    field_strings_ = 0;
    keyword_ = "domain";
    keyword_line_ = line_;
    domain_value_.clear();
    pending_domain_line_ = line_;
    pending_domain_column_ = Column(offset);
  }

  // The directive's string is complete.
  void ApplyDomain() {
    // Without its string, it is reported where the next token is.
    if (field_ != Field::kDomain || field_strings_ == 0) return;
    field_ = Field::kNone;
    domain_ = domain_value_;
    domain_line_ = pending_domain_line_;
    domain_column_ = pending_domain_column_;
  }

  // Each entry is in the domain in force; a second one is not supported.
  void NoteDomain() {
    if (!entries_domain_) {
      entries_domain_ = domain_;
    } else if (*entries_domain_ != domain_ && !domain_reported_) {
      domain_reported_ = true;
      ErrorAt(domain_line_, domain_column_,
              FormatUi("entries of a second domain '{}' (the ones before are of '{}'): a catalog "
                    "holds one domain; split the file by domain",
                  domain_, *entries_domain_));
    }
  }

  void Keyword(Field field, int index, const std::string& spelled, size_t offset, bool obsolete) {
    recovering_ = false;
    wrap_.EndField();
    ApplyDomain();
    if (field_ != Field::kNone && field_strings_ == 0) ExpectedStringBefore(offset, spelled);

    // After a msgid, these start the next entry.
    bool starts_entry = IsPrevious(field) || field == Field::kMsgctxt || field == Field::kMsgid;
    if (starts_entry && has_msgid_) FinishEntry(offset);
    StartEntry();

    if (obsolete_ < 0) {
      obsolete_ = obsolete ? 1 : 0;
    } else if ((obsolete_ == 1) != obsolete) {
      InconsistentObsolete(offset);
    }

    switch (field) {
      case Field::kPrevMsgctxt:
        cur_.prev_msgctxt.emplace();
        break;
      case Field::kPrevMsgid:
        cur_.prev_msgid.emplace();
        break;
      case Field::kPrevMsgidPlural:
        cur_.prev_msgid_plural.emplace();
        break;
      case Field::kMsgctxt:
        if (cur_.msgctxt) Error(offset, _("duplicate 'msgctxt'"));
        cur_.msgctxt.emplace();
        if (first_keyword_line_ == 0) SetFirstKeyword(offset);
        break;
      case Field::kMsgid:
        has_msgid_ = true;
        msgid_line_ = line_;
        msgid_column_ = Column(offset);
        if (first_keyword_line_ == 0) SetFirstKeyword(offset);
        break;
      case Field::kMsgidPlural:
        if (!has_msgid_ || has_msgstr_) {
          Error(offset, _("unexpected 'msgid_plural'"));
        } else if (has_plural_) {
          Error(offset, _("duplicate 'msgid_plural'"));
        }
        has_plural_ = true;
        cur_.msgid_plural.emplace();
        break;
      case Field::kMsgstr:
        if (!has_msgid_) {
          Error(offset, _("msgstr without msgid"));
          if (first_keyword_line_ == 0) SetFirstKeyword(offset);
          has_msgid_ = true;
          bogus_ = true;  // dropped, not reported again
        } else if (index < 0 && has_plural_) {
          Error(offset, _("expected 'msgstr[0]' after 'msgid_plural', got 'msgstr'"));
        } else if (index >= 0 && !has_plural_) {
          Error(offset, FormatUi("'{}' without 'msgid_plural'", spelled));
        } else if (index < 0 && has_msgstr_) {
          Error(offset, _("duplicate 'msgstr'"));
        } else if (index >= 0 && index != msgstr_count_) {
          Error(offset, FormatUi("expected 'msgstr[{}]', got '{}'", msgstr_count_, spelled));
        }
        if (!has_msgstr_) cur_.msgstr.clear();
        has_msgstr_ = true;
        // A wrong index was reported; the forms stay in their order.
        msgstr_index_ = static_cast<size_t>(msgstr_count_++);
        cur_.msgstr.resize(msgstr_index_ + 1);
        break;
      case Field::kDomain:
      case Field::kNone:
        break;
    }
    field_ = field;
    field_strings_ = 0;
    keyword_ = spelled;
    keyword_line_ = line_;
  }

  // Once per entry.
  void InconsistentObsolete(size_t offset) {
    if (obsolete_reported_) return;
    obsolete_reported_ = true;
    Error(offset, _("inconsistent use of '#~'"));
  }

  void SetFirstKeyword(size_t offset) {
    first_keyword_line_ = line_;
    first_keyword_column_ = Column(offset);
  }

  std::string* Target() {
    switch (field_) {
      case Field::kPrevMsgctxt:
        return &*cur_.prev_msgctxt;
      case Field::kPrevMsgid:
        return &*cur_.prev_msgid;
      case Field::kPrevMsgidPlural:
        return &*cur_.prev_msgid_plural;
      case Field::kMsgctxt:
        return &*cur_.msgctxt;
      case Field::kMsgid:
        return &cur_.msgid;
      case Field::kMsgidPlural:
        return &*cur_.msgid_plural;
      case Field::kMsgstr:
        return &cur_.msgstr[msgstr_index_];
      case Field::kDomain:
        return &domain_value_;
      case Field::kNone:
        return nullptr;
    }
    return nullptr;
  }

  // Parses the string at text_[i] == '"', appending it to the current
  // field. Returns the offset after it.
  size_t StringToken(size_t i, size_t end, bool obsolete, bool previous) {
    std::string* target = Target();
    if (!target) {
      if (!recovering_) Error(i, _("unexpected string"));
      recovering_ = true;
      target = &scratch_;
    } else {
      if (IsPrevious(field_) != previous) {
        Error(i, _("inconsistent use of '#|'"));
      } else if (obsolete_ >= 0 && (obsolete_ == 1) != obsolete) {
        InconsistentObsolete(i);
      }
    }
    scratch_.clear();
    size_t before = target->size();
    size_t open = i++;
    bool closed = false;
    bool high_escape = false;  // an escape gave a byte >= 0x80
    for (;;) {
      // Copy plain bytes in bulk.
      size_t plain = i;
      while (i < end && text_[i] != '"' && text_[i] != '\\' && text_[i] != '\0') ++i;
      target->append(text_.data() + plain, i - plain);
      if (i >= end) break;
      if (text_[i] == '\0') {
        // gettext cannot hold a NUL in a string (C strings); nor can a page.
        Error(i, _("NUL byte in a string"));
        groups_.back().back().check = "encoding";
        ++i;
        continue;
      }
      if (text_[i] == '"') {
        ++i;
        closed = true;
        break;
      }
      // Escape sequence.
      size_t backslash = i++;
      if (i >= end) break;
      PoEscape escape = ReadPoEscape(text_, i, end);
      if (escape.valid) {
        *target += escape.byte;
        high_escape = high_escape || escape.high;
      } else {
        size_t len = Utf8SequenceLength(text_, i);
        Error(backslash, FormatUi("invalid escape sequence '{}'",
                             text_.substr(backslash, (len == 0 ? 1 : len) + 1)));
      }
      i = escape.end;
    }
    if (!closed) Error(open, _("unterminated string"));
    if (high_escape && input_.converted()) {
      escaped_utf8_errors_.emplace_back(line_, Column(open));
    } else if (high_escape) {
      // Escaped bytes must form UTF-8 too (reported if the charset says so).
      if (!IsValidUtf8(std::string_view(*target).substr(before))) {
        escaped_utf8_errors_.emplace_back(line_, Column(open));
      }
    }
    if (target->find('\x04', before) != std::string::npos) {
      Error(open, _("context separator <EOT> within string"));
    }
    if (target != &scratch_) {
      ++field_strings_;
      PoStringRead read;
      read.open = open;
      read.close = closed ? i : end + 1;
      read.line = line_;
      read.line_start = line_start_;
      read.keyword = keyword_;
      read.keyword_line = keyword_line_;
      read.value = *target;
      read.before = before;
      read.no_wrap = std::find(cur_.flags.begin(), cur_.flags.end(), "no-wrap") != cur_.flags.end();
      wrap_.NoteString(read);
    }
    return i;
  }

  // ---- Entries -------------------------------------------------------------

  void StartEntry() {
    if (started_) return;
    started_ = true;
    cur_line_ = line_;
  }

  void ResetEntry() {
    cur_ = Message();
    reference_open_ = false;
    started_ = false;
    has_msgid_ = has_msgstr_ = has_plural_ = false;
    obsolete_ = -1;
    obsolete_reported_ = false;
    bogus_ = false;
    field_ = Field::kNone;
    field_strings_ = 0;
    msgstr_count_ = 0;
    first_keyword_line_ = first_keyword_column_ = 0;
  }

  // Completes the entry being read; `offset` is where the next token is.
  void FinishEntry(size_t offset) {
    wrap_.EndField();
    if (field_ != Field::kNone && field_strings_ == 0) {
      ExpectedStringBefore(offset, eof_ ? std::string_view() : NextToken(offset));
    }
    if (bogus_) {
      ResetEntry();
      return;
    }
    if (!has_msgid_) {
      if (first_keyword_line_ != 0 || cur_.prev_msgid || cur_.prev_msgctxt) {
        int line = first_keyword_line_ ? first_keyword_line_ : cur_line_;
        ErrorAt(line, first_keyword_line_ ? first_keyword_column_ : 1, _("missing 'msgid'"));
      }
      // Comments after the last entry belong to nothing; gettext drops them too.
      ResetEntry();
      return;
    }
    if (!has_msgstr_) {
      ErrorAt(msgid_line_, msgid_column_, _("missing 'msgstr' after 'msgid'"));
    }
    if (cur_.msgstr.empty()) cur_.msgstr.emplace_back();
    if (reference_open_ && cur_.references.back().empty()) cur_.references.pop_back();
    cur_.obsolete = obsolete_ == 1;
    cur_.line = cur_line_;
    // Obsolete entries too: msgfmt reads them into the same list, so one
    // that repeats another entry's msgctxt and msgid is a duplicate.
    keys_.push_back({KeyHash(cur_), count_, msgid_line_, msgid_column_});
    NoteDomain();
    if (cur_.is_header() && !header_msgstr_) header_line_ = cur_line_;
    if (cur_.is_header()) {
      // The bytes were converted: the catalog is UTF-8 now, and says so.
      size_t at = 0;
      std::optional<std::string_view> declared;
      if (input_.converted() && (declared = HeaderCharset(cur_.msgstr[0], &at))) {
        cur_.msgstr[0].replace(at + 8, declared->size(), "UTF-8");
      }
      if (!header_msgstr_) header_msgstr_ = cur_.msgstr[0];
    }
    ++count_;
    entries_->Add(std::move(cur_));
    ResetEntry();
  }

  // The token at `offset` on the current line, for messages.
  std::string_view NextToken(size_t offset) const {
    size_t end = offset;
    while (end < text_.size() && text_[end] != '\n' && !IsBlank(text_[end])) ++end;
    std::string_view token = text_.substr(offset, end - offset);
    if (token.size() > 2 && token[0] == '#') token = token.substr(0, 2);
    if (token.size() > 20) token = token.substr(0, 20);
    return token;
  }

  static uint64_t KeyHash(const Message& m) {
    uint64_t h = std::hash<std::string_view>()(m.msgid);
    if (m.msgctxt) h ^= std::hash<std::string_view>()(*m.msgctxt) * 31 + 0x9e3779b9;
    return h;
  }

  void CheckDuplicates() {
    std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) {
      return a.hash != b.hash ? a.hash < b.hash : a.index < b.index;
    });
    for (size_t begin = 0, end; begin < keys_.size(); begin = end) {
      end = begin + 1;
      while (end < keys_.size() && keys_[end].hash == keys_[begin].hash) ++end;
      // Entries whose keys hash alike: each against the earlier ones.
      for (size_t k = begin + 1; k < end; ++k) {
        for (size_t first = begin; first < k; ++first) {
          if (!entries_->SameKey(keys_[first].index, keys_[k].index)) continue;
          groups_.push_back({
              Diagnostic{Severity::kError, path_, keys_[k].line, keys_[k].column,
                         _("duplicate message definition"), false, "duplicate"},
              Diagnostic{Severity::kNote, path_, keys_[first].line, keys_[first].column,
                         _("this is the location of the first definition")},
          });
          break;
        }
      }
    }
  }

  // Whether the text read is UTF-8 (converted, or declared so). A file
  // whose header declares another charset but is not its first entry was
  // not converted: that is reported, as the file could not be read right.
  bool CharsetIsUtf8() {
    if (input_.converted() || raw_ || charset_declared_ || !header_msgstr_) return true;
    std::optional<std::string_view> declared = HeaderCharset(*header_msgstr_);
    if (!declared) return true;
    CharsetName name = ResolveCharset(*declared);
    if (name.utf8() || name.canonical == input_.charset().canonical) return true;
    charset_errors_.push_back({Diagnostic{
        Severity::kError, path_, header_line_, 1,
        FormatUi("the header declares charset '{}' but is not the first entry; move it first",
            std::string(*declared)),
        false, "encoding"}});
    return false;
  }

  // gettext reads the file's bytes in the charset its header declares. The
  // header is read first (as ASCII: its charset is not known yet), then the
  // whole file is converted to UTF-8, keeping its lines.
  void ReadAsCharset() {
    std::string_view first = text_.substr(0, PoFirstEntryEnd(text_));
    Reader pre(first, path_);
    pre.raw_ = true;
    HeaderOnly header;
    PoStyle style;
    DiagnosticSink ignored;
    pre.Run(&header, &style, &ignored, nullptr);
    if (!header.header) return;
    std::optional<std::string_view> declared = HeaderCharset(header.header->msgstr[0]);
    if (!declared) return;
    charset_declared_ = true;
    // Where "charset=" is in the file, for messages.
    size_t at = std::string_view::npos;
    HeaderCharset(first, &at);
    input_.Decode(*declared, at);
    text_ = input_.text();
  }

  std::string_view text_;
  const std::string& path_;
  bool raw_ = false;  // reading the header only, before the charset is known
  // The file's bytes, converted from the charset the header declares.
  PoInputText input_;
  bool charset_declared_ = false;  // by the first entry
  Utf8LineChecker utf8_;
  int header_line_ = 1;
  // Domains: the one in force, the entries', the directive's being read.
  std::string domain_ = "messages";
  std::optional<std::string> entries_domain_;
  std::string domain_value_;
  int domain_line_ = 1, domain_column_ = 1;
  int pending_domain_line_ = 0, pending_domain_column_ = 0;
  bool domain_reported_ = false;
  std::vector<std::vector<Diagnostic>> charset_errors_;
  int line_ = 0;
  size_t line_start_ = 0;
  bool eof_ = false;

  // How often the caller hears how far the reader got.
  static constexpr size_t kConsumedStep = size_t{1} << 18;

  PoEntrySink* entries_ = nullptr;
  size_t count_ = 0;  // entries given to entries_
  // The keys of the active entries, to find duplicates at the end.
  struct Key {
    uint64_t hash;
    size_t index;
    int line, column;  // of the msgid keyword
  };
  std::vector<Key> keys_;
  std::optional<std::string> header_msgstr_;
  std::vector<std::vector<Diagnostic>> groups_;

  // The entry being read.
  Message cur_;
  bool reference_open_ = false;  // ParsePoReferences' *open
  bool started_ = false;
  int cur_line_ = 0;
  bool has_msgid_ = false, has_msgstr_ = false, has_plural_ = false;
  int obsolete_ = -1;  // -1 until its first keyword
  bool obsolete_reported_ = false;
  Field field_ = Field::kNone;
  int field_strings_ = 0;
  size_t msgstr_index_ = 0;
  int msgstr_count_ = 0;
  std::string keyword_;
  int keyword_line_ = 0;
  int msgid_line_ = 0, msgid_column_ = 0;
  int first_keyword_line_ = 0, first_keyword_column_ = 0;
  bool recovering_ = false;
  bool bogus_ = false;  // an entry already reported as unusable
  std::string scratch_;
  std::vector<std::pair<int, int>> escaped_utf8_errors_;

  PoWrapDetector wrap_;
};

}  // namespace

size_t PoFirstEntryEnd(std::string_view text) {
  size_t msgid = text.find("msgid");
  if (msgid == std::string_view::npos) return text.size();
  for (size_t i = text.find('\n', msgid); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    size_t next = i + 1;
    if (next < text.size() && text[next] == '\r') ++next;
    if (next >= text.size() || text[next] == '\n') return std::min(next + 1, text.size());
  }
  return text.size();
}

std::optional<std::string> PoDeclaredCharset(std::string_view text) {
  DiagnosticSink ignored;
  HeaderOnly header;
  PoStyle style;
  const std::string no_path;
  Reader pre(text.substr(0, PoFirstEntryEnd(text)), no_path);
  pre.SetRaw();
  pre.Run(&header, &style, &ignored, nullptr);
  if (!header.header) return std::nullopt;
  std::optional<std::string_view> declared = HeaderCharset(header.header->msgstr[0]);
  if (!declared) return std::nullopt;
  return std::string(*declared);
}

bool ReadPo(std::string_view text, const std::string& path, PoEntrySink* entries,
            PoStyle* style, DiagnosticSink* sink, const std::function<void(size_t)>& consumed) {
  return Reader(text, path).Run(entries, style, sink, consumed);
}

bool ReadPo(std::string_view text, const std::string& path, Catalog* catalog,
            DiagnosticSink* sink) {
  class Collect : public PoEntrySink {
   public:
    explicit Collect(std::vector<Message>* messages) : messages_(messages) {}
    void Add(Message&& message) override { messages_->push_back(std::move(message)); }
    bool SameKey(size_t i, size_t j) const override {
      const Message& a = (*messages_)[i];
      const Message& b = (*messages_)[j];
      return a.msgid == b.msgid && a.msgctxt == b.msgctxt;
    }

   private:
    std::vector<Message>* messages_;
  };
  // A new catalog: its index of messages is built when first needed.
  Catalog result;
  Collect collect(&result.messages);
  bool ok = ReadPo(text, path, &collect, &result.style, sink);
  *catalog = std::move(result);
  return ok;
}

}  // namespace l10n
