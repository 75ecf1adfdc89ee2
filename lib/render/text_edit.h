// A change to a post's bytes outside its units: the range replaced (empty:
// an insertion) and the bytes written there. Merge applies them inside
// whatever raw bytes it copies, the tags a rebuilt unit restores included
// (render/merge.h); the site's edits (links, <head> metadata) are made of
// them (render/site_links.h, render/site_head.h).
#ifndef L10N_RENDER_TEXT_EDIT_H_
#define L10N_RENDER_TEXT_EDIT_H_

#include <string>

#include "unit/unit.h"

namespace l10n {

struct TextEdit {
  Range range;
  std::string text;
};

}  // namespace l10n

#endif  // L10N_RENDER_TEXT_EDIT_H_
