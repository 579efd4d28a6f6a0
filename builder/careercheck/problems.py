"""Problems found in input files, reported as ``file:line:column: what; how to fix``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int  # 1-based
    column: int  # 1-based
    message: str  # what is wrong; how to fix it
    warning: bool = False  # an error only under --strict

    def shifted(self, lines: int) -> Problem:
        """The same problem, ``lines`` further down (for YAML inside another file)."""
        return Problem(self.path, self.line + lines, self.column, self.message, self.warning)

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}:{self.column}: {kind}{self.message}"


SHOWN = 50  # more are rarely read; a generated or mangled file can hold thousands


class ProblemsFound(Exception):
    """Raised with every problem of a run, so an author fixes them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        lines = [str(p) for p in self.problems[:SHOWN]]
        if len(self.problems) > SHOWN:
            lines.append(f"... and {len(self.problems) - SHOWN} more; fix these first")
        super().__init__("\n".join(lines))
