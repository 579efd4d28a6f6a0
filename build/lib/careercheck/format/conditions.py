"""Conditions as authors write them, e.g. ``werk == 'ja' and energie.score < 2.5``.

Parsed with Python's ``ast`` (never evaluated) into the JSON tree the engine
evaluates (see careercheck_engine.conditions). Only names, numbers, texts,
lists, and/or/not and comparisons are allowed.
"""

from __future__ import annotations

import ast
from collections.abc import Collection

SCALE_ATTRIBUTES = ("score", "band", "t", "percentile")
_OPERATORS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in",
}
ALLOWED = "question names, scale.score/band/t/percentile, numbers, 'texts', [lists], and, or, not, ==, !=, <, <=, >, >=, in"


class ConditionError(ValueError):
    """The message says what is wrong and how to fix it."""


def compile_condition(text: str, answers: Collection[str], scales: Collection[str] = (), later: Collection[str] = ()) -> list:
    """Compile ``text``; ``answers`` may be named, ``later`` are questions asked after this point."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as error:
        raise ConditionError(f"cannot read the condition \"{text}\" ({error.msg}); write it like \"werk == 'ja'\"") from None
    return _Compiler(text, set(answers), set(scales), set(later)).node(tree.body)


class _Compiler:
    def __init__(self, text: str, answers: set[str], scales: set[str], later: set[str]) -> None:
        self.text, self.answers, self.scales, self.later = text, answers, scales, later

    def node(self, node: ast.expr) -> list:
        if isinstance(node, ast.BoolOp):
            return ["and" if isinstance(node.op, ast.And) else "or", *map(self.node, node.values)]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return ["not", self.node(node.operand)]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
            return ["const", -node.operand.value]
        if isinstance(node, ast.Compare):
            if any(type(op) not in _OPERATORS for op in node.ops):  # 'is', 'is not'
                self.refuse(node)
            terms = [node.left, *node.comparators]
            pairs = [["cmp", _OPERATORS[type(op)], self.node(a), self.node(b)] for op, a, b in zip(node.ops, terms, terms[1:])]
            return pairs[0] if len(pairs) == 1 else ["and", *pairs]  # a < b < c: a < b and b < c
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, bool)):
            return ["const", node.value]
        if isinstance(node, (ast.List, ast.Tuple)):
            return ["list", *map(self.node, node.elts)]
        if isinstance(node, ast.Name):
            return self.name(node.id)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return self.scale(node.value.id, node.attr)
        self.refuse(node)

    def name(self, name: str) -> list:
        if name in self.answers:
            return ["answer", name]
        if name in self.later:
            raise ConditionError(f"'{name}' is asked later; a condition can only use answers given before it")
        known = ", ".join(sorted(self.answers)) or "none yet"
        raise ConditionError(f"'{name}' in \"{self.text}\" is not a question; use one of: {known}")

    def scale(self, scale: str, attribute: str) -> list:
        if scale not in self.scales:
            known = ", ".join(sorted(self.scales)) or "none here"
            raise ConditionError(f"'{scale}' in \"{self.text}\" is not a scale; use one of: {known}")
        if attribute not in SCALE_ATTRIBUTES:
            options = ", ".join(f"{scale}.{a}" for a in SCALE_ATTRIBUTES)
            raise ConditionError(f"'{scale}.{attribute}' is unknown; use {options}")
        return ["scale", scale, attribute]

    def refuse(self, node: ast.AST) -> None:
        raise ConditionError(f"'{ast.unparse(node)}' is not allowed in a condition; use {ALLOWED}")
