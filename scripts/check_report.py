#!/usr/bin/env python3
"""Loads the reproduction report in headless Chromium, page by page, and checks that its sections exist.

One browser (a fresh profile, no background networking) serves every page through the DevTools protocol over a
pipe (--remote-debugging-pipe); for each page it waits for the load event and reads what the DOM holds:
  index.html       the per-paper table with a row for every paper of docs/items.json, the deviations, the items
                   not covered, the problems and the notebook list, with a link to every notebook's page;
  pages/<nb>.html  the title, the paper items, the verdict, the claims, every figure loaded and captioned, and a
                   link to the executed notebook that resolves to a file.
Exit status 0 when every page passes, 1 otherwise (each failure is printed). An argument names another report
directory (default target/reproduction). The browser is $ATTNLAB_CHROMIUM,
else the first of chromium, chromium-browser, google-chrome on the PATH (scripts/install.sh installs one).
"""
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
REPRO = ROOT / "target" / "reproduction"
TIMEOUT = 60
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--remote-debugging-pipe"]

PROBE = """JSON.stringify({
  ids: Array.from(document.querySelectorAll('[id]')).map(x => x.id),
  h1: (document.querySelector('h1') || {}).textContent || '',
  images: document.images.length,
  loaded: Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0).length,
  figures: document.querySelectorAll('figure').length,
  captioned: Array.from(document.querySelectorAll('figure')).filter(f => f.querySelector('img')
      && (f.querySelector('figcaption') || {}).textContent && f.querySelector('figcaption').textContent.trim().length > 12).length,
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
  paperRows: Array.from(document.querySelectorAll('#papers + table tr td:first-child')).map(td => td.textContent),
  verdict: ((document.getElementById('verdict') || {}).nextElementSibling || {}).textContent || ''
})"""


def chromium():
    env = os.environ.get("ATTNLAB_CHROMIUM")
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("check_report: no Chromium on the PATH (bash scripts/install.sh installs Debian's chromium; "
             "or set ATTNLAB_CHROMIUM)")


class Browser:
    """A headless Chromium driven through the DevTools protocol on file descriptors 3 and 4."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="attnlab-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def fds():
            # the browser reads commands on fd 3 and writes answers on fd 4; everything else closes on exec
            a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 100)
            b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 100)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen([chromium(), *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False,
                                     preexec_fn=fds)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf, self.next_id, self.events = b"", 0, []

    def _read(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_child], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, session):
        deadline = time.monotonic() + TIMEOUT
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method and m.get("sessionId") == session:
                    del self.events[: i + 1]
                    return m
            self.events.append(self._read(deadline))

    def probe(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_event("Page.loadEventFired", session)
        r = self.send("Runtime.evaluate", {"expression": PROBE, "returnByValue": True}, session=session)
        self.send("Target.closeTarget", {"targetId": target})
        return json.loads(r["result"]["value"])

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:  # noqa: BLE001 - the browser may already be gone
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def local(href):
    u = urlparse(href)
    return Path(unquote(u.path)) if u.scheme == "file" else None


def check_index(p, papers, notebooks):
    errors = []
    for section in ("papers", "deviations", "not-covered", "problems", "notebooks", "claims"):
        if section not in p["ids"]:
            errors.append(f"index.html: no section #{section}")
    for paper in papers:
        if not any(row.startswith(paper["id"] + ":") for row in p["paperRows"]):
            errors.append(f"index.html: the per-paper table has no row for paper {paper['id']}")
    pages = {local(h).name for h in p["links"] if local(h) and local(h).parent.name == "pages"}
    for nb in notebooks:
        if Path(nb).stem + ".html" not in pages:
            errors.append(f"index.html: no link to the page of {nb}")
    return errors


def check_page(name, p):
    errors = []
    for section in ("title", "items", "verdict", "claims", "figures", "executed"):
        if section not in p["ids"]:
            errors.append(f"{name}: no section #{section}")
    if not p["h1"].strip():
        errors.append(f"{name}: no title")
    if len(p["verdict"].strip()) < 20:
        errors.append(f"{name}: the verdict is empty")
    if p["loaded"] != p["images"]:
        errors.append(f"{name}: {p['images'] - p['loaded']} of {p['images']} images did not load")
    if p["captioned"] != p["figures"] or p["figures"] != p["images"]:
        errors.append(f"{name}: {p['figures']} figures, {p['captioned']} with an image and a caption, "
                      f"{p['images']} images")
    executed = [local(h) for h in p["links"] if local(h) and local(h).parent.name == "executed"]
    if not executed:
        errors.append(f"{name}: no link to the executed notebook")
    errors += [f"{name}: broken link {x}" for x in executed if not x.exists()]
    return errors


def main():
    repro = Path(sys.argv[1]) if len(sys.argv) > 1 else REPRO   # another report directory (the check's own test)
    index = repro / "index.html"
    if not index.exists():
        sys.exit(f"check_report: {index} is missing; run the notebooks first")
    papers = json.loads((ROOT / "docs" / "items.json").read_text())["papers"]
    notebooks = [r["notebook"] for r in json.loads((repro / "run.json").read_text())]
    t0 = time.monotonic()
    browser = Browser()
    errors, pages = [], 0
    try:
        errors += check_index(browser.probe(index.as_uri()), papers, notebooks)
        pages += 1
        for nb in notebooks:
            page = repro / "pages" / (Path(nb).stem + ".html")
            if not page.exists():
                errors.append(f"{page.name}: missing")
                continue
            errors += check_page(page.name, browser.probe(page.as_uri()))
            pages += 1
    finally:
        browser.close()
    for err in errors:
        print(f"check_report: {err}", file=sys.stderr)
    print(f"check_report: {pages} pages loaded in headless Chromium in {time.monotonic() - t0:.1f} s, "
          f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
