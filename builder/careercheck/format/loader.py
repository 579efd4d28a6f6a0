"""Load check definitions from ``checks/``: parse, validate, apply the rules.

Every problem in every file is collected before anything fails, and each is
reported with its file, line and column, and how to fix it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from careercheck.format.model import Check
from careercheck.problems import Problem, ProblemsFound
from careercheck.format.rules import check_rules
from careercheck.format.validation import validated
from careercheck.format.yaml_positions import position, read_yaml

CHECK_SUFFIXES = (".yml", ".yaml")


def find_check_files(folder: Path) -> list[Path]:
    """Every YAML file below ``folder`` (.yml or .yaml in any letter case): none is skipped silently.

    Whatever has such a name but cannot be read (a broken link, a folder called x.yml) is
    listed too, so that loading it reports why; a folder that cannot be listed is a problem.
    """
    def unlisted(error: OSError) -> NoReturn:
        raise ProblemsFound([Problem(Path(error.filename), 1, 1, f"cannot read the folder ({error.strerror}); correct the path, or make the folder readable")])

    found: list[Path] = []
    for root, folders, files in os.walk(folder, onerror=unlisted):
        found += [Path(root, name) for name in folders + files if Path(name).suffix.lower() in CHECK_SUFFIXES]
    return sorted(found)


@dataclass
class Loaded:
    checks: list[Check]
    warnings: list[Problem] = field(default_factory=list)


def load_checks(folder: Path, *, strict: bool = False) -> Loaded:
    """Load all checks below ``folder``, or raise ProblemsFound with every problem.

    Warnings (missing translations) are returned; under ``strict`` they are errors.
    """
    return load_check_files(find_check_files(folder), strict=strict)


def load_check_files(paths: Iterable[Path], *, strict: bool = False) -> Loaded:
    """Load the checks in ``paths`` (ids unique across them), as ``load_checks`` does."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    checks: dict[str, tuple[Path, Check]] = {}
    for path in paths:
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
    check = validated(Check, path, tree)
    findings = [
        Problem(path, *position(tree, f.loc, key=f.at_key), f.message, warning=f.warning) for f in check_rules(check)
    ]
    errors = [p for p in findings if not p.warning]
    if errors:
        raise ProblemsFound(errors)
    return tree, check, findings
