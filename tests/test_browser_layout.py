"""Phone first: every page type fits a 320 px screen (WCAG 1.4.10 reflow: 1280 px at 400 % zoom), a 360 px
phone and 640 px (1280 px at 200 %) without sideways scrolling; a scale reads as one row or
one column; the check's targets are a finger's size; fields can be seen; axe finds nothing, in both
languages, on a phone and on a desktop."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import yaml

from conftest import persona_answers, ROOT
from test_browser import Visit, axe_violations
from test_browser_read_aloud import LOCAL_EN, LOCAL_NL, with_voices

pytestmark = pytest.mark.browser

PHONES = (320, 360)
ZOOMED = 640  # a 1280 px screen at 200 % zoom
DESKTOP = 1280
HEIGHT = 800
# One page of every kind that is not a check, in both languages. The 404 page by its own address: the
# preview server answers an unknown one with its own page, nginx with this one.
PAGES = ["/", "/beroepen/kok/", "/beroepen/", "/opleidingen/", "/opleidingen/logistiek/", "/arbeidsmarkt/", "/hulp/", "/privacy/",
         "/toegankelijkheid/", "/over-deze-informatie/", "/coach/", "/404.html"]
PAGES = PAGES + ["/en" + path for path in PAGES]
PERSONAS = {
    "kortecheck": "linda-kort-wil-verder",
    "loopbaancheck": "ahmed-magazijn-na-reorganisatie",
}
CHECKS = [(check, language) for check in PERSONAS for language in ("nl", "en")]
CATALOGUE = {language: yaml.safe_load((ROOT / f"builder/careercheck/site/catalogue/{language}.yml").read_text())
             for language in ("nl", "en")}
FINGER = 44  # CSS px: WCAG 2.5.5's size, well above 2.5.8's minimum of 24

SIDEWAYS = "document.documentElement.scrollWidth - window.innerWidth"
# Everything a person taps in the check and its profile, as far as it is on screen.
TARGETS = """() => [...document.querySelectorAll(`.cc-page :is(a, button, summary, select, textarea,
    input:not([type=radio], [type=checkbox]), label.cc-choice)`)].filter((e) => e.checkVisibility())
  .map((e) => { const r = e.getBoundingClientRect();
    return {what: `${e.tagName} ${e.textContent.trim().slice(0, 40)}`, width: r.width, height: r.height}; })"""
# A field's border colour and the colour behind it, the nearest background that is not transparent.
BORDER_AND_BACKGROUND = """(e) => { const colour = getComputedStyle(e).borderTopColor;
  for (let at = e; at; at = at.parentElement) {
    const behind = getComputedStyle(at).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(behind) && behind !== "transparent") return [colour, behind];
  }
  return [colour, "rgb(255, 255, 255)"]; }"""

# How far the example in a field runs past its room: typed into the field (the same font), where the
# field's own scroll width counts what a text width alone misses (a search field keeps room for its
# clear button).
PLACEHOLDER_OVERFLOW = """(e) => { const typed = e.value; e.value = e.placeholder;
  const over = e.scrollWidth - e.clientWidth; e.value = typed; return over; }"""

# A read-aloud button that stands beside its heading or label instead of under it.
READ_BESIDE = """() => [...document.querySelectorAll(".cc-page .cc-read")].filter((b) => b.checkVisibility())
  .filter((b) => b.getBoundingClientRect().top < b.previousElementSibling.getBoundingClientRect().bottom - 1)
  .map((b) => `read-aloud button beside ${b.previousElementSibling.textContent.trim().slice(0, 40)}`)"""

# The width a list of choices takes when nothing holds it in: its longest choice with the arrow.
NEEDED_WIDTH = """(e) => { e.style.width = "max-content"; const needed = e.getBoundingClientRect().width;
  e.style.width = ""; return needed; }"""


def rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in css[css.index("(") + 1:-1].replace("/", ",").replace(" ", ",").split(",") if p]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio, a translucent foreground laid over its background first."""
    *fg, alpha = rgba(foreground)
    bg = rgba(background)[:3]
    mixed = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg)]

    def luminance(rgb) -> float:
        channels = [c / 255 for c in rgb]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(mixed), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def persona(check: str) -> dict:
    return persona_answers(PERSONAS[check])


def looked_at(visit: Visit, widths, probe: Callable[[Visit], list[str]], screen: str) -> list[str]:
    """What `probe` finds on the screen at each width, each finding named for its screen and width."""
    found = []
    for width in widths:
        visit.page.set_viewport_size({"width": width, "height": HEIGHT})
        found += [f"{screen} at {width} px: {finding}" for finding in probe(visit)]
    return found


def walk(visit: Visit, check: str, language: str, widths, probe: Callable[[Visit], list[str]]) -> list[str]:
    """Through every section of a check, answering as its persona, and on to the filled-in profile:
    what `probe` finds on each screen at each width."""
    visit.open(("" if language == "nl" else "/en") + f"/checks/{check}/")
    page, answers, found = visit.page, persona(check), []
    submit = page.locator("form[data-check] button[type=submit]")
    page.wait_for_selector("form[data-engine=ready]", state="attached")
    for section in range(1, 50):
        visit.answer(answers)
        found += looked_at(visit, widths, probe, f"{language} {check} section {section}")
        last = submit.text_content() == submit.get_attribute("data-finish")
        submit.click()
        if last:
            page.wait_for_selector("[data-profile][data-state=ready]")
            return found + looked_at(visit, widths, probe, f"{language} {check} profile")
    raise AssertionError("the check never reached its last section")


def sideways(visit: Visit) -> list[str]:
    scroll = visit.page.evaluate(SIDEWAYS)
    return [f"scrolls {scroll} px sideways"] if scroll else []


def sideways_or_small(visit: Visit) -> list[str]:
    small = [t for t in visit.page.evaluate(TARGETS) if t["width"] < FINGER or t["height"] < FINGER]
    return sideways(visit) + [f"{t['what']!r} is {t['width']:.0f}x{t['height']:.0f}" for t in small]


def read_aloud_fits(visit: Visit) -> list[str]:
    """With read-aloud buttons on screen: under what they read out, finger-sized, and axe finds nothing."""
    shown = visit.page.locator(".cc-page .cc-read").filter(visible=True).count()
    return ([] if shown else ["no read-aloud button"]) + visit.page.evaluate(READ_BESIDE) + sideways_or_small(visit) + axe_violations(visit)


@pytest.fixture
def visit(browser, server: str) -> Iterator[Visit]:
    with Visit(browser, server, viewport={"width": DESKTOP, "height": HEIGHT}) as visit:
        yield visit


@pytest.mark.parametrize("path", PAGES)
def test_pages_fit_a_phone_and_200_percent_zoom_without_sideways_scrolling(visit: Visit, path: str) -> None:
    visit.open(path)
    assert looked_at(visit, (*PHONES, ZOOMED), sideways, path) == []


@pytest.mark.parametrize(("check", "language"), CHECKS)
def test_every_section_of_a_check_and_its_profile_fit_a_phone_with_finger_sized_targets(
    visit: Visit, check: str, language: str
) -> None:
    assert walk(visit, check, language, (*PHONES, ZOOMED, DESKTOP), sideways_or_small) == []


@pytest.mark.parametrize(("check", "language"), CHECKS)
def test_every_section_of_a_check_and_its_profile_pass_axe_on_a_phone_and_a_desktop(
    visit: Visit, check: str, language: str
) -> None:
    assert walk(visit, check, language, (360, DESKTOP), axe_violations) == []


@pytest.mark.parametrize(("check", "language"), CHECKS)
def test_with_read_aloud_every_section_and_the_profile_fit_a_phone_and_pass_axe(visit: Visit, check: str, language: str) -> None:
    # Headless Chromium has no voices: without these the buttons never show.
    with_voices(visit, [LOCAL_NL, LOCAL_EN])
    assert walk(visit, check, language, PHONES, read_aloud_fits) == []


@pytest.mark.parametrize("path", PAGES)
def test_pages_pass_axe_on_a_phone_and_a_desktop(visit: Visit, path: str) -> None:
    visit.open(path)
    assert looked_at(visit, (360, DESKTOP), axe_violations, path) == []


def test_the_open_questions_note_and_an_engine_that_failed_pass_axe(visit: Visit) -> None:
    visit.context.route("**/pyodide.asm.wasm", lambda route: route.abort())  # before the engine is ever kept
    visit.open("/checks/loopbaancheck/")
    visit.page.locator("[data-engine-failed]").wait_for()
    found = looked_at(visit, (360, DESKTOP), axe_violations, "an engine that failed")
    visit.context.unroute("**/pyodide.asm.wasm")
    submit = visit.page.locator("form[data-check] button[type=submit]")
    visit.open("/checks/kortecheck/")
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    while submit.text_content() != submit.get_attribute("data-finish"):  # on to the end, answering nothing
        visit.settled()
        submit.click()
    submit.click()
    visit.page.locator("[data-open-note]").wait_for()
    assert found + looked_at(visit, (360, DESKTOP), axe_violations, "the open-questions note") == []


def test_a_five_point_scale_is_one_column_on_a_phone_and_one_row_on_a_desktop(visit: Visit) -> None:
    visit.open("/checks/kortecheck/")
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.answer({"vraag": "verder"})
    visit.page.click("form[data-check] button[type=submit]")
    options = visit.page.locator("[data-question=e1] .cc-choice")
    assert options.count() == 5

    def boxes() -> list[dict]:
        return [options.nth(i).bounding_box() for i in range(5)]

    for width in PHONES:
        visit.page.set_viewport_size({"width": width, "height": HEIGHT})
        xs, ys = {round(b["x"]) for b in boxes()}, [b["y"] for b in boxes()]
        assert len(xs) == 1 and ys == sorted(ys), f"not one column at {width} px"
    visit.page.set_viewport_size({"width": DESKTOP, "height": HEIGHT})
    row = boxes()
    assert len({round(b["y"]) for b in row}) == 1, "not one row on a desktop"
    assert len({round(b["width"]) for b in row}) == 1, "the points are not equally wide"
    assert [b["x"] for b in row] == sorted(b["x"] for b in row)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_fields_can_be_seen_and_the_job_search_gives_an_example(browser, server: str, language: str) -> None:
    # Without scripts every section is on screen at once: all the check's fields in one look.
    with Visit(browser, server, java_script_enabled=False, viewport={"width": 320, "height": HEIGHT}) as visit:
        visit.open(("" if language == "nl" else "/en") + "/checks/loopbaancheck/")
        page = visit.page
        search = page.locator("[data-job-search]").first  # the current job; the last job has the same field
        assert search.get_attribute("placeholder") == CATALOGUE[language]["job_example"]
        label = page.locator(f"label[for='{search.get_attribute('id')}']")
        assert label.is_visible() and label.text_content().strip() == CATALOGUE[language]["job_search"]
        # The instruction once: the question around the field does not say it again.
        question = page.locator("[data-question=beroep]").inner_text().lower()
        assert question.count(CATALOGUE[language]["job_search"].lower()[:12]) == 1, question
        assert search.evaluate(PLACEHOLDER_OVERFLOW) <= 0, "the example is cut off"
        fields = page.locator(".cc-question :is(textarea, select, input[type=search])")
        assert fields.count() > 5
        for field in fields.all():
            box = field.bounding_box()
            assert box["height"] >= FINGER, field.evaluate("e => e.outerHTML.slice(0, 80)")
            assert contrast(*field.evaluate(BORDER_AND_BACKGROUND)) >= 3, field.evaluate("e => e.outerHTML.slice(0, 80)")
        # The ranking's choices: as wide as their question allows, the arrow inside the screen, and wide
        # enough for the longest choice with its arrow (the width the list would take by itself).
        for select in page.locator("[data-type=ranking] select").all():
            box = select.bounding_box()
            place = select.evaluate("e => e.closest('.cc-ranking').getBoundingClientRect().width")
            assert abs(box["width"] - place) < 1 and box["x"] + box["width"] <= 320
            assert select.evaluate(NEEDED_WIDTH) <= box["width"], "a choice is cut off"
        assert page.evaluate(SIDEWAYS) == 0
