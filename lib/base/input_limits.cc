#include "base/input_limits.h"

#include <fmt/format.h>

#include "post/html_prescan.h"
#include "base/ui_text.h"
#include "base/utf8.h"

namespace l10n {

std::optional<InputProblem> CheckPostInput(std::string_view html) {
  if (html.size() > kMaxPostBytes) {
    return InputProblem{0, FormatUi(kPostCap.too_large, html.size(), kPostCap.bytes >> 20)};
  }
  if (std::optional<size_t> bad = FindInvalidUtf8(html, true)) {
    if (html[*bad] == '\0') return InputProblem{*bad, _("NUL byte in the post")};
    return InputProblem{*bad, FormatUi("invalid UTF-8 byte '\\x{:02x}'",
                                       static_cast<int>(static_cast<unsigned char>(html[*bad])))};
  }
  return PrescanHtml(html);
}

}  // namespace l10n
