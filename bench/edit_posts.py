#!/usr/bin/env python3
"""edit_posts.py SRC_DIR DST_DIR STEP SUFFIX: an author's edit, for
bench/tools.sh. For every STEP-th post of SRC_DIR (sorted names, the first
included), writes into DST_DIR the post with one word of its longest
paragraph text (a <p> up to its first tag) followed by SUFFIX ("s": "visit"
becomes "visits"); with SUFFIX "" the post as SRC_DIR has it (the edit
undone). The word is the edited post's rank among the edited ones, modulo
the paragraph's words, so that posts made from the same seed post mostly get
different new strings (2,000 posts, STEP 10: 142 distinct paragraphs).
Only those posts are written: every other file of DST_DIR keeps its bytes
and its mtime. Prints how many posts it wrote. Deterministic.
"""
import os
import re
import sys

PARAGRAPH = re.compile(r"<p>([^<]{20,})")


def edit(text, number, step, suffix):
    matches = list(PARAGRAPH.finditer(text))
    if not matches or not suffix:
        return text
    m = max(matches, key=lambda m: len(m.group(1)))
    words = m.group(1).split(" ")
    j = number // step % len(words)
    words[j] += suffix
    return text[: m.start(1)] + " ".join(words) + text[m.end(1):]


def main():
    src, dst, step, suffix = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    names = sorted(n for n in os.listdir(src) if n.endswith(".html"))
    written = 0
    for number in range(0, len(names), step):
        name = names[number]
        with open(os.path.join(src, name), encoding="utf-8", newline="") as f:
            text = f.read()
        with open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as f:
            f.write(edit(text, number, step, suffix))
        written += 1
    print(written)


if __name__ == "__main__":
    main()
