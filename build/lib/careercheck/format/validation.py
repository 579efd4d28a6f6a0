"""Pydantic's validation errors as problems an author can act on: file, line,
column, what is wrong and how to fix it. Used for checks and for pages."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from careercheck.problems import Problem, ProblemsFound
from careercheck.format.yaml_positions import position

Model = TypeVar("Model", bound=BaseModel)


def validated(model: type[Model], path: Path, tree: Any, *, first_line: int = 1) -> Model:
    """``tree`` as a ``model``, or ProblemsFound; ``first_line`` is where the YAML starts in the file."""
    try:
        return model.model_validate(tree)
    except ValidationError as error:
        problems = dict.fromkeys(_problem_from(model, path, tree, detail) for detail in error.errors())
        raise ProblemsFound([p.shifted(first_line - 1) for p in problems]) from None


# Pydantic names the member of a union that failed ('constrained-str', 'dict[...]'): a text
# (one string, or one per language) then fails once per member. Report it once, plainly.
_UNION_MEMBERS = ("constrained-str", "dict[")


def _problem_from(model: type[BaseModel], path: Path, tree: Any, detail: ErrorDetails) -> Problem:
    loc = detail["loc"]
    kind = detail["type"]
    members = [i for i, step in enumerate(loc) if isinstance(step, str) and step.startswith(_UNION_MEMBERS)]
    if members:
        at = loc[: members[0]]
        return Problem(
            path, *position(tree, at),
            f"'{_describe(at)}' must be a text, or one text per language like {{nl: ..., en: ...}}; "
            "put a text in quotes when it holds ': ' or ', ' or reads as true, false or a number",
        )
    name = loc[-1] if loc else ""
    if kind == "missing":
        where = "the file" if len(loc) == 1 else f"'{_describe(loc[:-1])}'"
        return Problem(path, *position(tree, loc[:-1]), f"'{name}' is missing in {where}; add '{name}:' with a value")
    if kind == "extra_forbidden":
        allowed = ", ".join(_allowed_keys(model, loc[:-1]))
        return Problem(path, *position(tree, loc, key=True), f"unknown key '{name}'; remove it or correct the spelling (allowed here: {allowed})")
    if kind == "string_pattern_mismatch":
        return Problem(path, *position(tree, loc), f"'{detail['input']}' is not a valid id; use lower-case letters, digits and '_', starting with a letter")
    return Problem(path, *position(tree, loc), f"'{_describe(loc)}': {detail['msg'].lower()}; correct the value")


def _describe(loc: tuple[str | int, ...]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in loc).lstrip(".")


def _allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The keys a mapping at ``loc`` may have, read from the model classes."""
    for step in loc:
        if isinstance(step, int):
            continue
        field = next(f for n, f in model.model_fields.items() if (f.alias or n) == step)
        model = _model_in(field.annotation)
    return [field.alias or name for name, field in model.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        try:
            return _model_in(arg)
        except LookupError:
            continue
    raise LookupError(f"no model in {annotation!r}")
