"""The part of Pyodide's standard library a site ships: what the engine's work imports, as bytecode.

Pyodide's python_stdlib.zip holds the source of every module (9.6 MB unpacked, 2.5 MB on the
wire), and each visit compiles what it imports. The engine in a browser (Pyodide's start, the
engine, segno for QR codes, and a Python error on its way to the page) imports the files in
pyodide-stdlib.txt: measured by running that work in Pyodide under Node (``make stdlib-list``),
and measured again by a test that fails when the list is out of step. Those files are compiled
(bytecode.py) without docstrings, asserts and line tables: 0.65 MB on the wire instead of 1.3 MB
with them, at the cost of line numbers in a traceback through the standard library.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from careercheck.site.bytecode import CannotCompile, compiled_zip

STDLIB = "python_stdlib.zip"
LIST = Path(__file__).with_name("pyodide-stdlib.txt")


def listed() -> list[str]:
    return [line.strip() for line in LIST.read_text().splitlines() if line.strip() and not line.startswith("#")]


def trim_stdlib(runtime: Path) -> None:
    """Replace ``runtime``'s full python_stdlib.zip with the listed files as bytecode without line numbers."""
    full = runtime / STDLIB
    missing = sorted(set(listed()) - set(zipfile.ZipFile(full).namelist()))
    if missing:
        raise CannotCompile(f"Pyodide's {STDLIB} lacks {', '.join(missing[:3])}, named in {LIST.name}; "
                            "measure the list again for this Pyodide: make stdlib-list")
    full.write_bytes(compiled_zip(runtime, full.read_bytes(), names=listed(), lines=False))
