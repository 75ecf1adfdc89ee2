#!/usr/bin/env python3
"""close_tags.py IN_DIR OUT_DIR: copies every *.html of IN_DIR into OUT_DIR
with the end tags that HTML5 lets a page leave out written in (</p> before a
block or at its parent's end, </li> before the next item or at the list's
end, </dt>, </dd>, </tr>, </td>, </th>, </option>, the table sections).

For bench/tools.sh: translate-toolkit's html2po and po2html read HTML with a
strict tag stack and refuse a page with an implied end tag ("Mismatched
closing tag: expected 'li' got 'ul'"); most generated posts have one, as the
corpus does. The page parses to the same tree in a browser (and in gumbo,
which our tools use); only the omitted end tags are added, every other byte
stays. Both tools then read the same files. Deterministic; stdlib only.
"""
import html.parser
import os
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr"}
# A start tag of these closes an open <p> (HTML5 "in body" insertion mode).
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "dialog",
            "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
            "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"}
# Elements whose end tag may be left out, and the start tags that end them.
IMPLIED = {"p", "li", "dt", "dd", "option", "tr", "td", "th", "thead",
           "tbody", "tfoot", "colgroup"}
ENDED_BY = {
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "option": {"option"},
    "td": {"td", "th", "tr", "tbody", "tfoot"},
    "th": {"td", "th", "tr", "tbody", "tfoot"},
    "tr": {"tr", "tbody", "tfoot"},
    "thead": {"tbody", "tfoot"},
    "tbody": {"tbody", "tfoot"},
    "colgroup": {"thead", "tbody", "tfoot", "tr", "col"},
}


class Closer(html.parser.HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=False)
        self.starts = [0]
        for line in text.split("\n"):
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.stack = []
        self.inserts = []  # (offset, text)

    def char_offset(self):
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def close_top(self, at):
        self.inserts.append((at, "</%s>" % self.stack.pop()))

    def handle_starttag(self, tag, attrs):
        at = self.char_offset()
        while self.stack:
            top = self.stack[-1]
            if top == "p" and tag in CLOSES_P:
                self.close_top(at)
            elif top in ENDED_BY and tag in ENDED_BY[top]:
                self.close_top(at)
            elif top == "p" and tag in ("li", "dt", "dd") and len(self.stack) > 1 \
                    and self.stack[-2] in ("li", "dt", "dd"):
                self.close_top(at)
            else:
                break
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        at = self.char_offset()
        while self.stack[-1] != tag and self.stack[-1] in IMPLIED:
            self.close_top(at)
        if self.stack[-1] == tag:
            self.stack.pop()

    def close(self):
        super().close()


def close_tags(text):
    parser = Closer(text)
    parser.feed(text)
    parser.close()
    out, last = [], 0
    for at, tag in parser.inserts:
        out.append(text[last:at])
        out.append(tag)
        last = at
    out.append(text[last:])
    return "".join(out)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".html"):
            continue
        with open(os.path.join(src, name), encoding="utf-8", newline="") as f:
            text = f.read()
        with open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as f:
            f.write(close_tags(text))


if __name__ == "__main__":
    main()
