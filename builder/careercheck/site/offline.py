"""The site's service worker (sw.js at its root, from service-worker.js): what it keeps from the
first visit, so that a second visit downloads nothing it already has and a check works offline.

Kept at once: for every language's site its home page, check pages and 404 page with the style
sheets, scripts and pictures they name, and the files the check pages' scripts load
(assets/careercheck: modules, specs, the occupation index); the shared runtime.
Other pages are kept when visited. The version is a digest of every file, so any change to the
site is a new version.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

SERVICE_WORKER = "sw.js"
TEMPLATE = Path(__file__).with_name("service-worker.js")
# Per language's site (a folder with index.html and assets/): its pages to keep at once, and what the
# check pages' scripts load rather than name (modules, specs, the occupation index).
PAGES = ("index.html", "404.html", "checks/*/index.html")
LOADED = "assets/careercheck/**/*"
RUNTIME = "assets/pyodide/*/*"  # shared by every language's site, in a folder named by its digest
NOT_KEPT = {".br", ".gz", ".map"}  # the server's copies, and maps for developers
# ESCO's job index, about 0.2 MB on the wire per language, is for the job search of one check: kept
# when that search first fetches it, not with every first visit.
WHEN_USED = "esco-occupations.*.json"


def write_service_worker(site: Path) -> None:
    roots = [site, *(p.parent for p in site.glob("*/index.html") if (p.parent / "assets").is_dir())]
    pages = {f for root in roots for pattern in PAGES for f in root.glob(pattern)}
    found = pages | {f for page in pages for f in _named_in(site, page)} | set(site.glob(RUNTIME))
    found |= {f for root in roots for f in root.glob(LOADED)}
    files = sorted(_url(site, f) for f in found if f.is_file() and f.suffix not in NOT_KEPT and not f.match(WHEN_USED))
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("{{VERSION}}", _digest(site)).replace("{{FILES}}", json.dumps(files, indent=0))
    (site / SERVICE_WORKER).write_text(text, encoding="utf-8")


class _Names(HTMLParser):
    """The addresses of a page's style sheets, scripts, icons and pictures."""

    ATTRIBUTES = {("link", "href"), ("script", "src"), ("img", "src")}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if (tag, name) in self.ATTRIBUTES and value]


def _named_in(site: Path, page: Path) -> list[Path]:
    """The files of this site a page names (links to other pages are kept when visited)."""
    names = _Names()
    names.feed(page.read_text(encoding="utf-8"))
    base = page.parent.relative_to(site).as_posix()
    found = []
    for address in names.found:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = posixpath.normpath(posixpath.join("" if parts.path.startswith("/") else base, parts.path.lstrip("/")))
        file = site / path
        if not path.startswith("..") and file.is_file():
            found.append(file)
    return found


def _url(site: Path, file: Path) -> str:
    """The address a browser asks for: a folder's, for its index.html."""
    path = file.relative_to(site).as_posix()
    return path.removesuffix("index.html") or "./"


def _digest(site: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix not in NOT_KEPT and p.name != SERVICE_WORKER):
        digest.update(file.relative_to(site).as_posix().encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:16]
