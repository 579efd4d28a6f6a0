"""The browser runtime: self-hosted Pyodide plus the engine as a wheel.

The engine is packaged as a pure ``py3-none-any`` wheel with flit-core and
registered, with its sha256, in a Pyodide lock file trimmed to what the site
loads, using the pyodide-lock API (what ``pyodide lockfile add-wheels`` runs).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import careercheck_engine
from flit_core.wheel import make_wheel_in
from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

# The npm package `pyodide` this version of careercheck is made and tested with
# (package.json pins the same; `careercheck new` writes it into a new site).
PYODIDE_VERSION = "314.0.7"
# The files of the npm package `pyodide` that a browser needs; the rest
# (types, source maps, the REPL pages, the CommonJS build) is left out.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")

ENGINE_PYPROJECT = """\
[build-system]
requires = ["flit_core>=3.9,<5"]
build-backend = "flit_core.buildapi"

[project]
name = "careercheck_engine"
version = "{version}"
description = "Scoring engine of the career check (runs in CPython and Pyodide)"
requires-python = ">=3.12"
"""


class RuntimeMissing(Exception):
    """The Pyodide files are not installed (``npm ci`` not run)."""


@dataclass(frozen=True)
class Runtime:
    folder: Path  # holds every file below, ready to publish under one URL

    @property
    def files(self) -> list[Path]:
        return sorted(self.folder.iterdir())


def build_runtime(pyodide_dir: Path, out: Path) -> Runtime:
    """Put Pyodide, the engine wheel and a trimmed lock file into ``out``."""
    missing = [name for name in (*PYODIDE_FILES, "pyodide-lock.json") if not (pyodide_dir / name).is_file()]
    if missing:
        raise RuntimeMissing(
            f"{pyodide_dir} lacks {', '.join(missing)}; run 'npm ci' (or 'make setup') to install Pyodide"
        )
    out.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(pyodide_dir / name, out / name)
    wheel = build_engine_wheel(out)
    full = PyodideLockSpec.from_json(pyodide_dir / "pyodide-lock.json")
    # The engine is standard library only, so none of Pyodide's packages are needed.
    trimmed = PyodideLockSpec(info=full.info, packages={})
    add_wheels_to_spec(trimmed, [wheel], base_path=out).to_json(out / "pyodide-lock.json")
    return Runtime(out)


def build_engine_wheel(out: Path) -> Path:
    """Build the engine package into a wheel in ``out`` and return its path."""
    source = Path(careercheck_engine.__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(source, project / source.name, ignore=shutil.ignore_patterns("__pycache__"))
        (project / "pyproject.toml").write_text(ENGINE_PYPROJECT.format(version=careercheck_engine.__version__))
        info = make_wheel_in(project / "pyproject.toml", out)
    return Path(info.file)
