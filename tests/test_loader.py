"""Check files: every problem reported as file:line:column: what; how to fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from careercheck import ProblemsFound, load_checks

VALID = """\
id: mini
languages: [nl]
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
sections:
  - id: deel
    title: Deel
    questions:
      - {type: likert, name: q1, scale: s, label: Vraag een.}
      - {type: likert, name: q2, scale: s, label: Vraag twee., reverse: true}
"""
Q1 = "      - {type: likert, name: q1, scale: s, label: Vraag een.}"


def with_question(line: str) -> str:
    """VALID with one more question, on line 26."""
    return VALID + line + "\n"


def problems(tmp_path: Path, text: str, name: str = "check.yml") -> list[str]:
    (tmp_path / name).write_text(text)
    with pytest.raises(ProblemsFound) as found:
        load_checks(tmp_path)
    return [str(p).removeprefix(f"{tmp_path}/") for p in found.value.problems]


def test_valid_check_loads(tmp_path: Path) -> None:
    (tmp_path / "check.yml").write_text(VALID)
    [check] = load_checks(tmp_path).checks
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
        "check.yml:24:63: unknown key 'revers'; remove it or correct the spelling "
        "(allowed here: type, name, label, hint, image, relevant, part, scale, weight, reverse, likert)"
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
        "check.yml:24:30: 'Vraag 1' is not a valid id; use lower-case letters, digits and '_', starting with a letter"
    ]


def test_question_on_an_unknown_scale(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("name: q1, scale: s", "name: q1, scale: t")) == [
        "check.yml:24:41: question 'q1' names scale 't', which is not defined; use one of: s, or add it under 'scales:'"
    ]


def test_scale_without_questions(tmp_path: Path) -> None:
    text = VALID.replace("sections:\n", "  - id: leeg\n    name: Leeg\n    bands: [{id: a, from: 1, to: 3, label: A, text: A.}]\nsections:\n")
    assert problems(tmp_path, text) == [
        "check.yml:20:9: scale 'leeg' has no questions; add questions with 'scale: leeg' or remove the scale"
    ]


def test_duplicate_question_name(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("name: q2", "name: q1")) == [
        "check.yml:25:30: question name 'q1' is used twice; give each question its own name"
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
        "check.yml:19:33: the highest band of scale 's' ends at 2.5; end it at 3 (the highest possible score)"
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


def test_file_that_is_not_utf8_names_the_first_bad_byte(tmp_path: Path) -> None:
    (tmp_path / "check.yml").write_bytes(VALID.replace("Mini", "M\xefni").encode("latin-1"))
    with pytest.raises(ProblemsFound) as found:
        load_checks(tmp_path)
    [problem] = found.value.problems
    assert (problem.line, problem.column) == (3, 9)
    assert problem.message.endswith("save it as UTF-8")


def test_same_check_id_in_two_files(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(VALID)
    assert problems(tmp_path, VALID, name="b.yaml") == [
        f"b.yaml:1:5: check id 'mini' is also used by {tmp_path}/a.yml; give each check its own id"
    ]


def test_every_yaml_file_below_checks_is_read(tmp_path: Path) -> None:
    (tmp_path / "sector").mkdir()
    (tmp_path / "a.yml").write_text(VALID)
    (tmp_path / "sector" / "b.yaml").write_text(VALID.replace("id: mini", "id: mini_b"))
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
    assert f"{tmp_path}/check.yml:24:41: question 'q1' names scale 't'" in run.stderr
    assert "Traceback" not in run.stderr


def test_reverse_key_on_a_question_that_is_not_likert(tmp_path: Path) -> None:
    text = with_question("      - {type: yes_no, name: q3, reverse: true, label: Klopt het?}")
    assert problems(tmp_path, text) == [
        "check.yml:26:34: 'reverse' is not used by a yes_no question; remove it (used here: scale, weight)"
    ]


def test_a_key_the_question_type_does_not_use(tmp_path: Path) -> None:
    text = with_question("      - {type: text, name: q3, options: [{value: a, label: A}], label: Schrijf.}")
    assert problems(tmp_path, text) == [
        "check.yml:26:32: 'options' is not used by a text question; remove it (used here: rows)"
    ]


def test_a_question_type_without_keys_of_its_own(tmp_path: Path) -> None:
    text = with_question("      - {type: occupation, name: q3, rows: 2, label: Welk beroep?}")
    assert problems(tmp_path, text) == [
        "check.yml:26:38: 'rows' is not used by an occupation question; remove it (used here: only the keys every question has)"
    ]


QUESTION_TYPES = "likert, single, multiple, ranking, slider, yes_no, text, occupation"


@pytest.mark.parametrize(("line", "expected"), [
    ("{type: schaal, name: q3, label: Hoe?}", f"check.yml:26:16: 'schaal' is not a question type; use one of: {QUESTION_TYPES}"),
    ("{name: q3, label: Hoe?}", f"check.yml:26:9: 'type' is missing; add 'type:' with one of: {QUESTION_TYPES}"),
], ids=["unknown", "missing"])
def test_a_wrong_or_missing_question_type_lists_the_types(tmp_path: Path, line: str, expected: str) -> None:
    assert problems(tmp_path, with_question(f"      - {line}")) == [expected]


def test_a_wrong_value_in_a_question_points_at_it(tmp_path: Path) -> None:
    line = "      - {type: likert, name: q3, scale: s, label: Drie., likert: {points: drie, anchors: [a, b, c]}}"
    assert problems(tmp_path, with_question(line)) == [
        "check.yml:26:75: 'sections[0].questions[2].likert.points': input should be a valid integer, "
        "unable to parse string as an integer; correct the value"
    ]


def test_likert_item_on_no_scale(tmp_path: Path) -> None:
    assert problems(tmp_path, with_question("      - {type: likert, name: q3, label: Los.}")) == [
        "check.yml:26:30: likert question 'q3' is on no scale; add 'scale: ...' (or make it a single-choice question)"
    ]


def test_choice_question_needs_options(tmp_path: Path) -> None:
    assert problems(tmp_path, with_question("      - {type: single, name: q3, label: Kies.}")) == [
        "check.yml:26:9: single question 'q3' needs 'options' with at least two choices"
    ]


def test_multiple_choice_limits_must_fit_the_options(tmp_path: Path) -> None:
    line = "      - {type: multiple, name: q3, max: 3, label: Kies., options: [{value: a, label: A}, {value: b, label: B}]}"
    assert problems(tmp_path, with_question(line)) == [
        "check.yml:26:41: choose between 1 and 2 options: 'min' and 'max' must be whole numbers with 1 <= min <= max <= 2"
    ]


def test_scored_single_choice_needs_a_score_per_option(tmp_path: Path) -> None:
    line = "      - {type: single, name: q3, scale: s, label: Kies., options: [{value: a, label: A, score: 1}, {value: b, label: B}]}"
    assert problems(tmp_path, with_question(line)) == [
        "check.yml:26:41: single-choice question 'q3' is on a scale, so every option needs a 'score'"
    ]


def test_items_on_one_scale_need_the_same_answer_range(tmp_path: Path) -> None:
    line = "      - {type: slider, name: q3, scale: s, min: 0, max: 10, label: Hoeveel?}"
    assert problems(tmp_path, with_question(line)) == [
        "check.yml:15:9: the questions on scale 's' have different answer ranges [(0.0, 10.0), (1, 3)]; "
        "give them the same answer scale"
    ]


def test_condition_on_an_unknown_question(tmp_path: Path) -> None:
    text = VALID.replace(Q1, Q1[:-1] + ", relevant: \"q9 == 'ja'\"}")
    assert problems(tmp_path, text) == [
        "check.yml:24:73: 'q9' in \"q9 == 'ja'\" is not a question; use one of: none yet"
    ]


def test_condition_on_a_later_question(tmp_path: Path) -> None:
    text = VALID.replace(Q1, Q1[:-1] + ", relevant: q2 == 1}")
    assert problems(tmp_path, text) == [
        "check.yml:24:73: 'q2' is asked later; a condition can only use answers given before it"
    ]


def test_condition_cannot_run_code(tmp_path: Path) -> None:
    line = "      - {type: likert, name: q3, scale: s, label: Drie., relevant: \"__import__('os').system('x')\"}"
    assert problems(tmp_path, with_question(line)) == [
        "check.yml:26:68: '__import__('os').system('x')' is not allowed in a condition; use question names, "
        "scale.score/band/t/percentile, numbers, 'texts', [lists], and, or, not, ==, !=, <, <=, >, >=, in"
    ]


def test_condition_syntax_error(tmp_path: Path) -> None:
    text = with_question("      - {type: likert, name: q3, scale: s, label: Drie., relevant: q1 = = 2}")
    assert problems(tmp_path, text) == [
        "check.yml:26:68: cannot read the condition \"q1 = = 2\" (invalid syntax); write it like \"werk == 'ja'\""
    ]


def test_conclusion_on_an_unknown_scale_attribute(tmp_path: Path) -> None:
    text = VALID + "conclusions:\n  - {id: c, when: s.gemiddelde > 2, title: T, text: T.}\n"
    assert problems(tmp_path, text) == [
        "check.yml:27:19: 's.gemiddelde' is unknown; use s.score, s.band, s.t, s.percentile"
    ]


def test_riasec_needs_all_six_types(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID + "riasec: {R: s, I: s}\n") == [
        "check.yml:26:1: riasec needs a scale for each of R, I, A, S, E, C; add A, S, E, C"
    ]


def test_quality_pair_must_be_keyed_in_opposite_directions(tmp_path: Path) -> None:
    text = VALID.replace("label: Vraag twee., reverse: true", "label: Vraag twee.") + "quality: {pairs: [[q1, q2]]}\n"
    assert problems(tmp_path, text) == [
        "check.yml:26:19: quality pair ['q1', 'q2'] must be keyed in opposite directions: mark one of them 'reverse: true'"
    ]


def test_missing_translation_is_a_warning_and_an_error_when_strict(tmp_path: Path) -> None:
    text = VALID.replace("languages: [nl]", "languages: [nl, en]").replace("title: Mini", "title: {nl: Mini, en: Mini}")
    (tmp_path / "check.yml").write_text(text)
    loaded = load_checks(tmp_path)
    assert len(loaded.checks) == 1
    warnings = [str(w).removeprefix(f"{tmp_path}/") for w in loaded.warnings]
    assert "check.yml:4:8: warning: no en text here; add it as 'en: ...'" in warnings  # the intro
    assert not any(w.startswith("check.yml:3:") for w in warnings)  # the title has both
    with pytest.raises(ProblemsFound):
        load_checks(tmp_path, strict=True)


def test_duplicate_scale_ids(tmp_path: Path) -> None:
    text = VALID.replace("sections:\n", "  - {id: s, name: T, bands: [{id: a, from: 1, to: 3, label: A, text: A.}]}\nsections:\n")
    assert problems(tmp_path, text) == ["check.yml:20:10: 's' is used twice in 'scales'; give each one its own id"]


def test_duplicate_option_values(tmp_path: Path) -> None:
    line = "      - {type: single, name: q3, label: Kies., options: [{value: a, label: A}, {value: a, label: B}]}"
    assert problems(tmp_path, with_question(line)) == [
        "check.yml:26:88: option value 'a' is used twice; give each option its own value"
    ]


def test_duplicate_band_ids(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("{id: hoog, from: 2", "{id: laag, from: 2")) == [
        "check.yml:19:14: band id 'laag' is used twice in scale 's'; give each band its own id"
    ]


def test_slider_needs_a_range(tmp_path: Path) -> None:
    assert problems(tmp_path, with_question("      - {type: slider, name: q3, min: 5, max: 5, label: Hoeveel?}")) == [
        "check.yml:26:9: slider 'q3' needs 'min' and 'max', with min below max"
    ]


def test_likert_question_needs_an_answer_scale(tmp_path: Path) -> None:
    text = VALID.replace("likert:\n  points: 3\n  anchors: [Nee, Soms, Ja]\n", "")
    found = problems(tmp_path, text)
    assert "check.yml:21:9: likert question 'q1' has no answer scale; add 'likert:' to the check or to the question" in found


def test_riasec_scale_must_exist(tmp_path: Path) -> None:
    text = VALID + "riasec: {R: s, I: s, A: s, S: s, E: s, C: onbekend}\n"
    assert problems(tmp_path, text) == ["check.yml:26:43: riasec C names scale 'onbekend', which is not defined"]


def test_a_text_that_yaml_reads_as_true_gets_one_clear_message(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("[Nee, Soms, Ja]", "[Nee, Soms, true]")) == [
        "check.yml:13:24: 'likert.anchors[2]' must be a text, or one text per language like {nl: ..., en: ...}; "
        "put a text in quotes when it holds ': ' or ', ' or reads as true, false or a number"
    ]


def test_matching_reads_the_level_from_a_single_question_whose_options_are_levels(tmp_path: Path) -> None:
    diploma = "      - {type: single, name: diploma, label: Diploma?, options: [{value: %s, label: Een}, {value: anders, label: Anders}]}"
    assert problems(tmp_path, with_question(diploma % "mbo2") + "matching: {level: q1}\n") == [
        "check.yml:27:19: matching level must name a single question; 'q1' is not one"
    ]
    assert problems(tmp_path, with_question(diploma % "vmbo") + "matching: {level: diploma}\n") == [
        "check.yml:27:19: matching level names 'diploma', but none of its option values is a level (geen, mbo1, mbo2, mbo3, mbo4, hbo, wo); "
        "give the options those values"
    ]
    (tmp_path / "check.yml").write_text(with_question(diploma % "mbo2") + "matching: {level: diploma}\n")
    assert load_checks(tmp_path).checks[0].matching.level == "diploma"
