"""The supply chain: every Python file installed is hash-checked, and the Pyodide the site ships is
the one package-lock.json locks, byte for byte, at every build."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import tarfile
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from careercheck.site.pyodide_manifest import NotTheLockedTarball, locked, manifest_from_tarball, npm_integrity
from careercheck.site.runtime import MANIFEST, RUNTIME_FILES
from conftest import ROOT
from test_build import copy_project, make_build

# `name==version`, then its `--hash=sha256:...` lines (pip-compile's format).
LOCKED = re.compile(r"^([\w.-]+)==(\S+)((?: \\\n +--hash=sha256:[0-9a-f]{64})+)", re.MULTILINE)


# --- Python ----------------------------------------------------------------------------------------

def _locked_versions() -> dict[str, str]:
    return {canonicalize_name(name): version for name, version, _ in LOCKED.findall((ROOT / "requirements.lock").read_text())}


def test_requirements_lock_pins_with_hashes_everything_pyproject_asks_for() -> None:
    """Catches a pyproject.toml changed without `make lock` (pip would only say so at install time)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    asked = [*pyproject["build-system"]["requires"], *pyproject["project"]["dependencies"],
             *pyproject["project"]["optional-dependencies"]["test"]]
    pins = _locked_versions()
    for requirement in map(Requirement, asked):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in requirements.lock; run 'make lock'"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside {requirement}; run 'make lock'"
    every_pin = re.findall(r"^[\w.-]+==", (ROOT / "requirements.lock").read_text(), re.MULTILINE)
    assert len(every_pin) == len(pins), "every pin needs its hashes"


def test_the_build_backend_is_pinned_exactly() -> None:
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    assert all("==" in r for r in requires), requires


# --- Pyodide ---------------------------------------------------------------------------------------

def test_the_pyodide_manifest_is_made_from_what_package_lock_locks() -> None:
    """Re-locking npm without `make pyodide-manifest` fails here."""
    assert (MANIFEST["version"], MANIFEST["integrity"]) == locked(ROOT / "package-lock.json")
    assert sorted(MANIFEST["files"]) == sorted(RUNTIME_FILES)


def _tarball(folder: Path, files: dict[str, bytes]) -> Path:
    path = folder / "pyodide.tgz"
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            member = tarfile.TarInfo(f"package/{name}")
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    return path


def test_the_manifest_hashes_a_tarball_only_when_it_is_the_locked_one(tmp_path: Path) -> None:
    tarball = _tarball(tmp_path, {name: name.encode() for name in RUNTIME_FILES})
    manifest = manifest_from_tarball(tarball, "1.2.3", npm_integrity(tarball))
    assert manifest["files"] == {name: hashlib.sha256(name.encode()).hexdigest() for name in RUNTIME_FILES}
    with pytest.raises(NotTheLockedTarball, match="package-lock.json locks sha512-other"):
        manifest_from_tarball(tarball, "1.2.3", "sha512-other")


def _pyodide_copy(folder: Path) -> Path:
    """The installed Pyodide files the build reads, in a folder of their own."""
    folder.mkdir()
    for name in (*RUNTIME_FILES, "package.json"):
        shutil.copy(ROOT / "node_modules/pyodide" / name, folder / name)
    return folder


def _build_with(project: Path, pyodide: Path) -> str:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("    languages: [nl, en]\n", f"    languages: [nl, en]\n    pyodide_dir: {pyodide}\n"))
    built = make_build(project)
    assert built.returncode != 0
    output = built.stdout + built.stderr
    assert "Traceback" not in output
    return output


def test_a_pyodide_file_changed_after_install_stops_the_build_and_says_how_to_reinstall(tmp_path: Path) -> None:
    pyodide = _pyodide_copy(tmp_path / "pyodide")
    changed = pyodide / "pyodide.asm.mjs"
    changed.write_bytes(changed.read_bytes() + b"\n// injected\n")

    output = _build_with(copy_project(tmp_path), pyodide)

    expected, found = MANIFEST["files"]["pyodide.asm.mjs"], hashlib.sha256(changed.read_bytes()).hexdigest()
    assert f"{changed} differs from pyodide {MANIFEST['version']} as published on npm" in output
    assert f"(sha256 expected {expected}, found {found})" in output
    assert "rm -rf node_modules && npm ci" in output


def test_another_pyodide_version_stops_the_build_and_names_both(tmp_path: Path) -> None:
    pyodide = _pyodide_copy(tmp_path / "pyodide")
    package = json.loads((pyodide / "package.json").read_text())
    (pyodide / "package.json").write_text(json.dumps(package | {"version": "314.0.6"}))

    output = _build_with(copy_project(tmp_path), pyodide)

    assert f"holds pyodide 314.0.6, but this careercheck is made for pyodide {MANIFEST['version']}" in output
    assert f'pin "pyodide": "{MANIFEST["version"]}" in package.json' in output
