"""The second visit: the service worker the build writes keeps the site, so a check is done offline,
and a new build replaces the old cache cleanly (builder/careercheck/site/offline.py)."""

from __future__ import annotations

import collections
import functools
import json
import re
import shutil
from pathlib import Path

import pytest

from careercheck.site.preview import serve_in_background
from conftest import runtime_folder
from test_browser import ENERGETIC, Visit

pytestmark = pytest.mark.browser

WERKENERGIE = "/checks/werkenergie/"
KEPT = "caches.keys()"
KEPT_URLS = "async () => { const c = await caches.open((await caches.keys())[0]); return (await c.keys()).map(r => r.url); }"


def until(visit: Visit, expression: str) -> None:
    """Wait until ``expression`` holds in the page (polled: the policy forbids wait_for_function's eval)."""
    for _ in range(600):
        if visit.page.evaluate(expression):
            return
        visit.page.wait_for_timeout(200)
    raise AssertionError(f"never true: {expression}")


def edit(file: Path, old: str, new: str) -> None:
    """Change a built file, and drop the server's copies of it, which would still hold the old one."""
    file.write_text(file.read_text().replace(old, new, 1))
    for suffix in (".br", ".gz"):
        file.with_name(file.name + suffix).unlink(missing_ok=True)


def kept_for_offline(visit: Visit) -> None:
    """Wait until the service worker has taken the site in and controls the page."""
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.page.evaluate("navigator.serviceWorker.ready")
    until(visit, "navigator.serviceWorker.controller !== null")


def test_after_one_visit_a_check_is_done_offline(browser, server: str) -> None:
    with Visit(browser, server) as visit:
        visit.open(WERKENERGIE)
        kept_for_offline(visit)
        visit.context.set_offline(True)
        # A page of this visit, and one of another check never opened, from the cache.
        visit.page.reload()
        visit.finish(ENERGETIC["answers"])
        assert "Je werk geeft je veel energie" in visit.page.text_content("[data-profile]")
        opens_offline(visit, "/checks/kortecheck/")
        # Another language is kept once a page of it has been opened: its other checks then open offline.
        visit.context.set_offline(False)
        visit.open("/en/checks/kortecheck/")
        kept_for_offline(visit)
        until(visit, "navigator.serviceWorker.controller.scriptURL.endsWith('/sw.en.js')")
        visit.context.set_offline(True)
        opens_offline(visit, "/en/checks/loopbaancheck/")


def opens_offline(visit: Visit, path: str) -> None:
    visit.open(path)
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    assert visit.page.locator("form[data-check] fieldset").first.is_visible()


def test_a_first_visit_takes_in_its_own_language_and_the_runtime_only(browser, server: str) -> None:
    with Visit(browser, server) as visit:
        visit.open(WERKENERGIE)
        kept_for_offline(visit)
        until(visit, f"({KEPT_URLS})().then((urls) => urls.some((u) => u.endsWith('/checks/loopbaancheck/')))")
        kept = visit.page.evaluate(KEPT_URLS)
    assert any(url.endswith("/pyodide.asm.wasm") for url in kept)
    assert not [url for url in kept if "/en/" in url]


def test_the_service_worker_answers_only_this_sites_get_requests(site: Path) -> None:
    folder = runtime_folder(site).relative_to(site).as_posix()
    needed = {"nl": {"checks/werkenergie/", "assets/careercheck/worker.mjs", "img/situatie-school.svg"},
              "en": {"en/checks/loopbaancheck/", "en/assets/careercheck/specs/kortecheck.en.json"}}
    for language, pages in needed.items():
        worker = (site / f"sw.{language}.js").read_text()
        files = json.loads(re.search(r"const FILES = (\[.*?\]);", worker, re.S).group(1))
        # Everything a check needs in that language; no server copies, no maps; each file exists.
        assert pages | {f"{folder}/pyodide.asm.wasm", f"{folder}/python_stdlib.zip", f"{folder}/engine.zip"} <= set(files)
        assert not [f for f in files if f.endswith((".br", ".gz", ".map")) or "esco-occupations" in f or "segno" in f]  # when used
        assert not [f for f in files if f.startswith("en/")] if language == "nl" else True
        assert all((site / f / "index.html" if f.endswith("/") else site / f).is_file() for f in files if f != "./")
        assert 'request.method !== "GET" || new URL(request.url).origin !== self.location.origin' in worker


def test_a_new_build_is_shown_at_once_and_replaces_the_old_cache(browser, site: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(site, tmp_path / "site")
    url, httpd = serve_in_background(copy)
    try:
        with Visit(browser, url) as visit:
            visit.open(WERKENERGIE)
            kept_for_offline(visit)
            first = visit.page.evaluate(KEPT)
            # A new version: the same site with another check page (what a rebuild after an edit gives).
            edit(copy / "checks/werkenergie/index.html", "</h1>", " (nieuw)</h1>")
            edit(copy / "sw.nl.js", first[0].removeprefix("careercheck-"), "0" * 16)
            # Online, what is online is shown, also while the old version's worker answers.
            visit.page.reload()
            assert "(nieuw)" in visit.page.text_content("h1")
            visit.page.evaluate("navigator.serviceWorker.ready.then((r) => r.update())")
            # Once it has taken everything in, the new version takes over and the old cache is gone.
            until(visit, f"{KEPT}.then((k) => k.length === 1 && k[0] !== {json.dumps(first[0])})")
            # And offline, the new version's page is what is kept.
            visit.context.set_offline(True)
            visit.page.reload()
            assert "(nieuw)" in visit.page.text_content("h1")
            visit.context.set_offline(False)
    finally:
        httpd.shutdown()


def test_the_runtime_is_sent_once_and_never_asked_for_again(browser, site: Path) -> None:
    # Counted at the server: the runtime's folder is named by its content and kept a year, so the
    # service worker takes it from the browser's cache, and a second visit does not ask for it at all.
    url, httpd = serve_in_background(site)
    asked: collections.Counter[str] = collections.Counter()
    handler = httpd.RequestHandlerClass

    class Counted(handler.func):
        def do_GET(self) -> None:
            asked[self.path] += 1
            super().do_GET()

    httpd.RequestHandlerClass = functools.partial(Counted, *handler.args, **handler.keywords)
    folder = "/" + runtime_folder(site).relative_to(site).as_posix() + "/"
    runtime = lambda: {path.removeprefix(folder): n for path, n in asked.items() if path.startswith(folder)}  # noqa: E731
    try:
        with Visit(browser, url) as visit:
            visit.open("/checks/kortecheck/")
            kept_for_offline(visit)
            sent = runtime()
            assert sent.keys() >= {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs", "pyodide.mjs", "pyodide-lock.json", "engine.zip"}
            assert set(sent.values()) == {1}, sent
            asked.clear()
            visit.page.reload()
            visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
            assert runtime() == {}
            assert asked["/checks/kortecheck/"] == 1  # the page itself is asked for: what is online is shown
    finally:
        httpd.shutdown()
