#include "post/post_input.h"

#include "base/ui_text.h"
#include "base/utf8.h"
#include "post/html_prescan.h"

namespace l10n {

std::optional<InputProblem> CheckPostBytes(std::string_view text) {
  if (text.size() > kMaxPostBytes) {
    return InputProblem{0, FormatUi(kPostCap.too_large, text.size(), kPostCap.bytes >> 20)};
  }
  if (std::optional<size_t> bad = FindInvalidUtf8(text, true)) {
    if (text[*bad] == '\0') return InputProblem{*bad, _("NUL byte in the post")};
    return InputProblem{*bad, FormatUi("invalid UTF-8 byte '\\x{:02x}'",
                                       static_cast<int>(static_cast<unsigned char>(text[*bad])))};
  }
  return std::nullopt;
}

std::optional<InputProblem> CheckPostInput(std::string_view html) {
  if (std::optional<InputProblem> problem = CheckPostBytes(html)) return problem;
  return PrescanHtml(html);
}

}  // namespace l10n
