"""The profile on paper and beside the command line: page one is the summary on one A4
page for every persona, also with 600-word written answers (which continue on the next
page under their own heading); the poster is one A3 page; `careercheck profile` says
what the browser says."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from careercheck.site.messages import messages
from conftest import ROOT
from test_browser import Visit
from test_personas import PERSONAS
from test_profile import six_hundred_words

pytestmark = pytest.mark.browser

A4 = (595, 842)  # points, rounded
A3 = (842, 1191)
LAST_ON_PAGE_ONE = messages("nl")["appointment"]
CHECK_OF = {name: Path(p["check"]).stem for name, p in PERSONAS.items()}


@pytest.fixture
def visit(browser, server: str) -> Iterator[Visit]:
    with Visit(browser, server) as visit:
        yield visit


def printed(visit: Visit, poster: bool = False) -> list[tuple[tuple[int, int], str]]:
    """(size in points, text) of each printed page, as the print button or the poster button prints."""
    if poster:
        visit.page.evaluate("""() => {
            document.querySelector(".cc-page").dataset.print = "poster";
            document.querySelector("link[data-poster-style]").disabled = false;
        }""")
    pdf = PdfReader(io.BytesIO(visit.page.pdf(prefer_css_page_size=True, print_background=True)))
    return [((round(p.mediabox.width), round(p.mediabox.height)), p.extract_text()) for p in pdf.pages]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_page_one_is_the_summary(pages: list, language: str = "nl") -> None:
    ui = messages(language)
    assert all(size == A4 for size, _ in pages)
    first = squeezed(pages[0][1])
    assert squeezed(ui["profile_title"]) in first
    assert squeezed(ui["appointment"]) in first  # the summary ends on page one ...
    assert all(squeezed(ui["appointment"]) not in squeezed(text) for _, text in pages[1:])
    assert squeezed(ui["details"]) not in first  # ... and the details start on the next


@pytest.mark.parametrize("name", PERSONAS)
def test_page_one_is_the_summary_on_one_a4_page(visit: Visit, name: str) -> None:
    visit.open(f"/checks/{CHECK_OF[name]}/")
    visit.finish(PERSONAS[name]["answers"])
    assert_page_one_is_the_summary(printed(visit))


# The most a person can bring to page one: every written answer 600 words long, and the answers that
# call up the most advice at once (looking for work after a reorganisation, with too much stress).
MOST = {"situatie": "zoekt", "aanleiding": "reorganisatie", "vraag": "stress", "waar_nieuw": "weet_niet",
        "laatste_beroep": PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"]["beroep"]}


@pytest.mark.parametrize("most", [False, True], ids=["ahmed", "the most advice"])
def test_six_hundred_words_in_every_written_answer_continue_after_page_one(visit: Visit, most: bool) -> None:
    persona = PERSONAS["ahmed-magazijn-na-reorganisatie"]
    long = six_hundred_words()
    texts = {name: f"{long} Einde {name}." for name, value in persona["answers"].items() if isinstance(value, str) and " " in value}
    answers = persona["answers"] | texts
    if most:
        answers = {k: v for k, v in answers.items() if k not in ("beroep", "waar")} | MOST
    visit.open("/checks/loopbaancheck/")
    visit.finish(answers)
    pages = printed(visit)
    assert_page_one_is_the_summary(pages)
    assert squeezed("(Verder onder 'Wat je schreef, helemaal'.)") in squeezed(pages[0][1])
    rest = squeezed(" ".join(text for _, text in pages[1:]))
    assert squeezed("Wat je schreef, helemaal") in rest
    assert all(squeezed(f"Einde {name}.") in rest for name in texts)  # every answer to its last word


@pytest.mark.parametrize("name", ["ahmed-magazijn-na-reorganisatie", "fatima-kort-zoekt-werk"])
def test_the_poster_is_the_summary_on_one_a3_page(visit: Visit, name: str) -> None:
    visit.open(f"/checks/{CHECK_OF[name]}/")
    visit.finish(PERSONAS[name]["answers"])
    pages = printed(visit, poster=True)
    assert len(pages) == 1 and pages[0][0] == A3
    assert squeezed(LAST_ON_PAGE_ONE) in squeezed(pages[0][1])
    assert squeezed("Uitleg bij je scores") not in squeezed(pages[0][1])


def test_the_poster_button_prints_a3_and_then_the_page_is_as_it_was(visit: Visit) -> None:
    visit.open("/checks/kortecheck/")
    visit.finish(PERSONAS["fatima-kort-zoekt-werk"]["answers"])
    visit.page.evaluate("() => { window.print = () => { window.printedAs = document.querySelector('.cc-page').dataset.print; dispatchEvent(new Event('afterprint')); }; }")
    visit.page.click("[data-print-poster]")
    assert visit.page.evaluate("() => window.printedAs") == "poster"
    assert visit.page.evaluate("() => document.querySelector('link[data-poster-style]').disabled")
    assert visit.page.evaluate("() => document.querySelector('.cc-page').dataset.print") is None


@pytest.mark.parametrize("name", [n for n in PERSONAS if CHECK_OF[n] == "loopbaancheck"])
def test_the_command_line_profile_says_what_the_browser_says(visit: Visit, site: Path, tmp_path: Path, name: str) -> None:
    persona = PERSONAS[name]
    visit.open("/checks/loopbaancheck/")
    visit.finish(persona["answers"])
    shown = visit.page.inner_text("[data-profile-body]")
    (tmp_path / "answers.json").write_text(json.dumps(persona["answers"]))
    today = visit.page.evaluate("() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); }")
    out = subprocess.run([sys.executable, "-m", "careercheck.cli", "profile", "checks/loopbaancheck.yml", str(tmp_path / "answers.json"),
                          "--site", str(site), "--date", today], capture_output=True, text=True, cwd=ROOT, check=True)
    body = out.stdout.split("</h1>", 1)[1].rsplit("</body>", 1)[0]
    visit.page.set_content(f"<div id=cli>{body}</div>")
    visit.page.evaluate("document.querySelector('#cli .cc-summary__appointment').remove()")  # a line to write on: on paper only
    assert squeezed(visit.page.inner_text("#cli")) == squeezed(shown)  # the same words (without the site's stylesheet)
