"""The part of Pyodide's standard library a site ships: what the engine's work imports, as bytecode.

Pyodide's python_stdlib.zip holds the source of every module (9.6 MB unpacked, 2.5 MB on the
wire), and each visit compiles what it imports. The engine in a browser (Pyodide's start, its
package loader, the engine, segno for QR codes, and a Python error on its way to the page) imports
the files in pyodide-stdlib.txt: measured by running that work in Pyodide under Node
(``make stdlib-list``), and measured again by a test that fails when the list is out of step.
Those files are compiled inside Pyodide (compile_stdlib.mjs) and stored uncompressed, for brotli
on the wire to do better than the zip's own deflate. Kept by content (cache.py): the same
Pyodide and list give the same zip, made once on a machine.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from careercheck.site.cache import cache_folder, kept

STDLIB = "python_stdlib.zip"
LIST = Path(__file__).with_name("pyodide-stdlib.txt")
COMPILER = Path(__file__).with_name("compile_stdlib.mjs")


class CannotCompile(Exception):
    """Node.js, which runs Pyodide to compile the standard library, is missing or failed."""


def listed() -> list[str]:
    return [line.strip() for line in LIST.read_text().splitlines() if line.strip() and not line.startswith("#")]


def trim_stdlib(runtime: Path) -> None:
    """Replace ``runtime``'s full python_stdlib.zip with the listed files compiled to bytecode."""
    full = runtime / STDLIB
    key = b"\0".join([full.read_bytes(), LIST.read_bytes(), COMPILER.read_bytes()])
    full.write_bytes(kept(cache_folder("stdlib"), key, ".zip", lambda: _compile(runtime)))


def _compile(runtime: Path) -> bytes:
    node = shutil.which("node")
    if not node:
        raise CannotCompile("node is not installed; the build compiles Pyodide's standard library with it: install Node.js 20 or later")
    out = runtime / f"{STDLIB}.compiled"
    try:
        run = subprocess.run([node, str(COMPILER), str(runtime), str(LIST), str(out)], capture_output=True, text=True, timeout=300)
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            raise CannotCompile(f"compiling Pyodide's standard library failed ({last}); if {LIST.name} names a file "
                                f"Pyodide {STDLIB} lacks, measure the list again: make stdlib-list")
        return out.read_bytes()
    finally:
        out.unlink(missing_ok=True)
