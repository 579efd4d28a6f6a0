"""Raw HTML that would break the privacy promise, found in what authors write.

Checks and pages may hold HTML (Markdown passes it through), but nothing that
runs script, loads from another origin, or changes where the page sends people
or data. The site's policy (site/csp.py) would block most of it in a browser
that honours it; refusing it at build time makes the promise independent of the
browser and the host, and tells the author what to do instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that run script, embed other documents or plug-ins, or change how the page behaves.
_FORBIDDEN = {
    "script": "a script",
    "iframe": "an embedded page",
    "frame": "an embedded page",
    "frameset": "an embedded page",
    "object": "an embedded object",
    "embed": "an embedded object",
    "applet": "an embedded object",
    "meta": "a meta element (refresh, policy)",
    "base": "a base element",
    "link": "a link element (stylesheet, prefetch)",
    "form": "a form",
}
_URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background"}
# Elements whose URLs are loaded with the page (links are only followed when clicked).
_LOADED = {"img", "image", "audio", "video", "source", "track", "input", "picture", "svg", "use"}
_ACTIVE_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_OTHER_ORIGIN = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # browsers ignore these inside a URL's scheme


@dataclass(frozen=True)
class Unsafe:
    what: str  # what is wrong and what to do
    needle: str  # text to look for in the source, to point at the line


def unsafe_html(html: str) -> list[Unsafe]:
    """Everything in ``html`` that could run script or load from another origin."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def on_another_site(url: str) -> bool:
    """Does ``url`` point at another site (a scheme or //), rather than at a file of this one?"""
    return bool(_OTHER_ORIGIN.match(_INVISIBLE.sub("", url)))


def line_of(source: str, needle: str) -> int:
    """1-based line of the first ``needle`` in ``source`` (ignoring case); 1 when not found."""
    at = source.lower().find(needle.lower())
    return source.count("\n", 0, at) + 1 if at >= 0 else 1


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Unsafe] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FORBIDDEN:
            self.found.append(Unsafe(f"<{tag}> ({_FORBIDDEN[tag]}) is not allowed: nothing may run or load from another site; remove it, or link to the page instead", f"<{tag}"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(Unsafe(f"the {name}= attribute on <{tag}> would run script; remove it", name))
            elif name in _URL_ATTRIBUTES and value:
                # srcset lists several "URL width" candidates
                for url in value.split(",") if name == "srcset" else [value]:
                    self._url(tag, name, url.strip().split(" ")[0])

    handle_startendtag = handle_starttag

    def _url(self, tag: str, name: str, value: str) -> None:
        url = _INVISIBLE.sub("", value)
        loaded = tag in _LOADED
        if _ACTIVE_SCHEME.match(url):
            if not (loaded and url.lower().startswith("data:image/")):  # a picture inside the page: no request
                self.found.append(Unsafe(f"{name}=\"{value[:40]}\" on <{tag}> is a script or data URL; use a normal link", value[:40]))
        elif loaded and on_another_site(url):
            self.found.append(
                Unsafe(f"<{tag} {name}=\"{value[:60]}\"> would load from another site when the page opens (and tell it who visits); put the file in docs/ and use its path", value[:40])
            )
