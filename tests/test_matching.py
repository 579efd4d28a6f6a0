"""Matching a person with occupations, with the reasons why (tests/golden/indices/matching.json)."""

from __future__ import annotations

import json

import pytest

from careercheck import load_check, scoring_spec
from careercheck_engine import match, score
from conftest import GOLDEN, ROOT
from test_personas import PERSONAS

CASE = json.loads((GOLDEN / "indices/matching.json").read_text())


def summary(options: list[dict]) -> list[dict]:
    return [{k: o[k] for k in ("id", "fit", "values", "skills", "develop")} for o in options]


def assert_matches_the_hand_computed_case(options: list[dict]) -> None:
    got, expected = summary(options), CASE["expected"]
    assert [o["id"] for o in got] == [o["id"] for o in expected]
    for mine, theirs in zip(got, expected):
        assert mine["fit"] == pytest.approx(theirs["fit"], abs=0.0051)  # fits are rounded to two decimals
        assert {**mine, "fit": None} == {**theirs, "fit": None}
    assert options[0]["interests"] == {"person": "RCS", "occupation": "RCI"}


def test_matching_ranks_and_explains_as_worked_out_by_hand() -> None:
    assert_matches_the_hand_computed_case(match(*CASE["args"]))


def test_an_occupation_with_nothing_in_common_is_left_out() -> None:
    unrelated = {"id": "x", "title": "X", "url": "x/", "riasec": None, "values": ["geld"], "skills": ["leiden"]}
    assert match(None, ["zekerheid"], ["vakwerk"], [unrelated]) == []


def test_the_loopbaancheck_profile_carries_the_options(site) -> None:
    persona = PERSONAS["ahmed-magazijn-na-reorganisatie"]
    occupations = json.loads((site / "assets/careercheck/occupations.json").read_text())
    assert len(occupations) == len(list((ROOT / "docs/beroepen").glob("*.md")))
    result = score(scoring_spec(load_check(ROOT / persona["check"])), persona["answers"], occupations)
    assert [o["id"] for o in result["options"][:2]] == ["beroepen/timmerman", "beroepen/heftruckchauffeur"]


def test_matching_in_pyodide(site, tmp_path) -> None:
    import subprocess

    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([{"name": "matching", "function": "match", "args": CASE["args"]}]))
    run = subprocess.run(
        ["node", str(ROOT / "tests/pyodide/run_engine.mjs"), str(site / "assets/pyodide"), str(cases)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert_matches_the_hand_computed_case(json.loads(run.stdout)["results"][0]["result"])
