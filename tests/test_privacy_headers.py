"""The privacy promise as headers, on both hosts this project ships (`careercheck serve` and nginx with
deploy/): every response carries the policy, and nothing injected into the page or into the worker that
holds the answers reaches another origin; no other site can frame the check."""

from __future__ import annotations

import gzip
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest

from conftest import runtime_folder
from test_browser import Visit
from test_browser_sites import LINDA

pytestmark = pytest.mark.browser

POLICY = {
    "default-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "form-action": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "object-src": "'none'",
}
PATHS = {
    "/": "text/html",
    "/checks/kortecheck/": "text/html",
    "/en/checks/kortecheck/": "text/html",
    "/assets/careercheck/worker.mjs": "text/javascript",
    "/assets/careercheck/check.js": "javascript",
    "/RUNTIME/pyodide.asm.wasm": "application/wasm",
    "/RUNTIME/pyodide.mjs": "text/javascript",
    "/assets/careercheck/specs/kortecheck.nl.json": "application/json",
    "/bestaat-niet/": "text/html",
}


def fetch(url: str, **headers: str) -> tuple[int, Message, bytes]:
    """Status, headers (names in any case) and body."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def on(site: Path, path: str) -> str:
    """``path`` with RUNTIME for the runtime's folder (named by its content's digest)."""
    return path.replace("/RUNTIME/", f"/{runtime_folder(site).relative_to(site).as_posix()}/")


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_privacy_headers(server: str, site: Path, path: str) -> None:
    status, headers, _ = fetch(server + on(site, path))
    assert status == (404 if "bestaat-niet" in path else 200)
    policy = dict(d.split(" ", 1) for d in headers["Content-Security-Policy"].split("; "))
    assert {name: policy.get(name) for name in POLICY} == POLICY
    script_src = policy["script-src"].split()
    assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(source.startswith("'sha256-") for source in script_src[2:])
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    if status == 200:
        assert PATHS[path] in headers["Content-Type"]


def test_the_policy_allows_the_theme_scripts_of_every_page(server: str, site: Path) -> None:
    """The header and each page's <meta> policy agree: the header allows every hash a page needs."""
    _, headers, _ = fetch(server + "/")
    header = set(headers["Content-Security-Policy"].split("; ")[1].split())
    for page in site.rglob("*.html"):
        meta = page.read_text().split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        assert set(meta.split("; ")[1].split()) <= header, page


def test_hashed_assets_are_kept_for_a_year_and_pages_are_checked_each_visit(server: str, site: Path) -> None:
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site)
    assert "max-age=31536000" in fetch(f"{server}/{bundle}")[1]["Cache-Control"]
    for path in ("/RUNTIME/pyodide.asm.wasm", "/RUNTIME/pyodide.mjs", "/RUNTIME/python_stdlib.zip"):  # named by their content too
        assert "max-age=31536000" in fetch(server + on(site, path))[1]["Cache-Control"], path
    for path in ("/checks/kortecheck/", "/assets/careercheck/worker.mjs", "/assets/careercheck/check.js"):
        assert "max-age=31536000" not in fetch(server + path)[1].get("Cache-Control", ""), path


@pytest.mark.parametrize("path", ["/RUNTIME/pyodide.asm.wasm", "/assets/careercheck/check.js", "/checks/kortecheck/"])
def test_both_hosts_send_the_builds_precompressed_copies(server: str, site: Path, path: str) -> None:
    url = on(site, path)
    original = (site / url.strip("/") / "index.html" if url.endswith("/") else site / url.strip("/")).read_bytes()
    for coding, unpack in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        _, headers, body = fetch(server + url, **{"Accept-Encoding": f"{coding}, identity"})
        assert headers["Content-Encoding"] == coding and "Accept-Encoding" in headers["Vary"]
        assert unpack(body) == original and len(body) < len(original)
        assert PATHS.get(path, "text/html") in headers["Content-Type"] or "javascript" in headers["Content-Type"]
        assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    _, headers, body = fetch(server + url, **{"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in headers and body == original


class Recorder(ThreadingHTTPServer):
    """Another site on another loopback port: logs every request that reaches it, and offers a page
    that tries to frame the check."""

    daemon_threads = True

    def __init__(self, frame_url: str) -> None:
        self.seen: list[str] = []
        self.frame_url = frame_url
        super().__init__(("127.0.0.1", 0), _RecorderHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


class _RecorderHandler(BaseHTTPRequestHandler):
    server: Recorder

    def _record(self) -> None:
        self.server.seen.append(f"{self.command} {self.path}")
        body = f'<!doctype html><title>Elders</title><iframe src="{self.server.frame_url}"></iframe>'.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _record

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def recorder(server: str) -> Iterator[Recorder]:
    foreign = Recorder(server + "/checks/kortecheck/")
    threading.Thread(target=foreign.serve_forever, daemon=True).start()
    fetch(foreign.url + "/control")  # the recorder works: this one it logs
    assert foreign.seen == ["GET /control"]
    foreign.seen.clear()
    yield foreign
    foreign.shutdown()


# Each attempt resolves to what happened; CSP violations are counted separately.
ATTEMPTS = """async ([foreign, inWorker]) => {
  const violations = [];
  self.addEventListener("securitypolicyviolation", (event) => violations.push(event.blockedURI));
  const outcome = (promise) => promise.then(() => "sent", () => "blocked");
  const socket = () => new Promise((opened, failed) => {
    const ws = new WebSocket(foreign.replace("http", "ws") + "/socket");
    ws.onopen = opened;
    ws.onerror = failed;
  });
  const tried = {
    fetch: await outcome(fetch(foreign + "/fetch")),
    post: await outcome(fetch(foreign + "/post", {method: "POST", body: JSON.stringify({answers: "mine"})})),
    websocket: await outcome(socket()),
  };
  if (!inWorker) {
    tried.beacon = navigator.sendBeacon(foreign + "/beacon", "answers") ? "queued" : "blocked";
    tried.image = await outcome(new Promise((loaded, failed) => {
      const image = new Image();
      image.onload = loaded;
      image.onerror = failed;
      image.src = foreign + "/pixel.png";
    }));
  }
  await new Promise((wait) => setTimeout(wait, 300));
  return {tried, violations: violations.length};
}"""


def test_nothing_injected_into_the_page_or_the_worker_reaches_another_origin(browser, server: str, recorder: Recorder) -> None:
    with Visit(browser, server) as visit:
        visit.open("/checks/kortecheck/")
        visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
        # The worker that holds the answers and runs Pyodide (beside Material's search worker).
        (worker,) = [w for w in visit.page.workers if w.url.endswith("/careercheck/worker.mjs")]

        in_page = visit.page.evaluate(ATTEMPTS, [recorder.url, False])
        in_worker = worker.evaluate(ATTEMPTS, [recorder.url, True])
        time.sleep(1)  # a request that slipped through would have arrived by now

        assert recorder.seen == []
        del in_page["tried"]["beacon"]  # sendBeacon only queues: that it never arrived is the recorder's to show
        assert set(in_page["tried"].values()) == {"blocked"}, in_page
        assert set(in_worker["tried"].values()) == {"blocked"}, in_worker
        assert in_page["violations"] >= 4 and in_worker["violations"] >= 3  # blocked by the policy, not by chance
        visit.finish(LINDA)  # and the check still works
        assert "Jouw profiel" in visit.page.text_content("[data-profile]")


def test_another_site_cannot_frame_the_check(browser, server: str, recorder: Recorder) -> None:
    with Visit(browser, server) as visit:
        visit.page.goto(recorder.url + "/frame")
        visit.page.wait_for_load_state("load")
        (framed,) = [frame for frame in visit.page.frames if frame != visit.page.main_frame]
        time.sleep(0.5)
        assert "Korte check" not in framed.content()
        assert not any(r.url.startswith(server) and r.resource_type != "document" for r in visit.requests)
