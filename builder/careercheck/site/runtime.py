"""The browser runtime: self-hosted Pyodide, its standard library trimmed (stdlib.py), and the engine.

The Pyodide files are checked against pyodide-manifest.json (their sha256 in the
npm package that package-lock.json locks) as they are copied: ``npm ci`` checks the
tarball once, but node_modules can change after it.

The engine and segno, the QR code maker of share and coach links, are pure Python: they ship
as bytecode in zips that the worker puts on ``sys.path``: engine.zip fetched beside the runtime,
segno.zip when a QR code is first asked for (most visitors make none). Measured against wheels
loaded by Pyodide's package loader (its ``packages`` option), that is about 0.4 s less before the
engine is ready on a quarter of one core, and seven files of the standard library fewer (the
loader's tarfile and importlib.metadata).
segno's installed files (from requirements.lock, hash-checked by pip) are checked once more
against the hashes in their own RECORD, and travel with their licence and metadata: the site
ships exactly the locked segno, without a download at build time.
"""

from __future__ import annotations

import base64
import csv
import functools
import hashlib
import importlib.metadata
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import careercheck_engine

from careercheck.site.bytecode import CannotCompile, compiled_zip, source_zip
from careercheck.site.stdlib import trim_stdlib

# The files of the npm package `pyodide` that a browser needs; the rest
# (types, source maps, the REPL pages, the CommonJS build) is left out.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
DIGEST_LENGTH = 12  # hex digits of the runtime folder's name
PYODIDE_LOCK = "pyodide-lock.json"  # read for its info, shipped without packages
ENGINE = "engine.zip"  # the engine, as bytecode
SEGNO = "segno.zip"  # segno, as bytecode, with its licence and metadata
RUNTIME_FILES = (*PYODIDE_FILES, PYODIDE_LOCK)  # what the manifest vouches for
# Written by `make pyodide-manifest` (pyodide_manifest.py):
# {"package", "version", "integrity" (as in package-lock.json), "files": {name: sha256}}.
MANIFEST_PATH = Path(__file__).with_name("pyodide-manifest.json")
MANIFEST = json.loads(MANIFEST_PATH.read_text())
# The npm package `pyodide` this version of careercheck is made and tested with
# (package.json pins the same; `careercheck new` writes it into a new site).
PYODIDE_VERSION = MANIFEST["version"]

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
        # Compiled by this Pyodide while it still has its full standard library.
        (out / ENGINE).write_bytes(compiled_zip(out, source_zip(engine_files())))
        (out / SEGNO).write_bytes(compiled_zip(out, source_zip(segno_files())))
        trim_stdlib(out)
    except CannotCompile as failed:
        raise RuntimeUnusable(str(failed)) from None
    # Pyodide's loader reads its lock file at start; the site loads none of Pyodide's packages.
    lock = json.loads((out / PYODIDE_LOCK).read_text())
    (out / PYODIDE_LOCK).write_text(json.dumps({"info": lock["info"], "packages": {}}, indent=2) + "\n")
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


def engine_files() -> dict[str, bytes]:
    """The engine package's source files, by their path inside the engine zip."""
    source = Path(careercheck_engine.__file__).parent
    return {f"{source.name}/{f.relative_to(source).as_posix()}": f.read_bytes() for f in sorted(source.rglob("*.py"))}


def segno_files() -> dict[str, bytes]:
    """The installed segno package, checked against its RECORD, with its licence and metadata."""
    try:
        installed = importlib.metadata.distribution("segno")
    except importlib.metadata.PackageNotFoundError:
        raise RuntimeUnusable("segno is not installed; install the locked dependencies: make setup") from None
    package = [f for f in installed.files or [] if f.parts[0] == "segno" and f.suffix == ".py"]  # not its type stubs
    about = [f for f in installed.files or [] if f.name in ("LICENSE", "METADATA")]
    if not package or len(about) != 2:
        raise RuntimeUnusable(f"segno {installed.version} lacks its package files, LICENSE or METADATA; reinstall it: make setup")
    hashes = _record_hashes(installed)
    files = {}
    for file in [*package, *about]:
        data = Path(file.locate()).read_bytes()
        expected = hashes.get(file.as_posix())
        found = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        if found != expected:
            raise RuntimeUnusable(
                f"{file.locate()} is not the file segno {installed.version} installed (its RECORD says "
                f"{expected}, found {found}); reinstall it: make setup"
            )
        files[f"segno-{installed.version}.dist-info/{file.name}" if file in about else file.as_posix()] = data
    return files


def _record_hashes(installed: importlib.metadata.Distribution) -> dict[str, str]:
    """path -> "sha256=..." as the wheel's RECORD lists them (pip checked the wheel against requirements.lock)."""
    record = installed.read_text("RECORD") or ""
    return {row[0]: row[1] for row in csv.reader(record.splitlines()) if len(row) >= 2 and row[1]}
