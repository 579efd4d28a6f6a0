"""The standard library the site ships: the files the engine's work imports, measured, as bytecode.

The golden cases, a QR code and a Python error pass with it in Pyodide (test_golden.py runs them
on the site's runtime as shipped); here: that the list is what is imported, and what the zip holds.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from careercheck.site.runtime import ENGINE, SEGNO
from careercheck.site.stdlib import STDLIB, listed
from conftest import runtime_folder
from stdlib_list import FULL_STDLIB, measure


def test_the_list_is_what_the_engines_work_imports(site: Path) -> None:
    # Measured with Pyodide's full standard library: a file missing from the list would be an
    # ImportError in a visitor's browser, a file too many is bytes for nothing.
    assert measure(site) == listed(), "the engine imports other standard-library files now: make stdlib-list"


def test_the_site_ships_the_listed_files_as_bytecode_only(site: Path) -> None:
    with zipfile.ZipFile(runtime_folder(site) / STDLIB) as shipped:
        assert shipped.namelist() == [name.removesuffix(".py") + ".pyc" for name in listed()]


@pytest.mark.parametrize("name", [STDLIB, ENGINE, SEGNO])
def test_the_runtimes_zips_hold_bytecode_for_pyodides_python_stored(site: Path, name: str) -> None:
    with zipfile.ZipFile(runtime_folder(site) / name) as shipped:
        entries = [e for e in shipped.infolist() if ".dist-info/" not in e.filename]
        assert {e.compress_type for e in shipped.infolist()} == {zipfile.ZIP_STORED}  # brotli on the wire does better
        assert entries and all(e.filename.endswith(".pyc") for e in entries)
        headers = {shipped.read(e)[:8] for e in entries}
    # One Python's magic number for all, and flags 0b01: hash-based and not checked against a source,
    # which the zip does not hold (PEP 552).
    assert len(headers) == 1 and int.from_bytes(headers.pop()[4:8], "little") == 0b01


def test_the_standard_library_ships_without_docstrings(site: Path) -> None:
    # Bytecode of Python 3.14 cannot be read here, but a docstring would be there as text.
    with zipfile.ZipFile(runtime_folder(site) / STDLIB) as shipped:
        assert b"JSON (JavaScript Object Notation)" not in shipped.read("json/__init__.pyc")
        assert b"Deserialize ``s``" not in shipped.read("json/__init__.pyc")
        assert b"json" in shipped.read("json/__init__.pyc")


def test_the_shipped_standard_library_is_a_fraction_of_pyodides(site: Path) -> None:
    assert (runtime_folder(site) / STDLIB).stat().st_size < 0.5 * sum(i.file_size for i in zipfile.ZipFile(FULL_STDLIB).infolist())
