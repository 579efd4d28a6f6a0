"""The answers file's reader (theme/assets/careercheck/answers-file.mjs), run by Node: a file written by
the page reads back the same; a file from another version of the check keeps what still fits and names
what does not; a bad, foreign or tampered file is refused whole, with the message that says why."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from test_restore import ANY, ESCO_ID, SCHEMA

READER = ROOT / "builder/careercheck/site/theme/assets/careercheck/answers-file.mjs"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node")

CHECK = {"check": "proef", "version": 3, "questions": SCHEMA}
KEYS = {"file_too_big", "file_foreign", "file_damaged", "file_newer", "file_other_check", "file_nothing_fits"}
ANSWERS = {"werk": "yes", "uren": "12", "vraag": "verder", "r1": "4", "waarden": ["geld", "vrijheid"],
           "energie": ["rust"], "constructor": "Mijn eigen woorden", "beroep": ESCO_ID, "beroep:label": "kok"}

# Every case in one Node process: a written file read back, then each text read for the check.
HARNESS = """
import { readFileSync } from "node:fs";
import { AnswersFileError, MAX_CHARS, readAnswersFile, writeAnswersFile } from %s;
const { check, written, texts } = JSON.parse(readFileSync(0, "utf8"));
const read = (text) => {
  try {
    const found = readAnswersFile(text, check);
    return { ...found, answers: Object.fromEntries(found.answers) };
  } catch (error) {
    return error instanceof AnswersFileError ? { error: error.key } : { thrown: String(error) };
  }
};
const all = [writeAnswersFile(written), ...texts, "x".repeat(MAX_CHARS + 1)];
process.stdout.write(JSON.stringify({ first: JSON.parse(all[0]), read: all.map(read) }));
"""


def run_reader(texts: list[Any], written: dict | None = None) -> tuple[dict, list[dict]]:
    """The file the page writes for `written`, and what the reader makes of it, of each text and of a
    text one character over the limit."""
    written = written or {"check": "proef", "version": 3, "lang": "nl", "date": "2025-03-01", "answers": ANSWERS}
    script = HARNESS % json.dumps(READER.as_uri())
    found = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, check=True, timeout=60,
                           input=json.dumps({"check": CHECK, "written": written, "texts": texts}))
    out = json.loads(found.stdout)
    return out["first"], out["read"]


def answers_file(**fields: Any) -> str:
    return json.dumps({"format": "careercheck-answers", "formatVersion": 1, "check": "proef", "checkVersion": 3,
                       "lang": "nl", "date": "2025-03-01", "answers": {"werk": "yes", "r1": "4"}} | fields)


def test_a_written_file_carries_its_format_check_version_language_and_date_and_reads_back_the_same() -> None:
    first, [back, too_big] = run_reader([])
    assert first == {"format": "careercheck-answers", "formatVersion": 1, "check": "proef", "checkVersion": 3,
                     "lang": "nl", "date": "2025-03-01", "answers": ANSWERS}
    expected = {k: v for k, v in ANSWERS.items() if not k.startswith("beroep")} | {"beroep": {"uuid": ESCO_ID, "label": "kok"}}
    assert back == {"check": "proef", "version": 3, "lang": "nl", "date": "2025-03-01", "answers": expected, "dropped": []}
    assert too_big == {"error": "file_too_big"}


def test_a_file_from_another_version_keeps_what_fits_and_names_what_was_dropped() -> None:
    older = {"werk": "yes", "r1": "7", "waarden": ["geld", "reizen"], "weg": "x", "vraag": "kiezen", "beroep:label": "kok"}
    _, [_, *read, _] = run_reader([answers_file(checkVersion=1, answers=older), answers_file(checkVersion=9, answers=older)])
    for found in read:
        assert found["answers"] == {"werk": "yes", "vraag": "kiezen"}
        assert sorted(found["dropped"]) == ["r1", "waarden", "weg"]  # a job's name without its job is no answer: not counted
    assert [found["version"] for found in read] == [1, 9]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('{"format": "careercheck-answers", "formatVersion": 1, "check": "pro', "file_damaged"),  # cut off
        ("%PDF-1.7 binary", "file_foreign"),
        ("", "file_foreign"),
        ('{"werk": "yes"}', "file_foreign"),  # answers without the envelope
        ("[1, 2]", "file_foreign"),
        ("null", "file_foreign"),
        ('{"format": "other"}', "file_foreign"),
        ('{"__proto__": {"format": "careercheck-answers"}}', "file_foreign"),
        (answers_file(check="kortecheck"), "file_other_check"),
        (answers_file(formatVersion=2), "file_newer"),
        (answers_file(formatVersion="1"), "file_damaged"),
        (answers_file(check=None), "file_damaged"),
        (answers_file(checkVersion="3"), "file_damaged"),
        (answers_file(checkVersion=0), "file_damaged"),
        (answers_file(lang="<b>nl</b>"), "file_damaged"),
        (answers_file(date="2025-02-30"), "file_damaged"),
        (answers_file(answers=[["werk", "yes"]]), "file_damaged"),
        (answers_file(answers={"werk": "yes", "__proto__": {"r1": "4"}}), "file_damaged"),
        (answers_file(checkVersion=1, answers={"werk": "yes", "__proto__": "x"}), "file_damaged"),  # in any version
        (answers_file(answers={"werk": "yes", "toString": "x"}), "file_damaged"),
        (answers_file(answers={"werk": "maybe"}), "file_damaged"),  # an unknown option in this very version
        (answers_file(answers={"werk": "yes", "r1": 4.5}), "file_damaged"),
        (answers_file(answers={"constructor": "x" * 41}), "file_damaged"),  # longer than the question allows
        (answers_file(answers={"werk": "yes", "weg": "x"}), "file_damaged"),  # no such question in this version
        (answers_file(answers={"w" * 70: "x"}), "file_damaged"),
        (answers_file(answers={}), "file_nothing_fits"),
        (answers_file(checkVersion=1, answers={"weg": "x", "r1": "9"}), "file_nothing_fits"),
    ],
)
def test_a_bad_foreign_or_tampered_file_is_refused_whole_with_its_reason(text: str, key: str) -> None:
    _, [_, found, _] = run_reader([text])
    assert found == {"error": key}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(ANY.map(json.dumps), st.builds(lambda a: answers_file(checkVersion=1, answers=a), ANY),
                          st.builds(lambda a: answers_file(answers=a), ANY), st.text(max_size=30)), max_size=25))
def test_any_text_is_read_or_refused_with_a_known_reason_never_thrown_at(texts: list[str]) -> None:
    _, found = run_reader(texts)
    for result in found:
        assert "thrown" not in result, result
        assert result.get("error") in KEYS or (result["answers"] and set(result["answers"]) <= {q["name"] for q in SCHEMA})
