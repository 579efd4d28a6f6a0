"""Response quality: signs that answers may not reflect the person, shown gently."""

from __future__ import annotations

from typing import Any


def quality(spec: dict, answers: dict[str, Any]) -> dict:
    questions = spec["questions"]
    likert = [answers[n] for n, q in questions.items() if q["type"] == "likert" and n in answers]
    straight = len(likert) >= spec["quality"]["straight_lining"] and len(set(likert)) == 1
    contradictions = [
        [a, b]
        for a, b in spec["quality"]["pairs"]
        if a in answers and b in answers and _same_side(questions[a], answers[a], answers[b]) is not None
    ]
    return {"straight_lining": straight, "contradictions": contradictions}


def _same_side(question: dict, first: int, second: int) -> str | None:
    """'agree' or 'disagree' when both answers sit at the same outer quarter of the scale."""
    low, high = question["min"], question["max"]
    margin = (high - low) / 4
    if first >= high - margin and second >= high - margin:
        return "agree"
    if first <= low + margin and second <= low + margin:
        return "disagree"
    return None
