// Builds one unit's text and placeholders from the pieces a segmenter finds
// in order (text, placeholder tags, shortcode tags), whatever the post's
// format: shortcode tags are paired as WordPress pairs them, placeholders
// are named by their tag and numbered when a name repeats ("<a1>", "<a2>"),
// and the unit is translatable when its text outside placeholders has
// letters (docs/units.md). The note for translators says what the unit is
// and what its placeholders stand for.
#ifndef L10N_POST_UNIT_BUILDER_H_
#define L10N_POST_UNIT_BUILDER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "unit/unit.h"

namespace l10n {

class UnitBuilder {
 public:
  // Starts a new unit.
  void Clear();

  // Decoded text, written as unit text (unit/unit_text.h).
  void AppendText(std::string_view decoded);
  // A placeholder without content: <name/>.
  void AddSelfClosing(Placeholder p);
  // A paired placeholder's start, <name>; its index for Close.
  size_t Open(Placeholder p);
  void Close(size_t index);
  // A shortcode tag (p.shortcode set), `decoded` its text: a self-closing
  // placeholder until Finish pairs it with its closing tag in the same
  // scope (the innermost open paired placeholder), or makes an unpaired
  // closing tag text again.
  void AddShortcodeTag(Placeholder p, std::string decoded);

  // When the pieces since the last placeholder, a category list, hold only
  // list punctuation (",", ";", "/", "|", "·"), drops them and returns that
  // placeholder, which the next category link joins; else null.
  Placeholder* JoinCategoryList();

  // Sets unit->text (white space collapsed, or with `keep_space` only
  // trimmed at the ends), unit->placeholders and unit->translatable. False
  // when the unit is not worth keeping: no words and no date or category.
  bool Finish(bool keep_space, Unit* unit);

 private:
  // A piece of a unit's msgid before placeholder names are final.
  struct Piece {
    enum Type { kText, kOpen, kClose, kSelfClosing } type;
    std::string text;        // kText; a shortcode tag: its decoded text
    size_t placeholder = 0;  // other types
    // A shortcode tag: 1 + the innermost paired placeholder open around it
    // (0: none), so that only tags of one scope pair up.
    bool shortcode = false;
    size_t scope = 0;
  };

  void PairShortcodes(const std::vector<size_t>& tags, std::vector<bool>* dead);
  void ResolveShortcodes();
  void NamePlaceholders();

  std::vector<Piece> pieces_;
  std::vector<Placeholder> placeholders_;
  std::vector<size_t> open_;  // paired placeholders open where pieces are added
};

// True when decoded text has words: letters (Unicode's Alphabetic property;
// "2017", "<", "—" have none), and is not one URL alone (an address, not
// text).
bool HasWords(std::string_view decoded);

// The note for translators: "kind, slug", then a line for each placeholder
// that needs one (a date, a category list, a comment, a shortcode, an
// element kept as it is).
std::string UnitNote(const Unit& unit, std::string_view slug);

}  // namespace l10n

#endif  // L10N_POST_UNIT_BUILDER_H_
