#include "check/locator.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace l10n {

int Locator::KeywordLine(int entry_line, std::string_view keyword) {
  if (entry_line < 1) return entry_line;  // unknown (a header XLIFF lacks)
  Index();
  for (size_t l = static_cast<size_t>(std::max(entry_line, 1)); l <= starts_.size(); ++l) {
    std::string_view line = Line(static_cast<int>(l));
    if (line.substr(0, 3) == "#~ ") line.remove_prefix(3);
    if (line.size() > keyword.size() && line.substr(0, keyword.size()) == keyword &&
        (line[keyword.size()] == ' ' || line[keyword.size()] == '\t')) {
      return static_cast<int>(l);
    }
    if (l > static_cast<size_t>(entry_line) && line.empty()) break;
  }
  return entry_line;
}

std::pair<int, int> Locator::InString(int line, size_t offset) {
  if (line < 1) return {0, 0};
  Index();
  if (static_cast<size_t>(line) > starts_.size() || text_.empty()) return {line, 1};
  size_t decoded = 0;
  std::pair<int, int> last{line, 1};
  for (int l = line; l <= static_cast<int>(starts_.size()); ++l) {
    std::string_view s = Line(l);
    size_t i = 0;
    if (s.substr(0, 3) == "#~ ") i = 3;
    if (l == line) {
      while (i < s.size() && s[i] != '"') ++i;
    } else {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      if (i >= s.size() || s[i] != '"') break;
    }
    if (i >= s.size()) break;
    for (++i; i < s.size() && s[i] != '"'; ++i) {
      if (decoded >= offset) return {l, static_cast<int>(i) + 1};
      last = {l, static_cast<int>(i) + 2};
      if (s[i] == '\\' && i + 1 < s.size()) {
        ++i;
        if (s[i] >= '0' && s[i] <= '7') {
          while (i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') ++i;
        } else if (s[i] == 'x') {
          while (i + 1 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1]))) ++i;
        }
      }
      ++decoded;
    }
  }
  return last;
}

void Locator::Index() {
  if (!starts_.empty()) return;
  starts_.push_back(0);
  if (text_.empty()) return;  // memchr must not see a null pointer
  for (const char *p = text_.data(), *end = p + text_.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr;) {
    ++p;
    starts_.push_back(static_cast<size_t>(p - text_.data()));
  }
}

std::string_view Locator::Line(int line) const {
  if (line < 1 || static_cast<size_t>(line) > starts_.size()) return {};
  size_t begin = starts_[static_cast<size_t>(line - 1)];
  size_t end = static_cast<size_t>(line) < starts_.size() ? starts_[static_cast<size_t>(line)] - 1
                                                          : text_.size();
  std::string_view s = text_.substr(begin, end - begin);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

std::pair<int, int> LocateInTranslation(std::string_view po_text, const Message& m, size_t offset) {
  Locator locator(po_text);
  int line = locator.KeywordLine(m.line, m.msgid_plural ? "msgstr[0]" : "msgstr");
  return locator.InString(line, offset);
}

int MsgidLine(std::string_view po_text, const Message& m) {
  return Locator(po_text).KeywordLine(m.line, "msgid");
}

}  // namespace l10n
