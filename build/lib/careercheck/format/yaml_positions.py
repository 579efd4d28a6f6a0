"""YAML reading that remembers where every key and item stood in the file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from careercheck.problems import Problem, ProblemsFound

Location = Sequence[str | int]


def read_yaml(path: Path) -> Any:
    """Parse ``path``; a syntax error or a duplicate key becomes a Problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProblemsFound([Problem(path, 1, 1, f"cannot read the file ({error}); save it as UTF-8 text")])
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path, *, first_line: int = 1) -> Any:
    """Parse YAML that starts at ``first_line`` of ``path`` (front matter starts on line 2)."""
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
        what = error.problem or error.context or "invalid YAML"
        raise ProblemsFound(
            [Problem(path, line, column, f"YAML syntax: {what}; check the indentation and quoting here")]
        ) from None


def position(tree: Any, location: Location, *, key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the deepest node along ``location`` that exists.

    With ``key=True`` the last step points at a mapping key rather than its value,
    which is where an unknown or duplicate key should be reported.
    """
    line, column = 0, 0
    node = tree
    for depth, step in enumerate(location):
        last = depth == len(location) - 1
        if isinstance(node, CommentedMap) and step in node:
            child = node[step]
            # A collection is best pointed at by its key: that is the line an author looks for.
            at_key = (key and last) or isinstance(child, (CommentedMap, CommentedSeq))
            line, column = node.lc.key(step) if at_key else node.lc.value(step)
            node = child
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line, column = node.lc.item(step)
            node = node[step]
        else:
            break
    return line + 1, column + 1
