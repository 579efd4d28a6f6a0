"""What the page keeps in the browser's storage, in a real browser: 'Wis alles' erases every
check's answers and kept profiles after a confirmation; storage the browser refuses is said
once and the check still works; what comes back from storage is checked before it is used."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from conftest import persona_answers
from test_browser import Visit, axe_violations
from test_browser_links import coach

pytestmark = pytest.mark.browser

LINDA = persona_answers("linda-kort-wil-verder")
AHMED_JOB = persona_answers("ahmed-magazijn-na-reorganisatie")["beroep"]
REFUSED = "Je antwoorden worden niet bewaard op dit apparaat: je browser staat dat niet toe."
NOT_RESTORED = "Een paar bewaarde antwoorden konden niet terug in de vragen."
OURS = "Object.keys({s: sessionStorage, l: localStorage}[area]).filter((k) => k.startsWith('careercheck:'))"


@pytest.fixture
def visit(browser, feature_server: str) -> Iterator[Visit]:
    with Visit(browser, feature_server) as visit:
        yield visit


def stored(visit: Visit) -> dict[str, list[str]]:
    """Our keys in each storage."""
    return {area: sorted(visit.page.evaluate(f"(area) => {OURS}", area)) for area in ("s", "l")}


def notices(visit: Visit) -> list[str]:
    return visit.page.locator("[data-notice] p").all_inner_texts()


# --- Wis alles -------------------------------------------------------------------------------------

def test_erase_everything_erases_every_check_and_clears_the_screen(visit: Visit) -> None:
    # Two checks, each with a kept profile; one opened from a coach's link, its answers kept on the device.
    visit.page.goto(visit.server + "/checks/kortecheck/" + coach(n="Joke de Vries", m="Doe deze checks voor ons gesprek.", r=["kortecheck", "loopbaancheck"]))
    visit.page.check("[data-keep-answers]")
    visit.finish(LINDA)
    visit.page.click("[data-keep]")
    visit.open("/checks/loopbaancheck/")
    visit.finish({"aanleiding": "reorganisatie", "beroep": AHMED_JOB})
    visit.page.click("[data-keep]")
    visit.page.evaluate("localStorage.setItem('other-site-part', 'stays')")  # not ours: left alone
    assert stored(visit) == {
        "s": ["careercheck:coach", "careercheck:kortecheck:answers", "careercheck:kortecheck:place",
              "careercheck:loopbaancheck:answers", "careercheck:loopbaancheck:place"],
        "l": ["careercheck:kortecheck:answers", "careercheck:kortecheck:kept", "careercheck:kortecheck:place",
              "careercheck:loopbaancheck:kept"],
    }

    visit.erase_everything()
    assert stored(visit) == {"s": [], "l": []}
    assert visit.page.evaluate("localStorage.getItem('other-site-part')") == "stays"
    page = visit.page
    assert page.locator("form[data-check] input:checked").count() == 0
    assert page.locator("[data-job-results] input").count() == 0  # the job search's choices are gone
    assert page.input_value("[data-job-search]") == ""
    assert page.get_attribute("[data-profile]", "data-state") == "empty"
    assert page.inner_text("[data-progress-text]").startswith("Deel 1 van")
    assert page.inner_text("[data-status]").startswith("Alles is gewist")
    assert not page.locator("[data-coach-context]").is_visible()

    visit.open("/checks/kortecheck/")  # the other check's page: nothing comes back
    visit.settled()
    assert stored(visit) == {"s": [], "l": []}
    assert visit.page.locator("form[data-check] input:checked").count() == 0
    assert not visit.page.is_checked("[data-keep-answers]") and not visit.page.locator("[data-coach-context]").is_visible()
    visit.finish({"vraag": "verder"})
    assert not visit.page.locator("[data-profile-earlier]").is_visible()  # no kept profile to compare with


def test_saying_no_or_escape_to_the_confirmation_erases_nothing(visit: Visit) -> None:
    visit.open("/checks/werkenergie/")
    visit.answer({"en1": 5})
    for close in ("click", "Escape"):
        visit.page.click("[data-erase]")
        dialog = visit.page.locator("[data-erase-confirm]")
        assert dialog.is_visible()
        # The safe answer has the focus: Enter or a stray tap on the focused button keeps everything.
        assert visit.page.evaluate("document.activeElement.textContent") == "Nee, niet wissen"
        if close == "click":
            dialog.get_by_role("button", name="Nee, niet wissen").click()
        else:
            visit.page.keyboard.press("Escape")
        assert not dialog.is_visible()
        assert stored(visit)["s"] == ["careercheck:werkenergie:answers"]
        assert visit.page.is_checked("input[name=en1][value='5']")
        assert visit.page.inner_text("[data-status]") == ""


# --- storage the browser refuses ------------------------------------------------------------------

BLOCKED = """for (const name of ["sessionStorage", "localStorage"]) {
    Object.defineProperty(window, name, { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
}"""
FULL = """Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };"""


@pytest.mark.parametrize("refusal", [BLOCKED, FULL], ids=["blocked", "full"])
def test_refused_storage_is_said_once_and_the_check_still_completes(visit: Visit, refusal: str) -> None:
    visit.page.add_init_script(refusal)
    visit.open("/checks/kortecheck/")
    visit.finish(LINDA)
    assert "Jouw profiel" in visit.page.inner_text("[data-profile]")
    visit.page.click("[data-keep]")  # cannot be kept: no false "kept", no second message
    assert visit.page.inner_text("[data-status]") != "Je scores zijn bewaard op dit apparaat."
    assert [n for n in notices(visit) if n.startswith(REFUSED)] == [notices(visit)[0]]
    assert len(notices(visit)) == 1
    visit.erase_everything()  # erasing still clears the screen
    assert visit.page.locator("form[data-check] input:checked").count() == 0


# --- crafted storage --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("saved", "en2_kept"),
    [
        ('{"en1": {"toString": 1}, "en2": "4"}', True),
        ('{"en1": "9", "en2": "4"}', True),  # not an option
        ('{"__proto__": {"en1": "5"}, "constructor": "x", "en2": "4"}', True),
        ('{"en1": ["5", "5"], "en2": 4}', True),  # a likert answer may be a number
        ('"not json', False),
        ("[1, 2]", False),
        ("null", False),
    ],
)
def test_crafted_answers_in_storage_are_dropped_with_a_note(visit: Visit, saved: str, en2_kept: bool) -> None:
    visit.open("/checks/werkenergie/")
    visit.page.evaluate("(saved) => sessionStorage.setItem('careercheck:werkenergie:answers', saved)", saved)
    visit.page.reload()
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    assert [n for n in notices(visit) if n.startswith(NOT_RESTORED)]
    assert visit.page.locator("input[name=en1]:checked").count() == 0
    assert visit.page.is_checked("input[name=en2][value='4']") is en2_kept
    assert visit.page.evaluate("sessionStorage.getItem('careercheck:werkenergie:answers')") == ('{"en2":"4"}' if en2_kept else "{}")
    visit.finish({"en3": 2})  # still usable to the end
    assert visit.page.get_attribute("[data-profile]", "data-state") == "ready"


@pytest.mark.parametrize("place", ['{"section": "constructor", "screen": 0}', '{"section": "__proto__"}', '{"screen": -1}', "[", '"x"', "null"])
def test_a_crafted_place_in_storage_is_dropped_with_a_note(visit: Visit, place: str) -> None:
    visit.open("/checks/werkenergie/")
    visit.page.evaluate("(place) => sessionStorage.setItem('careercheck:werkenergie:place', place)", place)
    visit.page.reload()
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    assert "Waar je gebleven was, kon niet worden teruggezet. Je begint weer bij het eerste deel." in notices(visit)
    assert visit.page.inner_text("[data-progress-text]").startswith("Deel 1 van")
    visit.finish({"en1": 2})  # still usable to the end
    assert visit.page.get_attribute("[data-profile]", "data-state") == "ready"


def test_a_question_named_like_an_object_property_is_never_filled_from_the_prototype(visit: Visit) -> None:
    visit.open("/checks/objectnamen/")
    assert visit.page.input_value("[data-question=constructor] textarea") == ""
    assert notices(visit) == []  # nothing saved, nothing to say


def test_restored_text_stays_text(visit: Visit) -> None:
    visit.open("/checks/objectnamen/")
    markup = '<img src=x onerror="window.ran = 1">'
    saved = json.dumps({"constructor": markup, "keuze": "hout"})
    visit.page.evaluate("(saved) => sessionStorage.setItem('careercheck:objectnamen:answers', saved)", saved)
    visit.page.reload()
    assert visit.page.input_value("[data-question=constructor] textarea") == markup
    assert visit.page.is_checked("input[name=keuze][value=hout]")
    assert notices(visit) == []  # everything fitted
    visit.finish({})
    assert markup in visit.page.inner_text("[data-profile]")
    assert visit.page.locator("[data-profile] img").count() == 0
    assert visit.page.evaluate("window.ran") is None


def test_a_crafted_kept_profile_is_dropped_and_a_valid_one_still_compared(visit: Visit) -> None:
    visit.open("/checks/kortecheck/")
    kept = [{"date": "2024-13-45", "scores": {"energie": 3}}, {"date": "2024-01-05", "scores": {"energie": "hoog"}},
            {"date": "2024-01-06", "scores": {"__proto__": 1}}, "x", {"date": "2024-01-07", "scores": {"energie": 3}}]
    visit.page.evaluate("(kept) => localStorage.setItem('careercheck:kortecheck:kept', kept)", json.dumps(kept))
    visit.finish(LINDA)
    profile = visit.page.inner_text("[data-profile]")
    assert "Je vergelijkt met je profiel van 7 januari 2024." in profile
    assert "Vorige keer (7 januari 2024): 3" in profile
    assert "Een eerder bewaard profiel kon niet worden gelezen." in notices(visit)[0]


# --- seen as a person sees it ------------------------------------------------------------------------

@pytest.mark.parametrize("width", [320, 360, 1280])
def test_the_confirmation_and_notes_fit_every_screen_and_pass_axe(browser, feature_server: str, width: int) -> None:
    with Visit(browser, feature_server, viewport={"width": width, "height": 720}) as visit:
        visit.page.add_init_script(FULL)
        visit.open("/checks/werkenergie/")
        visit.answer({"en1": 5})
        assert notices(visit)[0].startswith(REFUSED)
        visit.page.click("[data-erase]")
        page = visit.page
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
        buttons = [*page.locator("[data-erase-confirm] button").all(), *page.locator("form[data-check] .cc-actions button:visible").all()]
        for button in buttons:
            box = button.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, (button.inner_text(), box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert axe_violations(visit) == []
