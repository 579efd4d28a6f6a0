"""Python files compiled to bytecode for Pyodide's own Python, in a zip a browser imports from.

Bytecode belongs to one Python version and Pyodide's (3.14) is not the builder's, so the files are
compiled inside Pyodide under Node (compile_zip.mjs): unchecked hash-based .pyc (PEP 552), which
zipimport loads without a source. The zip is stored uncompressed, for brotli on the wire to do
better than the zip's own deflate. Kept by content (cache.py): the same Pyodide, files and options
give the same zip, made once on a machine.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from careercheck.site.cache import cache_folder, kept

COMPILER = Path(__file__).with_name("compile_zip.mjs")


class CannotCompile(Exception):
    """Node.js, which runs Pyodide to compile, is missing or failed."""


def source_zip(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` (path inside the zip -> content) with fixed times: the same files, the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for name, data in sorted(files.items()):
            target.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def compiled_zip(pyodide: Path, source: bytes, *, names: list[str] | None = None, lines: bool = True) -> bytes:
    """``source`` (a zip) with its .py files, or only ``names``, compiled by the Pyodide in folder ``pyodide``,
    without docstrings and asserts, and without the tables of line numbers unless ``lines`` (a traceback then says line -1)."""
    options = json.dumps({"names": names, "lines": lines}).encode()
    key = b"\0".join([(pyodide / "pyodide.asm.wasm").read_bytes(), source, options, COMPILER.read_bytes()])
    return kept(cache_folder("bytecode"), key, ".zip", lambda: _compile(pyodide, source, options))


def _compile(pyodide: Path, source: bytes, options: bytes) -> bytes:
    node = shutil.which("node")
    if not node:
        raise CannotCompile("node is not installed; the build compiles Python for Pyodide with it: install Node.js 20 or later")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "source.zip").write_bytes(source)
        (work / "options.json").write_bytes(options)
        run = subprocess.run([node, str(COMPILER), str(pyodide), str(work / "source.zip"), str(work / "out.zip"), str(work / "options.json")],
                             capture_output=True, text=True, timeout=300)
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            raise CannotCompile(f"compiling Python for Pyodide failed ({last})")
        return (work / "out.zip").read_bytes()
