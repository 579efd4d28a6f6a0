"""Untrusted answers in, clean answers out: each checked against its question.

Answers come from a form, a file or a link: anything that does not fit its
question is left out and listed, never fatal. Answers to questions that are
not shown (branching) are dropped too, and so are choices not offered to this
person (an option's own condition): they do not count.
"""

from __future__ import annotations

import re
from typing import Any

from careercheck_engine.conditions import holds

MAX_TEXT = 5000
_ESCO_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def clean(spec: dict, raw: dict[str, Any]) -> tuple[dict[str, Any], list[str], dict[str, Any]]:
    """Return (valid answers of visible questions, ignored names, visible sections and questions
    with the choices of visible questions that are not offered)."""
    questions = spec["questions"]
    ignored = sorted(str(name) for name in raw if name not in questions)
    valid: dict[str, Any] = {}
    visible: dict[str, Any] = {"sections": [], "questions": [], "hidden_options": {}}
    for section_id, section in spec["sections"].items():
        if not holds(section["relevant"], valid):
            continue
        visible["sections"].append(section_id)
        for name in section["questions"]:
            question = questions[name]
            if not holds(question["relevant"], valid):
                continue
            visible["questions"].append(name)
            hidden = [value for value, condition in question.get("offered", {}).items() if not holds(condition, valid)]
            if hidden:
                visible["hidden_options"][name] = hidden
                question = question | {"options": {v: s for v, s in question["options"].items() if v not in hidden}}
            if name not in raw:
                continue
            value = _check(question, raw[name])
            if value is None:
                ignored.append(name)
            else:
                valid[name] = value
    return valid, sorted(ignored), visible


def _check(question: dict, raw: Any) -> Any:
    kind = question["type"]
    if kind in ("likert", "slider"):
        number = _number(raw)
        if number is None or not question["min"] <= number <= question["max"]:
            return None
        if kind == "slider":
            return number
        return int(number) if number == int(number) else None
    if kind == "yes_no":
        return raw if raw in ("yes", "no") else None
    if kind == "single":
        return raw if isinstance(raw, str) and raw in question["options"] else None
    if kind in ("multiple", "ranking"):
        chosen = [raw] if isinstance(raw, str) else raw
        if not isinstance(chosen, list) or not chosen or len(set(map(str, chosen))) != len(chosen):
            return None
        if not all(isinstance(v, str) and v in question["options"] for v in chosen):
            return None
        return chosen if question["min_choices"] <= len(chosen) <= question["max_choices"] else None
    if kind == "occupation":  # an ESCO concept id, as the job search gives it
        return raw if isinstance(raw, str) and _ESCO_ID.fullmatch(raw) else None
    if kind == "text":
        return raw.strip()[:MAX_TEXT] if isinstance(raw, str) and raw.strip() else None
    return None


def _number(raw: Any) -> float | None:
    # Form data arrives as strings; an answers file may hold numbers.
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw) if raw == raw and abs(raw) != float("inf") else None
    if isinstance(raw, str):
        try:
            value = float(raw.strip())
        except ValueError:
            return None
        return value if value == value and abs(value) != float("inf") else None
    return None


def item_value(question: dict, answer: Any) -> float | None:
    """The number an answer contributes to a scale (before reverse keying)."""
    if question["type"] in ("likert", "slider"):
        return float(answer)
    if question["type"] == "yes_no":
        return 1.0 if answer == "yes" else 0.0
    if question["type"] == "single":
        return question["options"][answer]
    return None
