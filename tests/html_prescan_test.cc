// What the post pre-check refuses before gumbo sees a post, and what it must
// let through: each case is a post and "offset: message", or "" when the
// post is accepted.
#include "post/html_prescan.h"

#include <doctest/doctest.h>
#include <gumbo.h>

#include <random>
#include <string>
#include <vector>

#include "post/post_input.h"

namespace l10n {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// 90 nested formatting elements, distinct (with ids) or identical.
std::string Unclosed(const char* tag, bool distinct, int count = 90) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += std::string("<") + tag + (distinct ? " id=" + std::to_string(i) : "") + ">";
  }
  return out;
}

std::string Check(const std::string& html) {
  std::optional<InputProblem> problem = CheckPostInput(html);
  return problem ? std::to_string(problem->offset) + ": " + problem->message : "";
}

struct Case {
  std::string name;
  std::string html;
  std::string want;
};

std::vector<Case> Cases() {
  const char kReopen[] =
      "3: '<b>' is never closed: the HTML parser would reopen it and other unclosed inline "
      "elements more than 100000 times";
  return {
      // The parser reopens every unclosed formatting element in each later
      // paragraph: 900 and 2,700 paragraphs (31 KB) made 2.4 million
      // elements (688 MB).
      {"more than 100 formatting elements", "<p>" + Unclosed("b", true, 900) + "x</p>",
       "893: more than 100 formatting elements ('<b>', '<i>', '<a>', ...) open at once"},
      {"reopened in every paragraph",
       "<p>" + Unclosed("b", true) + "x</p>" + Repeat("<p>Para</p>", 1200), kReopen},
      {"reopened after a div",
       "<div>" + Unclosed("i", true) + "x</div>" + Repeat("<div>Para</div>", 1200),
       "5: '<i>' is never closed: the HTML parser would reopen it and other unclosed inline "
       "elements more than 100000 times"},
      {"reopened in list items", "<ul><li>" + Unclosed("em", true) + "x" + Repeat("<li>Para", 1200),
       "8: '<em>' is never closed: the HTML parser would reopen it and other unclosed inline "
       "elements more than 100000 times"},
      {"formatting inside SVG leaves it",
       "<p><svg>" + Unclosed("b", true) + "x</p>" + Repeat("<p>Para</p>", 1200),
       "8: '<b>' is never closed: the HTML parser would reopen it and other unclosed inline "
       "elements more than 100000 times"},
      // Noah's Ark: the list keeps at most three identical entries.
      {"identical entries: three kept",
       "<p>" + Unclosed("b", false, 900) + "x</p>" + Repeat("<p>Para</p>", 2700), ""},
      // A table cell's marker: the cell's formatting ends with it.
      {"closed with the cell",
       "<table><tr><td>" + Unclosed("b", true) + "x" + Repeat("<td>Para", 1200) + "</table>", ""},
      {"under the limit", "<p>" + Unclosed("b", true) + "x</p>" + Repeat("<p>Para</p>", 1110), ""},
      // Elements whose end tag is optional close their sibling through
      // the formatting elements in them.
      {"list items around unclosed bold", "<ul>" + Repeat("<li><b>x", 3000) + "</ul>", ""},
      {"table cells around unclosed italics", "<table>" + Repeat("<tr><td><b>x<td><i>y", 3000), ""},
      // Attributes: gumbo compares each with those before it.
      {"101 attributes", "<p" + Repeat(" a=x", 101) + ">Hi</p>",
       "0: more than 100 attributes on one element"},
      {"100 attributes", "<p" + Repeat(" a=x", 100) + ">Hi</p>", ""},
      {"a '>' in a quoted value", "<p title='a>b'" + Repeat(" c", 99) + ">Hi</p>", ""},
      // Encoding declarations, as the HTML encoding sniffing algorithm reads them.
      {"meta charset windows-1252", "<head><meta charset=\"windows-1252\">",
       "6: the post declares the encoding 'windows-1252'; posts must be UTF-8 "
       "(<meta charset=\"utf-8\">)"},
      {"http-equiv Content-Type",
       "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">",
       "0: the post declares the encoding 'ISO-8859-1'; posts must be UTF-8 "
       "(<meta charset=\"utf-8\">)"},
      {"an unknown label", "<meta charset=klingon>",
       "0: the post declares the encoding 'klingon'; posts must be UTF-8 "
       "(<meta charset=\"utf-8\">)"},
      {"UTF-8 labels",
       "<meta charset=\" UTF-8 \"><meta charset=utf8><meta charset=unicode-1-1-utf-8>"
       "<meta http-equiv=content-type content=\"text/html;charset='utf-8'\">"
       "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=x-unicode20utf8\">",
       ""},
      // UTF-16 in a meta element is read as UTF-8.
      {"UTF-16 label", "<meta charset=utf-16le>", ""},
      {"declarations that are not elements",
       "<!-- <meta charset=latin1> --><script>'<meta charset=latin1>'</script>"
       "<meta name=description content=\"charset=latin1\">",
       ""},
      // Raw text and RCDATA are text, not elements.
      {"xmp", "<xmp>" + Repeat("<div>", 1001) + "</xmp>", ""},
      {"plaintext to the end", "<plaintext></plaintext>" + Repeat("<div>", 1001), ""},
      {"noembed, noframes, iframe, title, textarea",
       "<noembed>" + Repeat("<div>", 1001) + "</noembed><noframes>" + Repeat("<div>", 1001) +
           "</noframes><iframe>" + Repeat("<div>", 1001) + "</iframe><title>" +
           Repeat("<div>", 1001) + "</title><textarea>" + Repeat("<div>", 1001) + "</textarea>",
       ""},
      {"raw text ends only at its own end tag", "<xmp></xmpx>" + Repeat("<div>", 1001), ""},
      {"nesting still counts", "<body>" + Repeat("<div>", 1001),
       "5001: elements nested more than 1000 deep"},
  };
}

TEST_CASE("the post pre-check counts what the HTML parser builds") {
  for (const Case& c : Cases()) {
    CAPTURE(c.name);
    CHECK(Check(c.html) == c.want);
  }
}

// The elements gumbo made up: reconstructed or cloned formatting elements.
size_t GumboReopened(const GumboNode* node) {
  constexpr unsigned kMadeUp =
      GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT | GUMBO_INSERTION_ADOPTION_AGENCY_CLONED;
  const GumboVector* children = nullptr;
  size_t count = 0;
  if (node->type == GUMBO_NODE_DOCUMENT) {
    children = &node->v.document.children;
  } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    children = &node->v.element.children;
    if (node->parse_flags & kMadeUp) ++count;
  }
  for (unsigned i = 0; children && i < children->length; ++i) {
    count += GumboReopened(static_cast<const GumboNode*>(children->data[i]));
  }
  return count;
}

TEST_CASE("the pre-check never counts fewer reopened elements than gumbo builds") {
  // Tag soups of formatting elements, blocks, lists, tables, objects,
  // headings and SVG, with and without a doctype (quirks mode).
  const char* kTokens[] = {"<b>",
                           "<b id=1>",
                           "<i>",
                           "<a href=x>",
                           "<em>",
                           "</b>",
                           "</i>",
                           "</a>",
                           "</em>",
                           "<p>",
                           "</p>",
                           "<div>",
                           "</div>",
                           "<li>",
                           "<ul>",
                           "</ul>",
                           "<table>",
                           "<td>",
                           "<tr>",
                           "</table>",
                           "</td>",
                           "x",
                           " ",
                           "<span>",
                           "</span>",
                           "<svg>",
                           "</svg>",
                           "<nobr>",
                           "<font color=r>",
                           "</font>",
                           "<object>",
                           "</object>",
                           "<h1>",
                           "</h2>",
                           "<br>",
                           "<button>",
                           "</button>",
                           "<blockquote>",
                           "</blockquote>"};
  std::mt19937 random(20261201);
  int exact = 0;
  const int kRuns = 3000;
  for (int run = 0; run < kRuns; ++run) {
    std::string html = run % 2 ? "<!DOCTYPE html><body>" : "<body>";
    for (int n = static_cast<int>(random() % 60); n > 0; --n) {
      html += kTokens[random() % (sizeof(kTokens) / sizeof(kTokens[0]))];
    }
    size_t counted = 0;
    PrescanHtml(html, &counted);
    GumboOutput* output = gumbo_parse(html.c_str());
    size_t built = GumboReopened(output->document);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    CAPTURE(html);
    CHECK(counted >= built);
    exact += counted == built;
  }
  MESSAGE(exact << " of " << kRuns << " counted exactly");
}

}  // namespace
}  // namespace l10n
