"""The page script's restorer (theme/assets/careercheck/restore.mjs), run by Node on anything at all
that storage could hold: it never throws, and gives back exactly the values that fit the form."""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT

RESTORE = ROOT / "builder/careercheck/site/theme/assets/careercheck/restore.mjs"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node")

# The form's questions as the page script describes them to the restorer, one of each type.
SCHEMA = [
    {"name": "werk", "type": "yes_no", "options": ["yes", "no"]},
    {"name": "uren", "type": "slider", "min": -5, "max": 40},
    {"name": "vraag", "type": "single", "options": ["kiezen", "verder", "vast"]},
    {"name": "r1", "type": "likert", "options": ["1", "2", "3", "4", "5"]},
    {"name": "waarden", "type": "ranking", "options": ["zekerheid", "samenwerken", "vrijheid", "geld"], "places": 3},
    {"name": "energie", "type": "multiple", "options": ["mensen", "geld", "rust", "buiten"]},
    {"name": "constructor", "type": "text", "maxLength": 40},  # also a name on every JavaScript object
    {"name": "beroep", "type": "occupation"},
]
QUESTIONS = {q["name"]: q for q in SCHEMA}
MAX_LABEL = 300

# Run every case in one Node process; a case that throws is reported, not fatal to the others.
HARNESS = """
import { readFileSync } from "node:fs";
import { readAnswers, readKept } from %s;
const { schema, answers, kept } = JSON.parse(readFileSync(0, "utf8"));
const each = (texts, read) => texts.map((text) => { try { return read(text); } catch (e) { return { error: String(e) }; } });
const out = {
  answers: each(answers, (text) => {
    const { answers: found, dropped } = readAnswers(schema, text);
    return { map: found instanceof Map, answers: Object.fromEntries(found), dropped };
  }),
  kept: each(kept, (text) => {
    const { kept: found, dropped } = readKept(text);
    return { maps: found.every((k) => k.scores instanceof Map),
             kept: found.map(({ date, scores }) => ({ date, scores: Object.fromEntries(scores) })), dropped };
  }),
};
process.stdout.write(JSON.stringify(out));
"""


def run_restorer(answers: list[str | None], kept: list[str | None]) -> dict:
    script = HARNESS % json.dumps(RESTORE.as_uri())
    found = subprocess.run([NODE, "--input-type=module", "-e", script], input=json.dumps({"schema": SCHEMA, "answers": answers, "kept": kept}),
                           capture_output=True, text=True, check=True, timeout=60)
    return json.loads(found.stdout)


# --- what storage could hold -------------------------------------------------------------------------

TRICKY = st.sampled_from(["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype", "length", "beroep:label"])
KEYS = TRICKY | st.sampled_from(list(QUESTIONS)) | st.text(max_size=8)
LEAVES = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10**400), max_value=10**400)
          | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12) | st.sampled_from(["5", "36", "-0", "1e1", " 4", "yes", "geld"]))
ANY = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=10)
ESCO_ID = "eeac6251-1974-42f5-91ed-513c6c883755"


def fitting(question: dict) -> st.SearchStrategy:
    """Values the form itself could have saved for a question, and near misses."""
    kind = question["type"]
    if kind in ("yes_no", "single", "likert"):
        return st.sampled_from(question["options"]) | (st.integers(0, 6) if kind == "likert" else st.nothing())
    if kind in ("multiple", "ranking"):
        options = st.sampled_from(question["options"])
        return st.lists(options, max_size=len(question["options"])) | st.lists(options, unique=True, max_size=len(question["options"]))
    if kind == "slider":
        return st.floats(-10, 50) | st.integers(-10, 50).map(str) | st.from_regex(r"-?[0-9]{1,2}(\.[0-9])?", fullmatch=True)
    if kind == "text":
        return st.text(max_size=5) | st.text(min_size=question["maxLength"] - 2, max_size=question["maxLength"] + 2)
    return st.sampled_from([ESCO_ID, ESCO_ID, ESCO_ID.upper(), ESCO_ID[:-1]])


# Mostly what the form saves, with near misses, strangers and names every object has mixed in.
SAVED = st.builds(
    lambda fit, extra: {**extra, **fit},
    st.fixed_dictionaries({}, optional={name: st.one_of(fitting(q), fitting(q), ANY) for name, q in QUESTIONS.items()}
                          | {"beroep:label": st.text(min_size=1, max_size=MAX_LABEL + 2) | st.just("") | ANY}),
    st.dictionaries(KEYS, ANY, max_size=3),
)
ANSWERS_TEXT = st.one_of(st.none(), SAVED.map(json.dumps), SAVED.map(json.dumps), ANY.map(json.dumps), st.text(max_size=20))

SCALE = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)
KEPT_ENTRY = st.fixed_dictionaries({
    "date": st.dates().map(lambda d: d.isoformat()),
    "scores": st.dictionaries(SCALE, st.floats(allow_nan=False, allow_infinity=False) | st.integers(), max_size=3),
})
ODD_ENTRY = st.fixed_dictionaries({
    "date": st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True) | ANY,
    "scores": st.dictionaries(SCALE | KEYS, st.integers(min_value=-(10**400), max_value=10**400) | ANY, max_size=3),
})
ENTRIES = st.lists(st.one_of(KEPT_ENTRY, KEPT_ENTRY, ODD_ENTRY, ANY), max_size=4).map(json.dumps)
KEPT_TEXT = st.one_of(st.none(), ENTRIES, ENTRIES, ANY.map(json.dumps), st.text(max_size=20))


# --- what must come back: the rules, written out once more -------------------------------------------

NOT_JSON = object()


def no_constant(name: str) -> None:
    raise ValueError(f"JavaScript's JSON knows no {name}")


def parsed(text: str | None, empty: Any) -> Any:
    if text is None:  # nothing saved
        return empty
    try:
        return json.loads(text, parse_constant=no_constant)
    except ValueError:
        return NOT_JSON


def double(value: Any) -> float | None:
    """The number JavaScript makes of a JSON number (None: not a number, or beyond a double)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:
        return math.inf


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fit(question: dict, value: Any, saved: dict) -> Any:
    kind = question["type"]
    if kind == "likert" and double(value) is not None and math.isfinite(double(value)) and double(value).is_integer():
        value = str(int(double(value)))
    if kind in ("yes_no", "single", "likert"):
        return value if isinstance(value, str) and value in question["options"] else None
    if kind in ("multiple", "ranking"):
        room = question.get("places", len(question["options"]))
        ok = (isinstance(value, list) and 0 < len(value) <= room and all(isinstance(v, str) and v in question["options"] for v in value)
              and len(set(value)) == len(value))
        return value if ok else None
    if kind == "slider":
        number = float(value) if isinstance(value, str) and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value) else double(value)
        return number if number is not None and math.isfinite(number) and question["min"] <= number <= question["max"] else None
    if kind == "text":
        return value if isinstance(value, str) and 0 < utf16(value) <= question["maxLength"] else None
    label = saved.get("beroep:label")
    named = isinstance(label, str) and 0 < utf16(label) <= MAX_LABEL
    ok = isinstance(value, str) and re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", value) and named
    return {"uuid": value, "label": label} if ok else None


def expected_answers(text: str | None) -> tuple[dict, bool]:
    saved = parsed(text, {})
    if not isinstance(saved, dict):
        return {}, True
    answers, dropped = {}, False
    for key, value in saved.items():
        if key == "beroep:label":
            continue
        found = fit(QUESTIONS[key], value, saved) if key in QUESTIONS else None
        if found is None:
            dropped = True
        else:
            answers[key] = found
    return answers, dropped


def real_day(text: Any) -> bool:
    if not isinstance(text, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    year, month, day = map(int, text.split("-"))
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= month <= 12 and 1 <= day <= days[month - 1]


def expected_kept(text: str | None) -> tuple[list, bool]:
    found = parsed(text, [])
    if not isinstance(found, list):
        return [], True
    kept = []
    for entry in found:
        if not (isinstance(entry, dict) and "date" in entry and "scores" in entry):
            continue
        scores = entry["scores"]
        if not (real_day(entry["date"]) and isinstance(scores, dict)):
            continue
        numbers = {k: double(v) for k, v in scores.items()}
        if all(re.fullmatch(r"[a-z][a-z0-9_]*", k) and n is not None and math.isfinite(n) for k, n in numbers.items()):
            kept.append({"date": entry["date"], "scores": numbers})
    return kept, len(kept) < len(found)


def same_answer(name: str, got: Any, wanted: Any) -> bool:
    if QUESTIONS[name]["type"] == "slider":  # given back as the form's string; compare the number
        return isinstance(got, str) and float(got) == wanted
    return got == wanted


def test_the_restorer_never_throws_and_gives_back_only_what_fits() -> None:
    # Hypothesis draws the cases; one Node process restores them all (a process per case is slow).
    answers, kept = [], []

    @settings(max_examples=500, deadline=None, database=None)
    @given(ANSWERS_TEXT, KEPT_TEXT)
    def collect(saved_answers: str | None, saved_kept: str | None) -> None:
        answers.append(saved_answers)
        kept.append(saved_kept)

    collect()
    found = run_restorer(answers, kept)
    for text, result in zip(answers, found["answers"], strict=True):
        assert "error" not in result, (text, result)
        wanted, dropped = expected_answers(text)
        assert result["map"] and result["dropped"] == dropped, text
        assert result["answers"].keys() == wanted.keys(), text
        assert all(same_answer(name, result["answers"][name], value) for name, value in wanted.items()), (text, result)
    for text, result in zip(kept, found["kept"], strict=True):
        assert "error" not in result, (text, result)
        wanted, dropped = expected_kept(text)
        assert result["maps"] and result["dropped"] == dropped, text
        assert [(k["date"], {s: float(n) for s, n in k["scores"].items()}) for k in result["kept"]] == \
            [(k["date"], k["scores"]) for k in wanted], text


def test_a_name_on_every_object_is_not_an_answer_when_nothing_was_saved() -> None:
    found = run_restorer([None, "{}", '{"__proto__": {"constructor": "x"}}'], [None])
    assert [r["answers"] for r in found["answers"]] == [{}, {}, {}]
    assert [r["dropped"] for r in found["answers"]] == [False, False, True]
    assert found["kept"] == [{"maps": True, "kept": [], "dropped": False}]
