#include "catalog/po_parser.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

#include "base/charset.h"
#include "base/ui_text.h"
#include "base/utf8.h"
#include "catalog/po_domain.h"
#include "catalog/po_duplicates.h"
#include "catalog/po_syntax.h"

namespace l10n {

namespace {

// What the strings being read are for.
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

}  // namespace

class PoParser::Impl {
 public:
  Impl(std::string_view text, const std::string& path, bool converted, PoEntrySink* entries,
       PoWrapDetector* wrap, std::vector<std::vector<Diagnostic>>* diagnostics)
      : text_(text),
        path_(path),
        converted_(converted),
        entries_(entries),
        groups_(*diagnostics),
        wrap_(wrap) {}

  void Line(int line, size_t begin, size_t end) {
    line_ = line;
    line_start_ = begin;
    ScanLine(begin, end);
  }

  void Finish(int line, size_t line_start) {
    line_ = line;
    line_start_ = line_start;
    eof_ = true;
    ApplyDomain();
    FinishEntry(text_.size());
    duplicates_.Report(*entries_, path_, &groups_);
  }

  int Column(size_t offset) const { return static_cast<int>(offset - line_start_) + 1; }

  void ErrorAt(int line, int column, std::string message) {
    groups_.push_back(
        {Diagnostic{Severity::kError, path_, line, column, std::move(message), false, "syntax"}});
  }
  void Error(size_t offset, std::string message) {
    ErrorAt(line_, Column(offset), std::move(message));
  }

  void ScanLine(size_t i, size_t end) {
    while (i < end && IsPoBlank(text_[i])) ++i;
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
      while (i < end && IsPoBlank(text_[i])) ++i;
      if (i >= end) return;
      char c = text_[i];
      if (c == '"') {
        i = StringToken(i, end, obsolete, previous);
      } else if (IsPoKeywordStart(c)) {
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
    wrap_->EndField();
    ApplyDomain();
    if (has_msgid_ || field_ == Field::kMsgctxt) {
      // A comment starts the next entry.
      FinishEntry(i);
    } else if (field_ != Field::kNone) {
      // Comments may follow "#|" lines.
      if (field_strings_ == 0) ExpectedStringBefore(i, PoTokenAt(text_, i));
      field_ = Field::kNone;
    }
    StartEntry();
    AddPoComment(text_.substr(i + 1, end - i - 1), &cur_, &reference_open_);
  }

  size_t KeywordToken(size_t start, size_t end, bool obsolete, bool previous) {
    PoKeyword keyword = ReadPoKeyword(text_, start, end);
    if (keyword.bad_index) {
      Error(keyword.bad_at, _("expected plural form index after 'msgstr['"));
      recovering_ = true;
      field_ = Field::kNone;
      return end;
    }
    const std::string_view word = keyword.word;
    const int index = keyword.index;
    const size_t i = keyword.end;
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
    wrap_->EndField();
    if (field_ != Field::kNone && field_strings_ == 0) ExpectedStringBefore(offset, "domain");
    if (has_msgid_) FinishEntry(offset);
    ApplyDomain();
    field_ = Field::kDomain;
    field_strings_ = 0;
    keyword_ = "domain";
    keyword_line_ = line_;
    domains_.Start(line_, Column(offset));
  }

  // The directive's string is complete.
  void ApplyDomain() {
    // Without its string, it is reported where the next token is.
    if (field_ != Field::kDomain || field_strings_ == 0) return;
    field_ = Field::kNone;
    domains_.Apply();
  }

  void Keyword(Field field, int index, const std::string& spelled, size_t offset, bool obsolete) {
    recovering_ = false;
    wrap_->EndField();
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
        return domains_.value();
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
    const size_t open = i;
    string_errors_.clear();
    PoString string = ReadPoString(text_, open, end, target, &string_errors_);
    for (PoStringError& e : string_errors_) {
      Error(e.offset, std::move(e.message));
      if (e.encoding) groups_.back().back().check = "encoding";
    }
    i = string.end;
    // Escaped bytes must form UTF-8 too (reported once the charset says so).
    if (string.high_escape && (converted_ || !string.escapes_utf8)) {
      escaped_utf8_errors_.emplace_back(line_, Column(open));
    }
    if (target != &scratch_) {
      ++field_strings_;
      bool no_wrap = std::find(cur_.flags.begin(), cur_.flags.end(), "no-wrap") != cur_.flags.end();
      wrap_->NoteString({.open = open,
                         .close = string.closed ? i : end + 1,
                         .line = line_,
                         .line_start = line_start_,
                         .keyword = keyword_,
                         .keyword_line = keyword_line_,
                         .value = *target,
                         .before = before,
                         .no_wrap = no_wrap});
    }
    return i;
  }

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
    wrap_->EndField();
    if (field_ != Field::kNone && field_strings_ == 0) {
      ExpectedStringBefore(offset, eof_ ? std::string_view() : PoTokenAt(text_, offset));
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
    duplicates_.Add(cur_, count_, msgid_line_, msgid_column_);
    if (std::optional<Diagnostic> error = domains_.NoteEntry(path_)) groups_.push_back({*error});
    if (cur_.is_header() && !header_msgstr_) header_line_ = cur_line_;
    if (cur_.is_header()) {
      // The bytes were converted: the catalog is UTF-8 now, and says so.
      if (converted_) SetHeaderCharset(&cur_.msgstr[0], "UTF-8");
      if (!header_msgstr_) header_msgstr_ = cur_.msgstr[0];
    }
    ++count_;
    entries_->Add(std::move(cur_));
    ResetEntry();
  }

  std::string_view text_;
  const std::string& path_;
  const bool converted_;
  int header_line_ = 1;
  PoDomains domains_;
  int line_ = 0;
  size_t line_start_ = 0;
  bool eof_ = false;

  PoEntrySink* entries_ = nullptr;
  size_t count_ = 0;  // entries given to entries_
  PoDuplicateFinder duplicates_;
  std::optional<std::string> header_msgstr_;
  std::vector<std::vector<Diagnostic>>& groups_;

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
  std::vector<PoStringError> string_errors_;
  std::vector<std::pair<int, int>> escaped_utf8_errors_;
  PoWrapDetector* wrap_;
};

PoParser::PoParser(std::string_view text, const std::string& path, bool converted,
                   PoEntrySink* entries, PoWrapDetector* wrap,
                   std::vector<std::vector<Diagnostic>>* diagnostics)
    : impl_(std::make_unique<Impl>(text, path, converted, entries, wrap, diagnostics)) {}

PoParser::~PoParser() = default;

void PoParser::Line(int line, size_t begin, size_t end) { impl_->Line(line, begin, end); }

void PoParser::Finish(int line, size_t line_start) { impl_->Finish(line, line_start); }

const std::optional<std::string>& PoParser::header_msgstr() const { return impl_->header_msgstr_; }

int PoParser::header_line() const { return impl_->header_line_; }

const std::optional<std::string>& PoParser::domain() const {
  return impl_->domains_.entries_domain();
}

const std::vector<std::pair<int, int>>& PoParser::escaped_utf8_errors() const {
  return impl_->escaped_utf8_errors_;
}

}  // namespace l10n
