"""Golden cases, written by hand in tests/golden/: answers -> expected result for
checks, and congruence indices against the literature. The same files pass in
CPython and inside real Pyodide (under Node, from the site's runtime files)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import careercheck_engine
from careercheck import load_check, scoring_spec
from conftest import GOLDEN, ROOT, golden_cases, run_engine, summarise

CASES = golden_cases()
INDICES = json.loads((GOLDEN / "indices/congruence.json").read_text())["cases"]


def _spec(case: dict) -> dict:
    return scoring_spec(load_check(ROOT / case["check"]))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case_in_cpython(case: dict) -> None:
    assert summarise(careercheck_engine.score(_spec(case), case["answers"])) == case["expected"]


@pytest.mark.parametrize("case", INDICES, ids=[c["name"] for c in INDICES])
def test_congruence_index_in_cpython(case: dict) -> None:
    assert getattr(careercheck_engine, case["function"])(*case["args"]) == case["expected"]


@pytest.fixture(scope="module")
def pyodide_run(site: Path) -> dict:
    output = run_engine(site, [{"name": c["name"], "spec": _spec(c), "answers": c["answers"]} for c in CASES] + INDICES)
    return output | {"results": {r["name"]: r["result"] for r in output["results"]}}


def test_engine_runs_on_pyodides_python_314(pyodide_run: dict) -> None:
    assert pyodide_run["python"].startswith("3.14")


def test_the_shipped_standard_library_makes_qr_codes_and_reports_errors(pyodide_run: dict) -> None:
    # The rest of the worker's work, on the trimmed, compiled standard library the site ships.
    assert pyodide_run["qr"] is True and pyodide_run["error"]["type"] == "PythonError"


def test_an_error_in_the_engine_reaches_the_page_with_the_engines_line_numbers(pyodide_run: dict) -> None:
    # The standard library ships without its tables of lines (line -1); the engine keeps its own.
    message = pyodide_run["error"]["message"]
    assert re.search(r'File "careercheck_engine/answers\.py", line [1-9]\d*, in clean', message), message
    assert message.rstrip().endswith("KeyError: 'questions'")
    assert 'File "json/decoder.py", line -1, in raw_decode' in pyodide_run["stdlibError"]["message"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case_in_pyodide(case: dict, pyodide_run: dict) -> None:
    assert summarise(pyodide_run["results"][case["name"]]) == case["expected"]


@pytest.mark.parametrize("case", INDICES, ids=[c["name"] for c in INDICES])
def test_congruence_index_in_pyodide(case: dict, pyodide_run: dict) -> None:
    assert pyodide_run["results"][case["name"]] == case["expected"]
