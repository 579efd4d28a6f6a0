"""Likert scoring: reverse keying, scale means, band lookup.

The input is a scoring spec (compiled from a check definition by the builder)
and the visitor's answers. Answers are untrusted: anything that is not a
whole number within the answer scale is left out and listed in ``ignored``.
"""

from __future__ import annotations

import json
import math
from typing import Any

Spec = dict[str, Any]
Result = dict[str, Any]


def score(spec: Spec, answers: dict[str, Any]) -> Result:
    """Score ``answers`` (item id -> answer) against a compiled ``spec``."""
    low, high = spec["points"]["min"], spec["points"]["max"]
    valid, ignored = _clean_answers(spec, answers, low, high)
    scales = [_score_scale(scale, spec["items"], valid, low, high) for scale in spec["scales"]]
    return {
        "check": spec["id"],
        "title": spec["title"],
        "answered": len(valid),
        "items": len(spec["items"]),
        "scales": scales,
        "ignored": ignored,
    }


def score_json(spec_json: str, answers_json: str) -> str:
    """JSON in, JSON out: the browser worker passes strings, not proxies."""
    return json.dumps(score(json.loads(spec_json), json.loads(answers_json)), ensure_ascii=False)


def _clean_answers(
    spec: Spec, answers: dict[str, Any], low: int, high: int
) -> tuple[dict[str, int], list[str]]:
    valid: dict[str, int] = {}
    ignored: list[str] = []
    for item_id, raw in answers.items():
        if item_id not in spec["items"]:
            ignored.append(str(item_id))
            continue
        value = _as_whole_number(raw)
        if value is None or not low <= value <= high:
            ignored.append(item_id)
        else:
            valid[item_id] = value
    return valid, sorted(ignored)


def _as_whole_number(raw: Any) -> int | None:
    # Form data arrives as strings; an answers file may hold numbers.
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().lstrip("-").isdigit():
        return int(raw.strip())
    return None


def _score_scale(
    scale: Spec, items: dict[str, Spec], answers: dict[str, int], low: int, high: int
) -> Result:
    keyed = [
        (high + low - answers[i]) if items[i]["reverse"] else answers[i]
        for i in scale["items"]
        if i in answers
    ]
    result: Result = {
        "id": scale["id"],
        "name": scale["name"],
        "min": low,
        "max": high,
        "answered": len(keyed),
        "items": len(scale["items"]),
    }
    if len(keyed) < scale["min_answered"]:
        return result | {"status": "not_scored", "score": None, "band": None}
    # Bands are looked up on the rounded score, so the band always agrees
    # with the number the person sees.
    mean = round(math.fsum(keyed) / len(keyed), 2)
    return result | {"status": "scored", "score": mean, "band": _band_for(scale["bands"], mean)}


def _band_for(bands: list[Spec], value: float) -> Spec:
    # Bands are contiguous and sorted (the builder checks that): each covers
    # [from, to), the last one also includes its upper bound.
    for band in bands:
        if value < band["to"]:
            return {k: band[k] for k in ("id", "label", "text")}
    last = bands[-1]
    return {k: last[k] for k in ("id", "label", "text")}
