"""The example check in a real browser (Debian Chromium via Playwright), served
by a real static web server on loopback, scored by the real Pyodide runtime."""

from __future__ import annotations

import copy
import functools
import io
import json
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from careercheck.lmi.esco import ESCO_CSV, compact_index
from conftest import GOLDEN, persona_answers, ROOT

pytestmark = pytest.mark.browser

CHECK = "/checks/werkenergie/"
# The 'energetic' golden case: its expected bands are written out by hand there.
ENERGETIC = json.loads((GOLDEN / "werkenergie-energetic.json").read_text())
BAND_LABELS = {
    "energie": "Je werk geeft je veel energie",
    "werkdruk": "Je werkdruk is goed te doen",
    "groei": "Je leert en groeit",
    "vertrouwen": "Je hebt grip op je loopbaan",
}
# Pyodide's first start on a shared, busy machine can take a while.
SLOW = 120_000


@functools.cache
def esco_label(uuid: str, language: str = "nl") -> str:
    index = compact_index(ESCO_CSV[language])
    return next(label for label, _, found in index["occupations"] if found == uuid)


class Visit:
    """One visitor: a fresh browser context whose every request, console
    message and cookie is recorded, for the page and its workers."""

    def __init__(self, browser, server: str, **context_options) -> None:
        self.server = server
        self.context = browser.new_context(**context_options)
        self.requests: list = []
        self.console: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request))
        self.page = self._new_page()

    def _new_page(self):
        page = self.context.new_page()
        page.on("console", lambda message: self.console.append(message.text))
        page.set_default_timeout(SLOW)
        return page

    def another_tab(self) -> "Visit":
        """The same device, a new tab: a fresh sessionStorage, the same localStorage."""
        tab = copy.copy(self)
        tab.page = self._new_page()
        return tab

    def __enter__(self) -> "Visit":
        return self

    def __exit__(self, *exc: object) -> None:
        self.context.close()

    def open(self, path: str = CHECK) -> None:
        self.page.goto(self.server + path)

    def settled(self) -> None:
        """Wait until the engine has said which questions apply to the answers so far."""
        self.page.wait_for_selector("form[data-check]:not([data-pending])", state="attached")

    def answer(self, answers: dict) -> None:
        """Answer the questions on screen, also those an answer makes appear."""
        done: set[str] = set()
        while True:
            self.settled()
            todo = [n for n in answers if n not in done and self.page.locator(f"[data-question={n}]").is_visible()]
            if not todo:
                return
            for name in todo:
                self.answer_one(name, answers[name])
                done.add(name)

    def answer_one(self, name: str, value) -> None:
        question = self.page.locator(f"[data-question={name}]")
        kind = question.get_attribute("data-type")
        if kind == "ranking":
            for place, choice in zip(question.locator("select").all(), value):
                place.select_option(choice)
        elif kind == "occupation":  # search by the job's name, then pick it
            language = self.page.get_attribute("form[data-check]", "data-lang")
            question.locator("[data-job-search]").fill(esco_label(value, language))
            question.locator(f"input[value='{value}']").check()
        elif kind in ("slider", "text"):
            question.locator("input, textarea").fill(str(value))
        else:
            for choice in [value] if not isinstance(value, list) else value:
                question.locator(f"input[value='{choice}']").check()

    def erase_everything(self) -> None:
        """Click 'Wis alles' and confirm."""
        self.page.click("[data-erase]")
        self.page.click("[data-erase-confirm] [data-erase-yes]")

    def finish(self, answers: dict) -> None:
        """Go through every screen that applies, answering, and wait for the profile
        (finishing anyway when the page points at questions left open)."""
        submit = self.page.locator("form[data-check] button[type=submit]")
        self.page.wait_for_selector("form[data-engine=ready]", state="attached")
        for _ in range(80):
            self.answer(answers)
            last = submit.text_content() == submit.get_attribute("data-finish")
            submit.click()
            if last:
                self.page.wait_for_selector("[data-open-note]:not([hidden]), [data-profile][data-state=ready]", state="attached")
                if self.page.locator("[data-open-note]").is_visible():
                    self.page.click("[data-open-finish]")
                self.page.wait_for_selector("[data-profile][data-state=ready]")
                return
        raise AssertionError("the check never reached its last screen")


@pytest.fixture
def visit(browser, server: str) -> Iterator[Visit]:
    with Visit(browser, server) as visit:
        yield visit


def test_answering_the_check_shows_the_profile(visit: Visit) -> None:
    visit.open()
    visit.finish(ENERGETIC["answers"])
    profile = visit.page.inner_text("[data-profile]")
    for label in BAND_LABELS.values():
        assert label in profile
    assert "Score: 4,75 op een schaal van 1 tot 5" in profile  # energie, formatted for Dutch readers
    assert "Score: 3,75 op een schaal van 1 tot 5" in profile  # groei


def test_nothing_leaves_the_origin_and_no_cookie_is_set(visit: Visit) -> None:
    visit.open()
    visit.finish(ENERGETIC["answers"])
    origin = urlsplit(visit.server)
    urls = [request.url for request in visit.requests]
    # The recorder must see the worker's requests too, or this test proves nothing.
    assert any("/assets/pyodide/" in url and url.endswith("/pyodide.asm.wasm") for url in urls)
    assert any(url.endswith("/engine.zip") for url in urls)
    for request in visit.requests:
        parts = urlsplit(request.url)
        assert (parts.scheme, parts.netloc) == (origin.scheme, origin.netloc), f"request to another origin: {request.url}"
        assert request.method == "GET", f"{request.method} {request.url}"
        assert not parts.query, f"query string sent: {request.url}"
    assert visit.context.cookies() == []
    assert visit.page.evaluate("document.cookie") == ""


def test_the_content_security_policy_blocks_nothing_the_page_needs(visit: Visit) -> None:
    visit.open()
    visit.finish(ENERGETIC["answers"])
    assert [m for m in visit.console if "Content Security Policy" in m] == []


# The colours a person rests on, not those halfway through a transition: a button that comes under
# the pointer when the screen changes starts its hover a frame or two later.
SETTLED = """() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)))
  .then(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))))"""


def axe_violations(visit: Visit) -> list[str]:
    visit.page.evaluate(SETTLED)
    visit.page.evaluate((ROOT / "node_modules/axe-core/axe.min.js").read_text())
    result = visit.page.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag",
             values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}})"""
    )
    return [f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']]})" for v in result["violations"]]


def test_check_page_has_no_accessibility_violations(visit: Visit) -> None:
    visit.open()
    assert axe_violations(visit) == []


def test_filled_profile_has_no_accessibility_violations(visit: Visit) -> None:
    visit.open()
    visit.finish(ENERGETIC["answers"])
    assert axe_violations(visit) == []


def test_the_printed_profile_is_a4_without_the_site_navigation(visit: Visit) -> None:
    visit.open()
    visit.finish(ENERGETIC["answers"])
    pdf = PdfReader(io.BytesIO(visit.page.pdf(format="A4", print_background=True)))
    # A4 is 595 x 842 points; Chromium rounds it to 8.27 x 11.7 inches (595.4 x 842.4).
    for page in pdf.pages:
        assert abs(float(page.mediabox.width) - 595) < 2 and abs(float(page.mediabox.height) - 842) < 2
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Jouw profiel" in pdf.pages[0].extract_text() and BAND_LABELS["energie"] in text
    assert "Vraag 1 van 16" not in text  # the questions stay on screen
    assert "Privacy" not in text  # no site navigation


def test_answers_survive_a_reload(visit: Visit) -> None:
    visit.open()
    visit.answer({"en1": 5, "en3": 2})
    visit.page.reload()
    assert visit.page.is_checked("input[name=en1][value='5']")
    assert visit.page.is_checked("input[name=en3][value='2']")


def test_erase_removes_answers_and_profile(visit: Visit) -> None:
    visit.open()
    visit.finish(ENERGETIC["answers"])
    visit.erase_everything()
    assert visit.page.get_attribute("[data-profile]", "data-state") == "empty"
    assert visit.page.evaluate("sessionStorage.length") == 0
    visit.page.reload()
    assert visit.page.locator("form[data-check] input:checked").count() == 0


def test_questions_are_plain_html_that_works_without_scripts(browser, server: str) -> None:
    with Visit(browser, server, java_script_enabled=False) as visit:
        visit.open()
        form = visit.page.locator("form[data-check=werkenergie]")
        assert form.locator("fieldset").count() == 16
        assert form.locator("fieldset > legend").count() == 16
        visit.page.check("input[name=en1][value='4']")
        assert visit.page.is_checked("input[name=en1][value='4']")
        # Scoring needs the script; without it, submitting must send nothing anywhere.
        assert form.locator("button[type=submit]").is_disabled()


def test_a_partly_answered_check_says_what_could_not_be_scored(visit: Visit) -> None:
    visit.open()
    visit.finish({"en1": 2, "en2": 5})
    profile = visit.page.inner_text("[data-profile]")
    assert BAND_LABELS["energie"] not in profile and "Je werk geeft je weinig energie" in profile
    assert profile.count("Je hebt te weinig vragen beantwoord om dit te berekenen.") == 3
    assert "0 van 4 vragen beantwoord" in profile


def test_a_failing_engine_says_so_and_keeps_the_answers(visit: Visit) -> None:
    # The runtime cannot load (as on a host that lost a file): the person is told, nothing is lost.
    visit.context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    visit.open()
    visit.answer({"en1": 5, "en2": 1})
    submit = visit.page.locator("form[data-check] button[type=submit]")
    while submit.text_content() != submit.get_attribute("data-finish"):  # through every screen to the last button
        submit.click()
    submit.click()
    visit.page.click("[data-open-finish]")  # most questions are open: finish anyway
    visit.page.wait_for_selector("[data-profile][data-state=error]", state="attached")
    assert "Je antwoorden zijn bewaard" in visit.page.inner_text("[data-status]")
    assert visit.page.is_checked("input[name=en1][value='5']")
    assert visit.page.evaluate("JSON.parse(sessionStorage.getItem('careercheck:werkenergie:answers'))") == {
        "en1": "5",
        "en2": "1",
    }


def test_a_slow_engine_is_explained_and_a_profile_asked_for_meanwhile_comes_when_it_is_ready(visit: Visit) -> None:
    # The runtime's largest file arrives late (a slow line): the page says why, and that the questions
    # need not wait; a profile asked for meanwhile says it waits for the engine, and then appears.
    visit.context.route("**/pyodide.asm.wasm", lambda route: (time.sleep(6), route.continue_()))
    visit.open()
    status = visit.page.locator("[data-status]")
    status.filter(has_text="rekenprogramma").wait_for()
    assert status.text_content().startswith("Het rekenprogramma voor je profiel wordt geladen.")
    assert visit.page.get_attribute("form[data-check]", "data-engine") is None
    visit.page.evaluate(
        "answers => { for (const [n, v] of Object.entries(answers)) document.querySelector(`input[name=${n}][value='${v}']`).checked = true; }",
        ENERGETIC["answers"],
    )
    submit = visit.page.locator("form[data-check] button[type=submit]")
    while submit.text_content() != submit.get_attribute("data-finish"):
        submit.click()
    submit.click()
    assert status.text_content().startswith("Je profiel wordt gemaakt zodra het rekenprogramma geladen is.")
    visit.page.wait_for_selector("[data-profile][data-state=ready]", state="attached")
    assert "Je werk geeft je veel energie" in visit.page.text_content("[data-profile]")


def test_an_engine_ready_before_the_page_script_runs_is_taken_up(visit: Visit) -> None:
    # A fast engine on a busy page: the engine is ready before check.js runs (start-engine.mjs starts
    # it first). check.js is held back until then; the page must still keep answers and finish.
    errors: list[str] = []
    visit.page.on("pageerror", lambda error: errors.append(str(error)))
    held: list = []
    visit.context.route("**/assets/careercheck/check.js", lambda route: held.append(route))
    visit.page.goto(visit.server + "/checks/kortecheck/", wait_until="commit")
    state = """async () => {
      const { startEngine } = await import(new URL("/assets/careercheck/engine.mjs", location.href));
      const form = document.querySelector("form[data-check]");
      return form ? startEngine(form).state : "no form yet";
    }"""
    deadline = time.monotonic() + SLOW / 1000
    while visit.page.evaluate(state) != "ready":
        assert time.monotonic() < deadline, "the engine never became ready"
        time.sleep(0.2)
    assert visit.page.get_attribute("form[data-check]", "data-engine") is None  # check.js has not run
    [route] = held
    route.continue_()
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.answer({"situatie": "loondienst"})
    assert errors == []
    assert "loondienst" in (visit.page.evaluate("sessionStorage.getItem('careercheck:kortecheck:answers')") or "")
    visit.finish(persona_answers("linda-kort-wil-verder"))
    assert errors == []
