"""The scoring engine in CPython: reverse keying, means, bands, untrusted input."""

from __future__ import annotations

import json

from careercheck_engine import score, score_json

SPEC = {
    "id": "mini",
    "title": "Mini",
    "points": {"min": 1, "max": 5},
    "items": {"a": {"scale": "s", "reverse": False}, "b": {"scale": "s", "reverse": True}},
    "scales": [
        {
            "id": "s",
            "name": "S",
            "items": ["a", "b"],
            "min_answered": 1,
            "bands": [
                {"id": "low", "from": 1, "to": 3, "label": "Low", "text": "Low text"},
                {"id": "high", "from": 3, "to": 5, "label": "High", "text": "High text"},
            ],
        }
    ],
}


def scale(answers: dict) -> dict:
    return score(SPEC, answers)["scales"][0]


def test_reverse_keyed_item_counts_from_the_other_end() -> None:
    assert scale({"b": 1})["score"] == 5
    assert scale({"b": 5})["score"] == 1


def test_scale_score_is_the_mean_of_keyed_answers() -> None:
    assert scale({"a": 4, "b": 1})["score"] == 4.5  # (4 + 5) / 2


def test_band_covers_from_inclusive_to_exclusive() -> None:
    assert scale({"a": 2, "b": 3})["band"]["id"] == "low"  # (2 + 3) / 2 = 2.5
    assert scale({"a": 2, "b": 2})["band"]["id"] == "high"  # (2 + 4) / 2 = 3.0: the start of 'high'



def test_highest_band_includes_the_maximum() -> None:
    assert scale({"a": 5, "b": 1})["band"] == {"id": "high", "label": "High", "text": "High text"}


def test_scale_with_too_few_answers_is_not_scored() -> None:
    result = scale({})
    assert (result["status"], result["score"], result["band"], result["answered"]) == ("not_scored", None, None, 0)


def test_band_is_chosen_on_the_score_the_person_sees() -> None:
    # Three answers with mean 2.9999... would round to 3.0 on screen: the band must agree.
    spec = json.loads(json.dumps(SPEC))
    spec["items"]["c"] = {"scale": "s", "reverse": False}
    spec["scales"][0]["items"].append("c")
    result = score(spec, {"a": 3, "b": 3, "c": 3})["scales"][0]
    assert (result["score"], result["band"]["id"]) == (3.0, "high")


def test_untrusted_answers_are_ignored_not_fatal() -> None:
    result = score(SPEC, {"a": "9", "b": True, "zz": 3, "__proto__": "1"})
    assert result["ignored"] == ["__proto__", "a", "b", "zz"]
    assert result["answered"] == 0


def test_form_strings_and_numbers_score_alike() -> None:
    assert score(SPEC, {"a": "4", "b": " 2 "}) == score(SPEC, {"a": 4, "b": 2})


def test_score_json_round_trips_for_the_browser() -> None:
    out = json.loads(score_json(json.dumps(SPEC), json.dumps({"a": 4})))
    assert out == score(SPEC, {"a": 4})
