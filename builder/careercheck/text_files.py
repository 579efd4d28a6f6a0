"""Reading the files authors write (checks, pages): UTF-8 text without control characters,
or a Problem that names the line and column of the first thing that is not."""

from __future__ import annotations

import re
from pathlib import Path

from careercheck.problems import Problem, ProblemsFound

# What YAML accepts in a file (YAML 1.2, 5.1): tab, line breaks and printable characters.
# The same holds for Markdown, where anything else is invisible in an editor and breaks pages.
_NOT_TEXT = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Twenty times the longest shipped check; reading a larger file would take a YAML parser minutes.
MAX_BYTES = 1024 * 1024


def read_text(path: Path) -> str:
    """The text of ``path``, with universal newlines and without a byte order mark."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise ProblemsFound([Problem(path, 1, 1, f"cannot read the file ({_reason(path, error)}); make it a readable file, or remove it")]) from None
    if len(data) > MAX_BYTES:
        raise ProblemsFound([Problem(
            path, 1, 1,
            f"the file is larger than {MAX_BYTES // 1024 ** 2} MiB, far more than any check or page needs; split it, or look for something pasted in by mistake",
        )])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(data[: error.start].decode("utf-8"))
        raise ProblemsFound([Problem(
            path, line, column,
            f"byte 0x{data[error.start]:02x} is not UTF-8 (the file was saved as Latin-1 or Windows-1252?); save it as UTF-8",
        )]) from None
    control = _NOT_TEXT.search(text)
    if control:
        raise ProblemsFound([Problem(
            path, *_line_column(text[: control.start()]),
            f"control character U+{ord(control[0]):04X} is not allowed in a text file; remove it (most editors do not show it)",
        )])
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _reason(path: Path, error: OSError) -> str:
    if path.is_symlink() and not path.exists():
        return f"it links to {path.readlink()}, which does not exist"
    return error.strerror or str(error)


def _line_column(before: str) -> tuple[int, int]:
    """1-based line and column of the character that follows the text ``before``."""
    return before.count("\n") + 1, len(before) - before.rfind("\n")
