"""What a participant sees of the content: pictograms with their text, faces beside the words,
a check done with the keyboard alone, and pages that fit small screens and zooming in."""

from __future__ import annotations

import pytest

from careercheck import load_check
from careercheck.format.texts import translator
from conftest import ROOT
from test_browser import Visit, axe_violations
from test_browser_flow import to_next_screen

pytestmark = pytest.mark.browser

SHORT = "/checks/kortecheck/"
FIRST_SCREEN = {"situatie": "loondienst", "vraag": "verder"}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["situatie", "energie_plus", "energie_min"])
def test_the_situation_and_energy_questions_show_pictograms_with_their_text(browser, server: str, name: str, language: str) -> None:
    check = load_check(ROOT / "checks/kortecheck.yml")
    t = translator(check, language)
    asked = next(q for q in check.questions if q.name == name)
    alternatives = [t(image.alt) for image in (asked.image, *(o.image for o in asked.options)) if image]
    with Visit(browser, server) as visit:
        visit.open(("" if language == "nl" else "/en") + SHORT)
        visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
        question = visit.page.locator(f"[data-question={name}]")
        while not question.is_visible():  # on to the screen that asks it
            to_next_screen(visit)
        pictures = question.locator("img").all()
        assert [picture.get_attribute("alt") for picture in pictures] == alternatives  # a text for who cannot see it
        for picture in pictures:
            assert picture.is_visible() and picture.evaluate("img => img.complete && img.naturalWidth > 0")
        for option in question.locator(".cc-choice").all():
            assert option.inner_text().strip()  # and always the words


def test_faces_stand_beside_the_words_and_are_not_read_out(browser, server: str) -> None:
    with Visit(browser, server) as visit:
        visit.open(SHORT)
        choices = visit.page.locator("[data-question=e1] .cc-choice").all()
        assert [c.inner_text().strip() for c in choices] == [
            "Klopt helemaal niet", "Klopt niet", "Klopt een beetje", "Klopt", "Klopt helemaal",
        ]
        for choice in choices:
            assert choice.locator("svg.cc-face[aria-hidden=true]").count() == 1


def test_a_school_leaver_is_asked_about_the_day_not_about_work(browser, server: str) -> None:
    with Visit(browser, server) as visit:
        visit.open(SHORT)
        visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
        visit.answer({"situatie": "school", "vraag": "kiezen"})
        further = visit.page.locator("[data-question=vraag] .cc-choice:has(input[value=verder])")
        assert not further.is_visible()  # "Hoe kom ik verder in mijn werk?" is not her question
        visit.answer({"situatie": "loondienst"})
        assert further.is_visible()
        visit.answer({"situatie": "school"})
        visit.page.click("form[data-check] button[type=submit]")
        visit.settled()
        assert visit.page.locator("[data-question=d1]").is_visible()
        assert not visit.page.locator("[data-question=e1]").is_visible()


def test_the_short_check_can_be_done_with_the_keyboard_alone(browser, server: str) -> None:
    """Tab to each question, Space picks its first answer, Enter on the button goes on."""
    with Visit(browser, server) as visit:
        page = visit.page
        visit.open(SHORT)
        page.wait_for_selector("form[data-engine=ready]", state="attached")
        for _ in range(600):
            focused = page.evaluate(
                """() => { const e = document.activeElement;
                  const form = e && e.closest('form[data-check]');
                  const group = form && e.name ? [...form.querySelectorAll(`[name="${e.name}"]`)] : [];
                  return {tag: e.tagName, type: e.type, inForm: !!form, answered: group.some(i => i.checked)}; }"""
            )
            if focused["inForm"] and focused["type"] in ("radio", "checkbox") and not focused["answered"]:
                page.keyboard.press("Space")
            elif focused["inForm"] and focused["type"] == "submit":
                page.keyboard.press("Enter")
                visit.settled()
                if page.locator("[data-profile][data-state=ready]").count():
                    break
            page.keyboard.press("Tab")
        else:
            raise AssertionError("the profile never appeared")
        assert "Jouw profiel" in page.inner_text("[data-profile]")


@pytest.mark.parametrize(
    "screen",
    [{"width": 320, "height": 640}, {"width": 360, "height": 640}, {"width": 640, "height": 360, "device_scale_factor": 2}],
    ids=["320px", "360px", "1280px-at-200%"],
)
def test_the_short_check_fits_small_screens_and_zooming_in(browser, server: str, screen: dict) -> None:
    scale = screen.pop("device_scale_factor", 1)
    with Visit(browser, server, viewport=screen, device_scale_factor=scale) as visit:
        page = visit.page
        visit.open(SHORT)
        page.wait_for_selector("form[data-engine=ready]", state="attached")
        visit.answer(FIRST_SCREEN)
        for _ in range(3):  # every screen, and no sideways scrolling on any
            assert page.evaluate("document.documentElement.scrollWidth") <= screen["width"]
            page.click("form[data-check] button[type=submit]")
            visit.settled()
        assert axe_violations(visit) == []


@pytest.mark.parametrize("path", ["/", "/privacy/", "/toegankelijkheid/", "/en/", "/en/privacy/", "/en/toegankelijkheid/"])
def test_the_information_pages_pass_axe(browser, server: str, path: str) -> None:
    with Visit(browser, server) as visit:
        visit.open(path)
        assert axe_violations(visit) == []
