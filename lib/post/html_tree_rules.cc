#include "post/html_tree_rules.h"

#include <algorithm>

namespace l10n {

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsVoidElement(std::string_view name) {
  return OneOf(name,
               {"area", "base", "br", "col", "embed", "hr", "img", "image", "input", "link", "meta",
                "source", "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame"});
}

bool IsRawText(std::string_view name) {
  return OneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "plaintext"});
}

bool ClosesParagraph(std::string_view name) {
  return OneOf(name,
               {"address", "article", "aside", "blockquote", "center",     "details",  "dialog",
                "dir",     "div",     "dl",    "fieldset",   "figcaption", "figure",   "footer",
                "form",    "h1",      "h2",    "h3",         "h4",         "h5",       "h6",
                "header",  "hgroup",  "hr",    "listing",    "main",       "menu",     "nav",
                "ol",      "p",       "pre",   "search",     "section",    "summary",  "table",
                "ul",      "li",      "dd",    "dt",         "xmp",        "plaintext"});
}

bool IsFormatting(std::string_view name) {
  return OneOf(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                      "strong", "tt", "u"});
}

bool InsertsMarker(std::string_view name) {
  return OneOf(name, {"applet", "object", "marquee", "template", "td", "th", "caption"});
}

bool SkipsReconstruction(std::string_view name) {
  return ClosesParagraph(name) ||
         OneOf(name,
               {"html",     "head",   "body",     "frameset", "base",    "basefont", "bgsound",
                "link",     "meta",   "noframes", "script",   "style",   "template", "title",
                "textarea", "iframe", "noembed",  "noscript", "caption", "col",      "colgroup",
                "frame",    "tbody",  "td",       "tfoot",    "th",      "thead",    "tr",
                "optgroup", "option", "rb",       "rtc",      "rp",      "rt",       "param",
                "source",   "track"});
}

bool IsSpecial(std::string_view name) {
  return OneOf(name, {"address",
                      "applet",
                      "area",
                      "article",
                      "aside",
                      "base",
                      "basefont",
                      "bgsound",
                      "blockquote",
                      "body",
                      "br",
                      "button",
                      "caption",
                      "center",
                      "col",
                      "colgroup",
                      "dd",
                      "details",
                      "dir",
                      "div",
                      "dl",
                      "dt",
                      "embed",
                      "fieldset",
                      "figcaption",
                      "figure",
                      "footer",
                      "form",
                      "frame",
                      "frameset",
                      "h1",
                      "h2",
                      "h3",
                      "h4",
                      "h5",
                      "h6",
                      "head",
                      "header",
                      "hgroup",
                      "hr",
                      "html",
                      "iframe",
                      "img",
                      "input",
                      "keygen",
                      "li",
                      "link",
                      "listing",
                      "main",
                      "marquee",
                      "menu",
                      "meta",
                      "nav",
                      "noembed",
                      "noframes",
                      "noscript",
                      "object",
                      "ol",
                      "p",
                      "param",
                      "plaintext",
                      "pre",
                      "script",
                      "search",
                      "section",
                      "select",
                      "source",
                      "style",
                      "summary",
                      "table",
                      "tbody",
                      "td",
                      "template",
                      "textarea",
                      "tfoot",
                      "th",
                      "thead",
                      "title",
                      "tr",
                      "track",
                      "ul",
                      "wbr",
                      "xmp",
                      "foreignobject",
                      "desc",
                      "mi",
                      "mo",
                      "mn",
                      "ms",
                      "mtext",
                      "annotation-xml"});
}

bool EndsScope(std::string_view name) {
  return OneOf(name,
               {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
                "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"});
}

bool EndsButtonScope(std::string_view name) { return name == "button" || EndsScope(name); }

bool BreaksOutOfForeign(std::string_view name) {
  return OneOf(
      name, {"b",      "big",  "blockquote", "body",  "br",   "center", "code",    "dd",   "div",
             "dl",     "dt",   "em",         "embed", "h1",   "h2",     "h3",      "h4",   "h5",
             "h6",     "head", "hr",         "i",     "img",  "li",     "listing", "menu", "meta",
             "nobr",   "ol",   "p",          "pre",   "ruby", "s",      "small",   "span", "strong",
             "strike", "sub",  "sup",        "table", "tt",   "u",      "ul",      "var"});
}

bool IsIntegrationPoint(std::string_view name) {
  return OneOf(
      name, {"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"});
}

}  // namespace l10n
