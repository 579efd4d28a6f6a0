"""The browser runtime: self-hosted Pyodide plus the engine as a wheel.

The Pyodide files are checked against pyodide-manifest.json (their sha256 in the
npm package that package-lock.json locks) as they are copied: ``npm ci`` checks the
tarball once, but node_modules can change after it. The engine is packaged as a
pure ``py3-none-any`` wheel with flit-core and registered, with its sha256, in a
Pyodide lock file trimmed to what the site loads, using the pyodide-lock API (what
``pyodide lockfile add-wheels`` runs).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import careercheck_engine
from flit_core.wheel import make_wheel_in
from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

# The files of the npm package `pyodide` that a browser needs; the rest
# (types, source maps, the REPL pages, the CommonJS build) is left out.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PYODIDE_LOCK = "pyodide-lock.json"  # read for its info, shipped trimmed
RUNTIME_FILES = (*PYODIDE_FILES, PYODIDE_LOCK)  # what the manifest vouches for
# Written by `make pyodide-manifest` (pyodide_manifest.py):
# {"package", "version", "integrity" (as in package-lock.json), "files": {name: sha256}}.
MANIFEST_PATH = Path(__file__).with_name("pyodide-manifest.json")
MANIFEST = json.loads(MANIFEST_PATH.read_text())
# The npm package `pyodide` this version of careercheck is made and tested with
# (package.json pins the same; `careercheck new` writes it into a new site).
PYODIDE_VERSION = MANIFEST["version"]

# Only [project]: the wheel is built in-process by make_wheel_in, so the flit-core that builds it is the
# one installed from requirements.lock (exact version, hash-checked), not a build-system table.
ENGINE_PYPROJECT = """\
[project]
name = "careercheck_engine"
version = "{version}"
description = "Scoring engine of the career check (runs in CPython and Pyodide)"
requires-python = ">=3.12"
"""


class RuntimeUnusable(Exception):
    """The Pyodide files are missing (``npm ci`` not run) or not those of the published package."""


@dataclass(frozen=True)
class Runtime:
    folder: Path  # holds every file below, ready to publish under one URL

    @property
    def files(self) -> list[Path]:
        return sorted(self.folder.iterdir())


def build_runtime(pyodide_dir: Path, out: Path) -> Runtime:
    """Put Pyodide (checked), the engine wheel and a trimmed lock file into ``out``."""
    missing = [name for name in (*RUNTIME_FILES, "package.json") if not (pyodide_dir / name).is_file()]
    if missing:
        raise RuntimeUnusable(
            f"{pyodide_dir} lacks {', '.join(missing)}; run 'npm ci' (or 'make setup') to install Pyodide"
        )
    check_version(pyodide_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(pyodide_dir / name, out / name)
        check_file(out / name, pyodide_dir / name)  # the copy: what is checked is what ships
    wheel = build_engine_wheel(out)
    full = PyodideLockSpec.from_json(out / PYODIDE_LOCK)
    # The engine is standard library only, so none of Pyodide's packages are needed.
    trimmed = PyodideLockSpec(info=full.info, packages={})
    add_wheels_to_spec(trimmed, [wheel], base_path=out).to_json(out / PYODIDE_LOCK)
    return Runtime(out)


def check_version(pyodide_dir: Path) -> None:
    found = json.loads((pyodide_dir / "package.json").read_text()).get("version")
    if found != PYODIDE_VERSION:
        raise RuntimeUnusable(
            f"{pyodide_dir} holds pyodide {found}, but this careercheck is made for pyodide {PYODIDE_VERSION}; "
            f'pin "pyodide": "{PYODIDE_VERSION}" in package.json, then reinstall: rm -rf node_modules && npm install'
        )


def check_file(copy: Path, source: Path) -> None:
    expected = MANIFEST["files"][copy.name]
    found = hashlib.sha256(copy.read_bytes()).hexdigest()
    if found != expected:
        raise RuntimeUnusable(
            f"{source} differs from pyodide {PYODIDE_VERSION} as published on npm "
            f"(sha256 expected {expected}, found {found}); it changed after it was installed; "
            "reinstall it: rm -rf node_modules && npm ci"
        )


def build_engine_wheel(out: Path) -> Path:
    """Build the engine package into a wheel in ``out`` and return its path."""
    source = Path(careercheck_engine.__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(source, project / source.name, ignore=shutil.ignore_patterns("__pycache__"))
        (project / "pyproject.toml").write_text(ENGINE_PYPROJECT.format(version=careercheck_engine.__version__))
        info = make_wheel_in(project / "pyproject.toml", out)
    return Path(info.file)
