"""Properties of the engine that must hold for any answers (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercheck import load_check, scoring_spec
from careercheck_engine import score
from conftest import ROOT

SPECS = {
    name: scoring_spec(load_check(ROOT / path))
    for name, path in {
        "werkenergie": "checks/werkenergie.yml",
        "vraagtypen": "tests/fixtures/vraagtypen.yml",
        "ipip50": "tests/fixtures/ipip50.yml",
    }.items()
}


def valid_answer(question: dict) -> st.SearchStrategy:
    kind = question["type"]
    if kind == "likert":
        return st.integers(question["min"], question["max"])
    if kind == "slider":
        return st.floats(question["min"], question["max"])
    if kind == "yes_no":
        return st.sampled_from(["yes", "no"])
    options = list(question.get("options", {}))
    if kind == "single":
        return st.sampled_from(options)
    if kind in ("multiple", "ranking"):
        return st.lists(st.sampled_from(options), unique=True, min_size=question["min_choices"], max_size=question["max_choices"])
    return st.text(min_size=1).filter(str.strip)


def answers_for(spec: dict) -> st.SearchStrategy:
    """Any subset of valid answers, as a form or a file would give them."""
    return st.fixed_dictionaries({}, optional={name: valid_answer(q) for name, q in spec["questions"].items()})


GARBAGE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=8,
)


def assert_well_formed(result: dict) -> None:
    for scale in result["scales"]:
        if scale["status"] == "scored":
            assert scale["min"] <= scale["score"] <= scale["max"]
            assert scale["band"] is not None
        else:
            assert scale["status"] == "not_scored" and scale["score"] is None and scale["band"] is None


@pytest.mark.parametrize("name", SPECS)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_valid_answers_give_a_result_or_not_scored(name: str, data: st.DataObject) -> None:
    spec = SPECS[name]
    answers = data.draw(answers_for(spec))
    result = score(spec, answers)
    assert_well_formed(result)
    assert result["ignored"] == []


@pytest.mark.parametrize("name", SPECS)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_input_at_all_never_raises(name: str, data: st.DataObject) -> None:
    spec = SPECS[name]
    names = st.sampled_from([*spec["questions"], "onbekend", "__proto__"])
    answers = data.draw(st.dictionaries(names, GARBAGE | valid_answer(spec["questions"][data.draw(st.sampled_from(list(spec["questions"])))]), max_size=12))
    assert_well_formed(score(spec, answers))


REVERSED = [
    (name, scale["id"], item["q"], item["reverse"])
    for name, spec in SPECS.items()
    for scale in spec["scales"]
    for item in scale["items"]
    if spec["questions"][item["q"]]["type"] == "likert"
]


# Every reverse-keyed item, and a sample of the others.
KEYED = [k for k in REVERSED if k[3]] + [k for k in REVERSED if not k[3]][::6]


@pytest.mark.parametrize(("name", "scale_id", "item", "reverse"), KEYED, ids=lambda v: str(v))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_higher_answer_moves_its_scale_the_keyed_way(name: str, scale_id: str, item: str, reverse: bool, data: st.DataObject) -> None:
    spec = SPECS[name]
    question = spec["questions"][item]
    answers = data.draw(answers_for(spec))
    low = data.draw(st.integers(question["min"], question["max"] - 1))
    high = data.draw(st.integers(low + 1, question["max"]))
    scores = []
    for value in (low, high):
        result = score(spec, answers | {item: value})
        # A scale none of whose questions were shown is not on the profile.
        scores.append(next((s["score"] for s in result["scales"] if s["id"] == scale_id), None))
    if None in scores:  # the question does not apply, or too few answers: nothing to compare
        return
    assert scores[1] <= scores[0] if reverse else scores[1] >= scores[0]
