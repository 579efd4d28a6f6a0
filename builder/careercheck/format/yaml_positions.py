"""YAML reading that remembers where every key and item stood in the file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, MaxDepthExceededError
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from careercheck.problems import Problem, ProblemsFound
from careercheck.text_files import read_text

Location = Sequence[str | int]

# Far beyond what a check or a page needs, far below what takes minutes or gigabytes to validate.
MAX_DEPTH = 50  # nesting of lists and mappings; deeper input would exhaust Python's recursion limit
MAX_VALUES = 100_000  # values in a file, each alias (*name) counted as a copy of what it names
_TOO_MANY = f"holds more than {MAX_VALUES:,} values"
MAX_NUMBER_LENGTH = 30  # Python refuses to read whole numbers of more than 4300 digits


def read_yaml(path: Path) -> Any:
    """Parse ``path``; a syntax error or a duplicate key becomes a Problem."""
    return parse_yaml(read_text(path), path)


def parse_yaml(text: str, path: Path, *, first_line: int = 1) -> Any:
    """Parse YAML that starts at ``first_line`` of ``path`` (front matter starts on line 2)."""
    yaml = YAML(typ="rt")
    yaml.max_depth = MAX_DEPTH
    yaml.Composer = _BoundedComposer
    yaml.Constructor = _BoundedConstructor
    try:
        return yaml.load(text)
    except _Refused as error:
        raise ProblemsFound([_problem(path, error, first_line, error.problem)]) from None
    except MaxDepthExceededError as error:
        message = (
            f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; "
            "look for a missing ']' or '}', or an indentation that keeps growing"
        )
        raise ProblemsFound([_problem(path, error, first_line, message)]) from None
    except MarkedYAMLError as error:
        what = error.problem or error.context or "invalid YAML"
        raise ProblemsFound([_problem(path, error, first_line, f"YAML syntax: {what}; check the indentation and quoting here")]) from None


def _problem(path: Path, error: MarkedYAMLError, first_line: int, message: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
    return Problem(path, line, column, message)


class _Refused(MarkedYAMLError):
    """Valid YAML that is not read; ``problem`` is the whole message for the author."""


class _BoundedComposer(Composer):
    """Stops reading at the value past the limit: a file of millions of plain values would
    otherwise take minutes and gigabytes before its size could be counted."""

    def compose_document(self) -> Any:
        self.values = 0
        return super().compose_document()

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:
            raise _Refused(
                problem=f"this file {_TOO_MANY}, far more than any check or page needs; split it, or look for text pasted in by mistake",
                problem_mark=self.parser.peek_event().start_mark,
            )
        return super().compose_node(parent, index)


class _BoundedConstructor(RoundTripConstructor):
    """Refuses, before building anything, a document that its aliases blow up or that
    refers to itself; and turns a value Python cannot make (a 5000-digit number, a
    thirteenth month) into a problem at that value rather than a traceback."""

    def construct_document(self, node: Node) -> Any:
        _expanded_size(node, {}, set())
        return super().construct_document(node)

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if not isinstance(node, ScalarNode):
            return super().construct_object(node, deep)
        if node.tag.endswith((":int", ":float")) and len(node.value) > MAX_NUMBER_LENGTH:
            raise _Refused(
                problem=f"a number of {len(node.value)} characters is longer than any a check needs (at most {MAX_NUMBER_LENGTH}); "
                "correct it, or put it in quotes to make it a text",
                problem_mark=node.start_mark,
            )
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as error:
            raise _Refused(
                problem=f"'{node.value}' cannot be read ({error}); correct it, or put it in quotes to make it a text",
                problem_mark=node.start_mark,
            ) from None


def _expanded_size(node: Node, sizes: dict[int, int], inside: set[int]) -> int:
    """How many values ``node`` holds once each alias is written out in full: counted once per
    distinct node (``sizes``), so a billion laughs is counted in a moment, not built."""
    if id(node) in sizes:
        return sizes[id(node)]
    if id(node) in inside:
        raise _Refused(
            problem="an alias (*name) inside the part it names would repeat that part forever; copy the part instead",
            problem_mark=node.start_mark,
        )
    inside.add(id(node))
    if isinstance(node, MappingNode):
        children = [child for pair in node.value for child in pair]
    else:
        children = node.value if isinstance(node, SequenceNode) else []
    size = 1 + sum(_expanded_size(child, sizes, inside) for child in children)
    inside.remove(id(node))
    if size > MAX_VALUES:
        raise _Refused(
            problem=f"this part {_TOO_MANY} when each alias (*name) counts as a copy; use fewer aliases, or split the file",
            problem_mark=node.start_mark,
        )
    sizes[id(node)] = size
    return size


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
