"""Load check definitions from ``checks/``: parse, validate, apply the rules.

Every problem in every file is collected before anything fails, and each is
reported with its file, line and column, and how to fix it.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from careercheck.model import Check
from careercheck.problems import Problem, ProblemsFound
from careercheck.rules import check_rules
from careercheck.yaml_positions import position, read_yaml

CHECK_SUFFIXES = (".yml", ".yaml")


def find_check_files(folder: Path) -> list[Path]:
    """Every YAML file below ``folder``: none is skipped silently."""
    return sorted(p for p in folder.rglob("*") if p.suffix in CHECK_SUFFIXES and p.is_file())


@dataclass
class Loaded:
    checks: list[Check]
    warnings: list[Problem] = field(default_factory=list)


def load_checks(folder: Path, *, strict: bool = False) -> Loaded:
    """Load all checks below ``folder``, or raise ProblemsFound with every problem.

    Warnings (missing translations) are returned; under ``strict`` they are errors.
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    checks: dict[str, tuple[Path, Check]] = {}
    for path in find_check_files(folder):
        try:
            tree, check, found_warnings = _load(path)
        except ProblemsFound as found:
            problems += found.problems
            continue
        warnings += found_warnings
        if check.id in checks:
            other = checks[check.id][0]
            message = f"check id '{check.id}' is also used by {other}; give each check its own id"
            problems.append(Problem(path, *position(tree, ["id"]), message))
        else:
            checks[check.id] = (path, check)
    if strict:
        problems += warnings
    if problems:
        raise ProblemsFound(problems)
    return Loaded([check for _, check in checks.values()], sorted(warnings))


def load_check(path: Path) -> Check:
    """Load one check, or raise ProblemsFound with every error in it."""
    return _load(path)[1]


def _load(path: Path) -> tuple[Any, Check, list[Problem]]:
    tree = read_yaml(path)
    if not isinstance(tree, dict):
        raise ProblemsFound([Problem(path, 1, 1, "a check file must be a mapping of keys (id:, title:, ...); see the format reference")])
    try:
        check = Check.model_validate(tree)
    except ValidationError as error:
        raise ProblemsFound(list(dict.fromkeys(_problem_from(path, tree, detail) for detail in error.errors())))
    findings = [
        Problem(path, *position(tree, f.loc, key=f.at_key), f.message, warning=f.warning) for f in check_rules(check)
    ]
    errors = [p for p in findings if not p.warning]
    if errors:
        raise ProblemsFound(errors)
    return tree, check, findings


# Pydantic names the member of a union that failed ('constrained-str', 'dict[...]'): a text
# (one string, or one per language) then fails once per member. Report it once, plainly.
_UNION_MEMBERS = ("constrained-str", "dict[")


def _problem_from(path: Path, tree: Any, detail: ErrorDetails) -> Problem:
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
        allowed = ", ".join(_allowed_keys(loc[:-1]))
        return Problem(path, *position(tree, loc, key=True), f"unknown key '{name}'; remove it or correct the spelling (allowed here: {allowed})")
    if kind == "string_pattern_mismatch":
        return Problem(path, *position(tree, loc), f"'{detail['input']}' is not a valid id; use lower-case letters, digits, '-' and '_', starting with a letter")
    return Problem(path, *position(tree, loc), f"'{_describe(loc)}': {detail['msg'].lower()}; correct the value")


def _describe(loc: tuple[str | int, ...]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in loc).lstrip(".")


def _allowed_keys(loc: tuple[str | int, ...]) -> list[str]:
    """The keys a mapping at ``loc`` may have, read from the model classes."""
    model: type[BaseModel] = Check
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
