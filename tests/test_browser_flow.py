"""The check's flow in a real browser: short screens with the parts and the time left, the place
kept over a reload and Back, controls that keep to their own rules, a note before finishing with
many questions open, an engine that fails to load said at once and loaded again on request, and
the whole Korte check done with the keyboard alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_browser import SLOW, Visit, visit  # noqa: F401 - visit: the fixture, one visitor of the example site

pytestmark = pytest.mark.browser

WIDTHS = [320, 360]
SUBMIT = "form[data-check] button[type=submit]"
STATEMENTS = "[data-type=likert]:visible, [data-type=yes_no]:visible"


def narrow(browser, server: str, width: int) -> Visit:
    return Visit(browser, server, viewport={"width": width, "height": 640})


def ready(visit: Visit, path: str) -> None:
    visit.open(path)
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.settled()


def progress(visit: Visit) -> str:
    return visit.page.inner_text("[data-progress-text]")


def to_next_screen(visit: Visit) -> None:
    before = progress(visit)
    visit.page.click(SUBMIT)
    visit.page.wait_for_function("(before) => document.querySelector('[data-progress-text]').textContent !== before", arg=before)


def every_screen(visit: Visit) -> Iterator[None]:
    """Stops on each screen in turn, up to the last (the finish button)."""
    submit = visit.page.locator(SUBMIT)
    while True:
        visit.settled()
        yield
        if submit.text_content() == submit.get_attribute("data-finish"):
            return
        to_next_screen(visit)


def focused_heading(visit: Visit) -> str:
    return visit.page.evaluate("document.activeElement.matches('.cc-section:not([hidden]) h2') && document.activeElement.textContent")


# --- pace and place ----------------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["checks/kortecheck/index.html", "en/checks/kortecheck/index.html"])
def test_every_language_site_loads_the_shared_page_script_and_all_its_modules(site: Path, page: str) -> None:
    html = (site / page).read_text()
    (script,) = re.findall(r'<script type="module" src="([^"]+)"', html)
    # The engine starts before any other script of the page runs (an async module right after the form).
    (early,) = re.findall(r'<script type="module" async src="([^"]+)"', html)
    assert early.endswith("assets/careercheck/start-engine.mjs") and html.index(early) < html.index("<script src=")
    first = (site / page).parent.joinpath(script).resolve()
    assert first == (site / "assets/careercheck/check.js").resolve()
    todo, found = [first], set()
    while todo:
        module = todo.pop()
        found.add(module.name)
        imported = re.findall(r'(?:from |new URL\()"\./([\w.-]+)"', module.read_text())
        todo += [module.with_name(name) for name in imported if name not in found]
    assert found == {"check.js", "answers.mjs", "answers-file.mjs", "coach-link.mjs", "controls.mjs", "engine.mjs", "fragment.mjs",
                     "keep.mjs", "messages.mjs", "offline.mjs", "profile.mjs", "read-aloud.mjs", "restore.mjs", "share.mjs", "steps.mjs",
                     "storage.mjs", "worker.mjs"}


def test_the_time_and_the_parts_are_shown_at_the_start(visit: Visit) -> None:
    visit.open("/checks/loopbaancheck/")
    start = visit.page.locator(".cc-start")
    assert start.is_visible()
    assert "20 tot 30 minuten" in start.inner_text()
    assert start.locator("li").all_inner_texts()[:3] == ["Waarom ben je hier?", "Wie ben ik?", "Wat wil ik?"]


def test_long_sections_become_short_screens_with_their_heading_and_the_time_left(visit: Visit) -> None:
    ready(visit, "/checks/loopbaancheck/")
    seen = []
    for _ in every_screen(visit):
        assert visit.page.locator(STATEMENTS).count() <= 7
        assert visit.page.locator("[data-question]:visible").count() >= 1
        assert visit.page.locator(".cc-section:not([hidden]) h2").is_visible()
        seen.append((progress(visit), visit.page.inner_text("[data-time-left]")))
    assert len(seen) > 6  # more screens than parts
    assert any(re.fullmatch(r"Deel 2 van \d, scherm 2 van \d: Wie ben ik\?", text) for text, _ in seen)
    minutes = [int(re.search(r"\d+", left).group()) for _, left in seen]
    assert minutes[0] >= 20 and minutes == sorted(minutes, reverse=True) and seen[-1][1] in ("Nog ongeveer 1 minuut.", f"Nog ongeveer {minutes[-1]} minuten.")


def test_each_step_moves_the_focus_to_the_new_screens_heading(visit: Visit) -> None:
    ready(visit, "/checks/kortecheck/")
    to_next_screen(visit)
    assert focused_heading(visit) == "Je energie"
    to_next_screen(visit)
    assert focused_heading(visit) == "Je energie"  # the part's second screen keeps its heading
    assert progress(visit) == "Deel 2 van 3, scherm 2 van 2: Je energie"
    visit.page.click("[data-back]")
    assert focused_heading(visit) == "Je energie" and progress(visit) == "Deel 2 van 3, scherm 1 van 2: Je energie"


def test_a_reload_returns_to_the_same_screen(visit: Visit) -> None:
    ready(visit, "/checks/loopbaancheck/")
    for _ in range(3):
        to_next_screen(visit)
    place = progress(visit)
    visit.page.reload()
    assert progress(visit) == place
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.settled()
    assert progress(visit) == place


def test_back_from_a_page_the_profile_links_to_returns_to_the_profile(visit: Visit) -> None:
    visit.open("/checks/kortecheck/")
    visit.finish({"vraag": "kiezen", "stap": "loopbaancheck"})
    visit.page.click("[data-profile] a:text('Naar de Loopbaancheck')")
    visit.page.wait_for_url("**/checks/loopbaancheck/")
    visit.page.go_back()
    visit.page.wait_for_selector("[data-profile][data-state=ready]")
    assert "Naar de Loopbaancheck" in visit.page.inner_text("[data-profile]")
    visit.page.reload()  # also when the browser made the page anew
    visit.page.wait_for_selector("[data-profile][data-state=ready]")


@pytest.mark.parametrize("path", ["/checks/kortecheck/", "/checks/loopbaancheck/"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_screen_scrolls_sideways(browser, server: str, path: str, width: int) -> None:
    with narrow(browser, server, width) as visit:
        ready(visit, path)
        for _ in every_screen(visit):
            assert visit.page.evaluate("document.documentElement.scrollWidth") <= width, progress(visit)


# --- controls that keep to their own rules -------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_no_more_choices_than_the_question_allows_with_one_line_that_says_so(browser, server: str, width: int) -> None:
    with narrow(browser, server, width) as visit:
        ready(visit, "/checks/kortecheck/")
        to_next_screen(visit)
        to_next_screen(visit)
        question = visit.page.locator("[data-question=energie_plus]")
        line = question.locator(".cc-question__hint")
        assert line.all_inner_texts() == ["Kies er hoogstens 2."]
        question.locator("input[value=mensen]").check()
        question.locator("input[value=leren]").check()
        assert [box.is_disabled() for box in question.locator("input").all()] == [False, True, False, True, True, True]
        assert line.all_inner_texts() == ["Je hebt er 2 gekozen. Wil je een andere? Haal dan eerst een vinkje weg."]
        question.locator("label:has(input[value=leren])").click()  # a tap on the box takes the choice back
        assert not question.locator("input:disabled").count()
        assert line.all_inner_texts() == ["Kies er hoogstens 2."]
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_a_ranking_holds_each_option_once_also_by_keyboard(browser, server: str, width: int) -> None:
    with narrow(browser, server, width) as visit:
        ready(visit, "/checks/loopbaancheck/")
        visit.answer({"aanleiding": "zelf", "vraag": "kiezen"})
        while not visit.page.locator("[data-question=waarden]").is_visible():
            to_next_screen(visit)
        first, second = visit.page.get_by_label("Plaats 1"), visit.page.get_by_label("Plaats 2")
        first.select_option("zekerheid")
        assert second.locator("option[value=zekerheid]").is_disabled()
        second.focus()
        visit.page.keyboard.press("ArrowDown")  # from "Kies..." to the first option still free
        assert second.input_value() not in ("", "zekerheid")
        assert first.locator(f"option[value={second.input_value()}]").is_disabled()
        first.select_option("")
        assert not second.locator("option[value=zekerheid]").is_disabled()
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_many_open_questions_are_pointed_out_before_the_profile(browser, server: str, width: int) -> None:
    with narrow(browser, server, width) as visit:
        ready(visit, "/checks/kortecheck/")
        visit.answer({"situatie": "loondienst", "vraag": "verder"})
        for _ in every_screen(visit):
            pass
        visit.page.click(SUBMIT)
        note = visit.page.locator("[data-open-note]")
        assert note.is_visible() and note.inner_text().startswith("Je hebt 8 vragen open gelaten. Wil je ze nog bekijken?")
        assert visit.page.evaluate("document.activeElement.matches('[data-open-note]')")
        assert visit.page.get_attribute("[data-profile]", "data-state") == "empty"
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= width
        visit.page.click("[data-open-review]")
        assert progress(visit) == "Deel 2 van 3, scherm 1 van 2: Je energie"  # the first screen with open questions
        assert focused_heading(visit) == "Je energie" and not note.is_visible()
        for _ in every_screen(visit):
            pass
        visit.page.click(SUBMIT)
        visit.page.click("[data-open-finish]")
        visit.page.wait_for_selector("[data-profile][data-state=ready]")


def test_asking_for_the_profile_again_past_the_open_questions_note_finishes(visit: Visit) -> None:
    ready(visit, "/checks/kortecheck/")
    for _ in every_screen(visit):
        pass
    visit.page.click(SUBMIT)
    assert visit.page.locator("[data-open-note]").is_visible()
    visit.page.click(SUBMIT)  # the note is a question, never a wall
    visit.page.wait_for_selector("[data-profile][data-state=ready]")


# --- an engine that fails -------------------------------------------------------------------------------

def test_an_engine_that_cannot_load_is_said_at_once_and_try_again_loads_it(visit: Visit) -> None:
    visit.context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    visit.open("/checks/werkenergie/")
    failure = visit.page.locator("[data-engine-failed]")
    failure.wait_for()  # on the first screen, long before the end
    assert progress(visit).startswith("Deel 1 van")
    assert "Je antwoorden blijven bewaard" in failure.inner_text() and "printen" in failure.inner_text()
    visit.answer({"en1": 5, "en2": 1})
    visit.page.reload()  # still failing: the answers stay
    failure.wait_for()
    assert visit.page.is_checked("input[name=en1][value='5']")
    assert visit.page.evaluate("JSON.parse(sessionStorage.getItem('careercheck:werkenergie:answers'))") == {"en1": "5", "en2": "1"}

    visit.context.unroute("**/pyodide.asm.wasm")
    visit.page.get_by_role("button", name="Probeer opnieuw").click()
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    assert not failure.is_visible()
    visit.finish({"en3": 2})
    assert "Jouw profiel" in visit.page.inner_text("[data-profile]")


def test_without_the_engine_every_question_can_be_printed_to_answer_on_paper(visit: Visit) -> None:
    visit.context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    visit.open("/checks/werkenergie/")
    visit.page.locator("[data-engine-failed]").wait_for()
    # What the page looks like while it prints: the print dialog itself cannot be seen here.
    visit.page.evaluate("window.print = () => { window.printing = document.querySelector('.cc-page').dataset.print; }")
    visit.page.get_by_role("button", name="Print de vragen").click()
    assert visit.page.evaluate("window.printing") == "questions"
    visit.page.evaluate("document.querySelector('.cc-page').dataset.print = 'questions'")
    visit.page.emulate_media(media="print")
    assert visit.page.locator("fieldset.cc-question:visible").count() == 16  # every screen's questions
    assert not visit.page.locator("form[data-check] button:visible").count()


BREAK_ONCE = """(type) => {
    const post = Worker.prototype.postMessage;
    let broken = false;
    Worker.prototype.postMessage = function (message) {
        if (message.type !== type || broken) return post.call(this, message);
        broken = true;
        return post.call(this, { ...message, type: "no-such-request" });  // the worker answers this id with an error
    };
}"""


def test_one_failed_scoring_request_can_be_tried_again(visit: Visit) -> None:
    ready(visit, "/checks/kortecheck/")
    visit.page.evaluate(BREAK_ONCE, "profile")
    visit.answer({"vraag": "verder"})
    for _ in every_screen(visit):
        visit.answer({"e1": 4, "e2": 4, "e3": 2, "e4": 1, "stap": "coach", "energie_plus": ["mensen"], "energie_min": ["regels"]})
    visit.page.click(SUBMIT)
    visit.page.wait_for_selector("[data-profile][data-state=error]", state="attached")
    assert "Je antwoorden zijn bewaard" in visit.page.inner_text("[data-status]")
    assert not visit.page.locator("[data-engine-failed]").is_visible()  # the engine itself is fine
    visit.page.click(SUBMIT)  # the same button tries again
    visit.page.wait_for_selector("[data-profile][data-state=ready]")


# --- keyboard only ---------------------------------------------------------------------------------------

# In one evaluation: the page may move the focus (to the profile) between two.
FOCUS_SHOWN = """() => {
    const el = document.activeElement;
    if (!el.closest("form[data-check]")) return true;  // only the form's controls are stepped through
    const ring = (e) => e && getComputedStyle(e).outlineStyle !== "none" && getComputedStyle(e).outlineWidth !== "0px";
    return el.matches(":focus-visible") && (ring(el) || ring(el.closest(".cc-choice")));
}"""


class Keys:
    """The keyboard alone: every key pressed leaves the focus visible."""

    def __init__(self, page) -> None:
        self.page, self.pressed = page, []

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.pressed.append(key)
        focused = self.page.evaluate("document.activeElement.outerHTML")[:80]
        assert self.page.evaluate(FOCUS_SHOWN), f"focus not visible on {focused} after {self.pressed}"

    def tab_to(self, selector: str) -> None:
        for _ in range(80):
            self.press("Tab")
            if self.page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    def next_screen(self) -> str:
        """Enter on the button that goes on; the new screen's heading, which has the focus."""
        before = self.page.inner_text("[data-progress-text]")
        self.tab_to(SUBMIT)
        self.press("Enter")
        self.page.locator(".cc-section:not([hidden]) h2:focus").wait_for()
        assert self.page.inner_text("[data-progress-text]") != before and self.page.evaluate(FOCUS_SHOWN)
        return self.page.inner_text(".cc-section:not([hidden]) h2")

    def finish(self) -> None:
        """Enter on the finish button (and on 'show the profile' when questions are open): the profile has the focus."""
        self.tab_to(SUBMIT)
        self.press("Enter")
        self.page.wait_for_selector("[data-open-note]:not([hidden]), [data-profile][data-state=ready]", state="attached")
        if self.page.locator("[data-open-note]").is_visible():
            self.tab_to("[data-open-finish]")
            self.press("Enter")
        self.page.wait_for_selector("[data-profile][data-state=ready]", timeout=SLOW)
        assert self.page.evaluate("document.activeElement.matches('[data-profile]')")


def test_the_short_check_can_be_done_with_the_keyboard_alone(visit: Visit) -> None:
    ready(visit, "/checks/kortecheck/")
    keys = Keys(visit.page)
    keys.tab_to("[data-question=vraag] input")
    keys.press("ArrowDown")  # the second option: "Hoe kom ik verder in mijn werk?"
    assert keys.next_screen() == "Je energie"
    for name in ("e1", "e2", "e3", "e4"):
        keys.tab_to(f"[data-question={name}] input")
        keys.press("ArrowRight")  # Tab lands on the first point without choosing it; the arrow chooses the second
        keys.press("ArrowRight")
    assert keys.next_screen() == "Je energie"
    keys.tab_to("[data-question=energie_plus] input")
    keys.press("Space")
    keys.press("Tab")
    keys.press("Space")  # two chosen: the rest are skipped now
    keys.tab_to("[data-question=energie_min] input")
    keys.press("Space")
    assert keys.next_screen() == "Je volgende stap"
    keys.tab_to("[data-question=stap] input")
    keys.press("ArrowDown")
    keys.finish()
    answers = visit.page.evaluate("JSON.parse(sessionStorage.getItem('careercheck:kortecheck:answers'))")
    assert answers == {"vraag": "verder", "e1": "3", "e2": "3", "e3": "3", "e4": "3",
                       "energie_plus": ["mensen", "handen"], "energie_min": ["mensen"], "stap": "coach"}


def test_the_job_search_and_the_ranking_can_be_done_with_the_keyboard_alone(visit: Visit) -> None:
    page = visit.page
    ready(visit, "/checks/loopbaancheck/")
    keys = Keys(page)
    keys.tab_to("[data-question=beroep] [data-job-search]")
    page.keyboard.type("heftruck")
    page.locator("[data-question=beroep] [data-job-results] input").first.wait_for()
    keys.press("Tab")  # to the first job found
    keys.press("Space")
    while not page.locator("[data-question=waarden]").is_visible():
        keys.next_screen()
    keys.tab_to("[data-question=waarden] select")
    for place in range(5):
        if place:
            keys.press("Tab")  # the next place
        keys.press("ArrowDown")  # the first value still free
    keys.next_screen()
    while page.locator(SUBMIT).text_content() != page.locator(SUBMIT).get_attribute("data-finish"):
        keys.next_screen()
    keys.finish()
    answers = page.evaluate("JSON.parse(sessionStorage.getItem('careercheck:loopbaancheck:answers'))")
    assert answers["beroep"] and "heftruckchauffeur" in page.inner_text("[data-profile] [data-answer=beroep]")
    assert len(set(answers["waarden"])) == 5
