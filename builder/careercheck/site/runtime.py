"""The browser runtime: self-hosted Pyodide, its standard library trimmed (stdlib.py), plus the engine as a wheel.

The Pyodide files are checked against pyodide-manifest.json (their sha256 in the
npm package that package-lock.json locks) as they are copied: ``npm ci`` checks the
tarball once, but node_modules can change after it. The engine is packaged as a
pure ``py3-none-any`` wheel with flit-core and registered, with its sha256, in a
Pyodide lock file trimmed to what the site loads, using the pyodide-lock API (what
``pyodide lockfile add-wheels`` runs).

segno, the QR code maker of share and coach links, is wrapped the same way: its
installed files (from requirements.lock, hash-checked by pip) are checked once more
against the hashes in their own RECORD, then packed with their licence into a pure
wheel. So the site ships exactly the locked segno, without a download at build time.
"""

from __future__ import annotations

import base64
import csv
import functools
import hashlib
import importlib.metadata
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import careercheck_engine
from flit_core.wheel import make_wheel_in
from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

from careercheck.site.stdlib import CannotCompile, trim_stdlib

# The files of the npm package `pyodide` that a browser needs; the rest
# (types, source maps, the REPL pages, the CommonJS build) is left out.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
DIGEST_LENGTH = 12  # hex digits of the runtime folder's name
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


# segno's licence is BSD-3-Clause (its LICENSE file, shipped in the wheel's dist-info).
SEGNO_PYPROJECT = """\
[project]
name = "segno"
version = "{version}"
description = "QR Code and Micro QR Code generator (segno, wrapped for Pyodide by careercheck)"
license = "BSD-3-Clause"
requires-python = ">=3.5"
"""


class RuntimeUnusable(Exception):
    """The Pyodide files are missing (``npm ci`` not run) or not those of the published package."""


@dataclass(frozen=True)
class Runtime:
    folder: Path  # holds every file below, ready to publish under one URL

    @property
    def files(self) -> list[Path]:
        return sorted(self.folder.iterdir())

    @functools.cached_property
    def digest(self) -> str:
        """The name of the runtime's folder on the site: it changes whenever any of its files does, so
        browsers can keep the files (10 MB, 4 MB on the wire) for a year and never ask again."""
        content = hashlib.sha256()
        for path in self.files:
            content.update(f"{path.name}\0{hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
        return content.hexdigest()[:DIGEST_LENGTH]


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
    try:
        trim_stdlib(out)
    except CannotCompile as failed:
        raise RuntimeUnusable(str(failed)) from None
    wheels = [build_engine_wheel(out), build_segno_wheel(out)]
    full = PyodideLockSpec.from_json(out / PYODIDE_LOCK)
    # The engine and segno are pure Python without dependencies, so none of Pyodide's packages are needed.
    trimmed = PyodideLockSpec(info=full.info, packages={})
    add_wheels_to_spec(trimmed, wheels, base_path=out).to_json(out / PYODIDE_LOCK)
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


def build_segno_wheel(out: Path) -> Path:
    """Wrap the installed segno package, checked against its RECORD, and its licence into a wheel in ``out``."""
    try:
        installed = importlib.metadata.distribution("segno")
    except importlib.metadata.PackageNotFoundError:
        raise RuntimeUnusable("segno is not installed; install the locked dependencies: make setup") from None
    package = [f for f in installed.files or [] if f.parts[0] == "segno" and f.suffix != ".pyc"]
    licence = [f for f in installed.files or [] if f.name == "LICENSE"]
    if not package or len(licence) != 1:
        raise RuntimeUnusable(f"segno {installed.version} lacks its package files or its LICENSE; reinstall it: make setup")
    hashes = _record_hashes(installed)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for file in [*package, *licence]:
            data = Path(file.locate()).read_bytes()
            expected = hashes.get(file.as_posix())
            found = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            if found != expected:
                raise RuntimeUnusable(
                    f"{file.locate()} is not the file segno {installed.version} installed (its RECORD says "
                    f"{expected}, found {found}); reinstall it: make setup"
                )
            target = project / (file.name if file in licence else file.as_posix())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            shutil.copystat(file.locate(), target)  # the same times give the same wheel
        (project / "pyproject.toml").write_text(SEGNO_PYPROJECT.format(version=installed.version))
        info = make_wheel_in(project / "pyproject.toml", out)
    return Path(info.file)


def _record_hashes(installed: importlib.metadata.Distribution) -> dict[str, str]:
    """path -> "sha256=..." as the wheel's RECORD lists them (pip checked the wheel against requirements.lock)."""
    record = installed.read_text("RECORD") or ""
    return {row[0]: row[1] for row in csv.reader(record.splitlines()) if len(row) >= 2 and row[1]}
