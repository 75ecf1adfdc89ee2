#include "render/site_head.h"

namespace l10n {

std::vector<TextEdit> SiteHeadEdits(std::string_view, const Segmentation&, const SitePage& page) {
  if (!page.site || !page.site->settings().enabled()) return {};
  return {};  // Not written yet: the <head> metadata comes with docs/site.md.
}

}  // namespace l10n
