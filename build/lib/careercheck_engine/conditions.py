"""Evaluate compiled conditions (branching, conclusions). Never ``eval``.

A condition is a JSON tree made by the builder from the author's expression:
  ["const", x]  ["answer", name]  ["scale", id, attribute]  ["list", a, b, ...]
  ["and", a, b, ...]  ["or", a, b, ...]  ["not", a]  ["cmp", op, a, b]
A missing answer or score is None; any comparison with None is false, so a
condition on an unanswered question simply does not hold.
"""

from __future__ import annotations

import operator
from typing import Any

_COMPARE = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "in": lambda a, b: a in b,
    "not in": lambda a, b: a not in b,
}


def evaluate(tree: list, answers: dict[str, Any], scales: dict[str, dict] | None = None) -> Any:
    kind = tree[0]
    if kind == "const":
        return tree[1]
    if kind == "answer":
        return answers.get(tree[1])
    if kind == "scale":
        return (scales or {}).get(tree[1], {}).get(tree[2])
    if kind == "list":
        return [evaluate(t, answers, scales) for t in tree[1:]]
    if kind == "and":
        return all(holds(t, answers, scales) for t in tree[1:])
    if kind == "or":
        return any(holds(t, answers, scales) for t in tree[1:])
    if kind == "not":
        return not holds(tree[1], answers, scales)
    if kind == "cmp":
        left, right = evaluate(tree[2], answers, scales), evaluate(tree[3], answers, scales)
        if left is None or right is None:
            return False
        try:
            return _COMPARE[tree[1]](left, right)
        except TypeError:  # e.g. a number compared with a text: the condition does not hold
            return False
    raise ValueError(f"unknown condition node {kind!r}")


def holds(tree: list | None, answers: dict[str, Any], scales: dict[str, dict] | None = None) -> bool:
    """True when there is no condition, or the condition is met."""
    if tree is None:
        return True
    value = evaluate(tree, answers, scales)
    return bool(value) and value is not None
