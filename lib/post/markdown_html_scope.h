// HTML's translate="no" over the Markdown between HTML blocks: in
//
//   <div translate="no">
//
//   Some *Markdown*
//
//   </div>
//
// the paragraph is inside the div on the page, so it is not translated
// either. The tags of each HTML block are read in order (start tags, end
// tags, comments and raw text skipped) into the stack of elements left
// open; the innermost translate="no" or "yes" among them decides. An
// element opened inside a quote or list item is closed when it ends, as a
// browser closes it at the item's end tag.
#ifndef L10N_POST_MARKDOWN_HTML_SCOPE_H_
#define L10N_POST_MARKDOWN_HTML_SCOPE_H_

#include <string>
#include <string_view>
#include <vector>

namespace l10n {

class HtmlTranslateScope {
 public:
  // The tags of an HTML block's bytes, in containers `depth` deep.
  void Read(std::string_view block, int depth);
  // A container ended: what was opened deeper than `depth` is closed.
  void Leave(int depth);
  // Whether text here is translated.
  bool translate() const { return open_.empty() || open_.back().translate; }

 private:
  struct Open {
    std::string name;
    bool translate;  // this element's, inherited unless it says
    int depth;
  };
  void Push(std::string name, int own, int depth);  // own: -1 inherit, 0 no, 1 yes
  void Pop(std::string_view name);
  std::vector<Open> open_;
};

}  // namespace l10n

#endif  // L10N_POST_MARKDOWN_HTML_SCOPE_H_
