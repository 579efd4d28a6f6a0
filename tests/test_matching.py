"""Matching a person with occupations: the ranking worked out by hand (tests/golden/indices/matching.json),
and each rule that keeps the reasons honest, in CPython and, for the same cases, in Pyodide."""

from __future__ import annotations

import json
import sys

import pytest

from careercheck_engine import match
from careercheck_engine.matching import AVOID
from conftest import GOLDEN, run_engine

CASE = json.loads((GOLDEN / "indices/matching.json").read_text())
HEFTRUCK = "eeac6251-1974-42f5-91ed-513c6c883755"
RCS = {"status": "scored", "codes": ["RCS"], "code": "RCS"}
FLAT = {"status": "scored", "codes": [], "code": None}


def job(name: str, **fields) -> dict:
    """An occupation entry as the site's index has it; every field can be overridden."""
    return {"id": f"beroepen/{name}", "title": name.capitalize(), "url": f"beroepen/{name}/", "riasec": "RCE",
            "values": ["zekerheid", "samen", "resultaat"], "skills": ["vakwerk", "veilig", "plannen"], "isco": "9999",
            "esco": name, "conditions": [], "related": [], "route": None, "studies": []} | fields


def person(**fields) -> dict:
    return {"riasec": RCS, "values": ["zekerheid", "samen", "resultaat"], "skills": ["vakwerk", "veilig"], "avoid": {}} | fields


def by_title(found: dict) -> dict[str, dict]:
    return {o["title"]: o for o in found["options"]}


def summary(options: list[dict]) -> list[dict]:
    return [{k: o[k] for k in ("id", "fit", "degree", "values", "skills", "develop", "interests")} for o in options]


def assert_matches_the_hand_computed_case(found: dict) -> None:
    got, expected = summary(found["options"]), CASE["expected"]
    assert [o["id"] for o in got] == [o["id"] for o in expected]
    for mine, theirs in zip(got, expected):
        assert mine["fit"] == pytest.approx(theirs["fit"], abs=0.0051)  # fits are rounded to two decimals
        assert {**mine, "fit": None} == {**theirs, "fit": None}
    assert found["notes"] == []


def test_matching_ranks_and_explains_as_worked_out_by_hand() -> None:
    assert_matches_the_hand_computed_case(match(*CASE["args"]))


def test_no_interest_reason_without_a_shared_letter() -> None:
    # RCS and AIE share no letter: M is 0, and no sentence may say the interests fit.
    found = by_title(match(person(), [job("a", riasec="AIE"), job("b", riasec="ESI")]))
    assert found["A"]["interests"] is None
    assert found["B"]["interests"] == {"degree": "partly", "person": "RCS", "occupation": "ESI", "shared": "S"}


def test_interest_reasons_are_worded_by_degree_with_the_letters_they_share() -> None:
    found = by_title(match(person(), [job("a", riasec="RCI"), job("b", riasec="SAC")]))
    assert found["A"]["interests"] == {"degree": "good", "person": "RCS", "occupation": "RCI", "shared": "RC"}
    assert found["B"]["interests"]["degree"] == "partly" and found["B"]["interests"]["shared"] == "SC"


def test_only_letters_the_person_has_for_certain_are_shared() -> None:
    # I and A tie first, R ties with three others for third place: R is in some tie-broken codes, not all.
    tied = {"status": "scored", "codes": ["IAR", "IAE", "AIR", "AIE"], "code": "IAR"}
    found = by_title(match(person(riasec=tied), [job("a", riasec="RCE")]))
    assert found["A"]["interests"] is None
    found = by_title(match(person(riasec=tied), [job("b", riasec="ICR")]))
    # M is (22+22+11+10)/4 = 16.25 of 28, but one letter shared is 'partly'.
    assert found["B"]["interests"] == {"degree": "partly", "person": "IAR", "occupation": "ICR", "shared": "I"}


def test_values_can_reach_their_full_weight() -> None:
    # The person's top three values are the three the occupation offers: the values part is 1, not 12/15.
    only_values = person(riasec=None, skills=None)
    assert match(only_values, [job("a")])["options"][0]["fit"] == 1.0
    second_to_fourth = person(riasec=None, skills=None, values=["geld", "zekerheid", "samen", "resultaat"])
    assert match(second_to_fourth, [job("a")])["options"][0]["fit"] == round((4 + 3 + 2) / (5 + 4 + 3), 2)


def test_the_own_job_is_further_in_ones_trade_and_needs_no_diploma_to_learn() -> None:
    own = job("heftruckchauffeur", esco=HEFTRUCK, isco="8344", route={"level": "geen", "qualification": "Heftruckcertificaat", "certificates": ["Heftruckcertificaat"]})
    colleague = job("reachtruck", isco="8344", route={"level": "mbo2", "qualification": "Mbo 2", "certificates": []})
    other = job("timmerman", isco="7115", riasec="RCI", route={"level": "mbo2", "qualification": "Mbo-diploma Timmerman", "certificates": []})
    found = by_title(match(person(), [own, colleague, other], {"uuid": HEFTRUCK, "isco": "8344", "label": "heftruckchauffeur"}))
    assert found["Heftruckchauffeur"]["relation"]["kind"] == "same"
    assert found["Reachtruck"]["relation"]["kind"] == "own_field"
    assert found["Timmerman"]["relation"]["kind"] == "other"
    # Skills the own job carries (plannen, from its page) are not 'still to learn'; a diploma is, elsewhere.
    assert found["Heftruckchauffeur"]["develop"] == [] and found["Heftruckchauffeur"]["qualification"] is None
    assert found["Reachtruck"]["qualification"] is None
    assert found["Timmerman"]["qualification"] == "Mbo-diploma Timmerman"
    assert found["Timmerman"]["from_job"] == ["plannen"] and found["Timmerman"]["develop"] == []


def test_a_transfer_route_named_by_either_page_is_close_to_the_job() -> None:
    own = job("magazijnmedewerker", esco="m", isco="9333", related=["beroepen/heftruckchauffeur"])
    forklift = job("heftruckchauffeur", esco=HEFTRUCK, isco="8344")
    found = by_title(match(person(), [own, forklift], {"uuid": "m", "isco": "9333", "label": "magazijnmedewerker"}))
    assert found["Heftruckchauffeur"]["relation"]["kind"] == "near"  # ISCO puts them far apart; the pages do not


def test_a_job_without_a_page_is_recognised_by_its_isco_group() -> None:
    page = job("heftruckchauffeur", esco=HEFTRUCK, isco="8344", skills=["vakwerk", "veilig", "plannen"])
    found = match(person(skills=[]), [page, job("x", isco="7115")], {"uuid": "other", "isco": "8344", "label": "reachtruckchauffeur"})
    assert by_title(found)["Heftruckchauffeur"]["relation"]["kind"] == "own_field"
    assert by_title(found)["X"]["from_job"] == ["vakwerk", "veilig", "plannen"]  # carried over from the group's page
    assert "job_by_group" in found["notes"] and "skills_missing" in found["notes"]
    alone = match(person(), [job("x", isco="7115")], {"uuid": "other", "isco": "8344", "label": "reachtruckchauffeur"})
    assert "job_no_page" in alone["notes"]


def test_a_drainer_lowers_an_option_and_says_why() -> None:
    plain = job("a")
    shifts = job("b", conditions=["nacht", "tijdsdruk", "team"])
    found = by_title(match(person(avoid={"nacht": "not_wanted", "tijdsdruk": "drains"}), [plain, shifts]))
    assert found["B"]["fit"] == pytest.approx(found["A"]["fit"] - 2 * AVOID, abs=0.011)
    assert found["B"]["avoid"] == [{"condition": "nacht", "why": "not_wanted"}, {"condition": "tijdsdruk", "why": "drains"}]
    assert found["A"]["avoid"] == []


def test_the_own_job_is_shown_even_when_it_ranks_low() -> None:
    own = job("eigen", esco="own", riasec="SAE", values=["geld"], skills=["leiden"], conditions=["nacht"])
    others = [job(f"o{i}") for i in range(6)]
    found = match(person(avoid={"nacht": "not_wanted"}), [*others, own], {"uuid": "own", "isco": "9999", "label": "eigen"})
    assert [o["title"] for o in found["options"]][-1] == "Eigen" and len(found["options"]) == 6


def test_the_best_step_from_ones_own_work_is_shown_when_it_fits_at_least_partly() -> None:
    own = job("eigen", esco="own", related=["beroepen/stap"], conditions=["nacht"])
    step = job("stap", riasec="SRC", isco="2320", values=["waardering"], skills=["uitleggen", "veilig", "klanten"])
    others = [job(f"o{i}", isco="7115") for i in range(6)]
    found = match(person(skills=["uitleggen", "veilig"], avoid={"nacht": "not_wanted"}), [*others, step, own], {"uuid": "own", "isco": "9999", "label": "eigen"})
    titles = [o["title"] for o in found["options"]]
    assert sorted(titles[5:]) == ["Eigen", "Stap"] and by_title(found)["Stap"]["relation"]["kind"] == "near"


def test_when_nothing_fits_well_the_notes_say_so() -> None:
    found = match(person(), [job("a", riasec="AIE", values=["zekerheid", "geld", "balans"], skills=["leiden", "cijfers", "computer"])])
    assert found["options"][0]["degree"] == "little"
    assert found["notes"] == ["no_good_fit"]


def test_flat_interests_are_stated_not_silently_dropped() -> None:
    found = match(person(riasec=FLAT), [job("a")])
    assert "interests_flat" in found["notes"] and found["options"][0]["interests"] is None
    unscored = match(person(riasec={"status": "not_scored", "codes": []}), [job("a")])
    assert "interests_missing" in unscored["notes"]


def test_a_diploma_of_the_level_asked_is_one_to_ask_about_and_work_far_below_it_is_said() -> None:
    route = lambda level, qualification: {"level": level, "qualification": qualification, "certificates": ["VCA"]}  # noqa: E731
    pages = [job("a", isco="7115", route=route("mbo2", "Mbo 2 a")), job("b", isco="7115", route=route("mbo4", "Mbo 4 b")),
             job("c", isco="7115", route=route("geen", "-")), job("eigen", esco="own", route=route("geen", "-")),
             job("d", isco="2320", route=route("geen", "-") | {"after": ["beroepen/eigen"]})]
    found = by_title(match(person(level="mbo3"), pages, {"uuid": "own", "isco": "9999", "label": "eigen"}))
    levels = {title: (o["qualification"], o["level_met"], o["below_level"]) for title, o in found.items()}
    assert levels == {
        "A": ("Mbo 2 a", True, False),  # one level under: asked about, not said to be below
        "B": ("Mbo 4 b", False, False),  # above: still to learn
        "C": ("VCA", False, True),  # no diploma asked, three levels under: the certificates, and said
        "Eigen": (None, False, False),  # one's own work: nothing to learn, no level to compare
        "D": ("VCA", False, False),  # a step up from one's own work is no step down, whatever it asks
    }
    unknown = by_title(match(person(level="buitenland"), pages))  # a diploma from abroad: its level is not known
    assert {(o["level_met"], o["below_level"]) for o in unknown.values()} == {(False, False)}


def test_every_rule_holds_in_pyodide_as_in_cpython(site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each rule test above runs again, recording every call it makes; the same calls then run in Pyodide."""
    calls: list[tuple] = []
    engine = match

    def recording(*args):
        calls.append(json.loads(json.dumps(args)))
        return engine(*args)

    rules = [test for name, test in globals().items() if name.startswith("test_") and test.__code__.co_argcount == 0]
    monkeypatch.setattr(sys.modules[__name__], "match", recording)
    for rule in rules:
        rule()
    assert len(rules) >= 12 and len(calls) >= len(rules)
    run = run_engine(site, [{"name": f"match {i}", "function": "match", "args": args} for i, args in enumerate(calls)])
    assert [r["result"] for r in run["results"]] == [json.loads(json.dumps(engine(*args))) for args in calls]
