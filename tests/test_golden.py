"""Golden cases, written by hand in tests/golden/: answers -> expected result for
checks, and congruence indices against the literature. The same files pass in
CPython and inside real Pyodide (under Node, from the site's runtime files)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import careercheck_engine
from careercheck import load_check, scoring_spec
from conftest import GOLDEN, ROOT, golden_cases, summarise

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
def pyodide_run(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    cases = [{"name": c["name"], "spec": _spec(c), "answers": c["answers"]} for c in CASES] + INDICES
    cases_file = tmp_path_factory.mktemp("pyodide") / "cases.json"
    cases_file.write_text(json.dumps(cases))
    run = subprocess.run(
        ["node", str(ROOT / "tests/pyodide/run_engine.mjs"), str(site / "assets/pyodide"), str(cases_file)],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    output = json.loads(run.stdout)
    return {"python": output["python"], "results": {r["name"]: r["result"] for r in output["results"]}}


def test_engine_runs_on_pyodides_python_314(pyodide_run: dict) -> None:
    assert pyodide_run["python"].startswith("3.14")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case_in_pyodide(case: dict, pyodide_run: dict) -> None:
    assert summarise(pyodide_run["results"][case["name"]]) == case["expected"]


@pytest.mark.parametrize("case", INDICES, ids=[c["name"] for c in INDICES])
def test_congruence_index_in_pyodide(case: dict, pyodide_run: dict) -> None:
    assert pyodide_run["results"][case["name"]] == case["expected"]
