"""The Content-Security-Policy of the privacy promise: what pages and the worker may load and run.

Every page carries it in a <meta> tag, all a plain static host can give. The
response headers (headers.py) carry the full policy: only a header reaches the
worker that holds the answers, and only a header can forbid framing. Inline
scripts are allowed by their sha256 hash, and only the theme's: a page's own
content is left out (and the build refuses content with scripts, see
careercheck.html_safety).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",  # Pyodide compiles WebAssembly
    "style-src 'self'",
    "img-src 'self' data:",  # Material's icons are data: URIs in its CSS
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
]
_HEADER_ONLY = ["frame-ancestors 'none'"]  # browsers ignore it in a <meta> policy

# Script elements without src whose content runs: no type, or a JavaScript type.
# Data blocks (type="application/json") never run and need no hash.
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE
)
_DATA_TYPE = re.compile(r"""\btype=["']?(?!text/javascript|module)[^"'\s>]+""", re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')
_HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")


def script_hashes(html: str) -> set[str]:
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(m["body"].encode()).digest()).decode() + "'"
        for m in _INLINE_SCRIPT.finditer(html)
        if not _DATA_TYPE.search(m["attrs"])
    }


def policy(hashes: Iterable[str], *, header: bool = False) -> str:
    script_src = " ".join([_DIRECTIVES[1], *sorted(hashes)])
    return "; ".join([_DIRECTIVES[0], script_src, *_DIRECTIVES[2:], *(_HEADER_ONLY if header else [])])


def with_policy(html: str, content: str = "") -> str:
    """Insert the policy as the first element of <head>, before any script.

    ``content`` is the page's own HTML (from Markdown): its scripts get no hash.
    """
    theme = html.replace(content, "") if content else html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes(theme))}">'
    return _HEAD.sub(lambda m: m[0] + meta, html, count=1)


def hashes_allowed_by(html: str) -> set[str]:
    """The script hashes a built page's <meta> policy allows."""
    found = _META.search(html)
    return set(_HASH.findall(found["policy"])) if found else set()
