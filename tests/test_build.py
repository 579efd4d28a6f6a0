"""The build: atomic, strict, private by construction, and the runtime it ships."""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import careercheck_engine
from careercheck.site.build import build_site
from careercheck.site.runtime import ENGINE, SEGNO
from conftest import ROOT, runtime_folder
from test_loader import VALID

PROJECT_FILES = ["Makefile", "mkdocs.yml", "pyproject.toml", "requirements.lock", "package.json", "package-lock.json"]
PROJECT_DIRS = ["docs", "checks", "overrides"]


def copy_project(into: Path) -> Path:
    """A copy of the example project that shares this one's venv and node_modules."""
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, into / name)
        os.utime(into / name, (0, 0))  # older than the set-up stamps: make sees set-up as done
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, into / name)
    (into / "node_modules").symlink_to(ROOT / "node_modules")
    return into


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def make_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-C", str(project), "build", f"VENV={sys.prefix}"], capture_output=True, text=True, timeout=600
    )


BROKEN_INPUTS = {
    "malformed check": ("checks/kapot.yml", "id: kapot\ntitle: [niet afgesloten\n", "checks/kapot.yml:3:1: YAML syntax"),
    "invalid check": ("checks/kapot.yml", "id: kapot\n", "checks/kapot.yml:1:1: 'languages' is missing"),
    "broken link (strict)": ("docs/kapot.md", "[weg](bestaat-niet.md)\n", "bestaat-niet.md"),
    "missing translation (strict)": (
        "checks/werkenergie.yml",
        (ROOT / "checks/werkenergie.yml").read_text().replace("languages: [nl]", "languages: [nl, en]"),
        "checks/werkenergie.yml:8:8: warning: no en text here; add it as 'en: ...'",
    ),
    "text above B1 (strict)": (
        "checks/ambtelijk.yml",
        VALID.replace(
            "intro: Intro.",
            "intro: Bij het beantwoorden van de navolgende vragenlijstonderdelen verzoeken wij u vriendelijk om "
            "uitsluitend uw persoonlijke werkervaringen en loopbaanverwachtingen als uitgangspunt te hanteren.",
        ),
        "check 'mini' (nl) reads above B1: 12% long words (B1: at most 10%)",
    ),
    "link to a missing page (strict)": (
        "checks/werkenergie.yml",
        (ROOT / "checks/werkenergie.yml").read_text() + "conclusions:\n  - {id: c, when: en1 > 3, title: T, text: T., link: {page: nergens.md, label: Verder}}\n",
        "check 'werkenergie': link to 'nergens.md', which is not a page of the site; correct 'page'",
    ),
    "script in a page": ("docs/kapot.md", "# Kapot\n\nTekst.\n\n<script>alert(1)</script>\n", "docs/kapot.md:5:1: <script> (a script) is not allowed"),
    "foreign picture in a page": ("docs/kapot.md", "# Kapot\n\n![Pixel](https://elders.example/p.png)\n", "docs/kapot.md:3:1: <img src=\"https://elders.example/p.png\"> would load from another site"),
    "script in a page title": ("docs/kapot.md", '---\ntitle: "<script>alert(1)</script>"\n---\n\nTekst.\n', "docs/kapot.md:2:1: <script>"),
    "javascript link in a check's intro": (
        "checks/werkenergie.yml",
        (ROOT / "checks/werkenergie.yml").read_text().replace("  Deze check", "  [Klik](javascript:alert(1)). Deze check"),
        'checks/werkenergie.yml:8:8: href="javascript:alert(1)" on <a> is a script or data URL; use a normal link',
    ),
    "missing picture (strict)": (
        "checks/werkenergie.yml",
        (ROOT / "checks/werkenergie.yml").read_text().replace(
            "label: Ik heb zin om aan mijn werkdag te beginnen.}",
            "label: Ik heb zin om aan mijn werkdag te beginnen., image: {src: img/zon.svg, alt: Een zon}}",
        ),
        "check 'werkenergie': picture 'img/zon.svg' is not in",
    ),
}


@pytest.mark.parametrize("broken", BROKEN_INPUTS.values(), ids=BROKEN_INPUTS.keys())
def test_failed_make_build_names_the_problem_and_keeps_the_previous_site(tmp_path: Path, broken: tuple) -> None:
    project = copy_project(tmp_path)
    first = make_build(project)
    assert first.returncode == 0, first.stderr
    before = snapshot(project / "site")

    path, text, message = broken
    (project / path).write_text(text)
    second = make_build(project)

    assert second.returncode != 0
    output = second.stdout + second.stderr
    assert message in output
    assert "Traceback" not in output
    assert "the previous site was left as it was" in output
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site-*")), "the staging folder must be cleaned up"


def test_every_page_carries_the_strict_content_security_policy(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 4  # home, privacy, the check, 404
    for page in pages:
        html = page.read_text()
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert csp, f"{page} has no CSP"
        assert html.index(csp[0]) < html.index("<script"), f"{page}: the CSP must come before any script"
        directives = dict(d.split(" ", 1) for d in csp[1].split("; "))
        assert directives["default-src"] == "'self'"
        assert directives["connect-src"] == "'self'"
        assert directives["form-action"] == directives["base-uri"] == "'none'"
        assert "frame-ancestors" not in directives  # ignored in a <meta> policy: it is sent as a header
        assert "unsafe-inline" not in csp[1] and "'unsafe-eval'" not in csp[1]
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", html, re.DOTALL)
        for body in inline:
            digest = hashlib.sha256(body.encode()).digest()
            assert f"'sha256-{base64.b64encode(digest).decode()}'" in directives["script-src"]


def test_pages_load_nothing_from_another_origin(site: Path) -> None:
    loads = re.compile(r"""(?:src|href|action|srcset)=["']?(?:https?:)?//|url\((?:["']?)(?:https?:)?//""")
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        found = [m.group(0) for m in loads.finditer(path.read_text())]
        # Outbound links a person can follow are fine; nothing may be loaded.
        found = [f for f in found if not f.startswith("href=")]
        assert found == [], f"{path} loads from another origin: {found}"


def test_the_runtime_ships_the_engine_and_segno_in_zips_and_pyodides_lock_without_packages(site: Path) -> None:
    folder = runtime_folder(site)
    lock = json.loads((folder / "pyodide-lock.json").read_text())
    assert lock["info"]["python"].startswith("3.14") and lock["packages"] == {}
    assert not list(folder.glob("*.whl"))
    with zipfile.ZipFile(folder / ENGINE) as archive:
        names = archive.namelist()
    engine = Path(careercheck_engine.__file__).parent
    assert set(names) == {f"careercheck_engine/{f.stem}.pyc" for f in engine.glob("*.py")}
    with zipfile.ZipFile(folder / SEGNO) as archive:
        assert {name.split("/")[0] for name in archive.namelist()} == {"segno", f"segno-{importlib.metadata.version('segno')}.dist-info"}

def test_pyodide_is_self_hosted_at_an_exact_locked_version(site: Path) -> None:
    version = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "pin Pyodide exactly"
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/pyodide"]
    assert locked["version"] == version and locked["integrity"].startswith("sha512-")
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):  # the standard library is trimmed: test_stdlib.py
        assert (runtime_folder(site) / name).read_bytes() == (ROOT / "node_modules/pyodide" / name).read_bytes()


def test_check_texts_are_escaped_in_the_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    check = (project / "checks/werkenergie.yml").read_text()
    (project / "checks/werkenergie.yml").write_text(
        check.replace("label: Ik weet wat ik goed kan.", 'label: "Ik <i>weet</i> & <b>jij</b>"')
    )  # (HTML that could run script fails the build: test_content_safety.py)
    build_site(project / "mkdocs.yml")
    html = (project / "site/checks/werkenergie/index.html").read_text()
    assert "Ik &lt;i&gt;weet&lt;/i&gt; &amp; &lt;b&gt;jij&lt;/b&gt;" in html
    assert "<b>jij" not in html


def test_scoring_spec_carries_only_the_wording_the_profile_repeats(site: Path) -> None:
    spec = json.loads((site / "assets/careercheck/specs/loopbaancheck.nl.json").read_text())
    assert spec["questions"]["waarden"]["label"] == "Wat vind je het belangrijkst in werk?"
    assert spec["questions"]["waarden"]["labels"]["zekerheid"] == "Zeker van werk en inkomen"
    assert (spec["questions"]["niet_meer"]["part"], spec["questions"]["veranderd"]["part"]) == ("wat_wil", "waarom")
    text = json.dumps(spec, ensure_ascii=False)
    assert "Soms weet je beter wat je niet wilt" not in text  # hints, intros and pictures stay on the page
    assert "Deze check helpt je nadenken" not in text


def test_check_pages_have_no_footer_links_beside_their_own_button(site: Path) -> None:
    # Material's "Next: ..." footer would compete with the check's "Verder".
    for check in ("kortecheck", "loopbaancheck"):
        for page in (site / "checks" / check / "index.html", site / "en/checks" / check / "index.html"):
            assert re.search(r'<nav class="md-footer__inner[^>]*\bhidden>', page.read_text()), page
    assert not re.search(r'<nav class="md-footer__inner[^>]*\bhidden>', (site / "index.html").read_text())


def test_the_privacy_page_links_to_the_accessibility_statement(site: Path) -> None:
    assert 'href="../toegankelijkheid/"' in (site / "privacy/index.html").read_text()
    assert 'href="../toegankelijkheid/"' in (site / "en/privacy/index.html").read_text()


def test_the_profile_names_the_checks_purpose_and_sources_as_such(site: Path) -> None:
    # Below the profile, a check's purpose ("Om na te denken ...") read as a broken sentence without its label.
    for page, purpose, sources in (("checks/kortecheck/index.html", "Waarvoor: Om na te denken", "Bronnen: Vragen ontwikkeld"),
                                   ("en/checks/kortecheck/index.html", "What it is for: To think", "Sources: Questions written")):
        source = re.search(r'<p class="cc-profile__source">(.*?)</p>', (site / page).read_text(encoding="utf-8"), re.S)[1]
        assert purpose in source and sources in source, source
