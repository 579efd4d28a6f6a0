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


def test_matched_occupations_show_why_on_screen_and_in_print_and_every_link_leads_to_a_page(visit: Visit) -> None:
    from test_browser_profile import printed

    persona = PERSONAS["henk-heftruck-wil-geen-nachtdiensten"]
    visit.open("/checks/loopbaancheck/")
    visit.finish(persona["answers"])
    summary = visit.page.inner_text("[data-profile-options]")
    assert "Praktijkopleider (past deels) Een stap omhoog vanuit je werk als heftruckchauffeur." in " ".join(summary.split())
    options = visit.page.locator("[data-profile-reasons] > ol > li")
    said = {options.nth(i).locator("a").inner_text(): " ".join(options.nth(i).inner_text().split()) for i in range(options.count())}
    assert "Een stap omhoog vanuit je werk als heftruckchauffeur." in said["Praktijkopleider"]
    assert "Nog te leren: Cursus praktijkopleider of werkbegeleider." in said["Praktijkopleider"]
    assert said["Heftruckchauffeur"].startswith("Heftruckchauffeur (past deels) Je eigen beroep: verder in je vak.")
    assert "Staat lager: vaak ploegendiensten of nachtwerk. Dat wil je niet meer." in said["Heftruckchauffeur"]
    print_text = " ".join(text for _, text in printed(visit)).replace("\n", " ")
    for title, text in said.items():  # the print says why too, not only which
        reason = text.split(") ", 1)[1].split(".")[0]
        assert " ".join(reason.split()) in " ".join(print_text.split()), (title, reason)
    links = [options.nth(i).locator("a").evaluate("a => a.href") for i in range(options.count())]
    for link in links:
        assert visit.page.goto(link).status == 200
        assert visit.page.locator("article h1").count() == 1 and "Bronnen" in visit.page.inner_text("article"), link


def test_a_school_leavers_study_ideas_lead_to_study_pages_that_say_who_wrote_them(visit: Visit) -> None:
    visit.open("/checks/loopbaancheck/")
    visit.finish(PERSONAS["sanne-net-van-school"]["answers"])
    studies = visit.page.locator("[data-profile-studies] a")
    assert studies.all_inner_texts() == ["Zorg (mbo)", "Pedagogisch werk (mbo)", "Pabo en lerarenopleiding (hbo)"]
    for link in [a.evaluate("a => a.href") for a in studies.all()]:
        assert visit.page.goto(link).status == 200
        about = visit.page.inner_text("[data-lmi-about]")
        assert "geschreven door de makers van deze site" in about and "Opnieuw bekijken vóór" in about, link
        assert visit.page.locator("[data-lmi-leads-to] a").count() > 0, link  # and on to the work it leads to


@pytest.mark.parametrize("path", ["/beroepen/", "/beroepen/timmerman/", "/over-deze-informatie/"])
def test_labour_market_pages_pass_axe(visit: Visit, path: str) -> None:
    from test_browser import axe_violations

    visit.open(path)
    assert axe_violations(visit) == []
