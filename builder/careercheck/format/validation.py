"""Pydantic's validation errors as problems an author can act on: file, line,
column, what is wrong and how to fix it. Used for checks and for pages."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from careercheck.format.parts import RULE
from careercheck.format.yaml_positions import position
from careercheck.problems import Problem, ProblemsFound

Model = TypeVar("Model", bound=BaseModel)
Location = tuple[str | int, ...]


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
    loc, found, _ = _walk(model, detail["loc"])
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
    if kind == RULE:
        at = detail["ctx"]["at"]
        return Problem(path, *position(tree, (*loc, at) if at else loc), detail["msg"])
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return _tag_problem(path, tree, loc, _tagged(found), detail)
    if kind == "missing":
        where = "the file" if len(loc) == 1 else f"'{_describe(loc[:-1])}'"
        return Problem(path, *position(tree, loc[:-1]), f"'{name}' is missing in {where}; add '{name}:' with a value")
    if kind == "extra_forbidden":
        return Problem(path, *position(tree, loc, key=True), _extra_key(model, detail["loc"]))
    if kind == "finite_number":
        return Problem(path, *position(tree, loc), f"'{_describe(loc)}' is {detail['input']}, not a number to count with; use a finite number such as 3 or 4.5")
    if kind == "literal_error":
        expected = detail["ctx"]["expected"].replace("'", "")
        return Problem(path, *position(tree, loc), f"'{_describe(loc)}' must be one of {expected} (in lower case); correct the value")
    if kind == "string_pattern_mismatch":
        return Problem(path, *position(tree, loc), f"'{detail['input']}' is not a valid id; use lower-case letters, digits and '_', starting with a letter")
    return Problem(path, *position(tree, loc), f"'{_describe(loc)}': {detail['msg'].lower()}; correct the value")


def _describe(loc: Location) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in loc).lstrip(".")


def _extra_key(model: type[BaseModel], loc: Location) -> str:
    """An unknown key; a key of another member of a tagged union is misplaced rather than misspelt."""
    name = loc[-1]
    _, found, chosen_from = _walk(model, loc[:-1])
    if chosen_from and any(name in _keys(m) for m in chosen_from.members.values()):
        tag = next(t for t, m in chosen_from.members.items() if m is found)
        used = ", ".join(chosen_from.own_keys(found)) or f"only the keys every {chosen_from.title} has"
        return f"'{name}' is not used by {_article(tag)} {tag} {chosen_from.title}; remove it (used here: {used})"
    return f"unknown key '{name}'; remove it or correct the spelling (allowed here: {', '.join(_keys(found))})"


def _tag_problem(path: Path, tree: Any, loc: Location, tagged: _Tagged, detail: ErrorDetails) -> Problem:
    """A tag that is missing or names no member: list the ones there are."""
    known = ", ".join(tagged.members)
    if detail["type"] == "union_tag_not_found":
        return Problem(path, *position(tree, loc), f"'{tagged.key}' is missing; add '{tagged.key}:' with one of: {known}")
    return Problem(path, *position(tree, (*loc, tagged.key)), f"'{detail['ctx']['tag']}' is not a {tagged.title} {tagged.key}; use one of: {known}")


def _article(word: str) -> str:
    return "an" if word[:1] in ("a", "e", "i", "o", "u") else "a"


@dataclass(frozen=True)
class _Tagged:
    """A union of models told apart by one key (the tag), like the question types by 'type'."""

    key: str
    title: str  # what a member is called, as in "a likert question"
    members: dict[str, type[BaseModel]]  # tag -> model

    def own_keys(self, member: type[BaseModel]) -> list[str]:
        shared = set.intersection(*(set(_keys(m)) for m in self.members.values()))
        return [key for key in _keys(member) if key not in shared]


def _walk(model: type[BaseModel], loc: Location) -> tuple[Location, Any, _Tagged | None]:
    """``loc`` without the tags pydantic puts in it for a tagged union (they are no keys in
    the file), the type at its end, and the tagged union that type was chosen from, if so."""
    kept: list[str | int] = []
    found: Any = model
    chosen_from = None
    for index, step in enumerate(loc):
        tagged = _tagged(found)
        if tagged:
            found, chosen_from = tagged.members[step], tagged
            continue
        chosen_from = None
        fields = _keys(found) if isinstance(found, type) and issubclass(found, BaseModel) else {}
        if step in fields:
            found = _without_none(fields[step].annotation)
        elif typing.get_origin(found) in (list, tuple, dict):
            found = _without_none(typing.get_args(found)[-1])  # an item, or a mapping's value
        else:  # past the models, e.g. into the members of a text
            return (*kept, *loc[index:]), None, None
        kept.append(step)
    return tuple(kept), found, chosen_from


def _keys(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _without_none(annotation: Any) -> Any:
    """``X`` for an optional ``X | None``."""
    args = typing.get_args(annotation)
    rest = [arg for arg in args if arg is not type(None)]
    return rest[0] if len(rest) == 1 < len(args) else annotation


def _tagged(annotation: Any) -> _Tagged | None:
    if typing.get_origin(annotation) is not Annotated:
        return None
    union, *metadata = typing.get_args(annotation)
    info = next((m for m in metadata if isinstance(m, FieldInfo) and m.discriminator), None)
    if info is None:
        return None
    members = {tag: m for m in typing.get_args(union) for tag in typing.get_args(m.model_fields[info.discriminator].annotation)}
    return _Tagged(info.discriminator, info.title, members)
