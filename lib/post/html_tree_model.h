// A model of the HTML5 tree builder (WHATWG HTML 13.2.6) for the prescan
// of a post (post/html_prescan.h): fed the tokens of the post, it counts
// what gumbo would build, in time linear in the input, and records the
// first limit it would pass (base/input_limits.h).
//
// The model keeps the stack of open elements and the list of active
// formatting elements closely enough: void elements and self-closing foreign
// ones do not nest; end tags close up to their element within its scope;
// elements whose end tag is optional close their open sibling, blocks an
// open p; a table part closes what was foster-parented; SVG and MathML
// content is foreign until a breakout tag. The formatting list has its
// markers, the Noah's Ark clause (at most three identical entries) and the
// adoption agency; every element the parser reopens (reconstructs or
// clones) from it is counted.
#ifndef L10N_POST_HTML_TREE_MODEL_H_
#define L10N_POST_HTML_TREE_MODEL_H_

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/input_limits.h"
#include "post/html_tree_rules.h"

namespace l10n {

// Follows the tree builder's stack of open elements and its list of active
// formatting elements (HTML5 13.2.4.3, 13.2.6.4.7) closely enough to count
// what gumbo would build, in time linear in the input: the elements a post
// writes, and the ones the parser reopens for it.
class HtmlTreeModel {
 public:
  // A start tag `name` (lowercase) at `offset`; true when the tokenizer
  // reads what follows as raw text, up to "</name" (the caller skips it).
  bool StartTag(const std::string& name, const std::vector<TagAttribute>& attributes,
                bool self_closing, size_t offset);
  void EndTag(const std::string& name);
  // Character tokens: in body they reconstruct the formatting elements;
  // white space does not where a table or the head holds it.
  void Text(std::string_view text);
  // Until a doctype names html: then <table> closes an open <p>.
  void set_quirks(bool quirks) { quirks_ = quirks; }

  // Records a problem at `offset`, unless one is already recorded.
  void Fail(size_t offset, std::string message) {
    if (!problem_) problem_ = InputProblem{offset, std::move(message)};
  }
  // The first problem.
  const std::optional<InputProblem>& problem() const { return problem_; }
  // The elements the parser would reopen, so far.
  size_t reopened() const { return reopened_; }

 private:
  struct Element {
    std::string name;
    int serial = 0;           // its entry in alive_
    bool marker = false;      // its end clears the formatting list to a marker
    bool foreign = false;     // its content is SVG or MathML
    bool p_in_scope = false;  // a <p> at or below it, in button scope
    // The tree builder is "in table" (not in a cell or caption) above it:
    // what it holds was foster-parented.
    bool table_mode = false;
  };
  struct Entry {  // of the list of active formatting elements
    bool marker = false;
    std::string name;
    std::string signature;  // its attributes, for the Noah's Ark clause
    int serial = -1;        // the element that stands for it
    size_t offset = 0;      // its start tag, for the message
  };

  bool InForeign() const { return !open_.empty() && open_.back().foreign; }

  void Push(const std::string& name, size_t offset);
  void Pop();
  void EraseEntry(size_t k) {
    if (!active_[k].marker) --entries_;
    active_.erase(active_.begin() + static_cast<long>(k));
  }
  // "Clear the list of active formatting elements up to the last marker".
  void ClearToLastMarker();
  void PopThrough(size_t index) {  // pops open_[index] and everything above it
    while (open_.size() > index) Pop();
  }
  // The index in open_ of the element `serial`, or npos.
  size_t StackIndex(int serial) const;
  void ClosePIfInButtonScope();
  // Pops through the nearest open element named one of `names`, unless
  // `stop` holds for an element above it.
  void PopThroughNearest(std::initializer_list<std::string_view> names,
                         bool (*stop)(std::string_view));
  void Reconstruct();
  void AddFormatting(const std::string& name, const std::vector<TagAttribute>& attributes,
                     size_t offset);
  // Counts one element the parser makes up; `blame` is the outermost
  // unclosed element it stands for, which the message names.
  void Reopened(const Entry& blame);
  // The adoption agency for an end tag `name`; false: handle it as "any
  // other end tag".
  bool AdoptionAgency(const std::string& name);
  void AnyOtherEndTag(const std::string& name);

  std::optional<InputProblem> problem_;
  std::vector<Element> open_;
  std::vector<Entry> active_;
  std::vector<bool> alive_;                          // by serial: is the element on open_?
  std::unordered_map<std::string, int> open_count_;  // open elements by name
  size_t reopened_ = 0;
  size_t entries_ = 0;  // in active_, markers aside
  bool quirks_ = true;
};

}  // namespace l10n

#endif  // L10N_POST_HTML_TREE_MODEL_H_
