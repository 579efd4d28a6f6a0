"""Keeping answers, in a real browser: a reload and Back keep answers and place in the tab; only when
the person chooses "Bewaar mijn antwoorden op dit apparaat" does a new tab on the same device resume,
until 'Wis alles'; an answers file taken out and loaded again gives the same profile; a bad, foreign,
tampered or older file is said in one line and never costs the answers in the form."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercheck import load_check
from conftest import persona_answers, ROOT
from test_browser import Visit, axe_violations
from test_browser_flow import progress, ready, to_next_screen

pytestmark = pytest.mark.browser

AHMED = persona_answers("ahmed-magazijn-na-reorganisatie")
LINDA = persona_answers("linda-kort-wil-verder")
OURS = "(area) => Object.keys(window[area]).filter((k) => k.startsWith('careercheck:')).sort()"
ANSWERS = "(check) => sessionStorage.getItem(`careercheck:${check}:answers`)"
KEEP = "[data-keep-answers]"


@pytest.fixture
def visit(browser, server: str) -> Iterator[Visit]:
    with Visit(browser, server, accept_downloads=True) as visit:
        yield visit


def stored(visit: Visit, area: str) -> list[str]:
    return visit.page.evaluate(OURS, area)


def said(visit: Visit) -> str:
    return visit.page.inner_text("[data-keep-status]")


def chosen(visit: Visit) -> list[str]:
    """Every chosen option and filled-in field of the form, in the page's order."""
    return visit.page.evaluate("""() => [...document.querySelectorAll('form[data-check] :is(input, select, textarea)')]
        .filter((e) => (e.type === 'radio' || e.type === 'checkbox') ? e.checked : e.value && e.type !== 'range')
        .map((e) => `${e.name}=${e.value}`)""")


def load_file(visit: Visit, text: str | bytes, name: str = "antwoorden.json") -> None:
    buffer = text.encode() if isinstance(text, str) else text
    visit.page.set_input_files("[data-action=import]", files=[{"name": name, "mimeType": "application/json", "buffer": buffer}])
    visit.page.wait_for_function("() => document.querySelector('[data-keep-status]').textContent !== ''")


def answers_file(check: str, version: int, answers: dict) -> str:
    return json.dumps({"format": "careercheck-answers", "formatVersion": 1, "check": check, "checkVersion": version,
                       "lang": "nl", "date": "2025-03-01", "answers": answers})


# --- in this tab -------------------------------------------------------------------------------------

def test_a_reload_and_back_from_a_linked_page_keep_answers_and_place_in_the_tab_only(visit: Visit) -> None:
    ready(visit, "/checks/kortecheck/")
    visit.answer({"situatie": "loondienst", "vraag": "verder"})
    to_next_screen(visit)
    visit.answer({"e1": 4, "e2": 2})
    place, answers = progress(visit), chosen(visit)
    assert place.startswith("Deel 2 van 3")

    visit.page.reload()
    visit.settled()
    assert (progress(visit), chosen(visit)) == (place, answers)

    visit.page.locator("a[href$='/privacy/']:visible").first.click()  # a page this one links to, and Back
    visit.page.wait_for_url("**/privacy/")
    visit.page.go_back()
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.settled()
    assert (progress(visit), chosen(visit)) == (place, answers)
    assert not visit.page.is_checked(KEEP)
    assert stored(visit, "localStorage") == []  # a library computer keeps nothing without the choice

    visit.page.close()
    visit.page = visit.another_tab().page  # the same device, a new tab: nothing comes back
    ready(visit, "/checks/kortecheck/")
    assert chosen(visit) == [] and progress(visit).startswith("Deel 1 van 3")
    assert visit.page.locator("[data-notice] p").count() == 0


# --- on this device, by choice -------------------------------------------------------------------------

def test_keeping_on_this_device_resumes_in_a_new_tab_until_wis_alles(visit: Visit) -> None:
    ready(visit, "/checks/kortecheck/")
    visit.answer({"situatie": "loondienst"})
    visit.page.check(KEEP)
    assert said(visit).startswith("Je antwoorden blijven op dit apparaat tot je op 'Wis alles' klikt.")
    visit.answer({"vraag": "verder"})
    to_next_screen(visit)
    visit.answer({"e1": 5})
    place, answers = progress(visit), chosen(visit)
    assert stored(visit, "localStorage") == ["careercheck:kortecheck:answers", "careercheck:kortecheck:place"]

    visit.page.close()
    visit.page = visit.another_tab().page
    ready(visit, "/checks/kortecheck/")
    assert (progress(visit), chosen(visit)) == (place, answers)
    assert visit.page.is_checked(KEEP)
    assert visit.page.inner_text("[data-notice]").startswith("Je gaat verder met de antwoorden die op dit apparaat bewaard zijn.")

    visit.erase_everything()
    assert stored(visit, "localStorage") == [] and not visit.page.is_checked(KEEP)
    assert visit.page.locator("[data-notice] p").count() == 0
    visit.page.close()
    visit.page = visit.another_tab().page
    ready(visit, "/checks/kortecheck/")
    assert chosen(visit) == [] and not visit.page.is_checked(KEEP)


def test_choosing_not_to_keep_any_more_takes_the_answers_off_the_device(visit: Visit) -> None:
    ready(visit, "/checks/kortecheck/")
    visit.page.check(KEEP)  # before any answer: the choice holds from the start
    visit.answer({"situatie": "zoekt"})
    assert json.loads(visit.page.evaluate("localStorage.getItem('careercheck:kortecheck:answers')")) == {"situatie": "zoekt"}
    visit.page.uncheck(KEEP)
    assert said(visit) == "Je antwoorden staan niet meer op dit apparaat. Sluit je dit tabblad, dan zijn ze weg."
    assert stored(visit, "localStorage") == []
    visit.answer({"vraag": "stress"})
    assert stored(visit, "localStorage") == []
    assert json.loads(visit.page.evaluate(ANSWERS, "kortecheck")) == {"situatie": "zoekt", "vraag": "stress"}  # still in the tab


# --- answers files --------------------------------------------------------------------------------------

def test_answers_taken_out_in_a_file_and_loaded_after_wis_alles_give_the_same_profile(visit: Visit, tmp_path: Path) -> None:
    visit.open("/checks/loopbaancheck/")
    visit.finish(AHMED)
    profile = visit.page.inner_text("[data-profile]")
    saved = visit.page.evaluate(ANSWERS, "loopbaancheck")
    with visit.page.expect_download() as download:
        visit.page.click("[data-action=export]")
    name = download.value.suggested_filename
    assert name.startswith("loopbaancheck-antwoorden-") and name.endswith(".json")
    assert said(visit).startswith(f"Je antwoorden staan in het bestand {name}.")
    path = tmp_path / name
    download.value.save_as(path)
    written = json.loads(path.read_text())
    assert {k: v for k, v in written.items() if k not in ("date", "answers")} == {
        "format": "careercheck-answers", "formatVersion": 1, "check": "loopbaancheck", "checkVersion": load_check(ROOT / "checks/loopbaancheck.yml").version, "lang": "nl"}
    assert written["answers"] == json.loads(saved)
    assert [m for m in visit.console if "Content Security Policy" in m] == []  # the download needs no exception

    visit.erase_everything()
    assert chosen(visit) == []
    visit.page.set_input_files("[data-action=import]", path)
    visit.page.wait_for_function("() => document.querySelector('[data-keep-status]').textContent !== ''")
    assert said(visit).startswith("De antwoorden uit het bestand van ")
    assert json.loads(visit.page.evaluate(ANSWERS, "loopbaancheck")) == json.loads(saved)  # saved like typed answers
    assert progress(visit).startswith("Deel 1 van")  # from the start, to look them over
    visit.finish({})
    assert visit.page.inner_text("[data-profile]") == profile


BAD_FILES = {
    "cut off": answers_file("kortecheck", 2, {"vraag": "kiezen"})[:60],
    "not text": bytes(range(256)),
    "another check": answers_file("loopbaancheck", 1, {"aanleiding": "reorganisatie"}),
    "other JSON": json.dumps({"situatie": "zoekt", "vraag": "kiezen"}),
    "a newer format": json.dumps(json.loads(answers_file("kortecheck", 2, {"vraag": "kiezen"})) | {"formatVersion": 2}),
    "an unknown option": answers_file("kortecheck", 2, {"vraag": "kiezen", "situatie": "astronaut"}),
    "a prototype key": answers_file("kortecheck", 2, {"vraag": "kiezen", "__proto__": {"situatie": "zoekt"}}),
    "a huge text": answers_file("kortecheck", 2, {"vraag": "kiezen", "plan": "x" * 6000}),
    "too big": answers_file("kortecheck", 2, {"vraag": "kiezen"}) + " " * 600_000,
    "an older file where nothing fits": answers_file("kortecheck", 1, {"vraag": "weet_niet", "oude_vraag": "ja"}),
}
SAYS = {
    "cut off": "Dit bestand is beschadigd of met de hand veranderd.",
    "not text": "Dit is geen bestand met antwoorden van deze site.",
    "another check": "Dit bestand hoort bij een andere check.",
    "other JSON": "Dit is geen bestand met antwoorden van deze site.",
    "a newer format": "Dit bestand komt van een nieuwere versie van deze site.",
    "an unknown option": "Dit bestand is beschadigd of met de hand veranderd.",
    "a prototype key": "Dit bestand is beschadigd of met de hand veranderd.",
    "a huge text": "Dit bestand is beschadigd of met de hand veranderd.",
    "too big": "Dit bestand is te groot voor een bestand met antwoorden.",
    "an older file where nothing fits": "In dit bestand staan geen antwoorden voor deze check.",
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_foreign_or_tampered_file_is_said_and_the_answers_stay_exactly(visit: Visit, kind: str) -> None:
    ready(visit, "/checks/kortecheck/")
    visit.answer({"situatie": "loondienst", "vraag": "verder"})
    to_next_screen(visit)
    visit.answer({"e1": 4})
    before = (chosen(visit), visit.page.evaluate(ANSWERS, "kortecheck"), progress(visit))
    load_file(visit, BAD_FILES[kind])
    assert said(visit).startswith(SAYS[kind]) and said(visit).endswith(" Je antwoorden zijn niet veranderd.")
    assert (chosen(visit), visit.page.evaluate(ANSWERS, "kortecheck"), progress(visit)) == before
    assert visit.page.evaluate("Object.prototype.situatie") is None


def test_a_file_from_an_older_version_keeps_what_fits_and_says_how_many_did_not(visit: Visit) -> None:
    # The Korte check is at version 2; this file was made with version 1, which asked a question it no
    # longer asks and offered a next step it no longer offers.
    ready(visit, "/checks/kortecheck/")
    visit.answer({"situatie": "zoekt"})
    load_file(visit, answers_file("kortecheck", 1, {"situatie": "loondienst", "vraag": "verder", "e1": "4",
                                                  "stap": "opleiding", "hoe_oud": "52"}))
    assert said(visit) == ("De antwoorden uit het bestand van 1 maart 2025 staan nu in de vragen. "
                           "2 antwoorden passen niet bij deze versie van de check. Die zijn weggelaten.")
    assert chosen(visit) == ["situatie=loondienst", "vraag=verder", "e1=4"]
    assert json.loads(visit.page.evaluate(ANSWERS, "kortecheck")) == {"situatie": "loondienst", "vraag": "verder", "e1": "4"}


def test_text_from_a_file_stays_text(visit: Visit) -> None:
    markup = '<img src=x onerror="window.ran = 1">'
    ready(visit, "/checks/kortecheck/")
    load_file(visit, answers_file("kortecheck", 2, {"plan": markup, "vraag": "verder"}))
    visit.finish({})
    assert markup in visit.page.inner_text("[data-profile]")
    assert visit.page.locator("[data-profile] img[src=x]").count() == 0
    assert visit.page.evaluate("window.ran") is None


# --- seen as a person sees it ---------------------------------------------------------------------------

@pytest.mark.parametrize("width", [320, 360, 1280])
def test_the_keep_controls_fit_every_screen_have_finger_sized_targets_and_pass_axe(browser, server: str, width: int) -> None:
    with Visit(browser, server, viewport={"width": width, "height": 800}) as visit:
        ready(visit, "/checks/kortecheck/")
        visit.page.check(KEEP)
        load_file(visit, answers_file("kortecheck", 1, {"vraag": "verder", "stap": "opleiding"}))
        controls = visit.page.locator("[data-keep-controls]")
        assert controls.is_visible()
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= width
        for target in [controls.locator("label.cc-choice"), *controls.locator("button, label.md-button, input[type=file]").all()]:
            box = target.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, (target.inner_text(), box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert axe_violations(visit) == []


def test_the_keep_controls_are_there_only_with_scripts(browser, server: str) -> None:
    with Visit(browser, server, java_script_enabled=False) as visit:
        visit.open("/checks/kortecheck/")
        assert not visit.page.locator("[data-keep-controls]").is_visible()
