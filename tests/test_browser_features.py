"""Every question type, branching, the English page and the full profile, in a real
browser, with the feature check (tests/fixtures/vraagtypen.yml)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from conftest import GOLDEN
from test_browser import Visit, axe_violations

pytestmark = pytest.mark.browser

CHECK = "/checks/vraagtypen/"
SOCIAL = json.loads((GOLDEN / "vraagtypen-sociaal.json").read_text())["answers"]


@pytest.fixture
def visit(browser, feature_server: str) -> Iterator[Visit]:
    with Visit(browser, feature_server) as visit:
        yield visit


def ranked(visit: Visit) -> list[str]:
    """The ranking question's answer on the profile: an ordered list."""
    return visit.page.locator("[data-profile] [data-answer=waarden] ol li").all_inner_texts()


def test_every_question_type_ends_up_on_the_profile(visit: Visit) -> None:
    visit.open(CHECK)
    visit.finish(SOCIAL)
    profile = visit.page.inner_text("[data-profile]")
    for conclusion in ("Keuzebegeleiding", "Twijfel", "Voltijd"):
        assert conclusion in profile
    assert "Je interessecode is SEA: de drie soorten werk die het best bij je passen. S (Sociaal), E (Ondernemend), A (Creatief)." in profile
    assert "Met mijn coach praten" in profile  # the written answer
    assert ranked(visit) == ["Zekerheid", "Samenwerken", "Vrijheid"]  # the ranking, in order
    assert visit.page.inner_text("[data-profile] [data-answer=energie]").split("\n")[-1] == "Mensen"
    assert "Vergeleken met Fictieve groep: je score is hoger dan die van ongeveer 2 van de 100 mensen (bron: Test data)." in profile


def test_questions_and_sections_that_do_not_apply_are_skipped(visit: Visit) -> None:
    visit.open(CHECK)
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.answer({"werk": "no"})
    assert not visit.page.locator("[data-question=uren]").is_visible()
    assert visit.page.inner_text("[data-progress-text]") == "Deel 1 van 2: Werk"  # the interests section is skipped
    visit.answer({"werk": "yes"})
    assert visit.page.locator("[data-question=uren]").is_visible()
    assert visit.page.inner_text("[data-progress-text]") == "Deel 1 van 3: Werk"


def test_moving_on_waits_for_what_now_applies(visit: Visit) -> None:
    visit.open(CHECK)
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.page.check("[data-question=werk] input[value=yes]")
    visit.page.click("form[data-check] button[type=submit]")  # at once, before the engine has answered
    visit.settled()
    assert visit.page.inner_text("[data-progress-text]") == "Deel 2 van 3, scherm 1 van 2: Interesses"


def test_a_slider_left_alone_is_not_an_answer(visit: Visit) -> None:
    visit.open(CHECK)
    visit.finish({"werk": "yes", "vraag": "verder"})
    assert "Voltijd" not in visit.page.inner_text("[data-profile]")
    assert visit.page.evaluate("JSON.parse(sessionStorage.getItem('careercheck:vraagtypen:answers'))") == {
        "werk": "yes",
        "vraag": "verder",
    }


def test_the_english_page_speaks_english(visit: Visit) -> None:
    visit.open("/en" + CHECK)
    assert visit.page.get_attribute(".cc-page", "lang") == "en"
    visit.finish(SOCIAL | {"plan": "Talk to my coach"})
    profile = visit.page.inner_text("[data-profile]")
    assert "Your profile: Every question type" in profile
    assert "Choice guidance" in profile and "Your interest code is SEA: the three kinds of work that suit you best. S (Social), E (Enterprising), A (Artistic)." in profile
    assert ranked(visit) == ["Security", "Working together", "Freedom"]


def test_pictures_show_with_their_text_alternative(visit: Visit) -> None:
    visit.open(CHECK)
    assert visit.page.get_attribute("[data-question=werk] img", "alt") == "Een bouwhelm"
    visit.open("/en" + CHECK)
    assert visit.page.get_attribute("[data-question=werk] img", "alt") == "A hard hat"
    assert visit.page.evaluate("document.querySelector('[data-question=werk] img').naturalWidth") > 0


def test_every_question_type_passes_axe(visit: Visit) -> None:
    visit.open(CHECK)
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.answer({"werk": "yes"})
    assert axe_violations(visit) == []
    visit.finish(SOCIAL)
    assert axe_violations(visit) == []


def test_answers_of_every_type_survive_a_reload(visit: Visit) -> None:
    visit.open(CHECK)
    visit.finish(SOCIAL)
    visit.page.reload()
    assert visit.page.evaluate("JSON.parse(sessionStorage.getItem('careercheck:vraagtypen:answers'))") == SOCIAL
    assert visit.page.input_value("[data-question=uren] input") == "36"
    assert visit.page.input_value("[data-question=plan] textarea") == "Met mijn coach praten"
    assert [s.input_value() for s in visit.page.locator("[data-question=waarden] select").all()] == SOCIAL["waarden"]


def test_a_failing_engine_never_leaves_the_person_stuck(visit: Visit) -> None:
    visit.open(CHECK)
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    # From now on the engine fails: every question about what applies gets an error, not an answer.
    visit.page.evaluate("""() => {
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (message) {
            return post.call(this, message.type === "visible" ? { ...message, type: "no-such-request" } : message);
        };
    }""")
    visit.page.check("[data-question=werk] input[value=yes]")
    visit.page.click("form[data-check] button[type=submit]")
    visit.settled()
    assert visit.page.inner_text("[data-progress-text]") == "Deel 2 van 3, scherm 1 van 2: Interesses"
