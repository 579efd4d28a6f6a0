"""A static web server for the built site, on loopback only.

Serves the files exactly as any static host would: `make serve`, the browser
tests and the benchmark all use this one.
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # A visitor who closes the tab mid-download is normal, not an error to print.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(site: Path, port: int = 0, *, quiet: bool = True) -> ThreadingHTTPServer:
    """A server for ``site`` on 127.0.0.1 (port 0: any free port)."""
    handler = _QuietHandler if quiet else SimpleHTTPRequestHandler
    return _Server(("127.0.0.1", port), functools.partial(handler, directory=str(site)))


def serve_in_background(site: Path) -> tuple[str, ThreadingHTTPServer]:
    """Start serving ``site`` on a free port; returns its base URL and the server."""
    server = make_server(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server
