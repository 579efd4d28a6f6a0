"""A static web server for the built site, on loopback only.

Serves the files as a well-configured static host would: with the headers the
build wrote in the site's `_headers` (the privacy policy reaches the worker only
as a header), and the build's precompressed copy (name.br, name.gz) to a browser
that accepts it. `make serve`, the browser tests and the benchmark all use this one.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from careercheck.site.headers import headers_for, read_headers


# Content codings in the order they are preferred, with the suffix of the build's copies (compress.py).
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepts(header: str, coding: str) -> bool:
    """Whether an Accept-Encoding header accepts ``coding`` (not with q=0)."""
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() == coding:
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


class _SiteHandler(SimpleHTTPRequestHandler):
    encoding: str | None = None
    compressed: bool = False  # the file has precompressed copies: the answer varies with Accept-Encoding

    def translate_path(self, path: str) -> str:
        real = super().translate_path(path)
        if os.path.isdir(real) and urlsplit(path).path.endswith("/"):
            real = os.path.join(real, "index.html")  # as send_head would, so the page is compressed too
        self.encoding, self.compressed = None, False
        for coding, suffix in ENCODINGS:
            if os.path.isfile(real + suffix):
                self.compressed = True
                if self.encoding is None and accepts(self.headers.get("Accept-Encoding", ""), coding):
                    self.encoding = coding
                    found = real + suffix
        return found if self.encoding else real

    def guess_type(self, path: str) -> str:
        suffix = dict(ENCODINGS).get(self.encoding or "")
        return super().guess_type(path.removesuffix(suffix) if suffix else path)

    def end_headers(self) -> None:
        # Read on every request: `careercheck serve` rebuilds the site, and the hashes with it.
        rules = read_headers(Path(self.directory))
        for name, value in headers_for(unquote(urlsplit(self.path).path), rules).items():
            self.send_header(name, value)
        if self.encoding:
            self.send_header("Content-Encoding", self.encoding)
        if self.compressed:
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    quiet = True

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # A visitor who closes the tab mid-download is normal, not an error to print.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(site: Path, port: int = 0, *, quiet: bool = True) -> ThreadingHTTPServer:
    """A server for ``site`` on 127.0.0.1 (port 0: any free port)."""
    server = _Server(("127.0.0.1", port), functools.partial(_SiteHandler, directory=str(site)))
    server.quiet = quiet
    return server


def serve_in_background(site: Path) -> tuple[str, ThreadingHTTPServer]:
    """Start serving ``site`` on a free port; returns its base URL and the server."""
    server = make_server(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server
