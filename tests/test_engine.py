"""The scoring engine in CPython: keying, methods, bands, conditions, untrusted input."""

from __future__ import annotations

import copy
import json

from careercheck_engine import score, score_json, visible
from careercheck_engine.conditions import holds

BANDS = [
    {"id": "low", "from": 1, "to": 3, "label": "Low", "text": "Low text"},
    {"id": "high", "from": 3, "to": 5, "label": "High", "text": "High text"},
]
LIKERT = {"type": "likert", "relevant": None, "min": 1, "max": 5}
SPEC = {
    "id": "mini",
    "title": "Mini",
    "language": "nl",
    "sections": {"s": {"relevant": None, "questions": ["a", "b"]}},
    "questions": {"a": LIKERT, "b": LIKERT},
    "scales": [
        {
            "id": "s",
            "name": "S",
            "method": "mean",
            "min_answered": 1,
            "items": [{"q": "a", "weight": 1, "reverse": False}, {"q": "b", "weight": 1, "reverse": True}],
            "range": [1, 5],
            "norms": None,
            "bands": BANDS,
        }
    ],
    "riasec": None,
    "conclusions": [],
    "quality": {"straight_lining": 8, "pairs": []},
}


def scale(answers: dict, spec: dict = SPEC) -> dict:
    return score(spec, answers)["scales"][0]


def variant(**changes) -> dict:
    spec = copy.deepcopy(SPEC)
    spec["scales"][0] |= changes
    return spec


def test_reverse_keyed_item_counts_from_the_other_end() -> None:
    assert scale({"b": 1})["score"] == 5
    assert scale({"b": 5})["score"] == 1


def test_scale_score_is_the_mean_of_keyed_answers() -> None:
    assert scale({"a": 4, "b": 1})["score"] == 4.5  # (4 + 5) / 2


def test_weights_count_in_the_mean() -> None:
    spec = variant(items=[{"q": "a", "weight": 3, "reverse": False}, {"q": "b", "weight": 1, "reverse": False}])
    assert scale({"a": 5, "b": 1}, spec)["score"] == 4.0  # (3*5 + 1) / 4


def test_sum_and_prorated_sum() -> None:
    summed = variant(method="sum", range=[2, 10], bands=[{**BANDS[0], "from": 2, "to": 6}, {**BANDS[1], "from": 6, "to": 10}])
    prorated = variant(method="prorated_sum", range=[2, 10], bands=summed["scales"][0]["bands"])
    assert scale({"a": 4}, summed)["score"] == 4.0
    assert scale({"a": 4}, prorated)["score"] == 8.0  # as if b had been answered like a
    assert scale({"a": 4, "b": 2}, summed)["score"] == scale({"a": 4, "b": 2}, prorated)["score"] == 8.0


def test_band_covers_from_inclusive_to_exclusive() -> None:
    assert scale({"a": 2, "b": 3})["band"]["id"] == "low"  # (2 + 3) / 2 = 2.5
    assert scale({"a": 2, "b": 2})["band"]["id"] == "high"  # (2 + 4) / 2 = 3.0: the start of 'high'


def test_highest_band_includes_the_maximum() -> None:
    assert scale({"a": 5, "b": 1})["band"] == {"id": "high", "label": "High", "text": "High text"}


def test_scale_with_too_few_answers_is_not_scored() -> None:
    result = scale({})
    assert (result["status"], result["score"], result["band"], result["answered"]) == ("not_scored", None, None, 0)


def test_band_is_chosen_on_the_score_the_person_sees() -> None:
    # A weighted mean of 2.9999... rounds to 3.0 on screen: the band must agree.
    spec = variant(items=[{"q": "a", "weight": 1, "reverse": False}, {"q": "b", "weight": 29999, "reverse": False}])
    result = scale({"a": 1, "b": 3}, spec)
    assert (result["score"], result["band"]["id"]) == (3.0, "high")


def test_norms_give_z_t_percentile_and_stanine() -> None:
    spec = variant(norms={"group": "G", "source": "S", "mean": 3, "sd": 1})
    assert scale({"a": 4, "b": 2}, spec)["norms"] == {"group": "G", "source": "S", "z": 1.0, "t": 60.0, "percentile": 84, "stanine": 7}
    assert scale({"a": 3, "b": 3}, spec)["norms"]["stanine"] == 5


def test_untrusted_answers_are_ignored_not_fatal() -> None:
    result = score(SPEC, {"a": "9", "b": True, "zz": 3, "__proto__": "1"})
    assert result["ignored"] == ["__proto__", "a", "b", "zz"]
    assert result["answered"] == 0


def test_likert_answers_must_be_whole_numbers() -> None:
    assert score(SPEC, {"a": "2.5", "b": float("nan")})["ignored"] == ["a", "b"]


def test_form_strings_and_numbers_score_alike() -> None:
    assert score(SPEC, {"a": "4", "b": " 2 "}) == score(SPEC, {"a": 4, "b": 2})


def test_a_question_that_does_not_apply_does_not_count() -> None:
    spec = copy.deepcopy(SPEC)
    spec["questions"]["b"] = LIKERT | {"relevant": ["cmp", ">=", ["answer", "a"], ["const", 3]]}
    assert visible(spec, {"a": 2}) == {"sections": ["s"], "questions": ["a"], "hidden_options": {}}
    assert scale({"a": 2, "b": 1}, spec) | {} == scale({"a": 2}, spec)
    assert visible(spec, {"a": 3})["questions"] == ["a", "b"]


def test_conditions_combine_and_treat_missing_answers_as_not_met() -> None:
    answers = {"werk": "yes", "uren": 36.0, "kies": ["a", "b"]}
    assert holds(["and", ["cmp", "==", ["answer", "werk"], ["const", "yes"]], ["cmp", ">", ["answer", "uren"], ["const", 32]]], answers)
    assert holds(["cmp", "in", ["const", "a"], ["answer", "kies"]], answers)
    assert holds(["cmp", "in", ["answer", "werk"], ["list", ["const", "yes"], ["const", "maybe"]]], answers)
    assert not holds(["cmp", "<", ["answer", "onbekend"], ["const", 3]], answers)
    assert not holds(["cmp", "<", ["answer", "werk"], ["const", 3]], answers)  # text vs number: not met
    assert holds(["not", ["cmp", "==", ["answer", "onbekend"], ["const", 1]]], answers)
    assert holds(None, answers)


def test_score_json_round_trips_for_the_browser() -> None:
    out = json.loads(score_json(json.dumps(SPEC), json.dumps({"a": 4})))
    assert out == score(SPEC, {"a": 4})


def test_a_choice_not_offered_is_hidden_and_does_not_count() -> None:
    spec = copy.deepcopy(SPEC)
    spec["questions"]["c"] = {"type": "single", "relevant": None, "options": {"x": None, "y": None},
                              "offered": {"y": ["cmp", ">=", ["answer", "a"], ["const", 3]]}}
    spec["sections"]["s"]["questions"].append("c")
    assert visible(spec, {"a": 2})["hidden_options"] == {"c": ["y"]}
    assert score(spec, {"a": 2, "c": "y"})["ignored"] == ["c"]
    assert visible(spec, {"a": 3})["hidden_options"] == {}
    assert score(spec, {"a": 3, "c": "y"})["ignored"] == []
