#include "base/charset.h"

#include <iconv.h>

#include <array>
#include <cerrno>

namespace l10n {

namespace {

// po-charset.c's standard_charsets, canonical name first in each group.
constexpr std::array<std::array<std::string_view, 3>, 45> kPortable = {{
    {"ASCII", "ANSI_X3.4-1968", "US-ASCII"},
    {"ISO-8859-1", "ISO_8859-1", ""},
    {"ISO-8859-2", "ISO_8859-2", ""},
    {"ISO-8859-3", "ISO_8859-3", ""},
    {"ISO-8859-4", "ISO_8859-4", ""},
    {"ISO-8859-5", "ISO_8859-5", ""},
    {"ISO-8859-6", "ISO_8859-6", ""},
    {"ISO-8859-7", "ISO_8859-7", ""},
    {"ISO-8859-8", "ISO_8859-8", ""},
    {"ISO-8859-9", "ISO_8859-9", ""},
    {"ISO-8859-13", "ISO_8859-13", ""},
    {"ISO-8859-14", "ISO_8859-14", ""},
    {"ISO-8859-15", "ISO_8859-15", ""},
    {"KOI8-R", "", ""},
    {"KOI8-U", "", ""},
    {"KOI8-T", "", ""},
    {"CP850", "", ""},
    {"CP866", "", ""},
    {"CP874", "", ""},
    {"CP932", "", ""},
    {"CP949", "", ""},
    {"CP950", "", ""},
    {"CP1250", "", ""},
    {"CP1251", "", ""},
    {"CP1252", "", ""},
    {"CP1253", "", ""},
    {"CP1254", "", ""},
    {"CP1255", "", ""},
    {"CP1256", "", ""},
    {"CP1257", "", ""},
    {"GB2312", "", ""},
    {"EUC-JP", "", ""},
    {"EUC-KR", "", ""},
    {"EUC-TW", "", ""},
    {"BIG5", "", ""},
    {"BIG5-HKSCS", "", ""},
    {"GBK", "", ""},
    {"GB18030", "", ""},
    {"SHIFT_JIS", "", ""},
    {"JOHAB", "", ""},
    {"TIS-620", "", ""},
    {"VISCII", "", ""},
    {"GEORGIAN-PS", "", ""},
    {"UTF-8", "", ""},
    {"", "", ""},
}};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool EqualNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Lowercase, without '-' and '_': "utf_8", "UTF8" -> "utf8".
std::string Fold(std::string_view s) {
  std::string folded;
  for (char c : s) {
    if (c != '-' && c != '_') folded += Lower(c);
  }
  return folded;
}

class Iconv {
 public:
  explicit Iconv(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  void Reset() { iconv(cd_, nullptr, nullptr, nullptr, nullptr); }
  // Converts from *in; returns iconv's result, errno in *error.
  size_t Run(const char** in, size_t* in_left, char** out, size_t* out_left, int* error) {
    errno = 0;
    size_t r = iconv(cd_, const_cast<char**>(in), in_left, out, out_left);
    *error = errno;
    return r;
  }

 private:
  iconv_t cd_;
};

// Whether iconv knows the charset and it keeps ASCII as it is, as the PO
// syntax needs (not UTF-16, UTF-7 or ISO-2022-JP, whose escape sequences
// switch to other characters). '\\' and '~' are left out: glibc's SHIFT_JIS
// makes them yen and overline, and the reader takes ASCII bytes as they
// are anyway, as gettext's lexer does.
bool AsciiCompatible(const std::string& charset) {
  Iconv cd(charset);
  if (!cd.ok()) return false;
  static constexpr std::string_view kAscii =
      "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`"
      "abcdefghijklmnopqrstuvwxyz{|}\x1b$B";
  const char* in = kAscii.data();
  size_t in_left = kAscii.size();
  char buffer[256];
  char* out = buffer;
  size_t out_left = sizeof buffer;
  int error = 0;
  if (cd.Run(&in, &in_left, &out, &out_left, &error) == static_cast<size_t>(-1)) return false;
  return in_left == 0 && std::string_view(buffer, static_cast<size_t>(out - buffer)) == kAscii;
}

// gettext's po_charset_canonicalize: the canonical portable name, or nullopt.
std::optional<std::string> GettextCanonicalCharset(std::string_view name) {
  for (const auto& group : kPortable) {
    for (std::string_view spelling : group) {
      if (!spelling.empty() && EqualNoCase(spelling, name)) return std::string(group[0]);
    }
  }
  return std::nullopt;
}

}  // namespace

CharsetName ResolveCharset(std::string_view declared) {
  CharsetName result;
  if (declared.empty() || EqualNoCase(declared, "CHARSET")) {
    result.canonical = "UTF-8";
    result.portable = !declared.empty();
    result.known = true;
    return result;
  }
  if (std::optional<std::string> canonical = GettextCanonicalCharset(declared)) {
    result.canonical = *canonical;
    result.portable = true;
  } else {
    std::string folded = Fold(declared);
    for (const auto& group : kPortable) {
      for (std::string_view spelling : group) {
        if (!spelling.empty() && Fold(spelling) == folded) result.canonical = group[0];
      }
    }
    if (result.canonical.empty()) result.canonical = std::string(declared);
  }
  result.known = result.utf8() || AsciiCompatible(result.canonical);
  return result;
}

std::optional<std::string_view> HeaderCharset(std::string_view header, size_t* at) {
  size_t pos = header.find("charset=");
  if (pos == std::string_view::npos) return std::nullopt;
  if (at) *at = pos;
  std::string_view value = header.substr(pos + 8);
  return value.substr(0, std::min(value.size(), value.find_first_of(" \t\n")));
}

void SetHeaderCharset(std::string* header, std::string_view charset) {
  size_t at = 0;
  if (std::optional<std::string_view> value = HeaderCharset(*header, &at)) {
    header->replace(at + 8, value->size(), charset);
  }
}

namespace {

// Converts the one character at data[0] (not ASCII) into *out; returns the
// bytes it takes, 0 when they are invalid or incomplete.
size_t ConvertOne(Iconv& cd, const char* data, size_t size, std::string* out) {
  for (size_t n = 1; n <= 4 && n <= size; ++n) {
    const char* in = data;
    size_t in_left = n;
    char buffer[32];
    char* o = buffer;
    size_t out_left = sizeof buffer;
    int error = 0;
    cd.Reset();
    size_t r = cd.Run(&in, &in_left, &o, &out_left, &error);
    if (r != static_cast<size_t>(-1) && in_left == 0) {
      out->append(buffer, static_cast<size_t>(o - buffer));
      return n;
    }
    if (error != EINVAL) return 0;
  }
  return 0;
}

}  // namespace

// ASCII bytes are taken as they are, as gettext's lexer takes them (glibc's
// SHIFT_JIS would make 0x5C a yen sign); only the other characters go
// through iconv, one at a time, so that a second byte 0x5C stays theirs.
bool ConvertToUtf8(std::string_view text, const std::string& charset, std::string* out,
                   std::vector<size_t>* invalid) {
  out->clear();
  Iconv cd(charset);
  if (!cd.ok()) {
    invalid->push_back(0);
    return false;
  }
  out->reserve(text.size() + text.size() / 2 + 16);
  bool ok = true;
  for (size_t i = 0; i < text.size();) {
    size_t plain = i;
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    out->append(text.data() + plain, i - plain);
    if (i >= text.size()) break;
    size_t used = ConvertOne(cd, text.data() + i, text.size() - i, out);
    if (used == 0) {
      ok = false;
      invalid->push_back(i);
      used = 1;
    }
    i += used;
  }
  return ok;
}

struct CharsetCharacters::Impl {
  explicit Impl(const std::string& charset) : cd(charset) {}
  Iconv cd;
  std::string scratch;
};

CharsetCharacters::CharsetCharacters(const std::string& charset) : impl_(new Impl(charset)) {}

CharsetCharacters::~CharsetCharacters() { delete impl_; }

size_t CharsetCharacters::LengthAt(std::string_view s, size_t i, size_t* utf8_bytes) {
  size_t used = 1, converted = 1;
  if (impl_->cd.ok() && static_cast<unsigned char>(s[i]) >= 0x80) {
    impl_->scratch.clear();
    used = ConvertOne(impl_->cd, s.data() + i, s.size() - i, &impl_->scratch);
    converted = impl_->scratch.size();
    if (used == 0) used = 1;  // an invalid byte converts to nothing
  }
  if (utf8_bytes) *utf8_bytes = converted;
  return used;
}

ColumnMap::ColumnMap(const std::string& charset) : characters_(charset) {}

void ColumnMap::Reset(std::string_view line) {
  line_ = line;
  orig_ = converted_ = 0;
}

size_t ColumnMap::Original(size_t utf8_bytes) {
  while (orig_ < line_.size() && converted_ < utf8_bytes) {
    size_t converted = 0;
    orig_ += characters_.LengthAt(line_, orig_, &converted);
    converted_ += converted;
  }
  return orig_;
}

}  // namespace l10n
