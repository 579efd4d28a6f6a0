"""Every brand and language in a real browser: the check completes, stays private, passes axe and
prints on one A4 page; the language selector keeps the page; a new site works from the wheel alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from careercheck.site.build import build_site
from careercheck.site.preview import serve_in_background
from conftest import persona_answers, ROOT
from test_browser import Visit, axe_violations
from test_browser_profile import assert_page_one_is_the_summary, printed

pytestmark = pytest.mark.browser

LINDA = persona_answers("linda-kort-wil-verder")
AHMED = persona_answers("ahmed-magazijn-na-reorganisatie")
PROFILE_TITLE = {"nl": "Jouw profiel", "en": "Your profile"}
SITES = [("default", "nl"), ("default", "en"), ("brand", "nl"), ("brand", "en")]


@pytest.fixture(scope="session")
def brand_server(tmp_path_factory: pytest.TempPathFactory, host: Callable[[Path], str]) -> str:
    return host(build_site(ROOT / "brands/voorbeeldfonds-bouw/mkdocs.yml", tmp_path_factory.mktemp("brand-served") / "site"))


@pytest.fixture(params=SITES, ids=[f"{s}-{lang}" for s, lang in SITES])
def short_check(request, browser, server: str, brand_server: str) -> Iterator[tuple[Visit, str]]:
    which, language = request.param
    with Visit(browser, server if which == "default" else brand_server) as visit:
        visit.open(("" if language == "nl" else "/en") + "/checks/kortecheck/")
        yield visit, language


def test_the_short_check_completes_privately_on_every_brand_and_language(short_check) -> None:
    visit, language = short_check
    assert visit.page.evaluate("document.documentElement.lang") == language
    visit.finish(LINDA)
    assert PROFILE_TITLE[language] in visit.page.text_content("[data-profile]")
    origin = urlsplit(visit.server)
    assert any("/assets/pyodide/" in r.url and r.url.endswith("/pyodide.asm.wasm") for r in visit.requests)  # the worker is seen
    for request in visit.requests:
        parts = urlsplit(request.url)
        assert (parts.netloc, request.method, parts.query) == (origin.netloc, "GET", ""), request.url
    assert visit.context.cookies() == []
    assert [m for m in visit.console if "Content Security Policy" in m] == []


def test_the_short_check_and_its_profile_pass_axe_on_every_brand_and_language(short_check) -> None:
    visit, _ = short_check
    assert axe_violations(visit) == []
    visit.finish(LINDA)
    assert axe_violations(visit) == []


def test_page_one_of_the_printed_profile_is_the_summary_on_every_brand_and_language(short_check) -> None:
    visit, language = short_check
    visit.finish(LINDA)
    assert_page_one_is_the_summary(printed(visit), language)


@pytest.mark.parametrize(("which", "language"), SITES, ids=[f"{s}-{lang}" for s, lang in SITES])
def test_the_long_check_with_job_search_and_matching_is_private_accessible_and_printable_everywhere(
    browser, server: str, brand_server: str, which: str, language: str
) -> None:
    """The Loopbaancheck loads the most: the job index, the occupation index and their pages' links."""
    with Visit(browser, server if which == "default" else brand_server) as visit:
        visit.open(("" if language == "nl" else "/en") + "/checks/loopbaancheck/")
        visit.finish(AHMED)
        links = visit.page.eval_on_selector_all("[data-profile-options] li a, [data-profile] .cc-conclusion a", "as => as.map(a => a.href)")
        assert any("/beroepen/" in link for link in links)  # matched occupations, linked
        assert [link for link in links if not visit.page.request.get(link).ok] == []  # in this language's site
        origin = urlsplit(visit.server)
        assert any(r.url.endswith(f"/assets/careercheck/esco-occupations.{language}.json") for r in visit.requests)
        for request in visit.requests:
            parts = urlsplit(request.url)
            assert (parts.netloc, request.method, parts.query) == (origin.netloc, "GET", ""), request.url
        assert [m for m in visit.console if "Content Security Policy" in m] == []
        assert axe_violations(visit) == []
        assert_page_one_is_the_summary(printed(visit), language)


@pytest.mark.parametrize(("start", "language", "lands_on"), [
    ("/checks/loopbaancheck/", "en", "/en/checks/loopbaancheck/"),
    ("/en/beroepen/kok/", "nl", "/beroepen/kok/"),
    ("/checks/werkenergie/", "en", "/en/"),  # only in Dutch: the English home page
])
def test_the_language_selector_keeps_the_page(browser, server: str, start: str, language: str, lands_on: str) -> None:
    with Visit(browser, server) as visit:
        visit.open(start)
        visit.page.locator(".md-header [data-md-component=palette], .md-header .md-select").first.hover()
        visit.page.locator(f".md-select__link[hreflang={language}]").click()
        visit.page.wait_for_load_state()
        assert urlsplit(visit.page.url).path == lands_on
        assert visit.page.evaluate("document.documentElement.lang") == language


def test_a_new_site_from_the_wheel_alone_builds_strict_and_its_check_completes(browser, tmp_path: Path) -> None:
    """As a sector would start: the wheel in a fresh virtual environment outside this repository."""
    wheels = tmp_path / "wheels"
    # Built with this venv's locked setuptools; installed on the hash-checked lock, as `make setup` does.
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, ROOT],
                   check=True, timeout=600)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    pip = [venv / "bin/python", "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "--require-hashes", "--only-binary", ":all:", "-r", ROOT / "requirements.lock"], check=True, timeout=900)
    subprocess.run([*pip, "--no-deps", next(wheels.glob("careercheck-*.whl"))], check=True, timeout=900)
    site = tmp_path / "sector"
    env = {**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"}
    run = lambda *args: subprocess.run(args, cwd=site if site.exists() else tmp_path, env=env, capture_output=True, text=True, timeout=900)  # noqa: E731
    made = run("careercheck", "new", str(site))
    assert made.returncode == 0, made.stderr
    installed = run("npm", "install", "--no-audit", "--no-fund", "--prefer-offline")
    assert installed.returncode == 0, installed.stderr
    built = run("careercheck", "build")  # strict: any warning fails
    assert built.returncode == 0, built.stderr
    assert "careercheck/site" not in built.stderr
    url, httpd = serve_in_background(site / "site")
    try:
        with Visit(browser, url) as visit:
            visit.open("/en/checks/voorbeeld/")
            visit.finish({"zin": 4, "moe": 2, "leren": 5, "wens": "More variety."})
            profile = visit.page.text_content("[data-profile]")
            assert "Your profile" in profile and "Lots of energy" in profile and "More variety." in profile
            assert "Mijn organisatie" in visit.page.text_content("footer")
    finally:
        httpd.shutdown()


def test_serve_rebuilds_when_a_check_changes(tmp_path: Path) -> None:
    site = tmp_path / "site-src"
    subprocess.run([sys.executable, "-m", "careercheck.cli", "new", str(site)], check=True)
    (site / "node_modules").symlink_to(ROOT / "node_modules")
    port = 18000 + os.getpid() % 1000
    serve = subprocess.Popen([sys.executable, "-m", "careercheck.cli", "serve", "--port", str(port)], cwd=site,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def title() -> str | None:
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}/checks/voorbeeld/", timeout=5).read().decode()
        except OSError:
            return None

    def wait_for(text: str) -> bool:
        for _ in range(120):
            page = title()
            if page and text in page:
                return True
            time.sleep(0.5)
        return False

    try:
        assert wait_for("Hoe gaat het met je werk?")
        check = site / "checks/voorbeeld.yml"
        check.write_text(check.read_text().replace("nl: Hoe gaat het met je werk?", "nl: Hoe gaat het nu met je werk?"))
        assert wait_for("Hoe gaat het nu met je werk?")
    finally:
        serve.terminate()
        serve.wait(timeout=30)
        shutil.rmtree(site / "site", ignore_errors=True)
