#!/usr/bin/env python3
"""The translation status page in a browser (issue 18): l10n-check
--format=html -o public/status.html on a copy of the project, with one
Spanish string made fuzzy and one untranslated, loaded in headless Chromium
(--dump-dom); the DOM it renders must hold, for every catalog, the figures
msgfmt --statistics gives for it, one row per post its references name, the
Last-Translator of its header, and links that lead to files. A screenshot of
the page as a phone shows it (412 px wide), in English and in Spanish, is
written to BUILD_DIR for a person to look at; its path is printed.

  status_page_test.py BUILD_DIR SOURCE_DIR [PROJECT_DIR]

Exit status: 0 pass, 1 fail, 77 skipped (no chromium or msgfmt: install
them with `sh scripts/deps.sh browser`).
"""

import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

from site_util import built_site, fail, skip


def entries(text):
    """The PO file's entries, as blocks of lines (the header first)."""
    return [b for b in re.split(r"\n\s*\n", text) if b.strip()]


def degrade(path):
    """Makes one translated entry fuzzy and another untranslated."""
    with open(path, encoding="utf-8") as f:
        blocks = entries(f.read())
    plain = [i for i, b in enumerate(blocks[1:], 1)
             if re.search(r'^msgstr "[^"\n]+"$', b, re.M) and "msgctxt" not in b
             and "#," not in b and "msgid_plural" not in b and not b.startswith("#~")]
    if len(plain) < 2:
        fail(f"{path}: fewer than two plain translated entries to change")
    fuzzy, untranslated = plain[0], plain[1]
    lines = blocks[fuzzy].split("\n")
    at = next(i for i, l in enumerate(lines) if l.startswith("msgid "))
    blocks[fuzzy] = "\n".join(lines[:at] + ["#, fuzzy"] + lines[at:])
    blocks[untranslated] = re.sub(r'^msgstr "[^"\n]+"$', 'msgstr ""', blocks[untranslated],
                                  flags=re.M)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(blocks) + "\n")


def msgfmt_statistics(path):
    """(translated, fuzzy, untranslated) as msgfmt counts them."""
    run = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, path],
                         capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
    if run.returncode != 0:
        fail(f"msgfmt {path}: {run.stderr}")
    def count(word):
        m = re.search(r"(\d+) " + word, run.stderr)
        return int(m.group(1)) if m else 0
    return count("translated"), count("fuzzy"), count("untranslated")


def header_field(path, name):
    with open(path, encoding="utf-8") as f:
        header = entries(f.read())[0]
    m = re.search(r'^"' + re.escape(name) + r': (.*)\\n"$', header, re.M)
    return m.group(1) if m else None


def referenced_posts(path):
    """The files the active entries' "#:" references name."""
    posts = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#: "):
                for ref in line[3:].split():
                    posts.add(ref.rsplit(":", 1)[0] if re.search(r":\d+$", ref) else ref)
    return posts


class Dom(html.parser.HTMLParser):
    """The rendered page: per catalog section its rows' counts, posts,
    header fields; every link."""

    def __init__(self):
        super().__init__()
        self.catalogs = {}  # data-path -> {"total": {...}, "posts": [...], fields}
        self.links = []
        self.summary = ""
        self.lang = None
        self.catalog = None
        self.row = None
        self.capture = None  # (dict, key) the text goes to
        self.in_summary = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "section" and "catalog" in (a.get("class") or ""):
            self.catalog = {"posts": [], "counts": {}}
            self.catalogs[a.get("data-path")] = self.catalog
        if tag == "tr" and self.catalog is not None:
            self.row = {"post": a.get("data-post"), "class": a.get("class"), "counts": {}}
        if "data-count" in a and self.row is not None:
            self.capture = (self.row["counts"], a["data-count"])
        if "data-field" in a and self.catalog is not None:
            self.capture = (self.catalog, a["data-field"])
        if "data-stale" in a and self.catalog is not None:
            self.catalog["stale"] = a["data-stale"]
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if a.get("id") == "summary":
            self.in_summary = True

    def handle_endtag(self, tag):
        if tag == "tr" and self.row is not None:
            if self.row["class"] == "total":
                self.catalog["total"] = self.row["counts"]
            elif self.row["class"] == "post":
                self.catalog["posts"].append(self.row["post"])
            self.row = None
        if tag == "section":
            self.catalog = None
        if tag == "p":
            self.in_summary = False
        self.capture = None

    def handle_data(self, data):
        if self.capture:
            target, key = self.capture
            target[key] = target.get(key, "") + data
        if self.in_summary:
            self.summary += data


def render(chromium, profile, page, screenshot):
    url = "file://" + urllib.parse.quote(os.path.abspath(page))
    common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
              "--disable-extensions", f"--user-data-dir={profile}"]
    dom = subprocess.run(common + ["--dump-dom", url], capture_output=True, text=True,
                         timeout=120)
    if dom.returncode != 0 or "<html" not in dom.stdout:
        fail(f"chromium --dump-dom {url}: exit {dom.returncode}: {dom.stderr[-2000:]}")
    shot = subprocess.run(common + ["--hide-scrollbars", "--window-size=412,2400",
                                    f"--screenshot={screenshot}", url],
                          capture_output=True, text=True, timeout=120)
    if shot.returncode != 0 or not os.path.exists(screenshot):
        fail(f"chromium --screenshot {url}: exit {shot.returncode}: {shot.stderr[-2000:]}")
    parsed = Dom()
    parsed.feed(dom.stdout)
    return parsed


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    build, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    project = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else source
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        skip("chromium is not installed (sh scripts/deps.sh browser)")
    if not shutil.which("msgfmt"):
        skip("msgfmt (gettext) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        root = built_site(build, project, tmp)
        degrade(os.path.join(root, "locales", "es.po"))
        pages = {}
        for ui in ("en", "es"):
            page = os.path.join(root, "public", f"status.{ui}.html")
            run = subprocess.run(
                [os.path.join(build, "l10n-check"), "--format=html", "-o", page], cwd=root,
                capture_output=True, text=True,
                env=dict(os.environ, LANG="C.UTF-8", LANGUAGE=ui))
            # Untranslated strings are errors by default: exit 1, page written.
            if run.returncode not in (0, 1) or not os.path.exists(page):
                fail(f"l10n-check --format=html: exit {run.returncode}: {run.stderr}")
            shot = os.path.join(build, f"status-page-{ui}.png")
            pages[ui] = (page, render(chromium, os.path.join(tmp, "profile"), page, shot))
            print(f"screenshot ({ui}): {shot}")

        page, dom = pages["en"]
        checked = 0
        for path, catalog in sorted(dom.catalogs.items()):
            po = os.path.join(root, path)
            if not os.path.exists(po):
                fail(f"the page names a catalog {path} that does not exist")
            want = dict(zip(("translated-strings", "fuzzy-strings", "untranslated-strings"),
                            msgfmt_statistics(po)))
            got = {k: int(catalog["total"][k]) for k in want}
            if got != want:
                fail(f"{path}: the page shows {got}, msgfmt --statistics counts {want}")
            posts = set(catalog["posts"])
            if posts != referenced_posts(po):
                fail(f"{path}: rows for {sorted(posts)}, references name "
                     f"{sorted(referenced_posts(po))}")
            translator = header_field(po, "Last-Translator")
            if catalog.get("last-translator") != translator:
                fail(f"{path}: last translator {catalog.get('last-translator')!r}, "
                     f"the header says {translator!r}")
            print(f"{path}: {got} as msgfmt counts, {len(posts)} posts, "
                  f"translator {translator!r}")
            checked += 1
        if checked < 2 or "locales/es.po" not in dom.catalogs:
            fail(f"{checked} catalogs on the page, locales/es.po among them expected")
        es = dom.catalogs["locales/es.po"]["total"]
        if int(es["fuzzy-strings"]) < 1 or int(es["untranslated-strings"]) < 1:
            fail(f"locales/es.po: the fuzzy and untranslated strings made are not shown: {es}")
        folder = os.path.dirname(page)
        for href in dom.links:
            target = os.path.normpath(os.path.join(folder, urllib.parse.unquote(href)))
            if not os.path.isfile(target):
                fail(f"the link {href} leads to no file ({target})")
        published = [h for h in dom.links if h.startswith(("es/", "en/"))]
        if not published:
            fail("no link to a published page")
        print(f"{len(dom.links)} links lead to files, {len(published)} to published pages")

        _, spanish = pages["es"]
        if not re.search(r"\d+ errores", spanish.summary):
            fail(f"LANGUAGE=es: the summary is not in Spanish: {spanish.summary!r}")
        print(f"LANGUAGE=es: {spanish.summary!r}")
    print("PASS")


if __name__ == "__main__":
    main()
