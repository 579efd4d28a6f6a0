"""The job search over ESCO's occupations (Dutch and English), and the chosen job on the profile."""

from __future__ import annotations

import json

import pytest

from careercheck.lmi.esco import ESCO_CSV, OCCUPATIONS_NL, compact_index
from careercheck_engine import job_index, search, shared_isco_digits
from conftest import run_engine
from test_browser import Visit

INDEX = json.dumps(compact_index(OCCUPATIONS_NL), ensure_ascii=False)
HEFTRUCK = "eeac6251-1974-42f5-91ed-513c6c883755"


def labels(query: str) -> list[str]:
    return [job["label"] for job in search(INDEX, query)]


def test_search_puts_names_that_start_with_the_query_first() -> None:
    assert labels("heftruck")[0] == "heftruckchauffeur"
    assert labels("timmerman")[0] == "timmerman"


def test_search_finds_other_names_and_ignores_accents_and_case() -> None:
    assert "heftruckchauffeur" in labels("reachtruck")  # an alternative label in ESCO
    assert labels("Coordinator kinderopvang") == labels("coördinator kinderopvang") != []


def test_the_english_search_finds_english_names_of_the_same_concepts() -> None:
    english = json.dumps(compact_index(ESCO_CSV["en"]), ensure_ascii=False)
    cashier = search(english, "cashier")[0]
    assert cashier["label"] == "cashier" and cashier["isco"] == "5230"
    assert search(INDEX, "kassamedewerker")[0]["uuid"] == cashier["uuid"]  # one concept, two languages
    assert search(english, "forklift")[0]["uuid"] == HEFTRUCK


def test_search_needs_two_letters_and_shows_at_most_eight() -> None:
    assert search(INDEX, "h") == []
    assert len(search(INDEX, "medewerker")) == 8


def test_the_parsed_index_the_worker_keeps_finds_what_the_text_finds() -> None:
    parsed = job_index(INDEX)
    for query in ("heftruck", "kok", "Coordinator kinderopvang", "x"):
        assert search(parsed, query) == search(INDEX, query)


def test_isco_distance_counts_shared_leading_digits() -> None:
    # 8344 forklift, 8332 truck, 8331 bus, 7115 carpenter: ISCO-08 groups nest by digit.
    assert [shared_isco_digits("8344", other) for other in ("8344", "8332", "8331", "7115")] == [4, 2, 2, 0]
    assert shared_isco_digits("8331", "8332") == 3
    assert shared_isco_digits(None, "8331") == 0


def test_search_in_pyodide(site) -> None:
    run = run_engine(site, [{"name": "search", "function": "search", "args": [INDEX, "heftruck"]}])
    assert run["results"][0]["result"] == search(INDEX, "heftruck")


@pytest.mark.browser
def test_the_job_search_in_the_page_and_the_distance_on_the_profile(browser, server) -> None:
    with Visit(browser, server) as visit:
        visit.open("/checks/loopbaancheck/")
        visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
        # ESCO's index (about 1 MB) is not part of getting ready: it comes with the first search.
        # (Requests of the page and its worker; the service worker's own go to the server on their behalf.)
        escos = lambda: [r for r in visit.requests if "esco-occupations" in r.url and not r.service_worker]  # noqa: E731
        assert escos() == []
        visit.page.fill("[data-job-search]", "vrachtauto")
        visit.page.wait_for_selector("[data-job-results] input")
        assert visit.page.inner_text("[data-job-results]").splitlines()[0] == "vrachtwagenchauffeur"
        visit.page.fill("[data-job-search]", "heftruck")
        visit.page.check(f"input[value='{HEFTRUCK}']")
        assert len(escos()) == 1  # fetched once, parsed once in the worker
        visit.page.reload()  # the chosen job survives a reload, with its name
        assert visit.page.is_checked(f"input[value='{HEFTRUCK}']")
        visit.finish({"waarden": ["zekerheid"], "sterk": ["vakwerk", "veilig", "samenwerken"]})
        options = visit.page.inner_text("[data-profile-options]")
        assert "Heftruckchauffeur" in options and "Je eigen beroep: verder in je vak." in options
        assert "heftruckchauffeur" in visit.page.inner_text("[data-profile] [data-answer=beroep]")
