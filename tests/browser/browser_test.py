#!/usr/bin/env python3
"""The published site in a browser (issue 15): two Spanish pages of public/
opened in headless Chromium, a category link followed on one and a link to
another post on the other, each landing on a Spanish page
(document.documentElement.lang).

  browser_test.py BUILD_DIR SOURCE_DIR [PROJECT_DIR]

Runs l10n-extract and l10n-merge on a copy of the project (PROJECT_DIR, by
default SOURCE_DIR: its l10n.toml, corpus/, locales/), then serves the site
over HTTPS on 127.0.0.1 (a certificate made for the run; Chromium maps the
[site] base URL's host there with --host-resolver-rules, every other host to
nothing, so no request leaves the machine). The server maps the site's URLs
as the [site] settings say:
  - a post URL of LANG with SLUG: public/LANG/SLUG.html when merge wrote it;
  - a [site] page or a category URL of LANG: a stand-in page
    <html lang="LANG"> naming the URL. Those pages are the site's own (the
    CMS serves them), not published by l10n-merge; the stand-in stands for
    the rule the real site follows (a URL of the Spanish patterns is a
    Spanish page), so what is checked is that the link was made a Spanish
    URL, nothing more;
  - anything else: 404 (a link to it fails the test).
Chromium is driven over the DevTools protocol on a pipe
(--remote-debugging-pipe), with Python's standard library only.

Exit status: 0 pass, 1 fail, 77 skipped (no chromium or openssl: install
them with `sh scripts/deps.sh browser`; or no [site] settings in l10n.toml).
"""

import http.server
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import tomllib
import urllib.parse

from site_util import built_site, fail, skip


def pattern_regex(pattern):
    """'/es/{slug}/' -> a regex of the paths it writes, trailing slash optional."""
    parts = pattern.rstrip("/").split("{slug}")
    body = "[^/]+".join(re.escape(p) for p in parts)
    return re.compile("^" + body + "/?$")


class Site:
    """The [site] settings and what the server answers for each path."""

    def __init__(self, config, root):
        site = config.get("site")
        if not site:
            skip("l10n.toml has no [site] settings: the site has no URLs to serve")
        self.languages = [l.split("-")[0] for l in config["project"]["languages"]]
        base = urllib.parse.urlsplit(site["base_url"])
        self.scheme, self.host = base.scheme, base.hostname
        self.prefix = base.path.rstrip("/")
        self.post_url = site.get("url", {})
        self.category_url = site.get("category_url", {})
        self.files = {}  # path without trailing slash -> (file, lang)
        for lang, pattern in self.post_url.items():
            folder = os.path.join(root, "public", lang)
            if not os.path.isdir(folder):
                continue
            for name in sorted(os.listdir(folder)):
                if name.endswith(".html"):
                    path = pattern.replace("{slug}", name[: -len(".html")])
                    self.files[path.rstrip("/")] = (os.path.join(folder, name), lang)
        self.pages = {}  # path without trailing slash -> lang
        for key, table in site.get("pages", {}).items():
            own = [l for l in self.languages if l not in table]
            if len(own) == 1:
                self.pages[key.rstrip("/")] = own[0]
            for lang, path in table.items():
                self.pages[path.rstrip("/")] = lang

    def local(self, url):
        """The path below the base URL of `url`, or None for another site."""
        u = urllib.parse.urlsplit(url)
        if u.hostname != self.host or not u.path.startswith(self.prefix):
            return None
        return u.path[len(self.prefix):] or "/"

    def url(self, path):
        return f"{self.scheme}://{self.host}{self.prefix}{path}"

    def kind(self, path):
        """('post', lang, file), ('page' | 'category', lang, None) or None."""
        key = path.rstrip("/")
        if key in self.files:
            file, lang = self.files[key]
            return ("post", lang, file)
        if key in self.pages:
            return ("page", self.pages[key], None)
        for lang, pattern in self.category_url.items():
            if pattern_regex(pattern).match(path):
                return ("category", lang, None)
        return None

    def is_post_url(self, path):
        return any(pattern_regex(p).match(path) for p in self.post_url.values())


def serve(site, cert, key):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            path = urllib.parse.urlsplit(self.path).path
            if site.prefix and path.startswith(site.prefix):
                path = path[len(site.prefix):] or "/"
            found = site.kind(path)
            if not found:
                self.send_error(404)
                return
            kind, lang, file = found
            if file:
                with open(file, "rb") as f:
                    body = f.read()
            else:
                body = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
                        f"<title>{kind} {path}</title></head><body><p>The site's {kind} page "
                        f"{path} (a stand-in: l10n-merge does not publish it).</p></body>"
                        "</html>\n").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Browser:
    """Headless Chromium over the DevTools protocol on a pipe (fd 3 in, 4 out)."""

    def __init__(self, chromium, host, port, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # Chromium reads fd 3 and writes fd 4: the pipe ends are moved there
        # (through fds above both, in case one of them is 3 or 4); the
        # child keeps 3 and 4 open (pass_fds), closing the others.
        def child():
            r, w = os.dup(to_chrome_r), os.dup(from_chrome_w)
            r, w = os.dup2(r, 100), os.dup2(w, 101)
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--remote-debugging-pipe", "--no-sandbox",
             "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--ignore-certificate-errors", f"--user-data-dir={profile}",
             f"--host-resolver-rules=MAP {host} 127.0.0.1:{port}, MAP * ~NOTFOUND",
             "about:blank"],
            preexec_fn=child, pass_fds=(3, 4),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chrome, 65536)
            if not chunk:
                fail("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_load(self):
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == "Page.loadEventFired":
                    del self.events[: i + 1]
                    return
            self.events.append(self.read())

    def open(self, url):
        self.events.clear()
        result = self.call("Page.navigate", {"url": url}, session=True)
        if result.get("errorText"):
            fail(f"{url}: {result['errorText']}")
        self.wait_load()

    def eval(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True}, session=True)
        return result["result"].get("value")

    def close(self):
        try:
            self.call("Browser.close")
        except SystemExit:
            pass
        self.proc.wait(timeout=30)


# The links a reader follows to another page: not the language switcher's,
# which lead into the other language on purpose.
LINKS = "document.querySelectorAll('a[href]:not([data-l10n-alternate])')"


def land(browser, site, page_url, index, href):
    """Clicks the page's `index`-th link and checks where it lands."""
    browser.events.clear()
    browser.eval(f"{LINKS}[{index}].click()")
    browser.wait_load()
    landed = browser.eval("location.href")
    lang = browser.eval("document.documentElement.lang")
    status = browser.eval("document.title")
    print(f"  {page_url}: {href} -> {landed}: lang={lang!r} ({status})")
    if lang != "es":
        fail(f"the link {href} on {page_url} lands on {landed}, whose language is {lang!r}")


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    build, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    project = sys.argv[3] if len(sys.argv) > 3 else source
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        skip("chromium is not installed (sh scripts/deps.sh browser)")
    if not shutil.which("openssl"):
        skip("openssl is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        root = built_site(build, project, tmp)
        with open(os.path.join(root, "l10n.toml"), "rb") as f:
            site = Site(tomllib.load(f), root)
        cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", f"/CN={site.host}", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        server = serve(site, cert, key)
        browser = Browser(chromium, site.host, server.server_address[1],
                          os.path.join(tmp, "profile"))
        try:
            spanish = sorted(p for p, (_, lang) in site.files.items() if lang == "es")
            if len(spanish) < 2:
                fail(f"{len(spanish)} Spanish pages in public/es/: two are needed")
            # Each Spanish page's links, as the browser resolves them.
            links = {}
            for path in spanish:
                url = site.url(path + "/")
                browser.open(url)
                lang = browser.eval("document.documentElement.lang")
                if lang != "es":
                    fail(f"{url} is not Spanish: lang={lang!r}")
                hrefs = browser.eval(f"Array.from({LINKS}, a => a.href)")
                links[path] = (url, hrefs)
            # A category link on one page, a link to another post on another.
            def find(want, avoid=None):
                for path in spanish:
                    if path == avoid:
                        continue
                    url, hrefs = links[path]
                    for i, href in enumerate(hrefs):
                        local = site.local(href)
                        if local is None or local.rstrip("/") == path:
                            continue
                        if want(local):
                            return path, url, i, href
                return None
            category = find(lambda p: any(pattern_regex(c).match(p)
                                          for c in site.category_url.values()))
            if not category:
                fail("no Spanish page has a category link")
            browser.open(category[1])
            land(browser, site, *category[1:])
            post = find(lambda p: site.is_post_url(p) and p.rstrip("/") not in site.pages and
                        not any(pattern_regex(c).match(p) for c in site.category_url.values()),
                        avoid=category[0])
            if not post:
                fail("no other Spanish page has a link to another post")
            browser.open(post[1])
            land(browser, site, *post[1:])
        finally:
            browser.close()
            server.shutdown()
    print("ok: two Spanish pages, a category link and a link to another post, each lands on a "
          "Spanish page")


if __name__ == "__main__":
    main()
