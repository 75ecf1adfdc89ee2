// Text written into a Markdown post: a translation's characters escaped
// with backslashes where CommonMark (and GitHub's extensions) would read
// them as syntax, on one line (docs/markdown.md), and the reverse for the
// text segmenting reads.
#ifndef L10N_POST_MARKDOWN_ESCAPE_H_
#define L10N_POST_MARKDOWN_ESCAPE_H_

#include <string>
#include <string_view>

namespace l10n {

// Appends `text` as inline content: runs of white space become one space;
// '\\', '`', '*', '_', '[', ']', '<', '#', '|', '~' are escaped, '&' where
// it would start an entity, ':' of "://" and '.' of "www." (autolinks),
// and where `text` starts a line (nothing but white space, quote and list
// markers before it in `out`), '-', '+', '=', '>' and the '.' or ')'
// after leading digits.
void AppendMarkdownText(std::string_view text, std::string* out);

// A link title or image alt text: `quote` is '"', '\'' or '(' for a title
// in that delimiter, ']' for alt text between "![" and "]".
void AppendMarkdownAttribute(std::string_view text, char quote, std::string* out);

// The text of a character reference ("&amp;", "&#233;"); the reference as
// written when it names no character this table knows.
std::string DecodeMarkdownEntity(std::string_view entity);

// Backslash escapes of ASCII punctuation removed (a link title's text).
std::string UnescapeMarkdown(std::string_view text);

// A link destination's URL as written (without "<" ">"): backslash
// escapes removed, character references decoded (CommonMark 6.3).
std::string DecodeMarkdownDestination(std::string_view text);

// The bytes of a link destination that CommonMark reads as `url`: in angle
// brackets (`angle`: the destination's "<" ">" stay around them) with "\",
// "<" and ">" escaped; else bare, with "\", "(" and ")" escaped, or in
// angle brackets added when it holds white space or is empty. '&' that
// would start a character reference is escaped; a line break or other
// control character, which no destination holds, is percent-encoded.
std::string MarkdownDestination(std::string_view url, bool angle);

}  // namespace l10n

#endif  // L10N_POST_MARKDOWN_ESCAPE_H_
