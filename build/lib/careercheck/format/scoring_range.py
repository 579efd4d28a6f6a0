"""The range of numbers a question gives a scale, and the range of a scale's score."""

from __future__ import annotations

from careercheck.format.model import Check, Question, Scale


def likert_of(check: Check, question: Question):
    return question.likert or check.likert


def item_range(check: Check, question: Question) -> tuple[float, float] | None:
    if question.type == "likert":
        likert = likert_of(check, question)
        return (1, likert.points) if likert else None
    if question.type == "slider":
        return (question.min, question.max) if question.min is not None and question.max is not None else None
    if question.type == "yes_no":
        return (0, 1)
    if question.type == "single" and question.options and all(o.score is not None for o in question.options):
        scores = [o.score for o in question.options]
        return (min(scores), max(scores))
    return None


def scale_range(scale: Scale, items: list[Question], bounds: tuple[float, float]) -> tuple[float, float]:
    low, high = bounds
    if scale.method == "mean":
        return low, high
    weight = sum(q.weight for q in items)
    return low * weight, high * weight
