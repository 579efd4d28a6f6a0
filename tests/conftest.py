"""Shared fixtures: the built site, a real static web server, a real browser."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from careercheck.site.build import build_site
from nginx import serve_with_nginx
from careercheck.site.preview import serve_in_background

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's services at start-up.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def persona_answers(name: str) -> dict:
    """The answers of one of tests/personas/, by its file's name."""
    return json.loads((ROOT / "tests/personas" / f"{name}.json").read_text())["answers"]


def golden_cases() -> list[dict]:
    return [json.loads(p.read_text()) | {"name": p.stem} for p in sorted(GOLDEN.glob("*.json"))]


def runtime_folder(site: Path) -> Path:
    """The site's runtime: one folder under assets/pyodide/, named by its content's digest."""
    [folder] = (site / "assets/pyodide").iterdir()
    return folder


def run_engine(site: Path, cases: list[dict], stdlib: Path | None = None) -> dict:
    """What tests/pyodide/run_engine.mjs prints for ``cases``, run in Pyodide under Node with the
    site's runtime as shipped (or with another standard library)."""
    with tempfile.TemporaryDirectory() as tmp:
        cases_file = Path(tmp) / "cases.json"
        cases_file.write_text(json.dumps(cases))
        run = subprocess.run(
            ["node", str(ROOT / "tests/pyodide/run_engine.mjs"), str(runtime_folder(site)), str(cases_file),
             *([str(stdlib)] if stdlib else [])],
            capture_output=True, text=True, timeout=600,
        )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def summarise(result: dict) -> dict:
    """The parts of a result that golden files state (texts come from the spec)."""
    riasec = result["riasec"]
    return {
        "answered": result["answered"],
        "ignored": result["ignored"],
        "scales": {
            s["id"]: {"status": s["status"], "score": s["score"], "answered": s["answered"], "band": s["band"] and s["band"]["id"]}
            | ({"t": s["norms"]["t"], "percentile": s["norms"]["percentile"], "stanine": s["norms"]["stanine"]} if s["norms"] else {})
            for s in result["scales"]
        },
        "riasec": riasec and {k: riasec.get(k) for k in ("code", "codes", "differentiation", "consistency")},
        "conclusions": [c["id"] for c in result["conclusions"]],
        "quality": result["quality"],
    }


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once, the way `make build` builds it."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("build") / "site")


@pytest.fixture(scope="session", params=["python", "nginx"])
def host(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path], str]]:
    """Serves built sites as visitors meet them, in both ways this project ships:
    `careercheck serve`'s server, and Debian's nginx with deploy/nginx.conf."""
    stops: list[Callable[[], None]] = []

    def serve(site: Path) -> str:
        if request.param == "python":
            url, httpd = serve_in_background(site)
            stops.append(httpd.shutdown)
        else:
            url, stop = serve_with_nginx(site, tmp_path_factory.mktemp("nginx"))
            stops.append(stop)
        return url

    yield serve
    for stop in stops:
        stop()


@pytest.fixture(scope="session")
def server(site: Path, host: Callable[[Path], str]) -> str:
    """A real static web server on loopback, serving the built site."""
    return host(site)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def feature_server(tmp_path_factory: pytest.TempPathFactory, host: Callable[[Path], str]) -> str:
    """The example project plus the check that uses every feature (tests/fixtures/vraagtypen.yml) and
    the one whose question names are also names on every JavaScript object (objectnamen.yml)."""
    project = tmp_path_factory.mktemp("features")
    for name in ("mkdocs.yml", "docs", "overrides", "checks"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, project / name)
    for check in ("vraagtypen.yml", "objectnamen.yml"):
        shutil.copy(ROOT / "tests/fixtures" / check, project / "checks")
    shutil.copytree(ROOT / "tests/fixtures/img", project / "docs/img", dirs_exist_ok=True)  # beside the site's own pictures
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    return host(build_site(project / "mkdocs.yml"))
