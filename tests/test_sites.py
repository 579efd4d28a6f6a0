"""Sites as sectors publish them: the package carries its theme and words, brands
are configuration, every language is a site of its own, and builds repeat exactly."""

from __future__ import annotations

import ast
import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from careercheck_engine.profile import PARTS
from mkdocs.exceptions import Abort, PluginError

import careercheck
from careercheck.site.build import build_site
from careercheck.site.messages import LANGUAGES, UnknownMessage, catalogue, messages
from careercheck.site.runtime import PYODIDE_VERSION
from conftest import ROOT

PACKAGE = Path(careercheck.__file__).parent
BRAND = ROOT / "brands/voorbeeldfonds-bouw/mkdocs.yml"
MATERIAL_LANGUAGES = Path(__import__("material").__file__).parent / "templates/partials/languages"


@pytest.fixture(scope="session")
def brand_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(BRAND, tmp_path_factory.mktemp("brand") / "site")


# --- the package -----------------------------------------------------------------------------------

def test_only_the_site_package_imports_mkdocs() -> None:
    importers = []
    for module in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == "mkdocs" or n.startswith("mkdocs.") or n == "material" for n in names):
                importers.append(module.relative_to(PACKAGE).parts[0])
    # site/ and the site commands of cli.py, which import MkDocs inside the function: loading cli.py,
    # or any format/lmi module, must not load it.
    assert set(importers) == {"site", "cli.py"}
    code = "import sys, careercheck, careercheck.cli, careercheck.format.rules, careercheck.format.compile, careercheck.format.analysis, careercheck.lmi.pages, careercheck.lmi.esco; print('mkdocs' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_the_theme_part_and_data_travel_with_the_package() -> None:
    for part in ("careercheck.html", "lmi.html", "partials/careercheck/form.html", "partials/alternate.html",
                 "partials/copyright.html", "assets/careercheck/check.js", "assets/careercheck/restore.mjs",
                 "assets/careercheck/worker.mjs"):
        assert (PACKAGE / "site/theme" / part).is_file(), part
    assert (PACKAGE / "lmi/esco/occupations_nl.csv").is_file()
    source = "\n".join(p.read_text() for p in PACKAGE.rglob("*.py"))
    assert "node_modules/pyodide" in source  # the site's own runtime folder, relative to its mkdocs.yml ...
    assert "data/esco" not in source and "overrides/" not in source  # ... and nothing of this repository


def test_package_json_pins_the_runtime_the_package_names() -> None:
    assert f'"pyodide": "{PYODIDE_VERSION}"' in (ROOT / "package.json").read_text()


# --- the message catalogue -------------------------------------------------------------------------

def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_the_catalogue_has_every_key_in_every_language_with_the_same_placeholders() -> None:
    found = {language: catalogue(language) for language in LANGUAGES}
    first = found[LANGUAGES[0]]
    for language, words in found.items():
        assert words.keys() == first.keys(), language
        for key, text in words.items():
            if isinstance(text, dict):
                assert text.keys() == first[key].keys(), (language, key)
            elif isinstance(text, list):
                assert len(text) == len(first[key]) and all(item.strip() for item in text), (language, key)
            else:
                assert text.strip() and _placeholders(text) == _placeholders(first[key]), (language, key)


def test_every_message_the_theme_and_page_script_use_is_in_the_catalogue() -> None:
    theme = PACKAGE / "site/theme"
    used = set()
    for path in [*theme.rglob("*.html"), *theme.rglob("*.js")]:
        used |= set(re.findall(r"\bui\.(\w+)", path.read_text()))
    used.discard("letters")  # a nested group, checked above
    assert used and used <= catalogue("nl").keys(), used - catalogue("nl").keys()


def test_every_message_the_profile_uses_is_in_the_catalogue() -> None:
    source = (ROOT / "builder/careercheck_engine/profile.py").read_text()
    used = set(re.findall(r"""ui\[['"](\w+)['"]\]""", source)) | {f"part_{part}" for part in PARTS}
    assert len(used) > 20 and used <= catalogue("nl").keys(), used - catalogue("nl").keys()


def test_a_site_rewords_single_messages_and_a_wrong_key_is_named() -> None:
    assert messages("nl", {"nl": {"submit": "Naar mijn uitslag"}})["submit"] == "Naar mijn uitslag"
    assert messages("en", {"nl": {"submit": "Naar mijn uitslag"}})["submit"] == "Show my profile"
    with pytest.raises(UnknownMessage, match="messages.nl.sumbit"):
        messages("nl", {"nl": {"sumbit": "x"}})


# --- brands ---------------------------------------------------------------------------------------

def test_the_example_brand_shows_its_name_logo_and_colours(brand_site: Path) -> None:
    home = (brand_site / "index.html").read_text()
    assert "Voorbeeldfonds Bouw" in home and "loopbaan@voorbeeldfonds-bouw.example" in home  # footer
    assert re.search(r'<img src="img/logo.svg"', home)  # Material's header logo
    assert "--md-primary-fg-color: #9a3d00" in (brand_site / "assets/careercheck/brand.css").read_text()
    assert "assets/careercheck/brand.css" in home
    check = (brand_site / "checks/loopbaancheck/index.html").read_text()
    assert "Deze check wordt aangeboden door Voorbeeldfonds Bouw." in check  # on the printed profile
    assert "Het fonds ziet je antwoorden niet." in check  # the brand's intro
    assert not (brand_site / "checks/effectmeting").exists()  # only the checks the brand chose
    assert (brand_site / "beroepen/timmerman/index.html").is_file()  # pages from a shared folder
    assert "Voorbeeldfonds Bouw bestaat niet" in home  # clearly an example


def _brand_config(tmp_path: Path, colours: str) -> Path:
    config = tmp_path / "mkdocs.yml"
    text = BRAND.read_text().replace("../../", f"{ROOT}/").replace("docs_dir: docs", f"docs_dir: {BRAND.parent}/docs")
    text = text.replace("custom_dir: overrides", f"custom_dir: {BRAND.parent}/overrides")
    config.write_text(re.sub(r"colours: \{.*\}", f"colours: {colours}", text))
    return config


def test_a_brand_whose_colours_fail_wcag_does_not_build_and_names_pair_ratio_and_a_passing_colour(tmp_path: Path, caplog) -> None:
    config = _brand_config(tmp_path, '{primary: "#ffd600"}')
    with pytest.raises((PluginError, Abort)) as failed:
        build_site(config, tmp_path / "site")
    said = str(failed.value) + caplog.text
    assert "on_primary #ffffff on primary #ffd600 has contrast 1.41:1, WCAG 2.2 AA needs 4.5:1" in said
    assert "nearest primary that passes: #" in said
    assert not (tmp_path / "site").exists()


# --- languages ------------------------------------------------------------------------------------

class _Text(HTMLParser):
    """What a visitor reads or hears of a page's interface: text and labels, outside parts marked as another language."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language, self.stack, self.parts = language, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        other = self.stack[-1] if self.stack else False
        other = other or ("lang" in attrs and attrs["lang"] != self.language and tag != "html") or tag in ("script", "style")
        if not other:
            self.parts += [attrs[a] for a in ("aria-label", "placeholder", "title", "alt") if attrs.get(a)]
        if tag not in self.VOID:
            self.stack.append(other)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def _dutch_interface_strings() -> set[str]:
    ours = {t.split("{")[0].strip() for t in catalogue("nl").values() if isinstance(t, str)}
    ours -= {t.split("{")[0].strip() for t in catalogue("en").values() if isinstance(t, str)}
    def material(language: str) -> set[str]:
        return set(re.findall(r'"[\w.]+": "([^"]+)"', (MATERIAL_LANGUAGES / f"{language}.html").read_text()))

    material_nl = material("nl") - material("en")  # words like "Header" are the same in both
    return {s for s in ours | material_nl if len(s) >= 5 and s != "Nederlands"}


def _dutch_in(html: str, dutch: set[str]) -> list[str]:
    reader = _Text("en")
    reader.feed(html)
    text = " ".join(" ".join(reader.parts).split())
    return sorted(s for s in dutch if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))


@pytest.mark.parametrize("which", ["default", "brand"])
def test_the_english_site_has_lang_en_and_no_dutch_interface_strings(which: str, site: Path, brand_site: Path) -> None:
    root = (site if which == "default" else brand_site) / "en"
    dutch = _dutch_interface_strings()
    pages = list(root.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text()
        assert '<html lang="en"' in html, page
        assert _dutch_in(html, dutch) == [], page.relative_to(root)
    # The same reading finds the Dutch site's interface: it can fail.
    assert len(_dutch_in((root.parent / "checks/kortecheck/index.html").read_text(), dutch)) > 10


def test_a_page_not_yet_translated_says_so_and_keeps_its_language(site: Path) -> None:
    html = (site / "en/beroepen/kok/index.html").read_text()
    assert '<p class="cc-other-language">This page is only available in Dutch.</p><div lang="nl">' in html
    assert "This page is only available" not in (site / "en/privacy/index.html").read_text()  # privacy.en.md exists


def test_the_language_selector_links_each_page_to_the_same_page_in_the_other_language(site: Path) -> None:
    def selector(page: str) -> dict[str, str]:
        html = (site / page / "index.html").read_text()
        return dict((lang, href) for href, lang in re.findall(r'<a href="([^"]*)" hreflang="(\w+)" lang="\w+" class="md-select__link"', html))

    assert selector("checks/loopbaancheck") == {"nl": "./", "en": "../../en/checks/loopbaancheck/"}
    assert selector("en/checks/loopbaancheck") == {"nl": "../../../checks/loopbaancheck/", "en": "./"}
    assert selector("en/beroepen/kok") == {"nl": "../../../beroepen/kok/", "en": "./"}
    assert selector("checks/werkenergie")["en"] == "../../en/"  # a check only in Dutch: the English home page


# --- every link of every site ---------------------------------------------------------------------

class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "data-spec", "data-esco", "data-occupations") and value:
                self.links.append(value)


def _broken_links(root: Path) -> list[str]:
    broken = []
    for page in root.rglob("*.html"):
        url = "/" + page.relative_to(root).as_posix()
        parser = _Links()
        parser.feed(page.read_text())
        for link in parser.links:
            parts = urlsplit(urljoin(url, link))
            if parts.scheme or parts.netloc or not parts.path:
                continue  # another site, mailto:, or this page
            target = root / unquote(parts.path).lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{url} -> {link}")
    return broken


def test_every_internal_link_of_every_built_site_resolves(site: Path, brand_site: Path) -> None:
    for root in (site, brand_site):
        assert _broken_links(root) == []


def test_the_link_crawler_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="weg/">x</a><img src="logo.svg"><a href="https://example.org/">y</a>')
    (tmp_path / "logo.svg").write_text("<svg/>")
    assert _broken_links(tmp_path) == ["/index.html -> weg/"]


# --- reproducible ---------------------------------------------------------------------------------

def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    again = build_site(ROOT / "mkdocs.yml", tmp_path / "again")
    first, second = _snapshot(site), _snapshot(again)
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []
    assert any(path.endswith("/engine.zip") for path in first)  # the compiled engine is among them
