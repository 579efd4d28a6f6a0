"""careercheck score and careercheck analyse: the authors' tools."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from careercheck import load_check
from careercheck.format.analysis import analyse, analyse_scale, cronbach_alpha, read_responses
from conftest import ROOT

THREE_ITEMS = """\
id: drie
languages: [nl]
title: Drie
intro: Drie vragen.
about: {audience: Test., duration: 1 minuut., purpose: Test., sources: Test., licence: CC BY 4.0}
likert: {points: 5, anchors: [a, b, c, d, e]}
sections:
  - id: deel
    title: Deel
    questions:
      - {type: likert, name: a, scale: s, label: A.}
      - {type: likert, name: b, scale: s, label: B.}
      - {type: likert, name: c, scale: s, label: C., reverse: true}
scales:
  - {id: s, name: S, bands: [{id: x, from: 1, to: 5, label: X, text: X.}]}
"""
# Worked by hand: a = 1 2 3 4 5 (variance 2.5), b = 2 2 3 4 4 (1.0), c = 1 3 3 3 5 (2.0);
# totals 4 7 9 11 14 (variance 14.5). alpha = 3/2 * (1 - 5.5/14.5) = 0.931.
# a against b + c = 3 5 6 7 9: r = 14 / sqrt(10 * 20) = 0.990. Without a: alpha = 2 * (1 - 3/5) = 0.8.
A, B, C = [1, 2, 3, 4, 5], [2, 2, 3, 4, 4], [1, 3, 3, 3, 5]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careercheck.cli", *args], capture_output=True, text=True, cwd=ROOT)


def test_alpha_and_item_statistics_match_a_hand_computed_example() -> None:
    alpha, items = analyse_scale({"a": A, "b": B, "c": C})
    assert alpha == 0.931
    assert (items[0].item, items[0].corrected_item_total, items[0].alpha_if_deleted) == ("a", 0.99, 0.8)


def test_alpha_of_identical_items_is_one_and_of_uncorrelated_items_zero() -> None:
    assert cronbach_alpha([A, A, A]) == pytest.approx(1.0)
    assert cronbach_alpha([[1, 2, 1, 2], [1, 1, 2, 2]]) == pytest.approx(0.0)
    assert cronbach_alpha([A]) is None  # one item: alpha is undefined


def test_analysis_reverse_keys_items_and_drops_incomplete_respondents(tmp_path: Path) -> None:
    (tmp_path / "drie.yml").write_text(THREE_ITEMS)
    rows = ["a,b,c"] + [f"{a},{b},{6 - c}" for a, b, c in zip(A, B, C)] + ["5,,1", "3,x,3"]
    (tmp_path / "pilot.csv").write_text("\n".join(rows) + "\n")
    check = load_check(tmp_path / "drie.yml")
    responses, problems = read_responses(check, tmp_path / "pilot.csv")
    [scale] = analyse(check, responses)
    assert (scale.alpha, scale.respondents) == (0.931, 5)
    assert [str(p).removeprefix(f"{tmp_path}/") for p in problems] == [
        "pilot.csv:8:1: warning: 'x' in column 'b' is not an answer from 1 to 5; it counts as missing"
    ]


def test_analyse_command_prints_a_table(tmp_path: Path) -> None:
    (tmp_path / "drie.yml").write_text(THREE_ITEMS)
    (tmp_path / "pilot.csv").write_text("a,b,c\n" + "".join(f"{a},{b},{6 - c}\n" for a, b, c in zip(A, B, C)))
    out = run("analyse", str(tmp_path / "drie.yml"), str(tmp_path / "pilot.csv"))
    assert out.returncode == 0
    assert out.stdout.splitlines()[0] == "s: alpha 0.931 (n = 5)"
    assert "  a                      0.990             0.800" in out.stdout


def test_score_command_gives_the_engines_result(tmp_path: Path) -> None:
    answers = json.loads((ROOT / "tests/golden/werkenergie-energetic.json").read_text())["answers"]
    (tmp_path / "answers.json").write_text(json.dumps(answers))
    out = run("score", "checks/werkenergie.yml", str(tmp_path / "answers.json"))
    assert out.returncode == 0
    result = json.loads(out.stdout)
    assert {s["id"]: s["band"]["id"] for s in result["scales"]} == {"energie": "hoog", "werkdruk": "laag", "groei": "hoog", "vertrouwen": "hoog"}


def test_score_command_in_another_language(tmp_path: Path) -> None:
    (tmp_path / "answers.json").write_text('{"werk": "yes", "vraag": "kiezen"}')
    out = run("score", "tests/fixtures/vraagtypen.yml", str(tmp_path / "answers.json"), "--language", "en")
    assert [c["title"] for c in json.loads(out.stdout)["conclusions"]] == ["Choice guidance"]


def test_score_command_explains_a_broken_answers_file(tmp_path: Path) -> None:
    (tmp_path / "answers.json").write_text('{"en1": 4,\n "en2": }')
    out = run("score", "checks/werkenergie.yml", str(tmp_path / "answers.json"))
    assert out.returncode == 1
    assert out.stderr.strip() == f"{tmp_path}/answers.json:2:9: not valid JSON (Expecting value); save the answers as a JSON object"
    missing = run("score", "checks/werkenergie.yml", str(tmp_path / "nergens.json"))
    assert missing.stderr.strip() == f"{tmp_path}/nergens.json:1:1: no such file; check the path"
    assert "Traceback" not in out.stderr + missing.stderr
