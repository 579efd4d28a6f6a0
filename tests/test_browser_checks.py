"""Every shipped check completes in a real browser; the personas' profiles show
what their hand-written expectations say, each conclusion in its part (printing: test_browser_profile.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from careercheck import load_checks
from careercheck.format.texts import text_in
from conftest import ROOT
from test_browser import Visit
from test_personas import PERSONAS

pytestmark = pytest.mark.browser

CHECKS = {c.id: c for c in load_checks(ROOT / "checks").checks}


@pytest.fixture
def visit(browser, server: str) -> Iterator[Visit]:
    with Visit(browser, server) as visit:
        yield visit


@pytest.mark.parametrize("name", PERSONAS)
def test_persona_profile_in_the_browser(visit: Visit, name: str) -> None:
    persona = PERSONAS[name]
    check = next(c for c in CHECKS.values() if persona["check"] == f"checks/{c.id}.yml")
    visit.open(f"/checks/{check.id}/")
    visit.finish(persona["answers"])
    shown = visit.page.inner_text("[data-profile]")
    titles = {c.id: text_in(c.title, "nl", "nl") for c in check.conclusions}
    for part, conclusions in persona["expected"]["conclusions"].items():
        in_part = visit.page.inner_text(f"[data-profile] [data-part={part}]")
        assert all(titles[c] in in_part for c in conclusions), part
    for text in (v for k, v in persona["answers"].items() if isinstance(v, str) and " " in v):
        assert text in shown  # every written answer is on the profile


@pytest.mark.parametrize("check_id", CHECKS)
def test_every_check_completes_in_the_browser_with_no_answers(visit: Visit, check_id: str) -> None:
    visit.open(f"/checks/{check_id}/")
    visit.finish({})
    assert visit.page.get_attribute("[data-profile]", "data-state") == "ready"


def test_a_kept_profile_is_compared_next_time_and_erased_with_everything(visit: Visit) -> None:
    effects = [s.id for s in CHECKS["effectmeting"].scales]
    visit.open("/checks/effectmeting/")
    visit.finish({f"{e}_1": 2 for e in effects})
    assert visit.page.evaluate("localStorage.length") == 0  # nothing is kept unless the person chooses
    visit.page.click("[data-keep]")
    kept = visit.page.evaluate("JSON.parse(localStorage.getItem('careercheck:effectmeting:kept'))")
    assert [entry["scores"] for entry in kept] == [{e: 2.0 for e in effects}]  # scores only, no answers

    later = visit.another_tab()
    later.open("/checks/effectmeting/")
    later.finish({f"{e}_1": 4 for e in effects})
    profile = later.page.inner_text("[data-profile]")
    assert "Je vergelijkt met je profiel van" in profile
    assert profile.count("Vorige keer (") == len(effects)

    later.erase_everything()
    assert later.page.evaluate("localStorage.length") == 0
    assert later.page.evaluate("sessionStorage.length") == 0


def test_profile_links_lead_to_the_pages(visit: Visit) -> None:
    visit.open("/en/checks/kortecheck/")
    visit.finish({"vraag": "kiezen", "stap": "loopbaancheck"})
    visit.page.click("[data-profile] a:text('To the Career check')")
    visit.page.wait_for_load_state()  # the click returns once the new page commits, before its form is parsed
    assert visit.page.url == visit.server + "/en/checks/loopbaancheck/"
    assert visit.page.locator("form[data-check=loopbaancheck][data-lang=en]").count() == 1
    persona = PERSONAS["ahmed-magazijn-na-reorganisatie"]
    visit.open("/checks/loopbaancheck/")
    visit.finish(persona["answers"])
    visit.page.click("[data-profile] a:text('Waar vind je informatie over werk?')")
    assert visit.page.url == visit.server + "/arbeidsmarkt/"


def test_matched_occupations_show_why_and_lead_to_their_pages(visit: Visit) -> None:
    persona = PERSONAS["ahmed-magazijn-na-reorganisatie"]
    visit.open("/checks/loopbaancheck/")
    visit.finish(persona["answers"])
    first = visit.page.locator("[data-profile-options] li").first
    assert first.inner_text() == (
        "Timmerman Past bij je interesses (jij: RCS, dit beroep: RCI). "
        "Je vindt belangrijk: Zekerheid over werk en inkomen, Fijne collega's en samenwerken, Zien wat ik gemaakt heb. "
        "Je kunt al: Met mijn handen werken, Veilig en netjes werken, Samenwerken. "
        "Ander werk dan je huidige beroep. Je neemt mee: Met mijn handen werken, Veilig en netjes werken."
    )
    first.locator("a").click()
    assert visit.page.url == visit.server + "/beroepen/timmerman/"
    assert "Bronnen" in visit.page.inner_text("article")


@pytest.mark.parametrize("path", ["/beroepen/", "/beroepen/timmerman/", "/over-deze-informatie/"])
def test_labour_market_pages_pass_axe(visit: Visit, path: str) -> None:
    from test_browser import axe_violations

    visit.open(path)
    assert axe_violations(visit) == []
