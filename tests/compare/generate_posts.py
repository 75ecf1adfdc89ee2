#!/usr/bin/env python3
"""generate_posts.py SOURCE_DIR OUT_DIR COUNT [--errors]

Writes COUNT posts derived from the posts in SOURCE_DIR into OUT_DIR.

Used by tests/compare/compare-outputs.sh: the generated posts exercise what
the tools do on a real site (exact matches, fuzzy matches, new strings,
WordPress shortcodes and comments, attributes, dates, categories, lang
attributes) without committing 2,000 files. With --errors, one post in twelve has no
<html lang>, which stops every tool. Deterministic: the same inputs
give the same posts.
"""
import os
import random
import re
import sys


ERRORS = False


def variants(text, i, rng):
    kind = i % 6
    if kind == 0:  # a copy: every string an exact match
        return text
    if kind == 1:  # one word changed in one paragraph: fuzzy matches
        paragraphs = [m for m in re.finditer(r"<p>([^<]{20,})", text)]
        if paragraphs:
            m = paragraphs[rng.randrange(len(paragraphs))]
            words = m.group(1).split(" ")
            j = rng.randrange(len(words))
            words[j] = words[j] + "s"
            return text[: m.start(1)] + " ".join(words) + text[m.end(1):]
        return text
    if kind == 2:  # new strings with numbers and inline markup
        extra = (
            f'<p>Report {i}: <strong>{i * 7} people</strong> took part in '
            f'<a href="/r/{i}">the workshop</a> &amp; the forum.<br>'
            f'See <em>page {i % 13}</em>.</p>\n'
            f'<p><img src="/i/{i}.jpg" alt="Photo {i} of the team"></p>\n'
        )
        return text.replace("</body>", extra + "</body>", 1) if "</body>" in text else text + extra
    if kind == 3:  # WordPress: shortcodes, <!--more-->, Gutenberg blocks
        extra = (
            '<!-- wp:paragraph -->\n'
            f'<p>[caption id="attachment_{i}"]<img src="/c/{i}.jpg" alt="Caption image {i}">'
            f' The team in session {i}[/caption]</p>\n'
            '<!-- /wp:paragraph -->\n<!--more-->\n'
            f'<p>[gallery ids="{i},{i + 1}"] Photos of day {i % 5}.</p>\n'
            '<pre class="wp-block-verse">Line one of the poem\n  line two</pre>\n'
        )
        return text.replace("</body>", extra + "</body>", 1) if "</body>" in text else text + extra
    if kind == 4:  # no lang attribute, or another one
        if ERRORS and i % 12 == 4:  # an error: the whole run stops
            return re.sub(r'<html lang="[^"]*"', '<html', text, count=1)
        return re.sub(r'<html lang="([a-z]+)"', r'<html lang="\1-\1"', text, count=1)
    # kind 5: a date and a title changed
    text = re.sub(r"<title>", f"<title>({i}) ", text, count=1)
    return text.replace("</body>", f'<p>Posted on <time datetime="2024-0{1 + i % 9}-1{i % 10}">'
                        f'a day</time>.</p>\n</body>', 1)


def main():
    global ERRORS
    source_dir, out_dir, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ERRORS = sys.argv[4:] == ["--errors"]
    sources = sorted(f for f in os.listdir(source_dir) if f.endswith(".html"))
    texts = [open(os.path.join(source_dir, f), encoding="utf-8").read() for f in sources]
    rng = random.Random(13)
    os.makedirs(out_dir, exist_ok=True)
    for i in range(count):
        k = i % len(sources)
        name = f"{i:04d}-{sources[k]}"
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write(variants(texts[k], i, rng))


if __name__ == "__main__":
    main()
