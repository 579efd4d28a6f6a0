"""Realistic people doing the shipped checks; their expected profiles are written out
by hand in tests/personas/ (the coaching that fits, strengths, next steps)."""

from __future__ import annotations

import json

import pytest

from careercheck import load_check, scoring_spec
from careercheck_engine import score
from conftest import ROOT

PERSONAS = {p.stem: json.loads(p.read_text()) for p in sorted((ROOT / "tests/personas").glob("*.json"))}


def profile(persona: dict) -> dict:
    return score(scoring_spec(load_check(ROOT / persona["check"])), persona["answers"])


@pytest.mark.parametrize("name", PERSONAS)
def test_persona_gets_the_expected_profile(name: str) -> None:
    persona = PERSONAS[name]
    result = profile(persona)
    expected = persona["expected"]
    scales = {s["id"]: s for s in result["scales"]}
    assert result["ignored"] == []
    assert [c["id"] for c in result["conclusions"]] == expected["conclusions"]
    assert {k: scales[k]["band"]["id"] for k in expected["bands"]} == expected["bands"]
    assert {k: scales[k]["score"] for k in expected["scores"]} == expected["scores"]
    if "riasec" in expected:
        assert {k: result["riasec"][k] for k in expected["riasec"]} == expected["riasec"]
    assert result["quality"] == expected["quality"]
