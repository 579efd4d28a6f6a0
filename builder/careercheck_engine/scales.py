"""Scale scores: weighted mean, sum or prorated sum; norms; bands."""

from __future__ import annotations

import math
from typing import Any

from careercheck_engine.answers import item_value


def score_scale(scale: dict, questions: dict[str, dict], answers: dict[str, Any], shown: set[str] | None = None) -> dict:
    """Score one scale from the ``answers`` to its items; ``shown`` are the questions the person
    was asked (default: all), so items skipped by branching do not count as unanswered."""
    low, high = scale["range"]
    result: dict[str, Any] = {"id": scale["id"], "name": scale["name"], "min": low, "max": high, "items": len(scale["items"])}
    keyed: list[tuple[float, float]] = []  # (weight, keyed value)
    for item in scale["items"]:
        if item["q"] not in answers:
            continue
        question = questions[item["q"]]
        value = item_value(question, answers[item["q"]])
        if item["reverse"]:
            value = question["min"] + question["max"] - value
        keyed.append((item["weight"], value))
    result["answered"] = len(keyed)
    if len(keyed) < needed(scale, shown):
        return result | {"status": "not_scored", "score": None, "band": None, "norms": None}
    total = math.fsum(w * v for w, v in keyed)
    answered_weight = math.fsum(w for w, _ in keyed)
    if scale["method"] == "mean":
        raw = total / answered_weight
    elif scale["method"] == "sum":
        raw = total
    else:  # prorated_sum: as if the skipped items had been answered like the rest
        raw = total * math.fsum(i["weight"] for i in scale["items"]) / answered_weight
    # Bands and norms use the rounded score, so they always agree with the number shown.
    value = round(raw, 2)
    return result | {
        "status": "scored",
        "score": value,
        "band": band_for(scale["bands"], value),
        "norms": normed(scale["norms"], value) if scale["norms"] else None,
    }


def needed(scale: dict, shown: set[str] | None) -> int:
    """The fewest answers for a score: the author's number, or half of the items the person was
    shown, rounded up; never more than were shown (branching may hide some items)."""
    asked = [i for i in scale["items"] if shown is None or i["q"] in shown]
    fewest = scale["min_answered"] or math.ceil(len(asked) / 2)
    return max(1, min(fewest, len(asked)))


def band_for(bands: list[dict], value: float) -> dict:
    # Bands are contiguous and sorted (the builder checks that): each covers
    # [from, to), the last one also includes its upper bound.
    chosen = next((band for band in bands if value < band["to"]), bands[-1])
    return {k: chosen[k] for k in ("id", "label", "text")}


def normed(norms: dict, value: float) -> dict:
    """z, T = 50 + 10z, percentile (normal distribution) and stanine of a raw score."""
    z = (value - norms["mean"]) / norms["sd"]
    percentile = 50 * (1 + math.erf(z / math.sqrt(2)))
    return {
        "group": norms["group"],
        "source": norms["source"],
        "z": round(z, 2),
        "t": round(50 + 10 * z, 1),
        "percentile": round(percentile),
        "stanine": min(9, max(1, math.floor(2 * z + 5.5))),
    }
