"""Realistic people doing the shipped checks; their expected profiles are written out
by hand in tests/personas/ (the coaching that fits, strengths, next steps)."""

from __future__ import annotations

import json

import pytest

import re

from careercheck import load_check, scoring_spec
from careercheck.format.texts import translator
from careercheck_engine import score, visible
from conftest import ROOT

PERSONAS = {p.stem: json.loads(p.read_text()) for p in sorted((ROOT / "tests/personas").glob("*.json"))}


def profile(persona: dict) -> dict:
    return score(scoring_spec(load_check(ROOT / persona["check"])), persona["answers"])


def asked(check_file: str, answers: dict) -> list[str]:
    return visible(scoring_spec(load_check(ROOT / check_file)), answers)["questions"]


@pytest.mark.parametrize("name", PERSONAS)
def test_persona_gets_the_expected_profile(name: str) -> None:
    persona = PERSONAS[name]
    result = profile(persona)
    expected = persona["expected"]
    scales = {s["id"]: s for s in result["scales"]}
    assert result["ignored"] == []
    by_part: dict[str, list[str]] = {}
    for conclusion in result["conclusions"]:
        by_part.setdefault(conclusion["part"], []).append(conclusion["id"])
    assert by_part == expected["conclusions"]
    assert {k: scales[k]["band"]["id"] for k in expected["bands"]} == expected["bands"]
    assert {k: scales[k]["score"] for k in expected["scores"]} == expected["scores"]
    if "riasec" in expected:
        assert {k: result["riasec"][k] for k in expected["riasec"]} == expected["riasec"]
    assert result["quality"] == expected["quality"]
    if "asked_scales" in expected:
        assert [s["id"] for s in result["scales"]] == expected["asked_scales"]


@pytest.mark.parametrize("name", PERSONAS)
def test_persona_answers_only_what_they_are_asked(name: str) -> None:
    # An answer to a question the person never saw would make the persona unrealistic.
    persona = PERSONAS[name]
    assert set(persona["answers"]) <= set(asked(persona["check"], persona["answers"]))


WORK = re.compile(r"\b(je|jouw|mijn) (huidige |laatste )?(werk|beroep|baan|werkdag|werkgever)\b|\b(your|my) (current |last )?(work|job|working day|employer)\b", re.I)
WORK_ONLY = {"kortecheck": {"e1", "e2", "e3", "e4"}, "loopbaancheck": {"aanleiding", "beroep", "laatste_beroep", "veranderd", "plezier", "waar"}}


@pytest.mark.parametrize("check_id", WORK_ONLY)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_school_leaver_is_not_asked_about_work(check_id: str, language: str) -> None:
    check = load_check(ROOT / f"checks/{check_id}.yml")
    seen = visible(scoring_spec(check), {"situatie": "school"})
    shown = set(seen["questions"])
    assert not shown & WORK_ONLY[check_id]
    t = translator(check, language)
    offered = [o for q in check.questions if q.name in shown for o in getattr(q, "options", [])
               if o.value not in seen["hidden_options"].get(q.name, [])]
    texts = [t(text) for q in check.questions if q.name in shown for text in (q.label, q.hint) if text]
    texts += [t(text) for o in offered for text in (o.label, o.hint) if text]
    assert [text for text in texts if WORK.search(text)] == []


@pytest.mark.parametrize("check_id", WORK_ONLY)
def test_who_skips_the_situation_gets_the_questions_for_who_works(check_id: str) -> None:
    shown = set(asked(f"checks/{check_id}.yml", {}))
    assert WORK_ONLY[check_id] - {"laatste_beroep"} <= shown
