"""The response headers of a built site: the full privacy policy on every file, and caching.

`careercheck build` writes them, from one list, in two forms: `_headers`, the
format static hosts such as Netlify and Cloudflare Pages read (and
`careercheck serve` too), and `nginx-headers.conf`, which deploy/nginx.conf
includes. The script hashes are those the pages' own <meta> policies allow,
so header and page never disagree.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

from careercheck.site.csp import hashes_allowed_by, policy

HEADERS_FILE = "_headers"
NGINX_FILE = "nginx-headers.conf"
# Material's assets carry a content hash in their names, the runtime in its folder's name: they can be kept for a year.
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
RUNTIME = "/assets/pyodide/*"
IMMUTABLE = "public, max-age=31536000, immutable"

Rules = list[tuple[str, dict[str, str]]]  # (path pattern, headers), every matching rule applies


def security_headers(site: Path) -> dict[str, str]:
    hashes = set().union(*(hashes_allowed_by(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")))
    return {
        "Content-Security-Policy": policy(hashes, header=True),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


def write_headers(site: Path) -> None:
    security = security_headers(site)
    hashed = sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*") if HASHED_NAME.search(p.name))
    rules: Rules = [("/*", security), *((path, {"Cache-Control": IMMUTABLE}) for path in [*hashed, RUNTIME])]
    (site / HEADERS_FILE).write_text(_headers_text(rules), encoding="utf-8")
    nginx = "".join(f"add_header {name} \"{value}\" always;\n" for name, value in security.items())
    (site / NGINX_FILE).write_text(f"# Written by `careercheck build`; included by deploy/nginx.conf.\n{nginx}", encoding="utf-8")


def _headers_text(rules: Rules) -> str:
    return "".join(f"{path}\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items()) for path, headers in rules)


def read_headers(site: Path) -> Rules:
    """The rules of a site's `_headers` file; none when it has no such file."""
    try:
        lines = (site / HEADERS_FILE).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    rules: Rules = []
    for line in lines:
        if line and not line[0].isspace():
            rules.append((line.strip(), {}))
        elif line.strip() and rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(path: str, rules: Rules) -> dict[str, str]:
    """The headers of every rule whose pattern matches ``path`` (``*`` matches any characters)."""
    found: dict[str, str] = {}
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(path, pattern):
            found |= headers
    return found
