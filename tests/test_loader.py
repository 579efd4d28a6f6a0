"""Check files: every problem reported as file:line:column: what; how to fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from careercheck import ProblemsFound, load_checks

VALID = """\
id: mini
language: nl
title: Mini
intro: Intro.
about:
  audience: Iedereen.
  duration: 1 minuut.
  purpose: Nadenken.
  sources: Eigen vragen.
  licence: CC BY 4.0.
likert:
  points: 3
  anchors: [Nee, Soms, Ja]
scales:
  - id: s
    name: S
    bands:
      - {id: laag, from: 1, to: 2, label: Laag, text: Laag.}
      - {id: hoog, from: 2, to: 3, label: Hoog, text: Hoog.}
questions:
  - {type: likert, name: q1, scale: s, label: Vraag een.}
  - {type: likert, name: q2, scale: s, label: Vraag twee., reverse: true}
"""


def problems(tmp_path: Path, text: str, name: str = "check.yml") -> list[str]:
    (tmp_path / name).write_text(text)
    with pytest.raises(ProblemsFound) as found:
        load_checks(tmp_path)
    return [str(p).removeprefix(f"{tmp_path}/") for p in found.value.problems]


def test_valid_check_loads(tmp_path: Path) -> None:
    (tmp_path / "check.yml").write_text(VALID)
    [check] = load_checks(tmp_path)
    assert (check.id, [q.name for q in check.questions], check.questions[1].reverse) == ("mini", ["q1", "q2"], True)


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    text = VALID.replace("title: Mini", "title: [Mini")
    assert problems(tmp_path, text) == [
        "check.yml:4:6: YAML syntax: expected ',' or ']', but got ':'; check the indentation and quoting here"
    ]


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("title: Mini", "title: Mini\ntitle: Maxi")) == [
        'check.yml:4:1: YAML syntax: found duplicate key "title" with value "Maxi" (original value: "Mini"); '
        "check the indentation and quoting here"
    ]


def test_unknown_key_is_named_with_the_allowed_keys(tmp_path: Path) -> None:
    text = VALID.replace("label: Vraag een.}", "label: Vraag een., revers: true}")
    assert problems(tmp_path, text) == [
        "check.yml:21:59: unknown key 'revers'; remove it or correct the spelling "
        "(allowed here: type, name, label, hint, scale, reverse)"
    ]


def test_missing_key_points_at_the_mapping_that_lacks_it(tmp_path: Path) -> None:
    text = VALID.replace("  licence: CC BY 4.0.\n", "")
    assert problems(tmp_path, text) == ["check.yml:5:1: 'licence' is missing in 'about'; add 'licence:' with a value"]


def test_wrong_value_type_says_what_is_expected(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("points: 3", "points: drie")) == [
        "check.yml:12:11: 'likert.points': input should be a valid integer, unable to parse string as an integer; "
        "correct the value"
    ]


def test_invalid_id_explains_the_allowed_characters(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("name: q1", "name: Vraag 1")) == [
        "check.yml:21:26: 'Vraag 1' is not a valid id; use lower-case letters, digits, '-' and '_', starting with a letter"
    ]


def test_question_on_an_unknown_scale(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("name: q1, scale: s", "name: q1, scale: t")) == [
        "check.yml:21:37: question 'q1' names scale 't', which is not defined; use one of: s, or add it under 'scales:'"
    ]


def test_scale_without_questions(tmp_path: Path) -> None:
    text = VALID.replace("questions:\n", "  - id: leeg\n    name: Leeg\n    bands: [{id: a, from: 1, to: 3, label: A, text: A.}]\nquestions:\n")
    assert problems(tmp_path, text) == [
        "check.yml:20:9: scale 'leeg' has no questions; add questions with 'scale: leeg' or remove the scale"
    ]


def test_duplicate_question_name(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("name: q2", "name: q1")) == [
        "check.yml:22:26: 'q1' is used twice in 'questions'; give each one its own name"
    ]


def test_band_gap(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("{id: hoog, from: 2", "{id: hoog, from: 2.5")) == [
        "check.yml:19:26: gap: no band covers scores from 2 to 2.5; start band 'hoog' at 2"
    ]


def test_band_overlap(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("{id: hoog, from: 2", "{id: hoog, from: 1.5")) == [
        "check.yml:19:26: band 'hoog' starts at 1.5, overlapping the band before it; start it at 2"
    ]


def test_bands_must_reach_the_highest_answer(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("from: 2, to: 3", "from: 2, to: 2.5")) == [
        "check.yml:19:33: the highest band of scale 's' ends at 2.5; end it at 3 (the highest answer)"
    ]


def test_anchor_count_must_match_points(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("[Nee, Soms, Ja]", "[Nee, Ja]")) == [
        "check.yml:13:3: 2 anchors for 3 points; give exactly one label per point"
    ]


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = VALID.replace("name: q2", "name: q1").replace("scale: s, label: Vraag een", "scale: x, label: Vraag een")
    assert len(problems(tmp_path, text)) == 2


def test_a_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    assert problems(tmp_path, "- id: mini\n") == [
        "check.yml:1:1: a check file must be a mapping of keys (id:, title:, ...); see the format reference"
    ]


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "check.yml").write_bytes(VALID.replace("Mini", "M\xefni").encode("latin-1"))
    with pytest.raises(ProblemsFound) as found:
        load_checks(tmp_path)
    [problem] = found.value.problems
    assert (problem.line, problem.column) == (1, 1)
    assert "save it as UTF-8 text" in problem.message


def test_same_check_id_in_two_files(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(VALID)
    assert problems(tmp_path, VALID, name="b.yaml") == [
        f"b.yaml:1:5: check id 'mini' is also used by {tmp_path}/a.yml; give each check its own id"
    ]


def test_every_yaml_file_below_checks_is_read(tmp_path: Path) -> None:
    (tmp_path / "sector").mkdir()
    (tmp_path / "a.yml").write_text(VALID)
    (tmp_path / "sector" / "b.yaml").write_text(VALID.replace("id: mini", "id: mini-b"))
    (tmp_path / "sector" / "broken.yml").write_text("id: [")
    with pytest.raises(ProblemsFound) as found:
        load_checks(tmp_path)
    assert [p.path.name for p in found.value.problems] == ["broken.yml"]


def test_validate_command_lists_problems_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "check.yml").write_text(VALID.replace("name: q1, scale: s", "name: q1, scale: t"))
    run = subprocess.run(
        [sys.executable, "-m", "careercheck.cli", "validate", str(tmp_path)], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert f"{tmp_path}/check.yml:21:37: question 'q1' names scale 't'" in run.stderr
    assert "Traceback" not in run.stderr
