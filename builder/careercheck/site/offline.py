"""The site's service worker (sw.LANGUAGE.js at its root, from service-worker.js): what it keeps from
the first visit, so that a second visit downloads nothing it already has and a check works offline.

Kept at once: the shared runtime, and for the language of the page that registers it that language's
home page, check pages and 404 page with the style sheets, scripts and pictures they name, and the
files the check pages' scripts load (assets/careercheck: modules, specs, the occupation index). A page
of another language registers that language's worker, which the browser installs in its place, into
the same cache: then that language is kept too. Other pages are kept when visited. The version is a
digest of every file, so any change to the site is a new version.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

SERVICE_WORKER = "sw.{language}.js"  # at the site's root, so that it may keep every page
TEMPLATE = Path(__file__).with_name("service-worker.js")
# Per language's site (a folder with index.html and assets/): its pages to keep at once, and what the
# check pages' scripts load rather than name (modules, specs, the occupation index).
PAGES = ("index.html", "404.html", "checks/*/index.html")
LOADED = "assets/careercheck/**/*"
RUNTIME = "assets/pyodide/*/*"  # shared by every language's site, in a folder named by its digest
NOT_KEPT = {".br", ".gz", ".map"}  # the server's copies, and maps for developers
# Kept when first fetched, not with every first visit: ESCO's job index (about 0.2 MB on the wire per
# language, for the job search of one check) and segno (0.08 MB, for a QR code of a link).
WHEN_USED = ("esco-occupations.*.json", "segno.zip")


def write_service_workers(site: Path) -> None:
    """sw.LANGUAGE.js for each language's site: the runtime and that language's files (FILES)."""
    roots = [site, *(p.parent for p in site.glob("*/index.html") if (p.parent / "assets").is_dir())]
    runtime, version = set(site.glob(RUNTIME)), _digest(site)
    for root in roots:
        text = TEMPLATE.read_text(encoding="utf-8").replace("{{VERSION}}", version)
        text = text.replace("{{FILES}}", json.dumps(_urls(site, runtime | _kept_for(site, root)), indent=0))
        (site / SERVICE_WORKER.format(language=_language(root))).write_text(text, encoding="utf-8")


def _kept_for(site: Path, root: Path) -> set[Path]:
    """One language's pages kept at once, what they name and what their scripts load."""
    pages = {f for pattern in PAGES for f in root.glob(pattern)}
    return pages | {f for page in pages for f in _named_in(site, page)} | set(root.glob(LOADED))


def _language(root: Path) -> str:
    """The language of a language's site, as its pages declare it (``<html lang>``)."""
    found = re.search(r'<html[^>]*\slang="([^"]+)"', (root / "index.html").read_text(encoding="utf-8"))
    return found[1] if found else root.name


def _urls(site: Path, files: set[Path]) -> list[str]:
    return sorted(_url(site, f) for f in files if f.is_file() and f.suffix not in NOT_KEPT and not any(f.match(p) for p in WHEN_USED))


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
    for file in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix not in NOT_KEPT and not p.match(SERVICE_WORKER.format(language="*"))):
        digest.update(file.relative_to(site).as_posix().encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:16]
